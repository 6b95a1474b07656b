"""Loading the knowledge base: markdown files with a small front-matter block.

The front matter is a fixed, flat `key: value` format (lists as `[a, b]`), so a tiny
parser is enough and the linter path needs no YAML library.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from assistant.core.resources import knowledge_dir
from assistant.retrieval.situations import SITUATIONS

STAGES = (
    "name_the_moment",
    "own",
    "acknowledge",
    "listen",
    "commit",
    "follow_through",
    "avoid",
    "background",
)
# The situations a passage can be tagged with: every detected situation, plus "general".
SITUATION_TAGS = (*SITUATIONS, "general")
_EXAMPLES_HEADING = re.compile(r"^##\s+Example lines\s*$", re.IGNORECASE | re.MULTILINE)
_BULLET = re.compile(r'^\s*[-*]\s+"?(.+?)"?\s*$')


class KnowledgeError(ValueError):
    """A knowledge file is malformed; the message names the file."""


@dataclass(frozen=True)
class KnowledgeDoc:
    id: str
    title: str
    stage: str
    situations: tuple[str, ...]
    source: str
    body: str
    example_lines: tuple[str, ...]

    def embedding_text(self, max_words: int = 60) -> str:
        """A short digest to embed: title, example lines, then the body's opening.

        Embedding cost grows with length (about 4 ms a token on two cores), and the short
        digest is what an incident resembles anyway, so the index stays quick to build.
        """
        words = f"{self.title}. {' '.join(self.example_lines)} {self.body}".split()
        return " ".join(words[:max_words])


def _value(raw: str) -> str | list[str]:
    raw = raw.strip()
    if raw.startswith("[") and raw.endswith("]"):
        return [item.strip().strip("'\"") for item in raw[1:-1].split(",") if item.strip()]
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
        return raw[1:-1]
    return raw


def parse_doc(text: str, name: str) -> KnowledgeDoc:
    if not text.startswith("---"):
        raise KnowledgeError(f"{name}: missing the front-matter block")
    try:
        _, header, body = text.split("---", 2)
    except ValueError as exc:
        raise KnowledgeError(f"{name}: the front-matter block is not closed") from exc
    meta: dict[str, str | list[str]] = {}
    for line in header.strip().splitlines():
        if line.strip():
            key, sep, raw = line.partition(":")
            if not sep:
                raise KnowledgeError(f"{name}: front-matter line without a colon: {line!r}")
            meta[key.strip()] = _value(raw)
    missing = [key for key in ("id", "title", "stage", "situations", "source") if not meta.get(key)]
    if missing:
        raise KnowledgeError(f"{name}: front matter lacks {', '.join(missing)}")
    situations = meta["situations"] if isinstance(meta["situations"], list) else [str(meta["situations"])]
    if meta["stage"] not in STAGES or any(s not in SITUATION_TAGS for s in situations):
        raise KnowledgeError(f"{name}: unknown stage or situation")
    examples: list[str] = []
    heading = _EXAMPLES_HEADING.search(body)
    if heading:
        tail = body[heading.end() :]
        next_heading = re.search(r"^#", tail, re.MULTILINE)
        block = tail[: next_heading.start()] if next_heading else tail
        lines = block.splitlines()
        examples = [m.group(1).strip().strip('"“”') for m in map(_BULLET.match, lines) if m]
        # Prose that is not a bullet stays part of the body (and of the content hash).
        rest = "\n".join(line for line in lines if not _BULLET.match(line))
        body = body[: heading.start()] + "\n" + rest + (tail[next_heading.start() :] if next_heading else "")
    return KnowledgeDoc(
        id=str(meta["id"]),
        title=str(meta["title"]),
        stage=str(meta["stage"]),
        situations=tuple(situations),
        source=str(meta["source"]),
        body=re.sub(r"\s+", " ", body).strip(),
        example_lines=tuple(examples),
    )


def load_knowledge(folder: Path | None = None) -> list[KnowledgeDoc]:
    """All knowledge docs, sorted by id; raises KnowledgeError naming a bad file."""
    folder = folder or knowledge_dir()
    docs = [parse_doc(path.read_text(encoding="utf-8"), path.name) for path in sorted(folder.glob("*.md"))]
    ids = [doc.id for doc in docs]
    if len(set(ids)) != len(ids):
        raise KnowledgeError("knowledge ids are not unique")
    return sorted(docs, key=lambda doc: doc.id)


def content_hash(docs: list[KnowledgeDoc]) -> str:
    """Changes whenever any text or metadata that is indexed changes."""
    digest = hashlib.sha256()
    for doc in docs:
        for part in (
            doc.id,
            doc.title,
            doc.stage,
            ",".join(doc.situations),
            doc.source,
            doc.body,
            *doc.example_lines,
        ):
            digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()[:16]
