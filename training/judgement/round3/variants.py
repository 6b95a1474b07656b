"""Decoding experiment on the held-out split: sampling, own seed, best-of-k (adapter)."""
import json, random, sys, time
from dataclasses import asdict
from pathlib import Path

from assistant import service as service_module
from assistant.app_factory import build_model, build_retriever
from assistant.config import Settings
from assistant.drafting import DraftSettings
from assistant.evaluation import evaluate, load_heldout
from assistant.service import RepairService

out = Path(sys.argv[1])
names = sys.argv[2].split(",")
n = int(sys.argv[3]) if len(sys.argv) > 3 else 60
settings = Settings()
retriever = build_retriever(settings, None)
model = build_model(settings, None)
suite = load_heldout()
rng = random.Random(11)
suite = sorted(rng.sample(suite, n), key=lambda i: i.id)
real_extract, real_own = service_module.extract_act, service_module._own_words
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
    service_module._own_words = real_own if seed_own else (lambda *a, **kw: "")
    svc = RepairService(model, retriever=retriever, candidates=k, draft_settings=ds)
    t = time.time()
    rows = evaluate(svc, suite, seed=1)
    sys.stderr.write(f"{name}: {time.time()-t:.0f}s\n")
    payload["variants"].append({"label": name, "rows": [asdict(r) for r in rows]})
    out.write_text(json.dumps(payload, ensure_ascii=False))
