"""How round 6's variants were drafted: the shipped adapter with and without commit_rules.

    python training/judgement/round6/variants.py OUT.json [N]

Both variants draft with the shipped adapter and today's drafting (own section seeded,
acknowledgement started as a guess); "rules" also takes the commitment from
`assistant.core.commit_rules` when the act is one it knows. `python -m training.blind packet
OUT.json DIR` then makes the blind packet.
"""

import json
import random
import sys
import time
from dataclasses import asdict
from pathlib import Path

from assistant.app_factory import build_model, build_retriever
from assistant.bench.evaluation import evaluate, load_heldout
from assistant.config import Settings
from assistant.core.service import RepairService

out = Path(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 108
suite = load_heldout()
suite = sorted(random.Random(11).sample(suite, n), key=lambda i: i.id)
settings = Settings()
retriever = build_retriever(settings, None)
model = build_model(settings, None)
payload: dict = {"variants": []}
for label, rules in (("model", False), ("rules", True)):
    svc = RepairService(model, retriever=retriever, commit_rules=rules)
    t = time.time()
    rows = evaluate(svc, suite, seed=1)
    sys.stderr.write(f"{label}: {time.time() - t:.0f}s\n")
    payload["variants"].append({"label": label, "rows": [asdict(r) for r in rows]})
    out.write_text(json.dumps(payload, ensure_ascii=False))
