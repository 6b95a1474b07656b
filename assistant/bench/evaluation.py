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
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any, TextIO

from assistant.bench.stats import Target
from assistant.core.errors import AssistantError
from assistant.core.schemas import SECTIONS, DraftRequest, DraftResult
from assistant.guardrails import check_text

log = logging.getLogger(__name__)

SUITE_FILE = "eval_incidents.jsonl"
# The corpus's frozen held-out split (training/heldout.jsonl, shipped inside the package):
# incidents the adapter never trained on, with the person each repair is for.
HELDOUT_FILE = "heldout_incidents.jsonl"
VAGUE_COMMIT = frozenset({"vague_commitment", "missing_commit"})

# Targets for the default model (percent of incidents); sources have no target of their own.
EVAL_TARGETS: tuple[Target, ...] = (
    Target("three_sections", False, 100.0),
    Target("no_high", False, 95.0),
    Target("names_act", False, 80.0),
    Target("concrete_commit", False, 70.0),
    Target("addressed", False, 90.0),
)
CRITERIA = ("three_sections", "no_high", "names_act", "concrete_commit", "sources_used", "addressed")


@dataclass(frozen=True)
class EvalIncident:
    """One incident of the suite and the word stems that name its act."""

    id: str
    text: str
    situations: tuple[str, ...]
    act: tuple[str, ...]
    person: str = ""
    notes: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


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
        suite.append(EvalIncident(item["id"], item["text"], tuple(item["situations"]), tuple(item["act"])))
    return suite


def load_heldout(path: Path | None = None) -> list[EvalIncident]:
    """The held-out incidents: never trained on, each with its person and kind of rupture."""
    if path is None:
        packaged = files("assistant").joinpath(HELDOUT_FILE)
        path = (
            Path(str(packaged))
            if packaged.is_file()
            else Path(__file__).resolve().parents[2] / "training" / "heldout.jsonl"
        )
    suite = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            suite.append(
                EvalIncident(
                    item["id"],
                    item["incident"],
                    (item["rupture"],),
                    (),
                    item["person"],
                    item.get("notes", {}),
                )
            )
    return suite


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'").replace("\u2018", "'")).lower()


_COMMON = frozenset(
    "that this with when what have from your they them their about there were just into after before "
    "said told didn't wasn't then also more some been being over than only again because while where".split()
)


def shares_act_words(own: str, incident: str) -> bool:
    """Without labelled stems: "I" is the subject and the own reuses a content word of the account."""

    def words(text: str) -> set[str]:
        return {w for w in re.findall(r"[a-z']+", _normalise(text)) if len(w) >= 4 and w not in _COMMON}

    return bool(re.search(r"\bI\b", own)) and bool(words(own) & words(incident))


_TEAM = frozenset({"the team", "team", "everyone", "all", "the group"})


def addressed_to(sections: dict[str, str], person: str) -> bool:
    """Spoken to them: "you" somewhere, and their name never used as if they were not there."""
    text = " ".join(sections.values())
    if not re.search(r"\b(?:you|your|yours|yourself|yourselves)\b", text, re.IGNORECASE):
        return False
    name = person.strip()
    if not name or name.lower() in _TEAM:
        return True
    first = re.escape(name.split()[0])
    return not re.search(rf"\b{first}\b", text, re.IGNORECASE)


def names_act(own: str, stems: Sequence[str]) -> bool:
    """True when some stem starts a word of `own` ("snap" matches "snapped", not "unsnap")."""
    text = _normalise(own)
    return any(re.search(r"\b" + re.escape(_normalise(stem).strip()), text) for stem in stems if stem.strip())


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
    draft: dict[str, str] = field(default_factory=dict)  # the sections scored, to read beside the marks
    addressed: bool = True
    findings: list[str] = field(default_factory=list)  # every finding the page would show


def score_result(incident: EvalIncident, result: DraftResult, seconds: float) -> EvalRow:
    high = sorted({f"{f.category}@{f.section}" for f in result.findings if f.severity == "high"})
    return EvalRow(
        id=incident.id,
        three_sections=all(getattr(result, name).strip() for name in SECTIONS),
        no_high=not high,
        names_act=names_act(result.own, incident.act)
        if incident.act
        else shares_act_words(result.own, incident.text),
        concrete_commit=bool(result.commit.strip()) and concrete_commit(result.commit),
        sources_used=bool(result.sources),
        seconds=seconds,
        high=high,
        draft={name: getattr(result, name) for name in SECTIONS},
        addressed=addressed_to({name: getattr(result, name) for name in SECTIONS}, incident.person),
        findings=sorted({f"{f.category}@{f.section}" for f in result.findings}),
    )


def failed_row(incident: EvalIncident, error: str, seconds: float) -> EvalRow:
    """A draft that never arrived fails every criterion; its time still counts."""
    return EvalRow(incident.id, False, False, False, False, False, seconds, error=error, addressed=False)


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
    summary["mean_draft_s"] = round(sum(row.seconds for row in rows) / len(rows), 3) if rows else None
    summary["targets"] = {}
    for target in EVAL_TARGETS:
        actual = summary[f"{target.key}_pct"]
        met = bool(rows) and bool(target.met(actual))
        summary["targets"][target.key] = {"target": target.limit, "actual": actual, "met": met}
    summary["all_met"] = all(item["met"] for item in summary["targets"].values())
    return summary


_WIDTHS = (7, 7, 4, 6, 7, 8)


def _mark(ok: bool) -> str:
    return "yes" if ok else "NO"


def render_table(rows: Sequence[EvalRow], summary: dict[str, Any], model: str, out: TextIO) -> None:
    """One line per incident, then the summary line a leader compares between models."""
    out.write(f"Model: {model}\n\n")
    head = ("3 parts", "no high", "act", "commit", "sources", "to them")
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
        "addressed": "spoken to them",
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
            request = DraftRequest(
                incident=incident.text, person=incident.person, notes=incident.notes, seed=seed
            )
            result = service.draft(request)
        except AssistantError as exc:
            rows.append(failed_row(incident, str(exc), time.perf_counter() - started))
            continue
        row = score_result(incident, result, time.perf_counter() - started)
        log.info("%s: %s", incident.id, asdict(row))
        rows.append(row)
    return rows


@dataclass
class Variant:
    """One column of the comparison: a label and how to build the service that drafts for it."""

    label: str
    make: Callable[[], Any]


def build_variants(settings: Any, model_flag: Path | None) -> list[Variant]:
    """Base few-shot and, on the embedded model, the repair adapter: loaded one after the other.

    The retriever (and its index) is built once and shared, so both columns are grounded on
    the same passages and only the drafting differs.
    """
    from assistant.app_factory import build_model, build_retriever
    from assistant.core.service import RepairService

    retriever = build_retriever(settings, model_flag)

    def service(adapter: str) -> Any:
        model = build_model(settings.model_copy(update={"adapter": adapter}), model_flag)
        return RepairService(
            model,
            retriever=retriever,
            max_incident_chars=settings.max_incident_chars,
            candidates=settings.candidates,
        )

    embedded = model_flag is None and settings.model is None
    wanted = settings.adapter.strip().lower()
    if wanted == "none" or (wanted == "default" and not embedded):
        return [Variant("base few-shot" if embedded else "model", lambda: service("none"))]
    return [
        Variant("base few-shot", lambda: service("none")),
        Variant("adapter", lambda: service(settings.adapter)),
    ]


def side_by_side(results: Sequence[tuple[str, str, dict[str, Any]]], out: TextIO) -> None:
    """The criteria as rows, one column per variant: the comparison a reader wants first."""
    labels = {
        "three_sections_pct": "three parts (%)",
        "no_high_pct": "no high finding (%)",
        "names_act_pct": "names the act (%)",
        "concrete_commit_pct": "concrete commit (%)",
        "addressed_pct": "spoken to them (%)",
        "sources_used_pct": "sources used (%)",
        "mean_draft_s": "mean seconds per draft",
        "errors": "no draft at all",
    }
    width = max(len(label) for label, _, _ in results) + 2
    out.write(f"{'':<26}" + "".join(f"{label:>{max(width, 16)}}" for label, _, _ in results) + "\n")
    for key, label in labels.items():
        cells = []
        for _, _, summary in results:
            value = summary.get(key)
            cells.append(f"{'-' if value is None else value:>{max(width, 16)}}")
        out.write(f"{label:<26}" + "".join(cells) + "\n")
    for label, model, _ in results:
        out.write(f"{label}: {model}\n")


def run_eval(
    settings: Any,
    model_flag: Path | None,
    as_json: bool,
    stdout: TextIO,
    stderr: TextIO,
    *,
    service: Any = None,
    limit: int | None = None,
    classic: bool = False,
) -> int:
    """The `eval` command: 0 when every target is met by the default variant, 1 when any is missed.

    By default it drafts the held-out split with base few-shot and with the repair adapter,
    in one run, and prints them side by side. `classic` drafts the older 22-incident suite.
    `service` lets a test pass a service built on a fake model.
    """
    suite = load_suite() if classic else load_heldout()
    suite = suite[:limit] if limit else suite
    variants = (
        [Variant("model", lambda: service)] if service is not None else build_variants(settings, model_flag)
    )
    results: list[tuple[str, str, dict[str, Any]]] = []
    payload: dict[str, Any] = {"suite": "classic" if classic else "heldout", "variants": []}
    summary: dict[str, Any] = {}
    for variant in variants:
        current = variant.make()
        stderr.write(f"— {variant.label} —\n")
        rows = evaluate(current, suite, progress=stderr)
        summary = summarize(rows)
        model = model_name(current)
        results.append((variant.label, model, summary))
        payload["variants"].append(
            {"label": variant.label, "model": model, "rows": [asdict(r) for r in rows], "summary": summary}
        )
        if not as_json:
            stdout.write(f"\n== {variant.label} ==\n")
            render_table(rows, summary, model, stdout)
        del current
    if as_json:
        from assistant.bench.probes import machine_summary

        payload["machine"] = machine_summary()
        stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    else:
        stdout.write("\n")
        side_by_side(results, stdout)
    return 0 if summary.get("all_met") else 1


def model_name(service: Any) -> str:
    from assistant.core.service import model_label

    return model_label(service.model.info)
