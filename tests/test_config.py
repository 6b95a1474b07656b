from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from assistant.config import Settings


def test_defaults_are_local_and_sane(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("REPAIR_MODEL", "REPAIR_HOST", "REPAIR_PORT", "REPAIR_DATA_DIR", "REPAIR_N_CTX"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings()
    assert settings.host == "127.0.0.1"
    assert settings.port == 7860
    assert settings.model is None
    assert settings.n_ctx >= 2048
    assert settings.threads >= 1
    assert "repair-assistant" in str(settings.data_dir)
    assert settings.models_dir == settings.data_dir / "models"


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("REPAIR_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("REPAIR_MODEL", "~/m.gguf")
    monkeypatch.setenv("REPAIR_N_CTX", "2048")
    monkeypatch.setenv("REPAIR_THREADS", "3")
    monkeypatch.setenv("REPAIR_PORT", "8123")
    settings = Settings()
    assert settings.data_dir == tmp_path
    assert settings.model == Path("~/m.gguf").expanduser()
    assert (settings.n_ctx, settings.threads, settings.port) == (2048, 3, 8123)


def test_invalid_values_are_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPAIR_PORT", "99999")
    with pytest.raises(ValidationError):
        Settings()


def test_importing_the_package_builds_no_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess
    import sys

    # A broken environment must not break `import assistant.cli.main`: settings are built in main().
    code = "import assistant.cli.main, assistant.core.service; print('ok')"
    env = {"REPAIR_PORT": "not-a-port", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


def test_the_api_key_is_read_through_settings_and_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.app_factory import build_model

    monkeypatch.setenv("REPAIR_API_KEY", "s3cret-key")
    settings = Settings()
    assert "s3cret-key" not in repr(settings) and "s3cret-key" not in str(settings.model_dump())
    seen: dict[str, object] = {}

    class Recorder:  # the real client would contact the server at once
        def __init__(self, url: str, model: object, *, api_key: str | None, n_ctx: int) -> None:
            seen.update(url=url, api_key=api_key)

    monkeypatch.setattr("assistant.backends.openai.OpenAIModel", Recorder)
    build_model(settings, backend="openai", base_url="http://127.0.0.1:9/v1")
    assert seen == {"url": "http://127.0.0.1:9/v1", "api_key": "s3cret-key"}
