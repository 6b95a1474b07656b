"""Train the repair adapter: a LoRA on the embedded Gemma 3 270M, written as a GGUF for llama.cpp.

    make adapter                       # the whole run, in the background, resumable
    .venv-train/bin/python -m training.train --out training/runs/NAME [--resume] [--install]

What it does, in order:
1. Renders every corpus record through the app's own prompt code (`training.render`) and
   refuses to start if a held-out incident leaked into the training data.
2. Loads the embedded GGUF into transformers, dequantised to float32 (the exact weights
   llama.cpp runs), and checks that both tokenisers agree on the training text.
3. Trains LoRA on every attention and MLP projection. The loss covers the answer tokens
   only, and the 262k-way output layer runs only at those positions, which is most of the
   saving on a CPU. Batches are grouped by length. Seeds are fixed.
4. Checkpoints every few minutes; `--resume` continues from the last one.
5. Converts the adapter with llama.cpp's own `convert_lora_to_gguf.py` (from the
   llama-cpp-python source release of the installed version) and writes `manifest.json`:
   sha256 of the adapter, the base model and the corpus, the settings and the loss curve.
   `--install` copies both into `assistant/adapters/`, where the app loads them.

Needs the `train` extra (torch, transformers, peft, gguf); the app never imports this.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import math
import os
import random
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import torch
from peft import LoraConfig, get_peft_model, get_peft_model_state_dict, set_peft_model_state_dict
from transformers import AutoModelForCausalLM, AutoTokenizer

from assistant.backends.model_files import sha256_file
from training.corpus import HELDOUT, SLICES, leaked_heldout, load_corpus, load_heldout
from training.render import Example, render_corpus

log = logging.getLogger("training")

ROOT = Path(__file__).resolve().parent.parent
ADAPTERS = ROOT / "assistant" / "adapters"
ADAPTER_NAME = "repair-gemma3-270m-lora.gguf"
TARGETS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]


@dataclass
class HyperParameters:
    rank: int = 16
    alpha: int = 32
    dropout: float = 0.05
    learning_rate: float = 4e-4
    epochs: float = 2.0
    batch_tokens: int = 2400
    warmup_steps: int = 20
    weight_decay: float = 0.0
    seed: int = 1234
    max_length: int = 640
    # bf16 autocast: the LoRA weights and optimiser stay float32; the matmuls run in bf16,
    # which CPUs with AMX or AVX-512 BF16 do about 1.7x faster than float32 (BENCHMARKS.md).
    precision: str = "bf16"


def corpus_sha256(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def base_model_path() -> Path:
    from assistant.backends.model_files import ensure_default_model
    from assistant.config import Settings

    return ensure_default_model(Settings().models_dir)


# -- data --------------------------------------------------------------------------------


@dataclass
class Tokenised:
    id: str
    kind: str
    ids: list[int]
    answer_start: int


def tokenise(examples: list[Example], tokenizer, max_length: int) -> list[Tokenised]:
    out = []
    for ex in examples:
        prompt = tokenizer(ex.prompt, add_special_tokens=True)["input_ids"]
        answer = tokenizer(ex.answer, add_special_tokens=False)["input_ids"]
        ids = prompt + answer
        if len(ids) > max_length:
            log.warning("skipping %s: %d tokens", ex.id, len(ids))
            continue
        out.append(Tokenised(ex.id, ex.kind, ids, len(prompt)))
    return out


def check_tokeniser_agrees(examples: list[Example], tokenizer, gguf: Path, n: int = 40) -> None:
    """The answer must be the tokens llama.cpp would generate after the prompt it builds."""
    try:
        import llama_cpp
    except ImportError:
        log.warning("llama_cpp not installed here: tokeniser agreement not checked")
        return
    vocab = llama_cpp.Llama(model_path=str(gguf), vocab_only=True, verbose=False)
    bad = 0
    for ex in examples[:n]:
        ours = (
            tokenizer(ex.prompt, add_special_tokens=True)["input_ids"]
            + tokenizer(ex.answer, add_special_tokens=False)["input_ids"]
        )
        theirs = vocab.tokenize((ex.prompt + ex.answer).encode(), add_bos=True, special=True)
        prompt_theirs = vocab.tokenize(ex.prompt.encode(), add_bos=True, special=True)
        if ours != theirs or ours[: len(prompt_theirs)] != prompt_theirs:
            bad += 1
    log.info(
        "tokeniser agreement: %d/%d examples identical", min(n, len(examples)) - bad, min(n, len(examples))
    )
    if bad > n // 10:
        raise SystemExit(
            f"transformers and llama.cpp tokenise {bad} of {n} examples differently; refusing to train"
        )


def batches(items: list[Tokenised], batch_tokens: int, rng: random.Random) -> list[list[Tokenised]]:
    """Group by length so padding stays small, then shuffle the order of the groups."""
    ordered = sorted(items, key=lambda t: (len(t.ids), rng.random()))
    groups, current = [], []
    for item in ordered:
        longest = max([len(item.ids)] + [len(c.ids) for c in current])
        if current and longest * (len(current) + 1) > batch_tokens:
            groups.append(current)
            current = []
        current.append(item)
    if current:
        groups.append(current)
    rng.shuffle(groups)
    return groups


def collate(group: list[Tokenised], pad_id: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    width = max(len(t.ids) for t in group)
    ids = torch.full((len(group), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(group), width), dtype=torch.long)
    target = torch.zeros((len(group), width), dtype=torch.bool)
    for row, item in enumerate(group):
        ids[row, : len(item.ids)] = torch.tensor(item.ids)
        mask[row, : len(item.ids)] = 1
        target[row, item.answer_start : len(item.ids)] = True
    return ids, mask, target


def answer_loss(base, ids: torch.Tensor, mask: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Cross-entropy on answer tokens, running the output layer only where it is needed."""
    hidden = base.model(input_ids=ids, attention_mask=mask).last_hidden_state
    rows, cols = target.nonzero(as_tuple=True)
    logits = base.lm_head(hidden[rows, cols - 1])
    cap = getattr(base.config, "final_logit_softcapping", None)
    if cap:
        logits = torch.tanh(logits / cap) * cap
    return torch.nn.functional.cross_entropy(logits.float(), ids[rows, cols])


# -- the run -----------------------------------------------------------------------------


def _schedule(step: int, total: int, warmup: int) -> float:
    if step < warmup:
        return (step + 1) / warmup
    progress = (step - warmup) / max(1, total - warmup)
    return 0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, progress)))


def train(args: argparse.Namespace, hp: HyperParameters) -> dict:
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    random.seed(hp.seed)
    torch.manual_seed(hp.seed)
    torch.set_num_threads(args.threads)

    files = sorted(args.slices.glob("*.jsonl"))
    records = load_corpus(files)
    heldout = load_heldout(args.heldout)
    leaks = leaked_heldout(records, heldout)
    if leaks:
        raise SystemExit(
            f"{len(leaks)} held-out incidents also appear in the training corpus; fix the corpus first"
        )
    examples = render_corpus(records)
    log.info(
        "corpus: %d records from %d files, %d held-out incidents kept out",
        len(records),
        len(files),
        len(heldout),
    )

    gguf = base_model_path()
    started = time.perf_counter()
    tokenizer = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
    check_tokeniser_agrees(examples, tokenizer, gguf)
    model = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name, dtype=torch.float32)
    log.info("loaded %s in %.0fs", gguf.name, time.perf_counter() - started)
    config = LoraConfig(
        r=hp.rank, lora_alpha=hp.alpha, lora_dropout=hp.dropout, target_modules=TARGETS, task_type="CAUSAL_LM"
    )
    model = get_peft_model(model, config)
    base = model.get_base_model()
    trainable = [p for p in model.parameters() if p.requires_grad]
    log.info("trainable parameters: %d", sum(p.numel() for p in trainable))

    data = tokenise(examples, tokenizer, hp.max_length)
    rng = random.Random(hp.seed)
    epoch_batches = [batches(data, hp.batch_tokens, rng) for _ in range(math.ceil(hp.epochs))]
    per_epoch = len(epoch_batches[0])
    total_steps = (
        int(per_epoch * hp.epochs)
        if args.max_steps is None
        else min(args.max_steps, int(per_epoch * hp.epochs))
    )
    optimiser = torch.optim.AdamW(trainable, lr=hp.learning_rate, weight_decay=hp.weight_decay)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: _schedule(s, total_steps, hp.warmup_steps)
    )

    state = {"step": 0, "losses": [], "tokens": 0, "answer_tokens": 0, "seconds": 0.0}
    checkpoint = out / "checkpoint.pt"
    if args.resume and checkpoint.exists():
        saved = torch.load(checkpoint, weights_only=False)
        set_peft_model_state_dict(model, saved["adapter"])
        optimiser.load_state_dict(saved["optimiser"])
        scheduler.load_state_dict(saved["scheduler"])
        state = saved["state"]
        log.info("resumed at step %d of %d", state["step"], total_steps)

    def save() -> None:
        tmp = checkpoint.with_suffix(".tmp")
        torch.save(
            {
                "adapter": get_peft_model_state_dict(model),
                "optimiser": optimiser.state_dict(),
                "scheduler": scheduler.state_dict(),
                "state": state,
            },
            tmp,
        )
        tmp.replace(checkpoint)

    model.train()
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    last_save = time.perf_counter()
    window: list[float] = []
    while state["step"] < total_steps:
        epoch, index = divmod(state["step"], per_epoch)
        group = epoch_batches[epoch][index]
        ids, mask, target = collate(group, pad_id)
        t0 = time.perf_counter()
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=hp.precision == "bf16"):
            loss = answer_loss(base, ids, mask, target)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(trainable, 1.0)
        optimiser.step()
        scheduler.step()
        optimiser.zero_grad(set_to_none=True)
        state["seconds"] += time.perf_counter() - t0
        state["step"] += 1
        state["tokens"] += int(mask.sum())
        state["answer_tokens"] += int(target.sum())
        window.append(float(loss.detach()))
        if state["step"] % 10 == 0 or state["step"] == total_steps:
            mean = sum(window) / len(window)
            window = []
            state["losses"].append(
                {"step": state["step"], "epoch": round(state["step"] / per_epoch, 3), "loss": round(mean, 4)}
            )
            log.info(
                "step %d/%d epoch %.2f loss %.4f lr %.2e %.0f tokens/s elapsed %.0fs",
                state["step"],
                total_steps,
                state["step"] / per_epoch,
                mean,
                scheduler.get_last_lr()[0],
                state["tokens"] / state["seconds"],
                state["seconds"],
            )
        if time.perf_counter() - last_save > args.checkpoint_s:
            save()
            last_save = time.perf_counter()
    save()

    peft_dir = out / "peft"
    model.save_pretrained(peft_dir)
    adapter = convert(peft_dir, model.get_base_model().config, out, args.llama_src)
    manifest = {
        "adapter": adapter.name,
        "adapter_sha256": sha256_file(adapter),
        "adapter_bytes": adapter.stat().st_size,
        "base_model": gguf.name,
        "base_model_sha256": sha256_file(gguf),
        "corpus_sha256": corpus_sha256(files),
        "corpus_files": [f.name for f in files],
        "heldout_sha256": sha256_file(args.heldout),
        "examples": {
            kind: sum(1 for t in data if t.kind == kind)
            for kind in ("draft", "revision", "section", "reflection")
        },
        "hyperparameters": asdict(hp),
        "target_modules": TARGETS,
        "steps": state["step"],
        "train_seconds": round(state["seconds"], 1),
        "tokens_per_s": round(state["tokens"] / max(state["seconds"], 1e-9), 1),
        "loss_curve": state["losses"],
        "versions": {
            "torch": torch.__version__,
            "transformers": _version("transformers"),
            "peft": _version("peft"),
        },
        "threads": args.threads,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    log.info("wrote %s (%d bytes) and manifest.json", adapter, adapter.stat().st_size)
    if args.install:
        install(out)
    return manifest


def _version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


# -- conversion ----------------------------------------------------------------------------


def llama_source(cache: Path) -> Path:
    """llama.cpp's converter, from the llama-cpp-python source release we run (fetched once)."""
    from importlib.metadata import version

    ours = version("llama-cpp-python")
    folder = cache / f"llama_cpp_python-{ours}"
    if not (folder / "vendor" / "llama.cpp" / "convert_lora_to_gguf.py").exists():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--no-binary",
                ":all:",
                f"llama-cpp-python=={ours}",
                "-d",
                str(cache),
            ],
            check=True,
        )
        shutil.unpack_archive(str(cache / f"llama_cpp_python-{ours}.tar.gz"), str(cache))
    return folder / "vendor" / "llama.cpp"


def convert(peft_dir: Path, config, out: Path, llama_src: Path | None) -> Path:
    src = llama_src or llama_source(ROOT / "training" / ".cache")
    base_dir = out / "base-config"
    base_dir.mkdir(exist_ok=True)
    config.save_pretrained(base_dir)
    # The converter reads the architecture from the config; a GGUF-loaded config has none,
    # and carries a quantisation block the converter does not expect.
    data = json.loads((base_dir / "config.json").read_text())
    data["architectures"] = ["Gemma3ForCausalLM"]
    data.pop("quantization_config", None)
    (base_dir / "config.json").write_text(json.dumps(data, indent=2))
    target = out / ADAPTER_NAME
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(src / "gguf-py"), str(src)]))
    subprocess.run(
        [
            sys.executable,
            str(src / "convert_lora_to_gguf.py"),
            "--base",
            str(base_dir),
            "--outtype",
            "f16",
            "--outfile",
            str(target),
            str(peft_dir),
        ],
        check=True,
        env=env,
    )
    return target


def install(out: Path) -> None:
    ADAPTERS.mkdir(exist_ok=True)
    shutil.copy2(out / ADAPTER_NAME, ADAPTERS / ADAPTER_NAME)
    shutil.copy2(out / "manifest.json", ADAPTERS / "manifest.json")
    log.info("installed the adapter into %s", ADAPTERS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.train", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "training" / "runs" / "latest")
    parser.add_argument("--slices", type=Path, default=SLICES, help="folder of corpus slice files")
    parser.add_argument(
        "--heldout", type=Path, default=HELDOUT, help="the held-out incidents, kept out of training"
    )
    parser.add_argument("--resume", action="store_true", help="continue from the run's last checkpoint")
    parser.add_argument("--install", action="store_true", help="copy the adapter into assistant/adapters/")
    parser.add_argument("--install-only", action="store_true", help="install an already finished run")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--max-steps", type=int, default=None, help="stop early (a smoke test)")
    parser.add_argument("--checkpoint-s", type=float, default=240.0)
    parser.add_argument(
        "--llama-src", type=Path, default=None, help="a llama.cpp source folder with the converter"
    )
    for field, value in asdict(HyperParameters()).items():
        parser.add_argument(f"--{field.replace('_', '-')}", type=type(value), default=value)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stdout)
    if args.install_only:
        install(args.out)
        return 0
    hp = HyperParameters(**{f: getattr(args, f) for f in asdict(HyperParameters())})
    if hp.precision not in ("bf16", "fp32"):
        parser.error("--precision is bf16 or fp32")
    train(args, hp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
