"""End to end through the real command, the real default model and a real chroma store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.retrieval.knowledge import load_knowledge

pytestmark = pytest.mark.integration

INCIDENT = "In today's meeting I cut Priya off twice and said we don't have time for this."


def cli(args: list[str], data_dir: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "REPAIR_DATA_DIR": str(data_dir)}
    env.pop("REPAIR_MODEL", None)
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def shared_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli-data")


def test_draft_json_matches_the_contract_and_is_reproducible(shared_data: Path) -> None:
    first = cli(["draft", INCIDENT, "--json", "--seed", "5"], shared_data)
    assert first.returncode == 0, first.stderr
    payload = json.loads(first.stdout)
    assert set(payload) == {
        "own",
        "acknowledge",
        "commit",
        "message",
        "findings",
        "sources",
        "model",
        "timings",
    }
    sections = [payload["own"], payload["acknowledge"], payload["commit"]]
    assert all(s.strip() for s in sections)
    assert len({s.strip().lower() for s in sections}) == 3
    assert payload["model"].lower().startswith("gemma")
    assert payload["sources"] and all({"id", "title", "score"} == set(s) for s in payload["sources"])
    # Each finding quotes the words it is about at its offsets in its section, says why, and
    # names a knowledge passage that exists.
    passages = {doc.id for doc in load_knowledge()}
    for f in payload["findings"]:
        assert payload[f["section"]][f["start"] : f["end"]] == f["text"], f
        assert f["message"].strip() and f["principle"] in passages, f
    assert payload["timings"]["total_s"] > 0
    # The default model was assembled into the data directory.
    assert (shared_data / "models" / "gemma-3-270m-q4_k_m.gguf").exists()

    again = cli(["draft", INCIDENT, "--json", "--seed", "5"], shared_data)
    assert again.returncode == 0, again.stderr
    repeat = json.loads(again.stdout)
    assert [repeat[k] for k in ("own", "acknowledge", "commit")] == sections


def test_retrieve_jsonl_answers_every_line_in_one_process(shared_data: Path) -> None:
    lines = [
        "I snapped at Dana in standup.",
        "I kept interrupting Omar during his demo.",
        "My review of Lena's report was harsher than it needed to be.",
        "Kim has barely spoken since I turned down her idea.",
        "We cancelled the project the team had spent months on.",
    ] * 4
    done = cli(["retrieve", "--jsonl", "-k", "3"], shared_data, stdin="\n".join(lines) + "\n")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(row) for row in done.stdout.splitlines()]
    assert len(rows) == 20
    first = rows[0]["passages"]
    assert len(first) == 3
    assert set(first[0]) == {"id", "title", "stage", "situations", "score", "source", "text"}
    assert "tense_meeting" in {s for p in first for s in p["situations"]}
    assert "interrupting" in {s for p in rows[1]["passages"] for s in p["situations"]}


def test_retrieve_json_and_bad_k(shared_data: Path) -> None:
    done = cli(["retrieve", "She went quiet after my comment.", "--json", "-k", "2"], shared_data)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["passages"]) == 2
    bad = cli(["retrieve", "x", "-k", "0"], shared_data)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
