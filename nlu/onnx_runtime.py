"""Serve a trained model through ONNX Runtime: the same network, about twice as fast on a CPU.

The graph is exported once per model version, next to its weights (model.onnx, and
model.int8.onnx with int8 weights), and reused on every later start.
"""

from __future__ import annotations

import logging
import os
import tempfile
import warnings
from dataclasses import replace
from pathlib import Path

import numpy as np
import torch

from nlu.model import LoadedModel

ONNX_FILE = "model.onnx"
ONNX_INT8_FILE = "model.int8.onnx"
OUTPUTS = ["intent", "sentiment", "tags"]

log = logging.getLogger(__name__)


class OnnxNet:
    """Called like NluNet (ids, mask → intent, sentiment, tag logits as torch tensors), so the
    predictor, explanations and evaluation use it unchanged."""

    training = False

    def __init__(self, path: Path, threads: int = 1) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.path = path

    def __call__(self, input_ids: torch.Tensor, attention_mask: torch.Tensor):
        feeds = {"input_ids": input_ids.numpy().astype(np.int64), "attention_mask": attention_mask.numpy().astype(np.int64)}
        return tuple(torch.from_numpy(out) for out in self.session.run(OUTPUTS, feeds))

    def eval(self) -> "OnnxNet":
        return self

    def train(self, mode: bool = True) -> "OnnxNet":
        if mode:
            raise RuntimeError("an ONNX Runtime model cannot be trained; load the torch model for that")
        return self


def export(loaded: LoadedModel, target: Path) -> Path:
    """Write the network as ONNX with batch and sequence length left dynamic."""
    net = loaded.net.eval()
    enc = loaded.tokenizer(["where is my order", "a second, rather longer example message"],
                           padding=True, return_tensors="pt")
    batch, length = torch.export.Dim("batch"), torch.export.Dim("length")
    tmp = target.with_suffix(".partial")
    with warnings.catch_warnings(), torch.inference_mode(False):
        warnings.simplefilter("ignore")  # the exporter's deprecation chatter, not ours to act on
        torch.onnx.export(net, (enc["input_ids"], enc["attention_mask"]), str(tmp), dynamo=True,
                          input_names=["input_ids", "attention_mask"], output_names=OUTPUTS,
                          dynamic_shapes=({0: batch, 1: length}, {0: batch, 1: length}),
                          external_data=False, verbose=False)
    tmp.replace(target)  # a half-written file must never be taken for a model
    return target


def quantise(source: Path, target: Path) -> Path:
    """int8 weights for the MatMul/Gemm layers, activations quantised on the fly."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tmp = target.with_suffix(".partial")
    quantize_dynamic(str(source), str(tmp), weight_type=QuantType.QInt8)
    tmp.replace(target)
    return target


def onnx_model(loaded: LoadedModel, int8: bool = False, threads: int = 1) -> LoadedModel:
    """The same model served by ONNX Runtime; exports (and quantises) on first use."""
    folder = loaded.path
    if not (folder / ONNX_FILE).exists() and not os.access(folder, os.W_OK):
        # a read-only models volume: export beside it instead of failing to start
        folder = Path(tempfile.gettempdir()) / "careline-onnx" / loaded.version
        folder.mkdir(parents=True, exist_ok=True)
    fp32 = folder / ONNX_FILE
    if not fp32.exists():
        log.info("exporting %s to ONNX (once per model version)", loaded.version)
        export(loaded, fp32)
    path = fp32
    if int8:
        path = folder / ONNX_INT8_FILE
        if not path.exists():
            quantise(fp32, path)
    return replace(loaded, net=OnnxNet(path, threads))
