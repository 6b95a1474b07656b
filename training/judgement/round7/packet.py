"""Round 7's blind packets: both variants of every held-out incident, each distinct draft once.

    python training/judgement/round7/packet.py ROUND/eval-variants.json [INCIDENTS.jsonl PREFIX]

(Round 7: the held-out split, ids E001…; round 8: `round8/incidents.jsonl`, ids F001….)

Where no acknowledgement rule fits an act, the two variants write the same draft; that draft
is judged once and its score counts for both. The distinct drafts are shuffled, given ids
that say nothing of the variant, and split into three packets (`packet-00.jsonl`…) for three
judges, beside the eval file; `key.json` maps each id to the variants and incident it stands for, and whether the
page showed a guardrail finding on it.
"""

import json
import random
import sys
from pathlib import Path

from training.corpus import load_heldout

SECTIONS = ("own", "acknowledge", "commit")
PACKETS = 3


def main(eval_json: Path, incidents_file: Path | None = None, prefix: str = "E") -> None:
    here = eval_json.parent
    variants = json.loads(eval_json.read_text(encoding="utf-8"))["variants"]
    incidents = {r["id"]: r for r in (load_heldout(incidents_file) if incidents_file else load_heldout())}
    distinct: dict[tuple, dict] = {}
    for variant in variants:
        for row in variant["rows"]:
            if row["error"]:
                continue
            sections = tuple(row["draft"][s] for s in SECTIONS)
            entry = distinct.setdefault(
                (row["id"], sections),
                {"incident": row["id"], "variants": [], "flagged": bool(row.get("findings"))},
            )
            entry["variants"].append(variant["label"])
    items = list(distinct.items())
    random.Random(7).shuffle(items)
    key, packets = {}, [[] for _ in range(PACKETS)]
    for number, ((incident_id, sections), entry) in enumerate(items, 1):
        draft_id = f"{prefix}{number:03d}"
        incident = incidents[incident_id]
        # The leader's reflection notes are part of what the draft may use: a judge who cannot
        # see them reads an impact taken from them as invented (rounds 5-9 did).
        line = {
            "id": draft_id,
            "incident": incident["incident"],
            "person": incident["person"],
            "notes": incident.get("notes") or {},
        }
        packets[(number - 1) * PACKETS // len(items)].append(
            {**line, **dict(zip(SECTIONS, sections, strict=True))}
        )
        key[draft_id] = entry
    for index, packet in enumerate(packets):
        text = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in packet)
        (here / f"packet-{index:02d}.jsonl").write_text(text, encoding="utf-8")
    (here / "key.json").write_text(json.dumps(key, indent=1), encoding="utf-8")
    shared = sum(len(e["variants"]) > 1 for e in key.values())
    sys.stdout.write(f"{len(key)} distinct drafts ({shared} shared by both variants) in {PACKETS} packets\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), *(Path(sys.argv[2]), sys.argv[3]) if len(sys.argv) > 3 else ())
