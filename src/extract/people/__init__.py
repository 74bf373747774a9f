"""Stage 2, people: takes a parsed ``Doc`` and gives the people it names and its principal parties.

Names and their forms (``names``), the two principals the article is about or the ones the
caller names (``parties``), how the text refers to them ("the two leaders", "Mr Abe":
``mentions``), role descriptions ("the Israeli prime minister": ``descriptions``) and the
nicknames it introduces ("known as Jokowi": ``nicknames``) and the institutions that speak for a
state or an office ("China's foreign ministry": ``institutions``).
"""

from .mentions import Cast
from .names import Person, find_names
from .parties import people, principals

__all__ = ["Cast", "Person", "find_names", "people", "principals"]
