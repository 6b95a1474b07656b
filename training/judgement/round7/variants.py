"""How round 7's variants were drafted: commitment from the rules, with and without the
acknowledgement from the rules too.

    python training/judgement/round7/variants.py OUT.json

Both variants draft every held-out incident with the shipped adapter and seed 1, the own
section seeded from the account and the commitment taken from `assistant.core.commit_rules`
when the act is one it knows. "ack_rules" also takes the acknowledgement from
`assistant.core.ack_rules` for those acts, so the whole draft comes from the rules;
"commit_rules" leaves the acknowledgement to the model, as round 6's "rules" variant did.
`python training/judgement/round7/packet.py OUT.json` then makes the blind packets.
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

out = Path(sys.argv[1])
suite = sorted(load_heldout(), key=lambda i: i.id)
settings = Settings()
retriever = build_retriever(settings, None)
model = build_model(settings, None)
payload: dict = {"variants": []}
for label, ack in (("commit_rules", False), ("ack_rules", True)):
    svc = RepairService(model, retriever=retriever, commit_rules=True, ack_rules=ack)
    t = time.time()
    rows = evaluate(svc, suite, seed=1)
    sys.stderr.write(f"{label}: {time.time() - t:.0f}s\n")
    payload["variants"].append({"label": label, "rows": [asdict(r) for r in rows]})
    out.write_text(json.dumps(payload, ensure_ascii=False))
