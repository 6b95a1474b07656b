"""Choosing and verifying the repair adapter (pure logic: no model is loaded here)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from assistant.backends.adapter import choose_adapter, shipped_adapter_dir, verify
from assistant.backends.model_files import embedded_sha256


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _adapter(folder: Path, content: bytes = b"GGUF fake adapter", base: str = "base-sha") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "lora.gguf"
    path.write_bytes(content)
    (folder / "manifest.json").write_text(
        json.dumps({"adapter_sha256": _sha(path), "base_model_sha256": base}), encoding="utf-8"
    )
    return path


def test_the_shipped_adapter_matches_its_manifest() -> None:
    folder = shipped_adapter_dir()
    files = sorted(folder.glob("*.gguf"))
    assert len(files) == 1, "exactly one adapter ships with the app"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["adapter_sha256"] == _sha(files[0])
    assert manifest["base_model_sha256"] == embedded_sha256()
    assert files[0].stat().st_size <= 10 * 1024 * 1024
    for key in ("corpus_sha256", "hyperparameters", "loss_curve", "train_seconds", "tokens_per_s"):
        assert manifest[key], key
    assert (folder / "NOTICE.md").read_text(encoding="utf-8").count("Gemma Terms of Use") >= 1


def test_default_means_the_shipped_adapter_on_the_embedded_model_only(tmp_path: Path) -> None:
    choice = choose_adapter("default", model_path=tmp_path / "m.gguf", embedded_default=True)
    assert choice.adapter is not None and choice.note == ""
    assert choose_adapter(None, model_path=tmp_path / "m.gguf", embedded_default=True).adapter is not None
    # A leader's own GGUF keeps its own chat or few-shot path.
    own = choose_adapter("default", model_path=tmp_path / "m.gguf", embedded_default=False)
    assert own.adapter is None and own.note == ""


@pytest.mark.parametrize("value", ["none", "NONE", " none "])
def test_none_turns_the_adapter_off_without_a_warning(value: str, tmp_path: Path) -> None:
    choice = choose_adapter(value, model_path=tmp_path / "m.gguf", embedded_default=True)
    assert choice.adapter is None and choice.note == ""


def test_a_changed_adapter_falls_back_and_says_why_in_one_sentence(tmp_path: Path) -> None:
    path = _adapter(tmp_path / "a")
    path.write_bytes(b"GGUF tampered")
    choice = verify(path, "base-sha")
    assert choice.adapter is None
    assert "does not match its manifest" in choice.note and "few-shot" in choice.note
    assert choice.note.count(". ") <= 1 and choice.note.endswith(".")


def test_a_missing_adapter_or_manifest_falls_back(tmp_path: Path) -> None:
    assert "is missing" in verify(tmp_path / "nothing.gguf", None).note
    path = _adapter(tmp_path / "b")
    (tmp_path / "b" / "manifest.json").unlink()
    assert "no manifest.json" in verify(path, None).note
    (tmp_path / "b" / "manifest.json").write_text("{not json", encoding="utf-8")
    assert "cannot be read" in verify(path, None).note


def test_an_adapter_for_another_base_model_is_refused(tmp_path: Path) -> None:
    path = _adapter(tmp_path / "c", base="some-other-model")
    choice = verify(path, "base-sha")
    assert choice.adapter is None and "different base model" in choice.note
    assert verify(path, None).adapter is not None  # no base hash known: the file check alone


def test_a_path_adapter_is_checked_against_the_model_it_goes_on(tmp_path: Path) -> None:
    model = tmp_path / "model.gguf"
    model.write_bytes(b"GGUF a model")
    path = _adapter(tmp_path / "d", base=_sha(model))
    assert choose_adapter(str(path), model_path=model, embedded_default=False).adapter is not None
    shutil.copy(model, tmp_path / "other.gguf")
    (tmp_path / "other.gguf").write_bytes(b"GGUF another model")
    refused = choose_adapter(str(path), model_path=tmp_path / "other.gguf", embedded_default=False)
    assert refused.adapter is None and "different base model" in refused.note
