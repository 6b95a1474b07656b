from __future__ import annotations

import os
from pathlib import Path

import pytest

# The tests never reach the network: the same switches the app sets at start-up.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data directory per test, set through the environment like a user would."""
    path = tmp_path / "data"
    monkeypatch.setenv("REPAIR_DATA_DIR", str(path))
    monkeypatch.delenv("REPAIR_MODEL", raising=False)
    monkeypatch.delenv("REPAIR_EMBED_MODEL", raising=False)
    return path


@pytest.fixture(scope="session")
def default_model_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real embedded default model, assembled once per test session."""
    from assistant.model_files import ensure_default_model

    return ensure_default_model(tmp_path_factory.mktemp("models"))
