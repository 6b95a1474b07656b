"""Finding the GGUF models a leader already has, from their metadata alone.

A better model is often already on the laptop (LM Studio, Ollama, GPT4All, the Hugging
Face cache). Listing them must be quick and safe: no weights are loaded, llama_cpp is not
imported, and a broken file becomes a note in the list rather than a crash.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from pydantic import BaseModel, Field

from assistant.backends.gguf_meta import GGUFError, GGUFMetadata, read_metadata

log = logging.getLogger(__name__)

MAX_DEPTH = 6
ENV_DIRS = "REPAIR_MODELS_DIR"
OLLAMA_MODEL_LAYER = "application/vnd.ollama.image.model"
_OLLAMA_HOME = "registry.ollama.ai"
_SPLIT = re.compile(r"-(\d{5})-of-(\d{5})$")
_QUANT_IN_NAME = re.compile(
    r"(?<![A-Za-z0-9])(IQ\d_(?:XXS|XS|S|M|NL)|Q\d_K(?:_[SML])?|Q\d_\d|TQ\d_\d|MXFP4|BF16|F16|F32)(?![A-Za-z0-9])",
    re.IGNORECASE,
)
# llama.cpp's llama_ftype numbers (general.file_type) → the names people know them by.
# fmt: off
FILE_TYPES = {
    0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1", 10: "Q2_K",
    11: "Q3_K_S", 12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M", 16: "Q5_K_S",
    17: "Q5_K_M", 18: "Q6_K", 19: "IQ2_XXS", 20: "IQ2_XS", 21: "Q2_K_S", 22: "IQ3_XS",
    23: "IQ3_XXS", 24: "IQ1_S", 25: "IQ4_NL", 26: "IQ3_S", 27: "IQ3_M", 28: "IQ2_S",
    29: "IQ2_M", 30: "IQ4_XS", 31: "IQ1_M", 32: "BF16", 36: "TQ1_0", 37: "TQ2_0",
    38: "MXFP4_MOE",
}
# fmt: on
_FTYPE_GUESSED = 1024


class FoundModel(BaseModel):
    """One usable GGUF on this machine, described from its metadata."""

    name: str = Field(description="Readable name, e.g. llama3.2:3b or org/repo/file.")
    path: str = Field(description="The GGUF file to pass as --model.")
    source: str = Field(description="lmstudio, ollama, gpt4all, huggingface, models_dir, env or extra.")
    size_bytes: int
    architecture: str = ""
    parameters: str = Field(default="", description="Size label such as 270M, or counted from tensors.")
    quantization: str = ""
    context_length: int = Field(default=0, description="Trained context length; 0 when not declared.")
    chat_template: bool = Field(default=False, description="True when it runs in chat mode.")


class SkippedFile(BaseModel):
    """A file that looked like a model but cannot be used, and why."""

    path: str
    reason: str


class SearchedPlace(BaseModel):
    source: str
    path: str
    exists: bool


class DiscoveryResult(BaseModel):
    models: list[FoundModel] = Field(default_factory=list)
    skipped: list[SkippedFile] = Field(default_factory=list)
    searched: list[SearchedPlace] = Field(default_factory=list)


def _sentence(clause: str) -> str:
    clause = clause.strip().rstrip(".")
    return clause[:1].upper() + clause[1:] + "."


def quantization_name(file_type: object, filename: str) -> str:
    """general.file_type if it names a known type, else whatever the filename says."""
    if isinstance(file_type, int) and not isinstance(file_type, bool):
        known = FILE_TYPES.get(file_type & ~_FTYPE_GUESSED)
        if known:
            return known
    match = _QUANT_IN_NAME.search(filename)
    return match.group(1).upper() if match else ""


def _format_count(count: int) -> str:
    for limit, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if count >= limit:
            value = count / limit
            return f"{value:.0f}{suffix}" if value >= 10 else f"{value:.1f}{suffix}".replace(".0", "")
    return str(count) if count else ""


def _home_places(home: Path, env: Mapping[str, str], system: bool) -> list[tuple[str, Path]]:
    places = [
        ("lmstudio", home / ".lmstudio" / "models"),
        ("lmstudio", home / ".cache" / "lm-studio" / "models"),
    ]
    places.append(
        (
            "ollama",
            Path(env["OLLAMA_MODELS"]).expanduser()
            if env.get("OLLAMA_MODELS")
            else home / ".ollama" / "models",
        )
    )
    if system and not env.get("OLLAMA_MODELS"):  # Linux installs run Ollama as its own user
        places.append(("ollama", Path("/usr/share/ollama/.ollama/models")))
    places.append(("gpt4all", home / ".local" / "share" / "nomic.ai" / "GPT4All"))
    if sys.platform == "darwin":
        places.append(("gpt4all", home / "Library" / "Application Support" / "nomic.ai" / "GPT4All"))
    if env.get("HF_HUB_CACHE"):
        hub = Path(env["HF_HUB_CACHE"]).expanduser()
    elif env.get("HF_HOME"):
        hub = Path(env["HF_HOME"]).expanduser() / "hub"
    else:
        hub = home / ".cache" / "huggingface" / "hub"
    places.append(("huggingface", hub))
    places.append(("models_dir", home / "models"))
    for part in env.get(ENV_DIRS, "").split(os.pathsep):
        if part.strip():
            places.append(("env", Path(part.strip()).expanduser()))
    return places


def _walk(root: Path, depth: int = MAX_DEPTH, seen: set[Path] | None = None) -> Iterator[Path]:
    """Every *.gguf under root (symlinks followed, loops and hidden folders skipped)."""
    seen = set() if seen is None else seen
    try:
        real = root.resolve()
        if real in seen:
            return
        seen.add(real)
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError as exc:
        log.debug("cannot list %s: %s", root, exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir():
                if depth > 0:
                    yield from _walk(path, depth - 1, seen)
            elif entry.name.lower().endswith(".gguf"):
                yield path
        except OSError:
            continue


class _Collector:
    """Describes files once each (by resolved path) and gathers models and skip notes."""

    def __init__(self) -> None:
        self.result = DiscoveryResult()
        self._seen: set[Path] = set()

    def skip(self, path: Path, reason: str) -> None:
        log.debug("skipping %s: %s", path, reason)
        self.result.skipped.append(SkippedFile(path=str(path), reason=_sentence(reason)))

    def add(self, path: Path, name: str, source: str, fallback: Mapping[str, str] | None = None) -> None:
        if path.is_symlink() and not path.exists():
            self._skip_named(path, name, source, "it is a broken link (its target is missing)")
            return
        try:
            real = path.resolve()
        except OSError as exc:
            self._skip_named(path, name, source, f"it cannot be read ({exc.strerror or exc})")
            return
        if real in self._seen:
            return
        self._seen.add(real)
        found = _inspect(path)
        if isinstance(found, str):
            self._skip_named(path, name, source, found)
        else:
            self.result.models.append(_describe(found[1], path, name, source, found[0], fallback))

    def _skip_named(self, path: Path, name: str, source: str, reason: str) -> None:
        # An Ollama blob's file name means nothing to a person; say which model it is.
        self.skip(path, f"{reason}; Ollama lists it as {name}" if source == "ollama" else reason)


def _inspect(path: Path) -> tuple[int, GGUFMetadata] | str:
    """(size, metadata) of a usable model file, or why it is not one."""
    if not path.is_file():  # a FIFO or device named *.gguf would block a read forever
        return "it is not a regular file"
    try:
        size = _split_size(path)
    except OSError as exc:
        return f"it cannot be read ({exc.strerror or exc})"
    if isinstance(size, str):
        return size
    try:
        meta = read_metadata(path)
    except GGUFError as exc:
        return str(exc)
    if meta.get("general.type") == "mmproj" or meta.get("general.architecture") == "clip":
        return "it is a vision projector (mmproj) that goes with another model, not a text model"
    return size, meta


def _split_size(path: Path) -> int | str:
    """The total size of a model, summing the parts of a split GGUF; a str says what is wrong."""
    match = _SPLIT.search(path.stem)
    if not match:
        return path.stat().st_size
    total = int(match.group(2))
    parts = [
        path.with_name(_SPLIT.sub(f"-{n:05d}-of-{total:05d}", path.stem) + path.suffix)
        for n in range(1, total + 1)
    ]
    missing = [p.name for p in parts if not p.exists()]
    if missing:
        return f"it is one part of a split model and {len(missing)} of its {total} parts are missing"
    return sum(p.stat().st_size for p in parts)


def _is_later_split_part(path: Path) -> bool:
    match = _SPLIT.search(path.stem)
    return bool(match) and int(match.group(1)) != 1


def _describe(
    meta: GGUFMetadata,
    path: Path,
    name: str,
    source: str,
    size: int,
    fallback: Mapping[str, str] | None,
) -> FoundModel:
    fallback = fallback or {}
    arch = str(meta.get("general.architecture") or "")
    ctx = meta.get(f"{arch}.context_length", 0) if arch else 0
    label = meta.get("general.size_label")
    params = str(label) if label else fallback.get("parameters") or _format_count(meta.parameter_count)
    quant = quantization_name(meta.get("general.file_type"), path.name) or fallback.get("quantization", "")
    return FoundModel(
        name=name,
        path=str(path),
        source=source,
        size_bytes=size,
        architecture=arch,
        parameters=params,
        quantization=quant,
        context_length=int(ctx) if isinstance(ctx, int | float) and not isinstance(ctx, bool) else 0,
        chat_template=bool(meta.get("tokenizer.chat_template")),
    )


def _file_name(root: Path, path: Path, prefix: str = "") -> str:
    relative = path.relative_to(root).with_suffix("").as_posix()
    return prefix + _SPLIT.sub("", relative)


def _scan_folder(collector: _Collector, root: Path, source: str, prefix: str = "") -> None:
    for path in _walk(root):
        if not _is_later_split_part(path):
            collector.add(path, _file_name(root, path, prefix), source)


def _scan_huggingface(collector: _Collector, hub: Path) -> None:
    """hub/models--org--name/snapshots/<rev>/*.gguf, named org/name/<file>."""
    for repo in sorted(hub.glob("models--*")):
        repo_id = "/".join(repo.name.split("--")[1:])
        for snapshot in sorted((repo / "snapshots").glob("*")):
            _scan_folder(collector, snapshot, "huggingface", prefix=f"{repo_id}/")


def _ollama_name(manifests: Path, manifest: Path) -> str:
    *where, tag = manifest.relative_to(manifests).parts
    name = "/".join(where)
    for prefix in (f"{_OLLAMA_HOME}/library/", f"{_OLLAMA_HOME}/"):
        if name.startswith(prefix):
            name = name[len(prefix) :]
            break
    return f"{name}:{tag}"


def _ollama_blob(blobs: Path, digest: str) -> Path:
    dashed = blobs / digest.replace(":", "-")
    return dashed if dashed.exists() or not (blobs / digest).exists() else blobs / digest


def _ollama_config(blobs: Path, manifest: dict) -> dict[str, str]:
    """Ollama's small config blob names the size and quantization when the GGUF does not."""
    digest = (manifest.get("config") or {}).get("digest", "")
    try:
        config = json.loads(_ollama_blob(blobs, digest).read_text(encoding="utf-8")) if digest else {}
    except (OSError, ValueError):
        return {}
    if not isinstance(config, dict):
        return {}
    return {
        "parameters": str(config.get("model_type") or ""),
        "quantization": str(config.get("file_type") or ""),
    }


def _scan_ollama(collector: _Collector, root: Path) -> None:
    manifests, blobs = root / "manifests", root / "blobs"
    for manifest_path in _walk_files(manifests):
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            layers = manifest["layers"]
            digest = next(layer["digest"] for layer in layers if layer.get("mediaType") == OLLAMA_MODEL_LAYER)
        except StopIteration:
            collector.skip(manifest_path, "this Ollama manifest names no GGUF model layer")
            continue
        except (OSError, ValueError, KeyError, TypeError):
            collector.skip(manifest_path, "it is not a readable Ollama manifest")
            continue
        name = _ollama_name(manifests, manifest_path)
        blob = _ollama_blob(blobs, str(digest))
        if not blob.is_file():
            collector.skip(manifest_path, f"the model blob of {name} ({blob.name}) is missing")
            continue
        collector.add(blob, name, "ollama", _ollama_config(blobs, manifest))


def _walk_files(root: Path, depth: int = MAX_DEPTH) -> Iterator[Path]:
    """Every regular file under root, in a stable order (Ollama manifests have no suffix)."""
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False) and depth > 0:
                yield from _walk_files(Path(entry.path), depth - 1)
            elif entry.is_file():
                yield Path(entry.path)
        except OSError:
            continue


def discover_models(
    home: Path | None = None,
    extra_dirs: Sequence[Path] = (),
    env: Mapping[str, str] | None = None,
) -> DiscoveryResult:
    """List the GGUF models in the usual places, reading only their metadata.

    `home` defaults to the user's home (and then also looks at a system-wide Ollama);
    `env` defaults to os.environ (REPAIR_MODELS_DIR, OLLAMA_MODELS, HF_HUB_CACHE, HF_HOME).
    The first place a file is found wins; the same file reached twice is listed once.
    """
    system = home is None
    home = Path.home() if home is None else Path(home)
    env = os.environ if env is None else env
    places = _home_places(home, env, system) + [("extra", Path(p).expanduser()) for p in extra_dirs]
    collector = _Collector()
    for source, root in places:
        exists = root.is_dir()
        collector.result.searched.append(SearchedPlace(source=source, path=str(root), exists=exists))
        if not exists:
            continue
        if source == "ollama":
            _scan_ollama(collector, root)
        elif source == "huggingface":
            _scan_huggingface(collector, root)
        else:
            _scan_folder(collector, root, source)
    collector.result.models.sort(key=lambda m: (m.name.lower(), m.path))
    collector.result.skipped.sort(key=lambda s: s.path)
    return collector.result
