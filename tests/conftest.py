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
    from assistant.backends.model_files import ensure_default_model

    return ensure_default_model(tmp_path_factory.mktemp("models"))


@pytest.fixture(scope="session")
def built_index(default_model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A knowledge index built once per test session with the real model and chroma.

    Building embeds every passage (tens of seconds on two cores); tests that only need a
    current index copy this folder with `seed_data_dir` instead of building their own.
    """
    from assistant.backends.llama import LlamaEmbedder
    from assistant.retrieval.knowledge import load_knowledge
    from assistant.retrieval.store import KnowledgeIndex

    folder = tmp_path_factory.mktemp("shared-index") / "index"
    KnowledgeIndex(folder, LlamaEmbedder(default_model_path)).ensure(load_knowledge())
    return folder


@pytest.fixture(scope="session")
def seed_data_dir(built_index: Path, default_model_path: Path):
    """Return a function that lays the shared index and default model into a data directory.

    The copies are real files (the index is copied, the model hard-linked with its
    verification stamp), so the app finds a current index and skips both slow first-run steps.
    """
    import os
    import shutil

    def seed(data_dir: Path) -> Path:
        shutil.copytree(built_index, data_dir / "index", dirs_exist_ok=True)
        models = data_dir / "models"
        models.mkdir(parents=True, exist_ok=True)
        target = models / default_model_path.name
        if not target.exists():
            try:
                os.link(default_model_path, target)
            except OSError:
                shutil.copy2(default_model_path, target)
            stat = target.stat()
            (models / (target.name + ".verified")).write_text(
                f"{stat.st_size}:{stat.st_mtime_ns}", encoding="utf-8"
            )
        return data_dir

    return seed
