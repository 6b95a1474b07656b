"""Round 6 paired by incident: where both variants of one incident were scored, which did better.

    python training/judgement/round6/paired.py training/judgement/round6/scores.jsonl

Prints, for the commitment and the acknowledgement, how often the rules variant scored higher
or lower than the model variant on the same incident, the same for harmful and sendable drafts
(with two-sided sign tests), and the rules variant's figures split by whether a rule fired.
"""

import json
import sys
from pathlib import Path

from training.blind import sign_test

HERE = Path(__file__).parent


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")


def sendable(score: dict) -> bool:
    return score["verdict"] != "rewrite"


def main(paths: list[str]) -> None:
    key = json.loads((HERE / "key.json").read_text(encoding="utf-8"))
    scores = {}
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            scores[row["id"]] = row
    variants = json.loads((HERE / "eval-variants.json").read_text(encoding="utf-8"))["variants"]
    model_commit = {r["id"]: r["draft"]["commit"] for r in variants[0]["rows"]}
    rules_commit = {r["id"]: r["draft"]["commit"] for r in variants[1]["rows"]}
    by_incident: dict[str, dict[str, dict]] = {}
    for draft_id, entry in key.items():
        if draft_id in scores:
            by_incident.setdefault(entry["incident"], {})[entry["variant"]] = scores[draft_id]
    pairs = [v for v in by_incident.values() if len(v) == 2]
    _say(f"incidents scored in both variants: {len(pairs)}")
    comparisons = {
        "acknowledge": lambda s: s["acknowledge"],
        "commit": lambda s: s["commit"],
        "harmless": lambda s: 0 if s["harmful"] else 1,
        "sendable": lambda s: 1 if sendable(s) else 0,
    }
    for name, value in comparisons.items():
        wins = sum(1 for p in pairs if value(p["rules"]) > value(p["model"]))
        losses = sum(1 for p in pairs if value(p["rules"]) < value(p["model"]))
        _say(f"{name}: rules better {wins}, worse {losses}, p = {sign_test(wins, losses):.4f}")
    for fired in (True, False):
        rows = [
            v["rules"]
            for incident, v in by_incident.items()
            if "rules" in v and (rules_commit[incident] != model_commit[incident]) == fired
        ]
        if rows:
            label = "a rule fired" if fired else "no rule fired"
            commit = sum(r["commit"] for r in rows) / len(rows)
            harmful = sum(r["harmful"] for r in rows)
            light = sum(sendable(r) for r in rows)
            _say(
                f"{label}: {len(rows)} drafts, commit {commit:.2f}, harmful {harmful}, send or light {light}"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
