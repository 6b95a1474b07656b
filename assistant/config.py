"""One settings object for the whole app, read from REPAIR_* environment variables.

Built in `main()` (or a test), never at import time, so importing the package has no
side effects and tests can point the data directory anywhere.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

APP_NAME = "repair-assistant"


def default_data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_threads() -> int:
    # llama.cpp is fastest with one thread per physical core; leave none idle on a laptop.
    return max(1, os.cpu_count() or 1)


class Settings(BaseSettings):
    """Runtime configuration. Every field can be set as REPAIR_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="REPAIR_", extra="ignore")

    model: Path | None = Field(
        default=None,
        description="Path to a GGUF model file. Unset means the embedded default model.",
    )
    embed_model: Path | None = Field(
        default=None,
        description="Path to an embedding GGUF for retrieval. Unset means the drafting model.",
    )
    adapter: str = Field(
        default="default",
        description=(
            "The repair adapter on the drafting model: 'default' (the shipped adapter, on the "
            "embedded model only), 'none' (base few-shot), or the path of a LoRA GGUF with a "
            "manifest.json beside it."
        ),
    )
    candidates: int = Field(
        default=1,
        ge=1,
        le=5,
        description="Drafts drawn per request; the one the guardrails score best is kept.",
    )
    api_key: SecretStr | None = Field(
        default=None,
        description="Key for the organisation's model server (--backend openai), sent as a bearer token.",
    )
    auth_password: SecretStr | None = Field(
        default=None,
        description="The password for serve --auth-user (otherwise it is asked for in the terminal).",
    )
    n_ctx: int = Field(default=4096, ge=512, description="Context window in tokens.")
    threads: int = Field(default_factory=default_threads, ge=1, description="CPU threads.")
    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Where the default model, the index and the journal live.",
    )
    host: str = Field(default="127.0.0.1", description="Address the app listens on.")
    port: int = Field(default=7860, ge=1, le=65535, description="Preferred port for the app.")
    max_incident_chars: int = Field(
        default=8000, ge=100, description="Longest incident description accepted."
    )

    @field_validator("data_dir", "model", "embed_model", mode="after")
    @classmethod
    def _expand(cls, value: Path | None) -> Path | None:
        return value.expanduser() if value is not None else None

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"
