"""ONNX Runtime serving: the exported graph computes what the torch network computes."""

from dataclasses import replace

import pytest
import torch

from nlu import onnx_runtime
from nlu.model import LoadedModel
from nlu.predictor import Predictor
from nlu.tags import tag_key

from .tiny import tiny_metadata, tiny_model

MESSAGES = ["where is my order ORD-10001?", "hi", "I have been waiting three weeks for a refund and nobody answers my emails"]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    torch.manual_seed(0)
    tags = ["O", f"B-{tag_key('x', None, None)}", f"I-{tag_key('x', None, None)}"]
    return tiny_model(tiny_metadata("onnx-test", tags=tags), tmp_path_factory.mktemp("version"))


def logits(model: LoadedModel, texts: list[str]):
    enc = model.tokenizer(texts, padding=True, return_tensors="pt")
    with torch.inference_mode():
        return model.net(enc["input_ids"], enc["attention_mask"])


def test_onnx_matches_torch_for_any_batch_and_length(loaded):
    served = onnx_runtime.onnx_model(loaded)
    assert (loaded.path / onnx_runtime.ONNX_FILE).is_file()
    for texts in (MESSAGES, MESSAGES[:1], MESSAGES[1:2]):  # dynamic batch size and sequence length
        for ours, theirs in zip(logits(loaded, texts), logits(served, texts)):
            assert ours.shape == theirs.shape
            assert torch.allclose(ours, theirs, atol=1e-4), float((ours - theirs).abs().max())


def test_export_happens_once_per_version(loaded):
    onnx_runtime.onnx_model(loaded)
    before = (loaded.path / onnx_runtime.ONNX_FILE).stat().st_mtime_ns
    onnx_runtime.onnx_model(loaded)
    assert (loaded.path / onnx_runtime.ONNX_FILE).stat().st_mtime_ns == before


def test_int8_model_is_smaller_and_close(loaded):
    served = onnx_runtime.onnx_model(loaded, int8=True)
    fp32, int8 = loaded.path / onnx_runtime.ONNX_FILE, loaded.path / onnx_runtime.ONNX_INT8_FILE
    assert int8.stat().st_size < fp32.stat().st_size / 2
    ours, theirs = logits(loaded, MESSAGES)[0], logits(served, MESSAGES)[0]
    assert float((ours.softmax(-1) - theirs.softmax(-1)).abs().max()) < 0.1


def test_predictor_parses_through_onnx(loaded):
    parsed = Predictor(onnx_runtime.onnx_model(loaded), fallback_threshold=0.0).parse(MESSAGES[0])
    expected = Predictor(loaded, fallback_threshold=0.0).parse(MESSAGES[0])
    assert parsed["intent"]["name"] == expected["intent"]["name"]
    assert parsed["intent"]["confidence"] == pytest.approx(expected["intent"]["confidence"], abs=1e-3)
    assert parsed["sentiment"]["label"] == expected["sentiment"]["label"]


def test_onnx_model_cannot_be_put_in_training_mode(loaded):
    net = onnx_runtime.onnx_model(loaded).net
    net.train(False)
    with pytest.raises(RuntimeError, match="cannot be trained"):
        net.train(True)


def test_read_only_model_folder_exports_elsewhere(loaded, tmp_path):
    import shutil
    from unittest import mock

    folder = tmp_path / "read-only-version"
    folder.mkdir()
    other = LoadedModel(loaded.net, loaded.tokenizer, replace(loaded.metadata, version="ro-test"), folder)
    # the check a read-only volume fails (root could write anyway, so ask it to say no)
    with mock.patch("nlu.onnx_runtime.os.access", return_value=False):
        served = onnx_runtime.onnx_model(other)
    assert not (folder / onnx_runtime.ONNX_FILE).exists()
    assert served.net.path.parent.name == "ro-test" and served.net.path.is_file()
    shutil.rmtree(served.net.path.parent)
