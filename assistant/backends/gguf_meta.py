"""A small, fast reader for GGUF metadata that never touches the weights.

`gguf.GGUFReader` builds every vocabulary entry (about 16 s for Gemma's 262k tokens) and
llama.cpp's `vocab_only` load needs llama_cpp, which only the runtime may import. Discovery
only needs a dozen scalar keys, so this reader walks the key/value section with a buffered
read and skips arrays (vocabularies, merges) by length without building Python objects.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

MAGIC = b"GGUF"
_CHUNK = 1 << 20
_MAX_KEY = 1 << 16  # no real key is longer than a few dozen bytes
_MAX_STRING = 1 << 26  # chat templates are kilobytes; 64 MiB means a corrupt length
_MAX_COUNT = 1 << 32
_MAX_TENSORS = 1_000_000
_MAX_DIMS = 8

# GGUF value types (the spec's numbering) → struct codes for the scalar ones.
# fmt: off
_SCALARS = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?",
            10: "Q", 11: "q", 12: "d"}
# fmt: on
_STRING, _ARRAY = 8, 9
# ggml tensor types → (elements per block, bytes per block), for the common ones only.
# fmt: off
_TYPE_SIZES = {0: (1, 4), 1: (1, 2), 30: (1, 2), 2: (32, 18), 3: (32, 20), 6: (32, 22),
               7: (32, 24), 8: (32, 34), 10: (256, 84), 11: (256, 110), 12: (256, 144),
               13: (256, 176), 14: (256, 210)}
# fmt: on

Scalar = int | float | bool | str


class GGUFError(ValueError):
    """The file is not a usable GGUF; the message is one clause that says why."""


@dataclass(frozen=True)
class ArrayInfo:
    """An array value that was skipped: its element type and length, never its items."""

    item_type: int
    count: int


@dataclass
class GGUFMetadata:
    """Scalar and string metadata of one GGUF file, plus where its weights should end."""

    version: int
    tensor_count: int
    values: dict[str, Scalar] = field(default_factory=dict)
    arrays: dict[str, ArrayInfo] = field(default_factory=dict)
    parameter_count: int = 0  # summed tensor elements, for files without general.size_label

    def get(self, key: str, default: Scalar | None = None) -> Scalar | None:
        return self.values.get(key, default)


class _Cursor:
    """Sequential little reads over a file, served from a 1 MiB buffer."""

    def __init__(self, handle: BinaryIO, size: int, endian: str) -> None:
        self._handle = handle
        self._size = size
        self._buf = b""
        self._pos = 0
        self._base = 0  # file offset of self._buf[0]
        self._endian = endian
        self._u64 = struct.Struct(endian + "Q").unpack_from
        self._u32 = struct.Struct(endian + "I").unpack_from
        self._structs: dict[str, struct.Struct] = {}

    @property
    def offset(self) -> int:
        return self._base + self._pos

    def _fill(self, need: int) -> None:
        have = len(self._buf) - self._pos
        if have >= need:
            return
        more = self._handle.read(max(need - have, _CHUNK))
        self._buf = self._buf[self._pos :] + more
        self._base += self._pos
        self._pos = 0
        if len(self._buf) < need:
            raise GGUFError("it is truncated (the file ends inside its metadata)")

    def take(self, n: int) -> bytes:
        self._fill(n)
        data = self._buf[self._pos : self._pos + n]
        self._pos += n
        return data

    def skip(self, n: int) -> None:
        if len(self._buf) - self._pos >= n:
            self._pos += n
            return
        target = self.offset + n
        if target > self._size:
            raise GGUFError("it is truncated (the file ends inside its metadata)")
        self._handle.seek(target)
        self._buf, self._pos, self._base = b"", 0, target

    def u32(self) -> int:
        self._fill(4)
        (value,) = self._u32(self._buf, self._pos)
        self._pos += 4
        return value

    def u64(self) -> int:
        self._fill(8)
        (value,) = self._u64(self._buf, self._pos)
        self._pos += 8
        return value

    def scalar(self, code: str) -> int | float | bool:
        packer = self._structs.get(code)
        if packer is None:
            packer = self._structs[code] = struct.Struct(self._endian + code)
        self._fill(packer.size)
        (value,) = packer.unpack_from(self._buf, self._pos)
        self._pos += packer.size
        return value

    def string(self, limit: int = _MAX_STRING) -> str:
        length = self.u64()
        if length > limit:
            raise GGUFError("its metadata is corrupt (a string claims an impossible length)")
        return self.take(length).decode("utf-8", errors="replace")

    def skip_strings(self, count: int) -> None:
        """Walk `count` length-prefixed strings; the hot loop for a 262k-token vocabulary."""
        u64 = self._u64
        buf, pos = self._buf, self._pos
        for _ in range(count):
            if len(buf) - pos < 8:
                self._pos = pos
                self._fill(8)
                buf, pos = self._buf, self._pos
            (length,) = u64(buf, pos)
            pos += 8
            if length > _MAX_STRING:
                raise GGUFError("its metadata is corrupt (a string claims an impossible length)")
            if len(buf) - pos >= length:
                pos += length
            else:
                self._pos = pos
                self.skip(length)
                buf, pos = self._buf, self._pos
        self._pos = pos


def _endianness(head: bytes) -> tuple[str, int]:
    little = struct.unpack("<I", head[4:8])[0]
    if 1 <= little <= 0xFFFF:
        return "<", little
    big = struct.unpack(">I", head[4:8])[0]
    if 1 <= big <= 0xFFFF:
        return ">", big
    raise GGUFError("its GGUF header is corrupt (impossible version number)")


def _read_value(cur: _Cursor, kind: int) -> Scalar | ArrayInfo:
    if kind in _SCALARS:
        return cur.scalar(_SCALARS[kind])
    if kind == _STRING:
        return cur.string()
    if kind == _ARRAY:
        item = cur.u32()
        count = cur.u64()
        if count > _MAX_COUNT:
            raise GGUFError("its metadata is corrupt (an array claims an impossible length)")
        if item == _STRING:
            cur.skip_strings(count)
        elif item in _SCALARS:
            cur.skip(struct.calcsize("<" + _SCALARS[item]) * count)
        else:  # nested arrays do not occur in real models; refuse rather than guess
            raise GGUFError(f"its metadata holds an array of unsupported type {item}")
        return ArrayInfo(item, count)
    raise GGUFError(f"its metadata is corrupt (unknown value type {kind})")


def _tensor_data_end(cur: _Cursor, meta: GGUFMetadata) -> int:
    """Where the weights must end; a shorter file is a cut-off download.

    Tensors of types missing from the size table count from their start only, so the
    check can miss a short cut but never rejects a whole file.
    """
    end = 0
    for _ in range(meta.tensor_count):
        cur.string(_MAX_KEY)
        dims = cur.u32()
        if dims > _MAX_DIMS:
            raise GGUFError("its tensor table is corrupt")
        elements = 1
        for _ in range(dims):
            elements *= cur.u64()
        meta.parameter_count += elements
        block, size = _TYPE_SIZES.get(cur.u32(), (1, 0))
        end = max(end, cur.u64() + elements // block * size)
    alignment = meta.values.get("general.alignment", 32)
    if not isinstance(alignment, int) or alignment <= 0:
        alignment = 32
    start = -(-cur.offset // alignment) * alignment
    return start + end


def read_metadata(path: Path) -> GGUFMetadata:
    """Read a GGUF's metadata keys; raise GGUFError (one clause) for anything unusable."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(24)
            if len(head) < 4 or head[:4] != MAGIC:
                raise GGUFError("it is not a GGUF file (it does not start with the GGUF signature)")
            if len(head) < 24:
                raise GGUFError("it is truncated (shorter than a GGUF header)")
            endian, version = _endianness(head)
            if version == 1:
                raise GGUFError("it uses GGUF version 1, which llama.cpp no longer reads")
            if version > 3:
                raise GGUFError(f"it uses GGUF version {version}, newer than this app understands")
            tensors, kv_count = struct.unpack(endian + "QQ", head[8:24])
            if tensors > _MAX_TENSORS or kv_count > _MAX_TENSORS:
                raise GGUFError("its GGUF header is corrupt (impossible counts)")
            if tensors == 0:
                raise GGUFError("it holds no tensors (a vocabulary-only file, not a model)")
            meta = GGUFMetadata(version=version, tensor_count=tensors)
            cur = _Cursor(handle, size, endian)
            cur.skip(24)
            for _ in range(kv_count):
                key = cur.string(_MAX_KEY)
                value = _read_value(cur, cur.u32())
                if isinstance(value, ArrayInfo):
                    meta.arrays[key] = value
                else:
                    meta.values[key] = value
            if _tensor_data_end(cur, meta) > size:
                raise GGUFError("it is truncated (its weights reach past the end of the file)")
            return meta
    except OSError as exc:
        raise GGUFError(f"it cannot be read ({exc.strerror or exc})") from exc
    except struct.error as exc:  # pragma: no cover - _fill guards every unpack
        raise GGUFError("its metadata is corrupt") from exc
