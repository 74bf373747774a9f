"""Reading an article from disk: decoding, refusing what is not text, naming it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..models import Article, sha256_text

# Larger inputs are almost certainly not one article; refuse them before decoding.
MAX_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    """An article's text and its identity."""

    id: str
    text: str
    path: Path | None = None

    @classmethod
    def of_text(cls, text: str) -> Source:
        """A text that has no file: its id is made from the text (``text-`` and 12 hex digits of
        its SHA-256), so the same text always gets the same id."""
        return cls(id=f"text-{sha256_text(text)[:12]}", text=text)

    def article(self) -> Article:
        return Article(id=self.id, title=guess_title(self.text), sha256=sha256_text(self.text), chars=len(self.text))


def decode(data: bytes, name: str) -> str:
    """UTF-8 (a BOM dropped), or UTF-16 with a BOM; anything else is refused with a hint."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{name}: starts with a UTF-16 byte-order mark but is not valid UTF-16") from None
    if b"\x00" in data:
        raise InputError(f"{name}: binary content (NUL bytes), not article text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            f"{name}: not UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "convert it first, e.g. iconv -f cp1252 -t utf-8"
        ) from None


def read_source(path: str | Path) -> Source:
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not an article file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size} bytes is larger than the {MAX_BYTES} byte limit for one article")
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None
    text = decode(data, str(path))
    if not text.strip():
        raise InputError(f"{path}: {'empty' if not text else 'only whitespace'}; nothing to extract")
    return Source(id=article_id(path), text=text, path=path)


def article_id(path: Path) -> str:
    """The file's stem (``corpus/putin-netanyahu.txt`` -> ``putin-netanyahu``)."""
    name = path.name
    return name[: -len(".txt")] if name.endswith(".txt") else path.stem


_TITLE_CASE_WORD = re.compile(r"^[A-Z0-9]")
# Bylines, time stamps and page furniture stand where a headline could.
_NOT_A_TITLE = re.compile(
    r"^(by\s|published|updated|last updated|posted|share|click|advertisement|photo|related|read more|\[)"
    r"|\d{1,2}:\d{2}|\d+ min read|\bupdated\b|\s\|\s",
    re.IGNORECASE,
)


def guess_title(text: str) -> str | None:
    """The headline: the first line that is not page furniture. A first line that reads as a
    sentence (a teaser ending in a period) gives way to a title-case line just below it."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines:
        return None
    candidates = [ln for ln in lines[:6] if not _NOT_A_TITLE.search(ln)] or lines
    first = candidates[0]
    if first.endswith("."):
        for line in candidates[1:4]:
            words = line.split()
            capitalised = sum(bool(_TITLE_CASE_WORD.match(w)) for w in words)
            if 3 <= len(words) <= 16 and not line.endswith(".") and capitalised >= 0.6 * len(words):
                return line
    return first
