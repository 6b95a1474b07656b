"""How round 9's variants were drafted: acts no rule knows, model against check-in.

    python training/judgement/round9/variants.py

Drafts the 108 held-out incidents and round 8's 75 new ones with the shipped adapter, seed 1
and the rules, once with `check_ins=False` ("model": the model writes the acknowledgement and
commitment for an act no rule knows) and once with the default ("check_in"). Writes
`heldout/eval-variants.json` and `new/eval-variants.json` beside this file; round 7's
`packet.py` then makes the blind packets for each.
"""

import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

from assistant.app_factory import build_model, build_retriever
from assistant.bench.evaluation import evaluate, load_heldout
from assistant.config import Settings
from assistant.core.service import RepairService

HERE = Path(__file__).resolve().parent
settings = Settings()
retriever = build_retriever(settings, None)
model = build_model(settings, None)
suites = {"heldout": load_heldout(), "new": load_heldout(HERE.parent / "round8" / "incidents.jsonl")}
for name, suite in suites.items():
    out = HERE / name / "eval-variants.json"
    out.parent.mkdir(exist_ok=True)
    payload: dict = {"variants": []}
    for label, check_ins in (("model", False), ("check_in", True)):
        svc = RepairService(model, retriever=retriever, check_ins=check_ins)
        started = time.time()
        rows = evaluate(svc, sorted(suite, key=lambda i: i.id), seed=1)
        sys.stderr.write(f"{name} {label}: {time.time() - started:.0f}s\n")
        payload["variants"].append({"label": label, "rows": [asdict(r) for r in rows]})
    out.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
