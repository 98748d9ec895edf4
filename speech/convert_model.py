"""A CTranslate2 Whisper model (model.bin) -> an openai-whisper checkpoint, so both engines
can run the same weights offline.

model.bin is a flat little-endian file: format version, spec name, spec revision, the
variables (name, rank, shape, dtype, byte count, raw bytes) and aliases (one name standing
for another's bytes). CTranslate2 fuses the self-attention query/key/value projections into
one matrix and the cross-attention key/value into another; openai-whisper keeps them apart.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

# CTranslate2's DataType enum order
_DTYPES = {0: "float32", 1: "int8", 2: "int16", 3: "int32", 4: "float16", 5: "bfloat16"}
_NUMPY = {"float32": np.float32, "int8": np.int8, "int16": np.int16, "int32": np.int32, "float16": np.float16,
          "bfloat16": np.uint16}  # numpy has no bfloat16: widened to float32 below
_SUPPORTED_FORMATS = range(1, 7)
WHISPER_SPEC = "WhisperSpec"


class ConversionError(ValueError):
    """The file is not a CTranslate2 Whisper model this converter understands."""


@dataclass(frozen=True)
class Ct2Model:
    spec: str
    revision: int
    variables: dict[str, np.ndarray]  # aliases resolved: every name maps to its array
    config: dict  # config.json beside model.bin (alignment heads, suppressed tokens)


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.offset = data, 0

    def unpack(self, fmt: str):
        try:
            values = struct.unpack_from("<" + fmt, self.data, self.offset)
        except struct.error:
            raise ConversionError("model.bin ends early: truncated or not a CTranslate2 model") from None
        self.offset += struct.calcsize("<" + fmt)
        return values[0] if len(values) == 1 else values

    def string(self) -> str:
        length = self.unpack("H")  # counts the terminating NUL
        raw = self.data[self.offset:self.offset + length]
        self.offset += length
        return raw[:-1].decode("utf-8")

    def raw(self, size: int) -> bytes:
        if self.offset + size > len(self.data):
            raise ConversionError("model.bin ends early: truncated or not a CTranslate2 model")
        chunk = self.data[self.offset:self.offset + size]
        self.offset += size
        return chunk


def _as_float32(raw: bytes, dtype: str, shape: tuple[int, ...]) -> np.ndarray:
    array = np.frombuffer(raw, dtype=_NUMPY[dtype]).reshape(shape)
    if dtype == "bfloat16":  # the upper half of a float32
        return (array.astype(np.uint32) << 16).view(np.float32)
    return array


def read_ct2_model(model_dir: Path) -> Ct2Model:
    model_dir = Path(model_dir)
    path = model_dir / "model.bin"
    if not path.is_file():
        raise ConversionError(f"{model_dir} has no model.bin: not a CTranslate2 model folder")
    r = _Reader(path.read_bytes())
    version = r.unpack("I")
    if version not in _SUPPORTED_FORMATS:
        raise ConversionError(f"{path}: binary format version {version}, this converter reads 1-6")
    spec = r.string() if version >= 2 else ""
    revision = r.unpack("I") if version >= 3 else 1
    variables: dict[str, np.ndarray] = {}
    for _ in range(r.unpack("I")):
        name = r.string()
        shape = tuple(r.unpack("I") for _ in range(r.unpack("B")))
        dtype = _DTYPES.get(r.unpack("B"), "") if version >= 4 else "float32"
        if not dtype:
            raise ConversionError(f"{path}: variable {name} has an unknown dtype")
        size = r.unpack("I") if version >= 4 else int(np.prod(shape, dtype=np.int64)) * 4
        variables[name] = _as_float32(r.raw(size), dtype, shape)
    if version >= 5:
        for _ in range(r.unpack("I")):
            alias, target = r.string(), r.string()
            variables[alias] = variables[target]
    config_path = model_dir / "config.json"
    config = json.loads(config_path.read_text()) if config_path.is_file() else {}
    return Ct2Model(spec, revision, variables, config)


def _dequantised(variables: dict[str, np.ndarray], name: str) -> np.ndarray:
    """A weight in float32; int8 weights carry a per-row scale (int8 = round(w * scale))."""
    weight = variables[name]
    scale = variables.get(name.removesuffix("weight") + "weight_scale")
    if weight.dtype == np.int8:
        if scale is None:
            raise ConversionError(f"{name} is int8 without its weight_scale")
        return weight.astype(np.float32) / scale.reshape(-1, *([1] * (weight.ndim - 1)))
    return weight


def _layers(variables: dict[str, np.ndarray], stack: str) -> int:
    numbered = re.compile(rf"^{stack}/layer_(\d+)/")  # not {stack}/layer_norm
    return len({m.group(1) for m in map(numbered.match, variables) if m})


def whisper_dims(model: Ct2Model) -> dict[str, int]:
    """openai-whisper's ModelDimensions, read off the shapes."""
    v = model.variables
    conv1 = v["encoder/conv1/weight"]
    embeddings = v["decoder/embeddings/weight"]
    return {
        "n_mels": int(conv1.shape[1]),
        "n_audio_ctx": int(v["encoder/position_encodings/encodings"].shape[0]),
        "n_audio_state": int(conv1.shape[0]),
        "n_audio_head": int(v["encoder/num_heads"]),
        "n_audio_layer": _layers(v, "encoder"),
        "n_vocab": int(embeddings.shape[0]),
        "n_text_ctx": int(v["decoder/position_encodings/encodings"].shape[0]),
        "n_text_state": int(embeddings.shape[1]),
        "n_text_head": int(v["decoder/num_heads"]),
        "n_text_layer": _layers(v, "decoder"),
    }


def whisper_state_dict(model: Ct2Model) -> dict[str, np.ndarray]:
    """The weights under openai-whisper's names. Whisper's key projections have no bias; the
    fused bias's key part is dropped, which is exact: adding one vector to every key shifts all
    of a query's attention logits by the same amount, and softmax ignores that."""
    if model.spec != WHISPER_SPEC:
        raise ConversionError(f"the model's spec is {model.spec or 'unnamed'}, not {WHISPER_SPEC}")
    v = model.variables
    w = lambda name: _dequantised(v, name)  # noqa: E731
    out: dict[str, np.ndarray] = {}

    def linear(ct2: str, ours: str, bias: bool = True) -> None:
        out[f"{ours}.weight"] = w(f"{ct2}/weight")
        if bias:
            out[f"{ours}.bias"] = v[f"{ct2}/bias"]

    def norm(ct2: str, ours: str) -> None:
        out[f"{ours}.weight"], out[f"{ours}.bias"] = v[f"{ct2}/gamma"], v[f"{ct2}/beta"]

    def split(ct2: str, ours: str, parts: tuple[str, ...]) -> None:
        weights = np.split(w(f"{ct2}/weight"), len(parts))
        biases = np.split(v[f"{ct2}/bias"], len(parts))
        for part, weight, bias in zip(parts, weights, biases):
            out[f"{ours}.{part}.weight"] = weight
            if part != "key":
                out[f"{ours}.{part}.bias"] = bias

    def block(ct2: str, ours: str, cross: bool) -> None:
        norm(f"{ct2}/self_attention/layer_norm", f"{ours}.attn_ln")
        split(f"{ct2}/self_attention/linear_0", f"{ours}.attn", ("query", "key", "value"))
        linear(f"{ct2}/self_attention/linear_1", f"{ours}.attn.out")
        if cross:
            norm(f"{ct2}/attention/layer_norm", f"{ours}.cross_attn_ln")
            linear(f"{ct2}/attention/linear_0", f"{ours}.cross_attn.query")
            split(f"{ct2}/attention/linear_1", f"{ours}.cross_attn", ("key", "value"))
            linear(f"{ct2}/attention/linear_2", f"{ours}.cross_attn.out")
        norm(f"{ct2}/ffn/layer_norm", f"{ours}.mlp_ln")
        linear(f"{ct2}/ffn/linear_0", f"{ours}.mlp.0")
        linear(f"{ct2}/ffn/linear_1", f"{ours}.mlp.2")

    dims = whisper_dims(model)
    linear("encoder/conv1", "encoder.conv1")
    linear("encoder/conv2", "encoder.conv2")
    out["encoder.positional_embedding"] = v["encoder/position_encodings/encodings"]
    for i in range(dims["n_audio_layer"]):
        block(f"encoder/layer_{i}", f"encoder.blocks.{i}", cross=False)
    norm("encoder/layer_norm", "encoder.ln_post")
    out["decoder.token_embedding.weight"] = w("decoder/embeddings/weight")
    out["decoder.positional_embedding"] = v["decoder/position_encodings/encodings"]
    for i in range(dims["n_text_layer"]):
        block(f"decoder/layer_{i}", f"decoder.blocks.{i}", cross=True)
    norm("decoder/layer_norm", "decoder.ln")
    return out


def write_checkpoint(model_dir: Path, out: Path) -> Path:
    """model_dir's CTranslate2 Whisper model as an openai-whisper checkpoint at `out`, written
    whole or not at all (a reader never sees half a file)."""
    import torch

    model = read_ct2_model(model_dir)
    state = {name: torch.from_numpy(array.copy()) for name, array in whisper_state_dict(model).items()}
    checkpoint = {
        "dims": whisper_dims(model),
        "model_state_dict": state,
        # openai-whisper's load_model reads only the two keys above; our engine applies these
        "alignment_heads": [list(map(int, pair)) for pair in model.config.get("alignment_heads", [])],
        "source": str(model_dir),
    }
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.{os.getpid()}.partial")
    try:
        torch.save(checkpoint, partial)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return out


def fingerprint(model_dir: Path) -> str:
    h = hashlib.sha256()
    for name in ("model.bin", "config.json"):
        path = Path(model_dir) / name
        if path.is_file():
            with open(path, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    h.update(chunk)
    return h.hexdigest()[:12]


def converted_checkpoint(model_dir: Path, models_dir: Path, log: Callable[[str], None] = print) -> Path:
    """The checkpoint converted from model_dir, converting it on first use."""
    model_dir = Path(model_dir)
    target = Path(models_dir) / f"whisper-{model_dir.name}-{fingerprint(model_dir)}.pt"
    if not target.is_file():
        log(f"converting the CTranslate2 model in {model_dir} to an openai-whisper checkpoint: {target}")
        write_checkpoint(model_dir, target)
    return target
