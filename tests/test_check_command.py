"""The `check` command body: output formats, inputs, exit codes, and staying light."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli.check import run_check

ROOT = Path(__file__).resolve().parent.parent

GOOD = "I interrupted you twice in the planning meeting."
BAD = "I'm sorry if you felt I was harsh."
MEDIUM_ONLY = "I was tired."


def run(
    source: str | None = None,
    *,
    stdin: str = "",
    section: str | None = None,
    as_json: bool = False,
    as_jsonl: bool = False,
) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_check(source, section, as_json, as_jsonl, io.StringIO(stdin), out, err)
    return code, out.getvalue(), err.getvalue()


# ------------------------------------------------------------------ plain output


def test_plain_good_text_says_no_findings() -> None:
    code, out, err = run(stdin=GOOD)
    assert (code, err) == (0, "")
    first, second = out.splitlines()
    # Not "this is fine": which checks ran, and which could not without the incident.
    assert first == "No findings."
    assert "conditional apologies" in second and "not checked" in second


def test_plain_bad_text_lists_readable_lines() -> None:
    code, out, err = run(stdin=BAD)
    assert code == 1
    assert err == ""
    [line] = out.splitlines()
    assert "non_apology" in line
    assert "HIGH" in line
    assert '"sorry if you felt"' in line
    assert "hypothetical" in line  # the message says why


def test_medium_only_exits_zero() -> None:
    code, out, _ = run(stdin=MEDIUM_ONLY)
    assert code == 0
    assert "justification" in out and "MEDIUM" in out


def test_section_runs_section_checks() -> None:
    code, out, _ = run(stdin="Things got tense.", section="own")
    assert code == 1
    assert "missing_own" in out and "agentless" in out
    code, out, _ = run(stdin=GOOD, section="own")
    assert code == 0 and out.startswith("No findings.\n")


# ------------------------------------------------------------------ --json


def test_json_output_shape() -> None:
    code, out, _ = run(stdin=BAD, as_json=True)
    assert code == 1
    payload = json.loads(out)
    assert list(payload) == ["findings"]
    [finding] = payload["findings"]
    assert set(finding) == {
        "category",
        "severity",
        "start",
        "end",
        "text",
        "message",
        "principle",
        "section",
    }
    assert finding["category"] == "non_apology"
    assert BAD[finding["start"] : finding["end"]] == finding["text"]
    assert finding["principle"] == "research-apology-spoilers"
    assert finding["section"] is None


def test_json_good_text_is_an_empty_list() -> None:
    code, out, _ = run(stdin=GOOD, as_json=True)
    assert code == 0
    assert json.loads(out) == {"findings": []}


def test_json_carries_the_section() -> None:
    _, out, _ = run(stdin="", section="commit", as_json=True)
    [finding] = json.loads(out)["findings"]
    assert (finding["category"], finding["section"]) == ("missing_commit", "commit")


# ------------------------------------------------------------------ --jsonl


def test_jsonl_one_object_per_line_in_order() -> None:
    lines = [GOOD, BAD, "You should have told me sooner."]
    code, out, _ = run(stdin="\n".join(lines) + "\n", as_jsonl=True)
    assert code == 1
    objects = [json.loads(raw) for raw in out.splitlines()]
    assert len(objects) == 3
    assert objects[0] == {"findings": []}
    assert [f["category"] for f in objects[1]["findings"]] == ["non_apology"]
    assert [f["category"] for f in objects[2]["findings"]] == ["blame_shift"]
    for text, obj in zip(lines, objects, strict=True):
        for f in obj["findings"]:
            assert text[f["start"] : f["end"]] == f["text"]


def test_jsonl_all_good_exits_zero_and_keeps_blank_lines() -> None:
    code, out, _ = run(stdin=f"{GOOD}\n\n{MEDIUM_ONLY}", as_jsonl=True)
    assert code == 0
    objects = [json.loads(raw) for raw in out.splitlines()]
    assert len(objects) == 3
    assert objects[1] == {"findings": []}


def test_jsonl_with_section() -> None:
    code, out, _ = run(
        stdin="I'll do better.\nNext week I'll send the agenda on Monday.\n", section="commit", as_jsonl=True
    )
    assert code == 1
    first, second = (json.loads(raw) for raw in out.splitlines())
    assert [f["category"] for f in first["findings"]] == ["vague_commitment"]
    assert second == {"findings": []}


# ------------------------------------------------------------------ sources


def test_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(BAD + "\n", encoding="utf-8")
    code, out, _ = run(str(path), stdin="ignored")
    assert code == 1
    assert "non_apology" in out


@pytest.mark.parametrize("source", [None, "-"])
def test_none_and_dash_read_stdin(source: str | None) -> None:
    assert run(source, stdin=BAD)[0] == 1
    assert run(source, stdin=GOOD)[0] == 0


# ------------------------------------------------------------------ bad usage


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"source": "/definitely/not/here.txt"}, "no such file"),
        ({"as_json": True, "as_jsonl": True}, "--json or --jsonl"),
        ({"section": "apology"}, "Unknown section"),
    ],
)
def test_bad_usage_exits_two_with_one_sentence(kwargs: dict, needle: str) -> None:
    source = kwargs.pop("source", None)
    code, out, err = run(source, stdin=BAD, **kwargs)
    assert code == 2
    assert out == ""
    assert needle in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_directory_and_non_utf8_files_exit_two(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path))
    assert code == 2 and "directory" in err
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\xff\xfe\x00bad")
    code, _, err = run(str(binary))
    assert code == 2 and "UTF-8" in err


# ------------------------------------------------------------------ stays light


HEAVY = ("llama_cpp", "chromadb", "gradio")


def _python(code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_command_does_not_import_heavy_modules() -> None:
    result = _python(
        "import assistant.cli.check, sys; "
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]; "
        "print(','.join(heavy)); sys.exit(1 if heavy else 0)"
    )
    assert result.returncode == 0, f"heavy modules imported: {result.stdout} {result.stderr}"


def test_running_check_through_the_cli_stays_light() -> None:
    result = _python(
        "import io, sys; from assistant.cli.main import main; "
        "code = main(['check', '-'], stdin=io.StringIO('Things got tense.'), "
        "stdout=io.StringIO(), stderr=io.StringIO()); "
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]; "
        "print(code, ','.join(heavy)); sys.exit(1 if heavy or code != 1 else 0)"
    )
    assert result.returncode == 0, f"{result.stdout} {result.stderr}"
