"""The repair adapter: which LoRA (if any) goes on the drafting model, verified before use.

The shipped adapter was trained by `training/train.py` on the embedded Gemma 3 270M. Its
`manifest.json` records the sha256 of the adapter and of the base model it was trained on;
both must match at load, or the app drafts with the base model's few-shot prompt and says
why. Pure Python (no llama_cpp), so resolution is testable without a model.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path

from assistant.backends.model_files import embedded_sha256, sha256_file

log = logging.getLogger(__name__)

DEFAULT = "default"
NONE = "none"
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Adapter:
    path: Path
    manifest: dict

    @property
    def name(self) -> str:
        return self.path.stem


@dataclass(frozen=True)
class AdapterChoice:
    """The adapter to load (or None) and, when one was wanted but cannot be used, why."""

    adapter: Adapter | None
    note: str = ""


def shipped_adapter_dir() -> Path:
    with as_file(files("assistant").joinpath("adapters")) as path:
        return Path(path)


def _fallback(reason: str) -> AdapterChoice:
    note = (
        f"The repair adapter is not in use: {reason}. Drafting with the base model's few-shot prompt instead."
    )
    log.warning("%s", note)
    return AdapterChoice(None, note)


def load_manifest(adapter_path: Path) -> dict:
    manifest_path = adapter_path.parent / MANIFEST
    data = json.loads(manifest_path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError("the manifest is not a JSON object")
    return data


def verify(adapter_path: Path, base_sha256: str | None) -> AdapterChoice:
    """Check an adapter file against its manifest (and the base model's hash, when known)."""
    if not adapter_path.is_file():
        return _fallback(f"{adapter_path.name} is missing")
    try:
        manifest = load_manifest(adapter_path)
    except FileNotFoundError:
        return _fallback(f"{adapter_path.name} has no {MANIFEST} beside it")
    except (OSError, ValueError) as exc:
        return _fallback(f"its {MANIFEST} cannot be read ({exc})")
    if manifest.get("adapter_sha256") != sha256_file(adapter_path):
        return _fallback(f"{adapter_path.name} does not match its manifest (changed or damaged)")
    if base_sha256 is not None and manifest.get("base_model_sha256") != base_sha256:
        return _fallback("it was trained for a different base model")
    return AdapterChoice(Adapter(adapter_path, manifest))


def choose_adapter(setting: str | None, *, model_path: Path, embedded_default: bool) -> AdapterChoice:
    """Resolve REPAIR_ADAPTER / --adapter: "default", "none", or a path to a LoRA GGUF.

    "default" means the shipped adapter on the embedded model, and nothing on a model the
    leader brought: their GGUF keeps its own chat or few-shot path.
    """
    value = (setting or DEFAULT).strip()
    if value.lower() == NONE:
        return AdapterChoice(None)
    if value.lower() == DEFAULT:
        if not embedded_default:
            return AdapterChoice(None)
        shipped = sorted(shipped_adapter_dir().glob("*.gguf"))
        if not shipped:
            return _fallback("no adapter file ships with this install")
        return verify(shipped[0], embedded_sha256())
    path = Path(value).expanduser()
    base = None if not model_path.is_file() else sha256_file(model_path)
    return verify(path, base)
