"""The shipped repair adapter on the real embedded model: loads, drafts to the person, falls back."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.backends.adapter import choose_adapter, shipped_adapter_dir
from assistant.core.schemas import DraftRequest
from assistant.core.service import RepairService

pytestmark = pytest.mark.integration

INCIDENT = "In today's planning meeting I cut Priya off twice and said we don't have time for this."


@pytest.fixture(scope="module")
def adapter_model(default_model_path: Path):
    from assistant.backends.llama import LlamaModel

    choice = choose_adapter("default", model_path=default_model_path, embedded_default=True)
    assert choice.adapter is not None, choice.note
    return LlamaModel(default_model_path, embedded_default=True, adapter=choice)


def _sections(result) -> str:
    return " ".join((result.own, result.acknowledge, result.commit))


def test_the_shipped_adapter_loads_on_the_embedded_model(adapter_model) -> None:
    assert adapter_model.info.adapter == "repair-gemma3-270m-lora"
    assert adapter_model.info.note == ""


def test_a_draft_with_the_adapter_speaks_to_the_person(adapter_model) -> None:
    service = RepairService(adapter_model)
    result = service.draft(DraftRequest(incident=INCIDENT, person="Priya", seed=1, delivery="writing"))
    assert all(getattr(result, s).strip() for s in ("own", "acknowledge", "commit"))
    text = _sections(result)
    assert re.search(r"\byou\b", text, re.IGNORECASE)
    assert "Priya" not in text, text  # not about her: to her
    assert result.own.startswith("I") and "repair-gemma3-270m-lora" in result.model
    assert result.message.startswith("Hi Priya,")


def test_a_team_draft_speaks_to_all_of_them(adapter_model) -> None:
    service = RepairService(adapter_model)
    incident = (
        "At Friday's all-hands I lost my temper and told the whole support team they were making excuses."
    )
    result = service.draft(DraftRequest(incident=incident, person="the team", seed=2, delivery="writing"))
    assert re.search(r"\byou\b|\ball of you\b", _sections(result), re.IGNORECASE)
    assert result.message.startswith("Hi all,")


def test_the_adapter_revises_and_suggests_reflection_answers(adapter_model) -> None:
    service = RepairService(adapter_model)
    request = DraftRequest(incident=INCIDENT, person="Priya", seed=3)
    first = service.draft(request)
    final = None
    for update in service.revise_stream(request, first.draft, "shorter"):
        final = update.result or final
    assert final is not None and all(getattr(final, s).strip() for s in ("own", "acknowledge", "commit"))
    answers = service.reflect(INCIDENT, seed=1)
    assert answers.get("what_i_did", "").strip()
    assert set(answers) <= {"what_i_did", "impact", "my_part", "want_different"}


def _broken_adapter(tmp_path: Path) -> Path:
    folder = tmp_path / "adapter"
    shutil.copytree(shipped_adapter_dir(), folder)
    path = next(folder.glob("*.gguf"))
    data = bytearray(path.read_bytes())
    data[-100] ^= 0xFF  # one flipped byte: the file no longer matches its manifest
    path.write_bytes(bytes(data))
    return path


def test_a_mismatched_adapter_falls_back_to_base_few_shot_and_says_so(
    tmp_path: Path, default_model_path: Path
) -> None:
    from assistant.backends.llama import LlamaModel

    choice = choose_adapter(
        str(_broken_adapter(tmp_path)), model_path=default_model_path, embedded_default=True
    )
    model = LlamaModel(default_model_path, embedded_default=True, adapter=choice)
    assert model.info.adapter == "" and "does not match its manifest" in model.info.note
    result = RepairService(model).draft(
        DraftRequest(incident=INCIDENT, person="Priya", seed=1, delivery="writing")
    )
    assert all(getattr(result, s).strip() for s in ("own", "acknowledge", "commit"))


def test_the_cli_says_in_one_sentence_when_the_adapter_is_unusable(
    tmp_path: Path, seed_data_dir, data_dir: Path
) -> None:
    seed_data_dir(data_dir)
    env = {**os.environ, "REPAIR_DATA_DIR": str(data_dir), "REPAIR_ADAPTER": str(_broken_adapter(tmp_path))}
    env.pop("REPAIR_MODEL", None)
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "draft", INCIDENT, "--json", "--ephemeral", "--person", "Priya"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    notes = [line for line in done.stderr.splitlines() if "adapter" in line]
    assert len(notes) == 1 and "few-shot" in notes[0]
    payload = json.loads(done.stdout)
    assert "+" not in payload["model"]  # drafted without the adapter, and says which model did

    off = subprocess.run(
        [sys.executable, "-m", "assistant", "draft", INCIDENT, "--json", "--ephemeral", "--adapter", "none"],
        env={**env, "REPAIR_ADAPTER": "default"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert off.returncode == 0 and "adapter" not in off.stderr
    assert "+" not in json.loads(off.stdout)["model"]


def test_ctrl_c_stops_the_app_even_when_started_with_sigint_ignored(seed_data_dir, data_dir: Path) -> None:
    """A script that starts the app in the background hands it an ignored SIGINT."""
    import signal
    import time

    from assistant.bench.probes import free_port

    seed_data_dir(data_dir)
    env = {**os.environ, "REPAIR_DATA_DIR": str(data_dir)}
    env.pop("REPAIR_MODEL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", "--port", str(free_port()), "--ephemeral"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 300
        for line in process.stdout:
            if "is running at" in line or time.monotonic() > deadline:
                break
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
