"""Discovery of GGUF models in fake LM Studio, Ollama, GPT4All and Hugging Face layouts.

The layouts link the real default model (hard links: distinct paths, no copies) next to
broken files, and `models --json` must report every field right without loading weights.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from assistant.backends.discovery import discover_models, quantization_name
from assistant.backends.gguf_meta import GGUFError, read_metadata
from assistant.cli.models import run_models

ROOT = Path(__file__).resolve().parents[1]
ALIGN = 32
DEFAULT_CONTEXT = 32768  # gemma3.context_length of the default GGUF (llama.cpp reads the same)
OLLAMA_DIGEST = "sha256:" + "ab" * 32
OLLAMA_HF_DIGEST = "sha256:" + "cd" * 32
OLLAMA_CONFIG = "sha256:" + "ef" * 32
HF_BLOB = "1f" * 32
# fmt: off
JSON_FIELDS = ("name", "path", "source", "size_bytes", "architecture", "parameters",
               "quantization", "context_length", "chat_template")
# fmt: on


# -- writing tiny GGUFs and fake layouts ---------------------------------------------------
def _string(value: str, endian: str) -> bytes:
    raw = value.encode("utf-8")
    return struct.pack(endian + "Q", len(raw)) + raw


def _value(value: object, endian: str) -> bytes:
    if isinstance(value, bool):
        return struct.pack(endian + "I?", 7, value)
    if isinstance(value, int):
        return struct.pack(endian + "IQ", 10, value)
    if isinstance(value, float):
        return struct.pack(endian + "If", 6, value)
    if isinstance(value, str):
        return struct.pack(endian + "I", 8) + _string(value, endian)
    if all(isinstance(item, str) for item in value):  # type: ignore[union-attr]
        items = list(value)  # type: ignore[call-overload]
        return struct.pack(endian + "IIQ", 9, 8, len(items)) + b"".join(
            _string(item, endian) for item in items
        )
    items = list(value)  # type: ignore[call-overload]
    return struct.pack(endian + "IIQ", 9, 5, len(items)) + struct.pack(endian + f"{len(items)}i", *items)


def gguf_bytes(
    kv: Mapping[str, object],
    tensors: Sequence[tuple[str, tuple[int, ...]]] = (("token_embd.weight", (8, 4)),),
    *,
    version: int = 3,
    endian: str = "<",
) -> bytes:
    """A valid GGUF with F32 tensors of zeros: header, metadata, tensor table, data."""
    out = bytearray(b"GGUF" + struct.pack(endian + "IQQ", version, len(tensors), len(kv)))
    for key, value in kv.items():
        out += _string(key, endian) + _value(value, endian)
    offset = 0
    for name, dims in tensors:
        out += _string(name, endian) + struct.pack(endian + "I", len(dims))
        out += struct.pack(endian + f"{len(dims)}Q", *dims) + struct.pack(endian + "IQ", 0, offset)
        size = 4
        for dim in dims:
            size *= dim
        offset += -(-size // ALIGN) * ALIGN
    out += b"\0" * (-len(out) % ALIGN)
    return bytes(out) + b"\0" * offset


def tiny_kv(**changes: object) -> dict[str, object]:
    """Metadata of a small chat model; pass key=None to drop a key (dots as __)."""
    kv: dict[str, object] = {
        "general.architecture": "llama",
        "general.name": "Tiny",
        "general.size_label": "1.2B",
        "general.file_type": 15,
        "llama.context_length": 8192,
        "tokenizer.ggml.tokens": ["<s>", "</s>", "hello"],
        "tokenizer.ggml.token_type": [1, 1, 1],
        "tokenizer.chat_template": "{% for m in messages %}{{ m.content }}{% endfor %}",
    }
    for key, value in changes.items():
        kv[key.replace("__", ".")] = value
    return {key: value for key, value in kv.items() if value is not None}


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def link(source: Path, target: Path) -> Path:
    """A hard link: a distinct path to the same 241 MB (copied only across file systems)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
    return target


def ollama_manifest(
    root: Path, name: str, tag: str, digest: str, *, config: str = "", registry: str = ""
) -> Path:
    manifest = {
        "schemaVersion": 2,
        "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "digest": config},
        "layers": [
            {"mediaType": "application/vnd.ollama.image.model", "digest": digest, "size": 1},
            {"mediaType": "application/vnd.ollama.image.license", "digest": "sha256:00", "size": 1},
        ],
    }
    path = root / "manifests" / (registry or "registry.ollama.ai/library") / name / tag
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(manifest), encoding="utf-8")
    return path


def ollama_blob(root: Path, digest: str) -> Path:
    return root / "blobs" / digest.replace(":", "-")


# -- the fake home with the real default model ----------------------------------------------
EXPECTED_NAMES = {
    "lmstudio-community/gemma-3-270m-GGUF/gemma-3-270m-Q4_K_M": "lmstudio",
    "gemma3:270m": "ollama",
    "hf.co/unsloth/gemma-3-270m-GGUF:Q4_K_M": "ollama",
    "gemma-3-270m.Q4_K_M": "gpt4all",
    "google/gemma-3-270m-GGUF/gemma-3-270m-Q4_K_M": "huggingface",
    "gemma": "models_dir",
    "team/gemma-env": "env",
}


@pytest.fixture
def real_home(tmp_path: Path, default_model_path: Path) -> tuple[Path, dict[str, str]]:
    """A home with every supported layout holding the real model, plus broken files."""
    home, model = tmp_path / "home", default_model_path
    lms = link(
        model,
        home / ".lmstudio/models/lmstudio-community/gemma-3-270m-GGUF/gemma-3-270m-Q4_K_M.gguf",
    )
    # LM Studio's older folder links to the same file: it must be listed once.
    (home / ".cache/lm-studio/models/old").mkdir(parents=True)
    (home / ".cache/lm-studio/models/old/same.gguf").symlink_to(lms)

    ollama = home / ".ollama/models"
    link(model, ollama_blob(ollama, OLLAMA_DIGEST))
    write(
        ollama_blob(ollama, OLLAMA_CONFIG),
        json.dumps({"model_type": "268M", "file_type": "Q4_K_M"}).encode(),
    )
    ollama_manifest(ollama, "gemma3", "270m", OLLAMA_DIGEST, config=OLLAMA_CONFIG)
    ollama_manifest(ollama, "gemma3", "latest", OLLAMA_DIGEST, config=OLLAMA_CONFIG)  # same blob
    link(model, ollama_blob(ollama, OLLAMA_HF_DIGEST))
    ollama_manifest(ollama, "unsloth/gemma-3-270m-GGUF", "Q4_K_M", OLLAMA_HF_DIGEST, registry="hf.co")
    ollama_manifest(ollama, "gone", "1b", "sha256:" + "99" * 32)  # blob deleted
    write(ollama / "manifests/registry.ollama.ai/library/broken/latest", b"{not json")

    link(model, home / ".local/share/nomic.ai/GPT4All/gemma-3-270m.Q4_K_M.gguf")

    hub = home / ".cache/huggingface/hub/models--google--gemma-3-270m-GGUF"
    link(model, hub / "blobs" / HF_BLOB)
    snapshot = hub / "snapshots/0123abcd"
    snapshot.mkdir(parents=True)
    (snapshot / "gemma-3-270m-Q4_K_M.gguf").symlink_to(Path("../../blobs") / HF_BLOB)
    (snapshot / "README.md").write_text("a model card", encoding="utf-8")

    models = home / "models"
    link(model, models / "gemma.gguf")
    write(models / "x.gguf", os.urandom(4096))
    write(models / "truncated.gguf", _head(model, 1000))
    write(models / "notes.txt", b"not a model")
    (models / "again.gguf").symlink_to(lms)  # dedupe by resolved path
    (models / "loop").symlink_to(models, target_is_directory=True)  # must not recurse forever

    env_dir = tmp_path / "team-models"
    link(model, env_dir / "team/gemma-env.gguf")
    env = {"REPAIR_MODELS_DIR": os.pathsep.join([str(env_dir), str(tmp_path / "missing")])}
    return home, env


def _head(path: Path, n: int) -> bytes:
    with path.open("rb") as handle:
        return handle.read(n)


def _models_json(home: Path, env: Mapping[str, str]) -> dict:
    out, err = io.StringIO(), io.StringIO()
    assert run_models(True, out, err, home, env=env) == 0
    return json.loads(out.getvalue())


def test_models_json_reports_every_field_for_the_real_model(real_home, default_model_path):
    home, env = real_home
    payload = _models_json(home, env)
    models = payload["models"]
    assert {m["name"]: m["source"] for m in models} == EXPECTED_NAMES
    assert [m["name"] for m in models] == sorted(EXPECTED_NAMES, key=str.lower)
    size = default_model_path.stat().st_size
    for model in models:
        assert tuple(model) == JSON_FIELDS
        assert model["architecture"] == "gemma3"
        assert model["parameters"] == "270M"
        assert model["quantization"] == "Q4_K_M"
        assert model["context_length"] == DEFAULT_CONTEXT
        assert model["chat_template"] is False
        assert model["size_bytes"] == size
        assert Path(model["path"]).is_file()


def test_paths_point_at_the_files_people_recognise(real_home):
    home, env = real_home
    paths = {m["name"]: m["path"] for m in _models_json(home, env)["models"]}
    assert paths["gemma3:270m"] == str(home / ".ollama/models/blobs" / OLLAMA_DIGEST.replace(":", "-"))
    hf = paths["google/gemma-3-270m-GGUF/gemma-3-270m-Q4_K_M"]
    assert "/snapshots/0123abcd/" in hf and Path(hf).is_symlink()
    assert paths["gemma"] == str(home / "models/gemma.gguf")


def test_broken_files_are_skipped_with_a_reason(real_home):
    home, env = real_home
    skipped = {Path(s["path"]).name: s["reason"] for s in _models_json(home, env)["skipped"]}
    assert set(skipped) == {"x.gguf", "truncated.gguf", "1b", "latest"}
    assert "not a GGUF file" in skipped["x.gguf"]
    assert "truncated" in skipped["truncated.gguf"]
    assert "missing" in skipped["1b"] and "gone:1b" in skipped["1b"]
    assert "not a readable Ollama manifest" in skipped["latest"]
    for reason in skipped.values():  # one sentence each
        assert reason[0].isupper() and reason.endswith(".") and reason.count(". ") == 0


def test_searched_places_include_every_location(real_home, tmp_path):
    home, env = real_home
    searched = {(p["source"], p["path"]): p["exists"] for p in _models_json(home, env)["searched"]}
    assert searched[("lmstudio", str(home / ".lmstudio/models"))]
    assert searched[("ollama", str(home / ".ollama/models"))]
    assert searched[("gpt4all", str(home / ".local/share/nomic.ai/GPT4All"))]
    assert searched[("huggingface", str(home / ".cache/huggingface/hub"))]
    assert searched[("models_dir", str(home / "models"))]
    assert searched[("env", str(tmp_path / "team-models"))]
    assert searched[("env", str(tmp_path / "missing"))] is False


def test_discovery_loads_no_weights(real_home):
    """In a fresh interpreter: no llama_cpp, chromadb, gradio or slow gguf-package import."""
    home, env = real_home
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from assistant.backends.discovery import discover_models\n"
        f"r = discover_models(Path({str(home)!r}), env={dict(env)!r})\n"
        "print(json.dumps({'n': len(r.models),\n"
        "  'heavy': [m for m in ('llama_cpp', 'chromadb', 'gradio', 'gguf') if m in sys.modules]}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report = json.loads(done.stdout)
    assert report["n"] == len(EXPECTED_NAMES)
    assert report["heavy"] == []


def test_default_model_metadata_walks_the_vocabulary_without_building_it(default_model_path):
    meta = read_metadata(default_model_path)
    assert meta.arrays["tokenizer.ggml.tokens"].count == 262144  # walked, never built
    assert meta.get("general.architecture") == "gemma3"


@pytest.mark.integration
def test_reader_agrees_with_llama_cpp(default_model_path):
    """llama.cpp's own parser is the oracle for the values discovery reports."""
    llama_cpp = pytest.importorskip("llama_cpp")
    theirs = llama_cpp.Llama(str(default_model_path), vocab_only=True, verbose=False).metadata
    ours = read_metadata(default_model_path)
    for key in (
        "general.architecture",
        "general.size_label",
        "general.file_type",
        "gemma3.context_length",
    ):
        assert str(ours.get(key)) == theirs[key]
    assert ("tokenizer.chat_template" in theirs) is ("tokenizer.chat_template" in ours.values)
    assert int(theirs["gemma3.context_length"]) == DEFAULT_CONTEXT


# -- the reader and the naming rules on tiny synthetic files --------------------------------
def _one(tmp_path: Path, name: str, data: bytes) -> dict:
    write(tmp_path / "home/models" / name, data)
    result = discover_models(tmp_path / "home", env={})
    items = [m.model_dump() for m in result.models] + [s.model_dump() for s in result.skipped]
    assert len(items) == 1, items
    return items[0]


def test_chat_template_context_and_labels(tmp_path):
    model = _one(tmp_path, "tiny.gguf", gguf_bytes(tiny_kv()))
    assert model["chat_template"] is True
    assert model["architecture"] == "llama"
    assert model["parameters"] == "1.2B"
    assert model["quantization"] == "Q4_K_M"
    assert model["context_length"] == 8192


def test_parameter_count_from_tensors_when_no_size_label(tmp_path):
    tensors = (("a", (1000, 1000)), ("b", (500,)))
    data = gguf_bytes(tiny_kv(general__size_label=None), tensors)
    assert _one(tmp_path, "tiny.gguf", data)["parameters"] == "1M"


def test_quantization_from_file_name_when_metadata_lacks_it(tmp_path):
    data = gguf_bytes(tiny_kv(general__file_type=None))
    assert _one(tmp_path, "tiny-IQ4_XS.gguf", data)["quantization"] == "IQ4_XS"


@pytest.mark.parametrize(
    ("file_type", "name", "expected"),
    [
        (15, "x.gguf", "Q4_K_M"),
        (15 | 1024, "x.gguf", "Q4_K_M"),  # llama.cpp's "guessed" flag
        (7, "x.gguf", "Q8_0"),
        (1, "x.gguf", "F16"),
        (None, "model.Q5_K_S.gguf", "Q5_K_S"),
        (None, "model-q4_0.gguf", "Q4_0"),
        (None, "model-bf16.gguf", "BF16"),
        (999, "model.gguf", ""),
        (None, "QUIZ_K_bot.gguf", ""),
    ],
)
def test_quantization_names(file_type, name, expected):
    assert quantization_name(file_type, name) == expected


def test_big_endian_files_are_read(tmp_path):
    model = _one(tmp_path, "be.gguf", gguf_bytes(tiny_kv(), endian=">"))
    assert model["context_length"] == 8192 and model["chat_template"] is True


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "not a GGUF file"),
        (b"GGUF\x03\x00", "truncated"),
        (gguf_bytes(tiny_kv(), version=1), "version 1"),
        (gguf_bytes(tiny_kv(), tensors=()), "no tensors"),
        (gguf_bytes(tiny_kv())[:-40], "weights reach past the end"),
        (b"GGUF" + struct.pack("<IQQ", 3, 1, 1) + struct.pack("<Q", 1 << 40), "corrupt"),
        (
            b"GGUF" + struct.pack("<IQQ", 3, 1, 1) + _string("k", "<") + struct.pack("<I", 77),
            "unknown value type",
        ),
    ],
)
def test_unusable_files_become_notes(tmp_path, data, reason):
    item = _one(tmp_path, "bad.gguf", data)
    assert reason in item["reason"]
    with pytest.raises(GGUFError):
        read_metadata(tmp_path / "home/models/bad.gguf")


def test_vision_projectors_are_not_offered_as_text_models(tmp_path):
    item = _one(tmp_path, "mmproj-tiny-f16.gguf", gguf_bytes(tiny_kv(general__type="mmproj")))
    assert "vision projector" in item["reason"]


def test_split_models_are_listed_once_with_their_total_size(tmp_path):
    models = tmp_path / "home/models"
    first = write(models / "big-00001-of-00002.gguf", gguf_bytes(tiny_kv()))
    second = write(models / "big-00002-of-00002.gguf", b"GGUF" + b"\0" * 100)
    result = discover_models(tmp_path / "home", env={})
    assert [(m.name, m.size_bytes) for m in result.models] == [
        ("big", first.stat().st_size + second.stat().st_size)
    ]
    second.unlink()
    result = discover_models(tmp_path / "home", env={})
    assert not result.models and "parts are missing" in result.skipped[0].reason


def test_broken_links_and_depth_limit(tmp_path):
    models = tmp_path / "home/models"
    models.mkdir(parents=True)
    (models / "dangling.gguf").symlink_to(tmp_path / "nowhere.gguf")
    deep = models.joinpath(*[f"d{i}" for i in range(12)])
    write(deep / "too-deep.gguf", gguf_bytes(tiny_kv()))
    result = discover_models(tmp_path / "home", env={})
    assert result.models == []
    assert [s.reason for s in result.skipped] == ["It is a broken link (its target is missing)."]


def test_hidden_folders_and_other_files_are_ignored(tmp_path):
    models = tmp_path / "home/models"
    write(models / ".trash/old.gguf", b"junk")
    write(models / "weights.safetensors", b"junk")
    write(models / "partial.gguf.part", b"junk")
    result = discover_models(tmp_path / "home", env={})
    assert result.models == [] and result.skipped == []


def test_environment_overrides_for_ollama_and_hugging_face(tmp_path):
    ollama, hub = tmp_path / "ollama-store", tmp_path / "hf-cache"
    digest = "sha256:" + "12" * 32
    write(ollama_blob(ollama, digest), gguf_bytes(tiny_kv()))
    ollama_manifest(ollama, "tiny", "1b", digest)
    write(hub / "models--org--tiny/snapshots/r1/sub/tiny-Q8_0.gguf", gguf_bytes(tiny_kv()))
    result = discover_models(tmp_path / "home", env={"OLLAMA_MODELS": str(ollama), "HF_HUB_CACHE": str(hub)})
    assert [(m.name, m.source) for m in result.models] == [
        ("org/tiny/sub/tiny-Q8_0", "huggingface"),
        ("tiny:1b", "ollama"),
    ]


def test_extra_dirs_are_searched_last(tmp_path):
    extra = tmp_path / "app-models"
    write(extra / "tiny.gguf", gguf_bytes(tiny_kv()))
    result = discover_models(tmp_path / "home", extra_dirs=[extra], env={})
    assert [(m.name, m.source) for m in result.models] == [("tiny", "extra")]


def test_an_ollama_blob_that_is_not_gguf_is_named_by_its_model(tmp_path):
    ollama = tmp_path / "home/.ollama/models"
    digest = "sha256:" + "34" * 32
    write(ollama_blob(ollama, digest), b"safetensors, not gguf")
    ollama_manifest(ollama, "newformat", "2b", digest)
    (skipped,) = discover_models(tmp_path / "home", env={}).skipped
    assert skipped.path.endswith("sha256-" + "34" * 32)
    assert skipped.reason.endswith("; Ollama lists it as newformat:2b.")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_named_gguf_does_not_hang_discovery(tmp_path):
    models = tmp_path / "home/models"
    models.mkdir(parents=True)
    os.mkfifo(models / "pipe.gguf")
    (skipped,) = discover_models(tmp_path / "home", env={}).skipped
    assert skipped.reason == "It is not a regular file."
