"""Prompt templates as files: Jinja2 with StrictUndefined, so a missing variable is a named error."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from assistant.core.errors import TemplateError
from assistant.core.resources import prompts_dir


@lru_cache(maxsize=4)
def _environment(folder: str) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # plain-text prompts, never HTML
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, folder: Path | None = None, **variables: Any) -> str:
    """Render `prompts/<name>` with `variables`; raise TemplateError naming what is missing."""
    env = _environment(str(folder or prompts_dir()))
    try:
        return env.get_template(name).render(**variables)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"The prompt template {name} is missing.") from exc
    except jinja2.UndefinedError as exc:
        raise TemplateError(
            f"The prompt template {name} needs a variable that was not given: {exc.message}."
        ) from exc
