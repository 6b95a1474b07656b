"""How round 8's variants were drafted: the round 7 rules against today's, on new incidents.

    PYTHONPATH=TREE python training/judgement/round8/variants.py LABEL OUT.json [INCIDENTS.jsonl]

Drafts every incident in `incidents.jsonl` (written for this round, after round 7 and never
tuned on) with the shipped adapter, seed 1 and the service's defaults, from whichever tree
is first on PYTHONPATH, and adds the rows to OUT under LABEL. Round 8 ran it from a checkout
of 1512f49 (round 7's "ack_rules", as judged) and from 0e56d8c (rules for more acts);
`python training/judgement/round7/packet.py`'s way of pairing then makes the blind packets.
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
label, out = sys.argv[1], Path(sys.argv[2])
# Round 10 drafted its own new incidents the same way.
suite = load_heldout(Path(sys.argv[3]) if len(sys.argv) > 3 else HERE / "incidents.jsonl")
settings = Settings()
svc = RepairService(build_model(settings, None), retriever=build_retriever(settings, None))
started = time.time()
rows = evaluate(svc, suite, seed=1)
sys.stderr.write(f"{label}: {time.time() - started:.0f}s\n")
payload = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {"variants": []}
payload["variants"].append({"label": label, "rows": [asdict(r) for r in rows]})
out.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
