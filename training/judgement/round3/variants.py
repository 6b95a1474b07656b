"""How round 3's variants were drafted: sampling, the seeded own section, best-of-k (adapter).

    python training/judgement/round3/variants.py OUT.json shipped,cool,cool+seed,seed,cool+seed+k3 60

"shipped" is the sampling before this round (temperature 0.5, repeat penalty 1.1, the model
writing the own section); the seeded variants start the own section from the leader's words.
`python -m training.blind packet OUT.json DIR` then makes the blind packet.
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
from assistant.core import service as service_module
from assistant.core.drafting import DraftSettings
from assistant.core.service import RepairService

out = Path(sys.argv[1])
names = sys.argv[2].split(",")
n = int(sys.argv[3]) if len(sys.argv) > 3 else 60
settings = Settings()
retriever = build_retriever(settings, None)
model = build_model(settings, None)
suite = load_heldout()
rng = random.Random(11)
suite = sorted(rng.sample(suite, n), key=lambda i: i.id)
real_extract, real_own = service_module.extract_act, service_module.own_from_note
VARIANTS = {
    "shipped": (DraftSettings(), False, 1),
    "cool": (DraftSettings(temperature=0.2, repeat_penalty=1.0), False, 1),
    "cool+seed": (DraftSettings(temperature=0.2, repeat_penalty=1.0), True, 1),
    "cool+seed+k3": (DraftSettings(temperature=0.2, repeat_penalty=1.0), True, 3),
    "seed": (DraftSettings(), True, 1),
    "greedy+seed": (DraftSettings(temperature=0.0, repeat_penalty=1.0), True, 1),
    "warm+seed+k3": (DraftSettings(temperature=0.5, repeat_penalty=1.0), True, 3),
}
payload = {"variants": []}
for name in names:
    ds, seed_own, k = VARIANTS[name]
    service_module.extract_act = real_extract if seed_own else (lambda *a, **kw: None)
    service_module.own_from_note = real_own if seed_own else (lambda *a, **kw: "")
    svc = RepairService(model, retriever=retriever, candidates=k, draft_settings=ds)
    t = time.time()
    rows = evaluate(svc, suite, seed=1)
    sys.stderr.write(f"{name}: {time.time() - t:.0f}s\n")
    payload["variants"].append({"label": name, "rows": [asdict(r) for r in rows]})
    out.write_text(json.dumps(payload, ensure_ascii=False))
