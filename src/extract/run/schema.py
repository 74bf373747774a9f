"""JSON Schemas generated from the models, as committed in ``schemas/``."""

from __future__ import annotations

import json
from pathlib import Path

from ..models import all_models
from ..output import write_atomic


def schemas() -> dict[str, str]:
    """File name -> schema text, exactly as ``extract schema`` writes it."""
    return {
        f"{name}.schema.json": json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
        for name, model in all_models().items()
    }


def write_schemas(directory: str | Path) -> list[Path]:
    written = []
    for name, content in schemas().items():
        path = Path(directory) / name
        write_atomic(path, content)
        written.append(path)
    return written
