"""How round 4's variants were drafted: the adapter trained 0.8 epoch against 2 epochs.

    python training/judgement/round4/variants.py OUT.json old=PATH.gguf,new=PATH.gguf[,new+ack=PATH.gguf] 60

Every variant drafts with the shipped sampling (temperature 0.2, own section seeded from the
leader's words). A "+ack" label also starts the acknowledgement with "I imagine".
`python -m training.blind packet OUT.json DIR` then makes the blind packet.
"""

import json
import random
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

from assistant.app_factory import build_model, build_retriever
from assistant.bench.evaluation import evaluate, load_heldout
from assistant.config import Settings
from assistant.core.service import RepairService

out = Path(sys.argv[1])
variants = [item.split("=", 1) for item in sys.argv[2].split(",")]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 60
suite = load_heldout()
rng = random.Random(11)
suite = sorted(rng.sample(suite, n), key=lambda i: i.id)
real_build_case = RepairService.build_case
payload: dict = {"variants": []}
for label, adapter in variants:
    settings = Settings(adapter=adapter)
    retriever = build_retriever(settings, None)
    model = build_model(settings, None)
    if label.endswith("+ack"):
        RepairService.build_case = lambda self, *a, **kw: replace(
            real_build_case(self, *a, **kw), ack_start="I imagine"
        )
    else:
        RepairService.build_case = real_build_case
    svc = RepairService(model, retriever=retriever)
    t = time.time()
    rows = evaluate(svc, suite, seed=1)
    sys.stderr.write(f"{label}: {time.time() - t:.0f}s\n")
    payload["variants"].append({"label": label, "rows": [asdict(r) for r in rows]})
    out.write_text(json.dumps(payload, ensure_ascii=False))
