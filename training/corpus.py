"""The repair corpus: load, validate, check against the guardrails, find near-duplicates.

Runs with the project's own guardrails and nothing heavier, so it works in the app's
environment (and in a plain Python with pydantic and jinja2):

    python -m training.corpus check training/data/slices/*.jsonl
    python -m training.corpus stats
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.core.schemas import Finding, RepairDraft
from assistant.guardrails import check_draft
from assistant.guardrails.context_checks import CATEGORIES as CONTEXT_CHECKS
from assistant.retrieval.situations import SITUATIONS

# The checks that read a draft against its incident are measured on the corpus separately
# (`context_flags`): their rules still misread some good repairs, so they are not a gate here.
CONTEXT_CATEGORIES = frozenset(CONTEXT_CHECKS)

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent
SLICES = ROOT / "data" / "slices"
HELDOUT = ROOT / "heldout.jsonl"

KINDS = ("draft", "revision", "section", "reflection")
SECTIONS = ("own", "acknowledge", "commit")
NOTE_KEYS = ("what_i_did", "impact", "my_part", "want_different")
SETTINGS = ("", "team_meeting", "one_on_one", "chat_email", "public_channel")
DELIVERIES = ("in_person", "writing")
# Every kind of rupture the situation detector knows: the five it started with and 20 more.
RUPTURES = SITUATIONS
# Two texts whose word-trigram sets overlap this much say the same thing in the same words.
NEAR_DUPLICATE = 0.6


@dataclass
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def read_jsonl(path: Path) -> list[dict]:
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path.name}:{number} is not JSON ({exc.msg})") from exc
        record.setdefault("_where", f"{path.name}:{number}")
        records.append(record)
    return records


def load_corpus(paths: Iterable[Path] | None = None) -> list[dict]:
    """Every training record, from the slice files in name order."""
    files = sorted(paths) if paths is not None else sorted(SLICES.glob("*.jsonl"))
    return [record for path in files for record in read_jsonl(path)]


def load_heldout(path: Path = HELDOUT) -> list[dict]:
    return read_jsonl(path)


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def schema_problems(record: dict) -> list[str]:
    kind = record.get("kind")
    if kind not in KINDS:
        return [f"kind must be one of {KINDS}"]
    problems = []
    if not _text(record.get("id")):
        problems.append("id is missing")
    if not _text(record.get("incident")):
        problems.append("incident is missing")
    if kind == "reflection":
        for key in NOTE_KEYS:
            if not isinstance(record.get(key), str):
                problems.append(f"{key} must be a string (empty when the incident does not say)")
        return problems
    if record.get("rupture") not in RUPTURES:
        problems.append(f"rupture {record.get('rupture')!r} is not a known kind")
    if record.get("setting", "") not in SETTINGS:
        problems.append(f"setting {record.get('setting')!r} is not one of {SETTINGS}")
    if record.get("delivery") not in DELIVERIES:
        problems.append(f"delivery {record.get('delivery')!r} is not one of {DELIVERIES}")
    if not _text(record.get("person")):
        problems.append("person is missing")
    notes = record.get("notes", {})
    if not isinstance(notes, dict) or any(
        k not in NOTE_KEYS or not isinstance(v, str) for k, v in notes.items()
    ):
        problems.append(f"notes must map some of {NOTE_KEYS} to strings")
    answer_keys = SECTIONS if kind in ("draft", "revision") else ("value",)
    for key in answer_keys:
        if not _text(record.get(key)):
            problems.append(f"{key} is missing")
    if kind in ("revision", "section"):
        draft = record.get("draft")
        if not isinstance(draft, dict) or not all(_text(draft.get(s)) for s in SECTIONS):
            problems.append("draft must hold own, acknowledge and commit")
    if kind == "revision" and not _text(record.get("instruction")):
        problems.append("instruction is missing")
    if kind == "section" and record.get("section") not in SECTIONS:
        problems.append(f"section must be one of {SECTIONS}")
    return problems


def answer_draft(record: dict) -> RepairDraft | None:
    """The draft a record teaches the model to write (for a section rewrite: with the fix in)."""
    kind = record.get("kind")
    if kind in ("draft", "revision"):
        return RepairDraft(**{s: record[s] for s in SECTIONS})
    if kind == "section":
        return RepairDraft(**{**record["draft"], record["section"]: record["value"]})
    return None


def section_feedback(record: dict) -> list[str]:
    """What the guardrails say about the section being rewritten: the runtime's feedback."""
    findings = check_draft(RepairDraft(**record["draft"]))
    return [
        f.message
        for f in findings
        if f.section == record["section"] and f.severity == "high" and f.category not in CONTEXT_CATEGORIES
    ]


def guardrail_problems(record: dict) -> list[str]:
    draft = answer_draft(record)
    if draft is None:
        return []
    problems = [
        f"{f.severity} {f.category} in {f.section}: {f.text!r}"
        for f in check_draft(draft)
        if f.severity == "high" and f.category not in CONTEXT_CATEGORIES
    ]
    if record.get("kind") == "section" and not section_feedback(record):
        problems.append(
            f"the {record['section']} to rewrite has no high finding, so there is no feedback to answer"
        )
    return problems


def context_flags(record: dict) -> list[Finding]:
    """High context findings on a record's answer, checked with its own incident and person."""
    draft = answer_draft(record)
    if draft is None:
        return []
    findings = check_draft(
        draft, incident=record.get("incident"), person=record.get("person"), notes=record.get("notes") or {}
    )
    return [f for f in findings if f.severity == "high" and f.category in CONTEXT_CATEGORIES]


_WORD = re.compile(r"[a-z0-9']+")


def shingles(text: str, n: int = 3) -> frozenset[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    if len(words) < n:
        return frozenset({tuple(words)})
    return frozenset(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def record_text(record: dict) -> str:
    """The words that make a record itself: its incident and its answer."""
    kind = record.get("kind")
    if kind == "reflection":
        answer = " ".join(record.get(k, "") for k in NOTE_KEYS)
    elif kind == "section":
        answer = record.get("value", "")
    else:
        answer = " ".join(record.get(s, "") for s in SECTIONS)
    return f"{record.get('incident', '')} {answer}"


def near_duplicates(
    records: Sequence[dict], *, key=record_text, threshold: float = NEAR_DUPLICATE
) -> list[tuple[dict, dict, float]]:
    """Pairs of records of the same kind whose text overlaps at or above `threshold`."""
    pairs = []
    by_kind: dict[str, list[tuple[dict, frozenset]]] = {}
    for record in records:
        by_kind.setdefault(record.get("kind", ""), []).append((record, shingles(key(record))))
    for items in by_kind.values():
        for i, (a, sa) in enumerate(items):
            for b, sb in items[i + 1 :]:
                score = jaccard(sa, sb)
                if score >= threshold:
                    pairs.append((a, b, score))
    return pairs


def leaked_heldout(
    train: Sequence[dict], heldout: Sequence[dict], threshold: float = 0.5
) -> list[tuple[dict, dict, float]]:
    """Held-out incidents that a training incident repeats (or nearly)."""
    train_sets = [(r, shingles(r["incident"])) for r in train]
    leaks = []
    for h in heldout:
        sh = shingles(h["incident"])
        for r, sr in train_sets:
            score = jaccard(sh, sr)
            if score >= threshold or h["incident"].strip().lower() == r["incident"].strip().lower():
                leaks.append((h, r, score))
    return leaks


def check_records(records: Sequence[dict]) -> list[Problem]:
    problems = []
    seen: Counter[str] = Counter(r.get("id", "") for r in records)
    for record in records:
        where = f"{record.get('_where', '?')} ({record.get('id', 'no id')})"
        if seen[record.get("id", "")] > 1:
            problems.append(Problem(where, "id is used more than once"))
        schema = schema_problems(record)
        problems.extend(Problem(where, p) for p in schema)
        if not schema:
            problems.extend(Problem(where, p) for p in guardrail_problems(record))
    for a, b, score in near_duplicates(records):
        problems.append(Problem(a["_where"], f"near-duplicate of {b['_where']} ({score:.2f})"))
    return problems


def stats(records: Sequence[dict]) -> dict[str, Counter]:
    out: dict[str, Counter] = {
        "kind": Counter(r.get("kind") for r in records),
        "rupture": Counter(r.get("rupture") for r in records if r.get("kind") != "reflection"),
        "setting": Counter(r.get("setting") for r in records if r.get("kind") != "reflection"),
        "delivery": Counter(r.get("delivery") for r in records if r.get("kind") != "reflection"),
        "team": Counter(
            r.get("person", "").lower() == "the team" for r in records if r.get("kind") != "reflection"
        ),
        "notes": Counter(bool(r.get("notes")) for r in records if r.get("kind") == "draft"),
    }
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.corpus")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate slice files (all of them by default)")
    check.add_argument("files", nargs="*", type=Path)
    sub.add_parser("stats", help="counts by kind, rupture, setting and delivery")
    args = parser.parse_args(argv)
    records = load_corpus(args.files or None) if args.command == "check" else load_corpus()
    if args.command == "stats":
        for name, counter in stats(records).items():
            sys.stdout.write(f"{name}: {dict(counter.most_common())}\n")
        return 0
    problems = check_records(records)
    for problem in problems:
        sys.stdout.write(f"{problem}\n")
    sys.stdout.write(f"{len(records)} records, {len(problems)} problems\n")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
