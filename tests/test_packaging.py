"""prompts/ and knowledge/ must load from a non-editable install, not only from a checkout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_prompts_and_knowledge(tmp_path: Path) -> None:
    wheels, site = tmp_path / "wheels", tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    wheel = next(wheels.glob("repair_assistant-*.whl"))
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)],
        check=True, capture_output=True, text=True,
    )
    probe = (
        "import assistant, assistant.resources as r, assistant.knowledge as k, assistant.prompts as p;"
        "print(assistant.__file__); print(r.prompts_dir()); print(r.knowledge_dir());"
        "print(len(k.load_knowledge())); print(len(p.render('draft_completion.j2', case={'guidance':'g','incident':'i','person':'p','notes':{}})))"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, check=True, capture_output=True, text=True)
    module, prompts, knowledge, n_docs, n_chars = out.stdout.split("\n")[:5]
    assert module.startswith(str(site))
    assert prompts.startswith(str(site)) and knowledge.startswith(str(site))
    assert int(n_docs) == len(list((ROOT / "knowledge").glob("*.md")))
    assert int(n_chars) > 1000
