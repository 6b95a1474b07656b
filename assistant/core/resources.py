"""Where the shipped prompt templates and knowledge files are.

In a wheel they sit inside the package (assistant/prompts, assistant/knowledge); in a
source checkout or editable install they sit at the project's top level.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path


def _resource_dir(name: str) -> Path:
    packaged = files("assistant").joinpath(name)
    if packaged.is_dir():
        with as_file(packaged) as path:
            return Path(path)
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"The app's {name}/ folder is missing from this install; reinstall the app.")


def prompts_dir() -> Path:
    return _resource_dir("prompts")


def knowledge_dir() -> Path:
    return _resource_dir("knowledge")
