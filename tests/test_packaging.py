"""prompts/ and knowledge/ must load from a non-editable install, not only from a checkout."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_prompts_and_knowledge(tmp_path: Path) -> None:
    wheels, site = tmp_path / "wheels", tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    wheel = next(wheels.glob("repair_assistant-*.whl"))
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
        text=True,
    )
    probe = (
        "import assistant, assistant.core.resources as r, assistant.retrieval.knowledge as k, assistant.core.prompts as p;"
        "print(assistant.__file__); print(r.prompts_dir()); print(r.knowledge_dir());"
        "print(len(k.load_knowledge())); print(len(p.render('draft_completion.j2', case={'guidance':'g','incident':'i','person':'p','notes':{}})))"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, check=True, capture_output=True, text=True
    )
    module, prompts, knowledge, n_docs, n_chars = out.stdout.split("\n")[:5]
    assert module.startswith(str(site))
    assert prompts.startswith(str(site)) and knowledge.startswith(str(site))
    assert int(n_docs) == len(list((ROOT / "knowledge").glob("*.md")))
    assert int(n_chars) > 1000


TOP_LEVEL = {"__init__.py", "__main__.py", "config.py", "app_factory.py"}


def test_every_package_is_on_the_readmes_map_and_nothing_sits_loose() -> None:
    """The README's "How the code is laid out" names each package; modules live inside one."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How the code is laid out", 1)[1].split("\n## ", 1)[0]
    mapped = set(re.findall(r"`assistant/(\w+)/`", section))
    packages = {p.parent.name for p in (ROOT / "assistant").glob("*/__init__.py")}
    assert packages == mapped
    loose = {p.name for p in (ROOT / "assistant").glob("*.py")} - TOP_LEVEL
    assert not loose, f"modules outside any package: {sorted(loose)}"
    for package in packages:
        doc = (ROOT / "assistant" / package / "__init__.py").read_text(encoding="utf-8")
        assert doc.startswith('"""') and len(doc) > 40, f"{package}/__init__.py says what it holds"


def test_one_module_imports_each_heavy_library() -> None:
    owners = {"llama_cpp": "backends/llama.py", "chromadb": "retrieval/store.py", "gradio": "ui/app.py"}
    for library, owner in owners.items():
        importers = sorted(
            str(p.relative_to(ROOT / "assistant"))
            for p in (ROOT / "assistant").rglob("*.py")
            if re.search(rf"^\s*(?:import {library}\b|from {library}\b)", p.read_text(encoding="utf-8"), re.M)
        )
        assert importers == [owner], (library, importers)
