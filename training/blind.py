"""Blind judgement of drafts: shuffle two variants together, hide which is which, then unblind.

    python -m training.blind packet EVAL.json OUT/ [--per-variant 60] [--seed 7]
    python -m training.blind unblind OUT/key.json SCORES.jsonl

`packet` takes the JSON of `repair-assistant eval --json` (both variants on the held-out
split), keeps incidents drafted by every variant, and writes `OUT/packet.jsonl` (draft id,
incident, person, the leader's notes, the three sections; nothing that tells the variant) and `OUT/key.json`.
A judge scores every line of the packet by the rubric into SCORES.jsonl:
`{"id", "own": 0-2, "acknowledge": 0-2, "commit": 0-2, "harmful": bool, "verdict":
"send"|"light edit"|"rewrite", "why"}`. `unblind` joins scores to the key and prints, per
variant: mean section scores, share harmful, verdicts, and how many harmful drafts the page
would have shown with no guardrail finding at all.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

SECTIONS = ("own", "acknowledge", "commit")
VERDICTS = ("send", "light edit", "rewrite")


def sign_test(wins: int, losses: int) -> float:
    """Two-sided sign test p-value for wins against losses (ties dropped)."""
    n = wins + losses
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, i) for i in range(min(wins, losses) + 1)) / 2**n
    return min(1.0, 2 * tail)


def make_packet(eval_json: Path, out: Path, per_variant: int, seed: int) -> None:
    payload = json.loads(eval_json.read_text(encoding="utf-8"))
    variants = payload["variants"]
    incidents = {row["id"]: row for row in _heldout()}
    drafted = [{row["id"]: row for row in v["rows"] if not row["error"]} for v in variants]
    common = sorted(set.intersection(*(set(d) for d in drafted)))
    rng = random.Random(seed)
    chosen = sorted(rng.sample(common, min(per_variant, len(common))))
    items, key = [], {}
    for variant, rows in zip(variants, drafted, strict=True):
        for incident_id in chosen:
            row = rows[incident_id]
            items.append((variant["label"], incident_id, row))
    rng.shuffle(items)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "packet.jsonl").open("w", encoding="utf-8") as packet:
        for number, (label, incident_id, row) in enumerate(items, 1):
            draft_id = f"D{number:03d}"
            incident = incidents[incident_id]
            packet.write(
                json.dumps(
                    {
                        "id": draft_id,
                        "incident": incident["incident"],
                        "person": incident["person"],
                        # What the leader noted is what a draft may use; a judge needs it too.
                        "notes": incident["notes"],
                        **{s: row["draft"][s] for s in SECTIONS},
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
            key[draft_id] = {"variant": label, "incident": incident_id, "flagged": bool(row.get("findings"))}
    (out / "key.json").write_text(json.dumps(key, indent=1), encoding="utf-8")
    sys.stdout.write(f"{len(items)} drafts ({len(chosen)} incidents × {len(variants)} variants) in {out}\n")


def _heldout() -> list[dict]:
    from training.corpus import load_heldout

    return [
        {"id": r["id"], "incident": r["incident"], "person": r["person"], "notes": r.get("notes") or {}}
        for r in load_heldout()
    ]


def unblind(key_path: Path, scores_path: Path) -> dict[str, dict]:
    key = json.loads(key_path.read_text(encoding="utf-8"))
    scores = [
        json.loads(line) for line in scores_path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    by_variant: dict[str, list[dict]] = defaultdict(list)
    for score in scores:
        entry = key[score["id"]]
        by_variant[entry["variant"]].append({**score, **entry})
    report = {}
    for variant, rows in sorted(by_variant.items()):
        n = len(rows)
        verdicts = Counter(r["verdict"] for r in rows)
        report[variant] = {
            "drafts": n,
            **{f"mean_{s}": round(sum(r[s] for r in rows) / n, 2) for s in SECTIONS},
            "harmful_pct": round(100 * sum(bool(r["harmful"]) for r in rows) / n, 1),
            "send_or_light_edit_pct": round(100 * (verdicts["send"] + verdicts["light edit"]) / n, 1),
            "verdicts": {v: verdicts[v] for v in VERDICTS},
            "harmful_unflagged": sum(bool(r["harmful"]) and not r["flagged"] for r in rows),
        }
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.blind")
    sub = parser.add_subparsers(dest="command", required=True)
    packet = sub.add_parser("packet")
    packet.add_argument("eval_json", type=Path)
    packet.add_argument("out", type=Path)
    packet.add_argument("--per-variant", type=int, default=60)
    packet.add_argument("--seed", type=int, default=7)
    result = sub.add_parser("unblind")
    result.add_argument("key", type=Path)
    result.add_argument("scores", type=Path)
    args = parser.parse_args(argv)
    if args.command == "packet":
        make_packet(args.eval_json, args.out, args.per_variant, args.seed)
    else:
        sys.stdout.write(json.dumps(unblind(args.key, args.scores), indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
