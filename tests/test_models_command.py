"""`repair-assistant models [--json]`: the listing, its JSON, and an empty machine."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli.models import format_size, run_models
from tests.test_discovery import gguf_bytes, link, tiny_kv, write

ROOT = Path(__file__).resolve().parents[1]


def _run(home: Path, as_json: bool, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_models(as_json, out, err, home, env=env or {})
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def home(tmp_path: Path, default_model_path: Path) -> Path:
    home = tmp_path / "home"
    link(default_model_path, home / "models/gemma-3-270m-q4_k_m.gguf")
    write(home / ".local/share/nomic.ai/GPT4All/tiny-chat.gguf", gguf_bytes(tiny_kv()))
    write(home / "models/broken.gguf", b"PK\x03\x04 a zip file")
    return home


def test_plain_table_lists_models_and_skipped_files(home):
    code, out, err = _run(home, as_json=False)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["NAME", "SIZE", "PARAMS", "QUANT", "CTX", "CHAT", "SOURCE", "PATH"]
    gemma = next(line for line in lines if line.startswith("gemma-3-270m-q4_k_m "))
    assert gemma.split() == [
        "gemma-3-270m-q4_k_m", "241", "MB", "270M", "Q4_K_M", "32768", "no", "models_dir",
        str(home / "models/gemma-3-270m-q4_k_m.gguf"),
    ]  # fmt: skip
    tiny = next(line for line in lines if line.startswith("tiny-chat "))
    assert tiny.split()[3:7] == ["1.2B", "Q4_K_M", "8192", "yes"]
    assert "Skipped:" in out
    assert f"{home / 'models/broken.gguf'}: It is not a GGUF file" in out


def test_json_has_models_skipped_and_searched(home, default_model_path):
    code, out, _ = _run(home, as_json=True)
    assert code == 0
    payload = json.loads(out)
    assert set(payload) == {"models", "skipped", "searched"}
    gemma = next(m for m in payload["models"] if m["name"] == "gemma-3-270m-q4_k_m")
    assert gemma == {
        "name": "gemma-3-270m-q4_k_m",
        "path": str(home / "models/gemma-3-270m-q4_k_m.gguf"),
        "source": "models_dir",
        "size_bytes": default_model_path.stat().st_size,
        "architecture": "gemma3",
        "parameters": "270M",
        "quantization": "Q4_K_M",
        "context_length": 32768,
        "chat_template": False,
    }
    assert [s["path"] for s in payload["skipped"]] == [str(home / "models/broken.gguf")]
    assert all(set(p) == {"source", "path", "exists"} for p in payload["searched"])


def test_empty_home_says_where_it_looked(tmp_path):
    code, out, err = _run(tmp_path / "empty", as_json=False)
    assert code == 0 and err == ""
    assert out.startswith("No GGUF models found. Looked in:")
    assert str(tmp_path / "empty/.lmstudio/models") in out
    assert str(tmp_path / "empty/.ollama/models") in out
    assert "(not present)" in out
    assert "REPAIR_MODELS_DIR" in out


def test_empty_home_json(tmp_path):
    code, out, _ = _run(tmp_path / "empty", as_json=True)
    payload = json.loads(out)
    assert code == 0 and payload["models"] == [] and payload["skipped"] == []
    assert payload["searched"] and not any(p["exists"] for p in payload["searched"])


def test_models_dir_env_is_listed(tmp_path):
    folder = tmp_path / "shared"
    write(folder / "tiny.gguf", gguf_bytes(tiny_kv()))
    _, out, _ = _run(tmp_path / "home", as_json=True, env={"REPAIR_MODELS_DIR": str(folder)})
    assert [(m["name"], m["source"]) for m in json.loads(out)["models"]] == [("tiny", "env")]


@pytest.mark.parametrize(
    ("size", "text"),
    [(253113024, "241 MB"), (4_920_000_000, "4.6 GB"), (1 << 30, "1.0 GB"), (500_000, "0 MB")],
)
def test_sizes_read_like_a_file_manager(size, text):
    assert format_size(size) == text


def test_models_command_imports_no_heavy_library(tmp_path):
    code = (
        "import io, sys\n"
        "from pathlib import Path\n"
        "from assistant.cli.models import run_models\n"
        f"run_models(False, io.StringIO(), io.StringIO(), Path({str(tmp_path)!r}), env={{}})\n"
        "print([m for m in ('llama_cpp', 'chromadb', 'gradio') if m in sys.modules])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
