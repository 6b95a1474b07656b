"""`repair-assistant eval`: draft a fixed suite of incidents and score every draft.

The scores use the same guardrails the leader sees plus a short rubric, so two models can be
compared on one table. The rubric is deliberately strict: a missed target is information
about the model and the pipeline, not a reason to relax the scorer.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any, TextIO

from assistant.bench_stats import Target
from assistant.errors import AssistantError
from assistant.guardrails import check_text
from assistant.schemas import SECTIONS, DraftRequest, DraftResult

log = logging.getLogger(__name__)

SUITE_FILE = "eval_incidents.jsonl"
VAGUE_COMMIT = frozenset({"vague_commitment", "missing_commit"})

# Targets for the default model (percent of incidents); sources have no target of their own.
EVAL_TARGETS: tuple[Target, ...] = (
    Target("three_sections", False, 100.0),
    Target("no_high", False, 95.0),
    Target("names_act", False, 80.0),
    Target("concrete_commit", False, 70.0),
)
CRITERIA = ("three_sections", "no_high", "names_act", "concrete_commit", "sources_used")


@dataclass(frozen=True)
class EvalIncident:
    """One incident of the suite and the word stems that name its act."""

    id: str
    text: str
    situations: tuple[str, ...]
    act: tuple[str, ...]


def load_suite(path: Path | None = None) -> list[EvalIncident]:
    """The shipped suite (inside the package, so a non-editable install has it too)."""
    source = path if path is not None else files("assistant").joinpath(SUITE_FILE)
    raw = source.read_text(encoding="utf-8")
    suite = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        item = json.loads(line)
        if not item.get("act"):
            raise ValueError(f"incident on line {number} of the eval suite names no act")
        suite.append(
            EvalIncident(item["id"], item["text"], tuple(item["situations"]), tuple(item["act"]))
        )
    return suite


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'").replace("\u2018", "'")).lower()


def names_act(own: str, stems: Sequence[str]) -> bool:
    """True when some stem starts a word of `own` ("snap" matches "snapped", not "unsnap")."""
    text = _normalise(own)
    return any(
        re.search(r"\b" + re.escape(_normalise(stem).strip()), text)
        for stem in stems
        if stem.strip()
    )


def concrete_commit(commit: str) -> bool:
    """The commit section passes the commitment checks on its own (any severity counts)."""
    return not any(f.category in VAGUE_COMMIT for f in check_text(commit, section="commit"))


@dataclass
class EvalRow:
    """One incident's scores. `error` is set when no draft came back at all."""

    id: str
    three_sections: bool
    no_high: bool
    names_act: bool
    concrete_commit: bool
    sources_used: bool
    seconds: float
    high: list[str] = field(default_factory=list)
    error: str = ""
    draft: dict[str, str] = field(
        default_factory=dict
    )  # the sections scored, to read beside the marks


def score_result(incident: EvalIncident, result: DraftResult, seconds: float) -> EvalRow:
    high = sorted({f"{f.category}@{f.section}" for f in result.findings if f.severity == "high"})
    return EvalRow(
        id=incident.id,
        three_sections=all(getattr(result, name).strip() for name in SECTIONS),
        no_high=not high,
        names_act=names_act(result.own, incident.act),
        concrete_commit=bool(result.commit.strip()) and concrete_commit(result.commit),
        sources_used=bool(result.sources),
        seconds=seconds,
        high=high,
        draft={name: getattr(result, name) for name in SECTIONS},
    )


def failed_row(incident: EvalIncident, error: str, seconds: float) -> EvalRow:
    """A draft that never arrived fails every criterion; its time still counts."""
    return EvalRow(incident.id, False, False, False, False, False, seconds, error=error)


def _percent(rows: Sequence[EvalRow], key: str) -> float:
    return 100.0 * sum(1 for row in rows if getattr(row, key)) / len(rows) if rows else 0.0


def summarize(rows: Sequence[EvalRow]) -> dict[str, Any]:
    """Percentages per criterion, mean time per draft, and each target met or missed."""
    summary: dict[str, Any] = {
        "incidents": len(rows),
        "errors": sum(1 for row in rows if row.error),
    }
    for key in CRITERIA:
        summary[f"{key}_pct"] = round(_percent(rows, key), 1)
    summary["mean_draft_s"] = (
        round(sum(row.seconds for row in rows) / len(rows), 3) if rows else None
    )
    summary["targets"] = {}
    for target in EVAL_TARGETS:
        actual = summary[f"{target.key}_pct"]
        met = bool(rows) and bool(target.met(actual))
        summary["targets"][target.key] = {"target": target.limit, "actual": actual, "met": met}
    summary["all_met"] = all(item["met"] for item in summary["targets"].values())
    return summary


_WIDTHS = (7, 7, 4, 6, 7)


def _mark(ok: bool) -> str:
    return "yes" if ok else "NO"


def render_table(rows: Sequence[EvalRow], summary: dict[str, Any], model: str, out: TextIO) -> None:
    """One line per incident, then the summary line a leader compares between models."""
    out.write(f"Model: {model}\n\n")
    head = ("3 parts", "no high", "act", "commit", "sources")
    out.write(f"{'id':<6} " + " ".join(f"{h:>{w}}" for h, w in zip(head, _WIDTHS, strict=True)))
    out.write(f" {'s':>6}  notes\n")
    for row in rows:
        marks = [getattr(row, key) for key in CRITERIA]
        cells = " ".join(f"{_mark(m):>{w}}" for m, w in zip(marks, _WIDTHS, strict=True))
        line = f"{row.id:<6} {cells} {row.seconds:>6.1f}  {row.error or ', '.join(row.high)}"
        out.write(line.rstrip() + "\n")
    out.write("\n" + summary_line(summary) + "\n")


def summary_line(summary: dict[str, Any]) -> str:
    labels = {
        "three_sections": "three parts",
        "no_high": "no high finding",
        "names_act": "names the act",
        "concrete_commit": "concrete commit",
    }
    parts = []
    for key, label in labels.items():
        item = summary["targets"][key]
        verdict = "met" if item["met"] else "MISSED"
        parts.append(f"{label} {item['actual']:.0f}% (target ≥{item['target']:.0f}%, {verdict})")
    parts.append(f"sources used {summary['sources_used_pct']:.0f}%")
    mean = summary["mean_draft_s"]
    parts.append(f"mean {mean:.1f} s per draft" if mean is not None else "no drafts")
    return f"{summary['incidents']} incidents: " + "; ".join(parts)


def evaluate(
    service: Any, suite: Sequence[EvalIncident], seed: int = 0, progress: TextIO | None = None
) -> list[EvalRow]:
    """Draft each incident through the real service and score it."""
    rows: list[EvalRow] = []
    for number, incident in enumerate(suite, start=1):
        if progress is not None:
            progress.write(f"Drafting {number}/{len(suite)} ({incident.id})…\n")
            progress.flush()
        started = time.perf_counter()
        try:
            result = service.draft(DraftRequest(incident=incident.text, seed=seed))
        except AssistantError as exc:
            rows.append(failed_row(incident, str(exc), time.perf_counter() - started))
            continue
        row = score_result(incident, result, time.perf_counter() - started)
        log.info("%s: %s", incident.id, asdict(row))
        rows.append(row)
    return rows


def run_eval(
    settings: Any,
    model_flag: Path | None,
    as_json: bool,
    stdout: TextIO,
    stderr: TextIO,
    *,
    service: Any = None,
    limit: int | None = None,
) -> int:
    """The `eval` command: 0 when every target is met, 1 when any is missed.

    `service` lets a test pass a service built on a fake model; by default the real one is
    built from settings. A missing or broken model raises a typed AssistantError for the CLI.
    """
    if service is None:
        from assistant.app_factory import build_service

        service = build_service(settings, model_flag=model_flag)
    suite = load_suite()[:limit] if limit else load_suite()
    rows = evaluate(service, suite, progress=stderr)
    summary = summarize(rows)
    model = service.model.info.name
    if as_json:
        from assistant.bench_probes import machine_summary

        rows_json = [asdict(row) for row in rows]
        payload = {
            "model": model,
            "machine": machine_summary(),
            "rows": rows_json,
            "summary": summary,
        }
        stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    else:
        render_table(rows, summary, model, stdout)
    return 0 if summary["all_met"] else 1
