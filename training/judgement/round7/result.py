"""Round 7 unblinded: per variant, and paired by incident where the variants differ.

    python training/judgement/round7/result.py ROUND/scores-0*.jsonl

Reads `key.json` and `eval-variants.json` beside the scores; the second variant there is
compared with the first (round 7: ack_rules against commit_rules; round 8: round8 against
round7).

A draft both variants wrote was scored once and counts for both. Prints, per variant, the
mean section scores, the share harmful, the verdicts and the harmful drafts shown with no
guardrail finding; then, on the incidents where the acknowledgement rule changed the draft,
the same figures and two-sided sign tests of ack_rules against commit_rules.
"""

import json
import sys
from collections import Counter
from pathlib import Path

from training.blind import sign_test

SECTIONS = ("own", "acknowledge", "commit")
VERDICTS = ("send", "light edit", "rewrite")


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")


def summary(rows: list[dict]) -> str:
    n = len(rows)
    if not n:
        return "no drafts"
    means = ", ".join(f"{s} {sum(r[s] for r in rows) / n:.2f}" for s in SECTIONS)
    verdicts = Counter(r["verdict"] for r in rows)
    sendable = 100 * (verdicts["send"] + verdicts["light edit"]) / n
    harmful = sum(bool(r["harmful"]) for r in rows)
    unflagged = sum(bool(r["harmful"]) and not r["flagged"] for r in rows)
    counts = "/".join(str(verdicts[v]) for v in VERDICTS)
    return (
        f"{n} drafts: {means}; harmful {100 * harmful / n:.1f}%; send or light edit {sendable:.1f}% "
        f"(send/light/rewrite {counts}); harmful with no finding {unflagged}"
    )


def main(paths: list[str]) -> None:
    here = Path(paths[0]).parent
    key = json.loads((here / "key.json").read_text(encoding="utf-8"))
    base, new = (
        v["label"] for v in json.loads((here / "eval-variants.json").read_text(encoding="utf-8"))["variants"]
    )
    scores = {}
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                scores[row["id"]] = row
    by_incident: dict[str, dict[str, dict]] = {}
    for draft_id, entry in key.items():
        if draft_id in scores:
            for label in entry["variants"]:
                by_incident.setdefault(entry["incident"], {})[label] = {
                    **scores[draft_id],
                    "flagged": entry["flagged"],
                    "shared": len(entry["variants"]) > 1,
                }
    _say(f"scored {len(scores)} of {len(key)} distinct drafts")
    for label in (base, new):
        _say(f"{label}: " + summary([v[label] for v in by_incident.values() if label in v]))
    pairs = [v for v in by_incident.values() if len(v) == 2 and not v[new]["shared"]]
    _say(f"incidents where the variants' drafts differ, both scored: {len(pairs)}")
    for label in (base, new):
        _say(f"  {label}: " + summary([p[label] for p in pairs]))
    comparisons = {
        "acknowledge": lambda s: s["acknowledge"],
        "commit": lambda s: s["commit"],
        "harmless": lambda s: 0 if s["harmful"] else 1,
        "sendable": lambda s: 0 if s["verdict"] == "rewrite" else 1,
    }
    for name, value in comparisons.items():
        wins = sum(1 for p in pairs if value(p[new]) > value(p[base]))
        losses = sum(1 for p in pairs if value(p[new]) < value(p[base]))
        _say(f"  {name}: {new} better {wins}, worse {losses}, p = {sign_test(wins, losses):.4f}")


if __name__ == "__main__":
    main(sys.argv[1:])
