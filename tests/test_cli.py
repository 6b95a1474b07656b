"""The command-line contract (DESIGN.md): exit codes, one-sentence errors, JSON shape."""

from __future__ import annotations

import io
import json
import struct
from pathlib import Path

import pytest

from assistant.cli import main as cli
from assistant.cli.draft import DRAFT_KEYS


def run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(argv, stdout=out, stderr=err, stdin=io.StringIO(stdin))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Fail loudly if a command loads a model when it must not."""
    calls: list[str] = []

    def refuse(*args, **kwargs):
        calls.append("build_service")
        raise AssertionError("the model must not be loaded")

    import assistant.app_factory as factory

    monkeypatch.setattr(factory, "build_service", refuse)
    return calls


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n", "\x00\x01"])
def test_empty_incident_is_refused_before_any_model_call(
    text: str, no_model: list[str], data_dir: Path
) -> None:
    code, out, err = run(["draft", text])
    assert code == 2 and out == ""
    assert err.strip() == "Please describe what happened first: the incident is empty."
    assert no_model == []


def test_too_long_incident_names_the_limit(no_model: list[str], data_dir: Path) -> None:
    code, _, err = run(["draft", "x" * 20_000])
    assert code == 2
    assert "20,000 characters" in err and "limit is 8,000" in err and err.count("\n") == 1


def test_stdin_incident(no_model: list[str], data_dir: Path) -> None:
    code, _, err = run(["draft", "-"], stdin="   ")
    assert code == 2 and "empty" in err


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: None, "does not exist"),
        (lambda p: p.write_bytes(b"hello, not a model at all" * 4), "not a GGUF"),
        (lambda p: p.write_bytes(struct.pack("<4sIQQ", b"GGUF", 3, 12, 4)), "could not load it"),
    ],
)
def test_bad_model_file_is_one_sentence_exit_2(tmp_path: Path, data_dir: Path, make, reason: str) -> None:
    model = tmp_path / "model.gguf"
    make(model)
    code, out, err = run(["draft", "I snapped at Sam.", "--model", str(model)])
    assert code == 2 and out == ""
    assert reason in err and str(model) in err and "models.md" in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_env_model_is_used(tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPAIR_MODEL", str(tmp_path / "missing.gguf"))
    code, _, err = run(["draft", "I snapped at Sam."])
    assert code == 2 and "missing.gguf" in err


def test_bad_setting_is_one_sentence(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPAIR_N_CTX", "lots")
    code, _, err = run(["draft", "I snapped at Sam."])
    assert code == 2 and "REPAIR_N_CTX" in err and err.count("\n") == 1


def test_usage_errors_exit_2() -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["draft"], stdout=io.StringIO(), stderr=io.StringIO())
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        cli.main(["check", "--json", "--jsonl"], stdout=io.StringIO(), stderr=io.StringIO())
    assert info.value.code == 2


def test_json_output_has_exactly_the_contract_keys(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    import assistant.app_factory as factory
    from assistant.core.service import RepairService
    from tests.fakes import FakeModel

    monkeypatch.setattr(
        factory, "build_service", lambda *a, **k: RepairService(FakeModel(), checker=lambda d, **_: [])
    )
    code, out, err = run(["draft", "I cut Priya off twice.", "--json"])
    assert code == 0, err
    payload = json.loads(out)
    assert set(payload) == set(DRAFT_KEYS)
    assert payload["findings"] == [] and payload["sources"] == [] and payload["model"] == "fake-model"
    assert all(payload[k].strip() for k in ("own", "acknowledge", "commit", "message"))
    assert {"ttft_s", "tokens_per_s", "total_s", "attempts", "grammar_fallback"} <= set(payload["timings"])


def test_plain_output_is_readable(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    import assistant.app_factory as factory
    from assistant.core.service import RepairService
    from tests.fakes import FakeModel

    monkeypatch.setattr(
        factory, "build_service", lambda *a, **k: RepairService(FakeModel(), checker=lambda d, **_: [])
    )
    code, out, _ = run(["draft", "I cut Priya off twice."])
    assert code == 0
    assert out.startswith("Own:") and "\nAcknowledge:" in out and "\nCommit:" in out and "Message" in out


def test_openai_backend_needs_a_base_url(no_model: list[str], data_dir: Path) -> None:
    code, _, err = run(["draft", "I snapped at Sam.", "--backend", "openai"])
    assert code == 2 and "--base-url" in err and err.count("\n") == 1
    code, _, err = run(["draft", "I snapped at Sam.", "--base-url", "http://127.0.0.1:9"])
    assert code == 2 and "--backend openai" in err


def test_openai_backend_server_down_is_one_sentence(data_dir: Path) -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code, out, err = run(
        ["draft", "I snapped at Sam.", "--backend", "openai", "--base-url", f"http://127.0.0.1:{port}"]
    )
    assert code == 2 and out == ""
    assert f"127.0.0.1:{port}" in err and err.count("\n") == 1 and "Traceback" not in err


def test_models_command_is_wired(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("REPAIR_MODELS_DIR", raising=False)
    code, out, _ = run(["models", "--json"])
    assert code == 0 and json.loads(out)["models"] == []


def test_the_readme_gives_exit_codes_for_every_command() -> None:
    import argparse
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    table = readme.split("Exit codes:", 1)[1].strip().split("\n\n", 1)[0]
    parser = cli.build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    for command in commands:
        assert f"| `{command}` |" in table, f"{command} has no exit codes in the README"


def test_a_port_that_is_taken_is_a_usage_error() -> None:
    import socket

    from assistant.core.errors import UsageError
    from assistant.ui.server import pick_port

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(UsageError, match="not available"):
            pick_port("127.0.0.1", taken.getsockname()[1], 7860)
