"""The CTranslate2 -> openai-whisper conversion: readable by whisper.load_model, same words."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from speech.convert_model import ConversionError, read_ct2_model, whisper_dims, whisper_state_dict
from speech.settings import SpeechSettings

BUNDLED = SpeechSettings().asr_model


@pytest.fixture(scope="module")
def ct2():
    return read_ct2_model(BUNDLED)


def test_reads_the_bundled_tiny_en(ct2):
    assert ct2.spec == "WhisperSpec"
    assert whisper_dims(ct2) == {"n_mels": 80, "n_audio_ctx": 1500, "n_audio_state": 384, "n_audio_head": 6,
                                 "n_audio_layer": 4, "n_vocab": 51864, "n_text_ctx": 448, "n_text_state": 384,
                                 "n_text_head": 6, "n_text_layer": 4}
    # the output projection is stored once, as an alias of the token embedding
    assert ct2.variables["decoder/projection/weight"] is ct2.variables["decoder/embeddings/weight"]
    assert ct2.config["alignment_heads"][0] == [1, 0]


def test_state_dict_fits_openai_whispers_model_exactly(ct2):
    import whisper.model

    reference = whisper.model.Whisper(whisper.model.ModelDimensions(**whisper_dims(ct2))).state_dict()
    ours = whisper_state_dict(ct2)
    assert set(ours) == set(reference)
    assert all(tuple(ours[name].shape) == tuple(reference[name].shape) for name in ours)


def test_fused_projections_split_in_order(ct2):
    ours = whisper_state_dict(ct2)
    fused = ct2.variables["encoder/layer_2/self_attention/linear_0/weight"]
    for i, part in enumerate(("query", "key", "value")):
        assert np.array_equal(ours[f"encoder.blocks.2.attn.{part}.weight"], fused[i * 384:(i + 1) * 384])
    cross = ct2.variables["decoder/layer_1/attention/linear_1/weight"]
    assert np.array_equal(ours["decoder.blocks.1.cross_attn.key.weight"], cross[:384])
    assert np.array_equal(ours["decoder.blocks.1.cross_attn.value.weight"], cross[384:])
    assert "decoder.blocks.1.cross_attn.key.bias" not in ours  # Whisper's keys have none


def test_the_checkpoint_loads_with_whispers_own_loader(converted):
    import whisper

    model = whisper.load_model(str(converted), device="cpu")
    assert model.dims.n_text_layer == 4 and not model.is_multilingual
    embedding = model.decoder.token_embedding.weight
    assert embedding.dtype == torch.float32 and torch.isfinite(embedding).all()


def test_not_a_model_folder(tmp_path):
    with pytest.raises(ConversionError, match="no model.bin"):
        read_ct2_model(tmp_path)
    (tmp_path / "model.bin").write_bytes(b"\x06\x00\x00\x00\x05\x00Whi")
    with pytest.raises(ConversionError, match="ends early"):
        read_ct2_model(tmp_path)


def test_openai_whisper_on_the_converted_weights_writes_what_faster_whisper_writes(converted, jfk, short_turn):
    """Greedy decoding, same weights in float32: the same words (ARCHITECTURE.md: verified identical)."""
    from speech import FasterWhisperEngine, OpenAiWhisperEngine

    reference = OpenAiWhisperEngine(str(converted), models_dir=converted.parent, threads=2)
    fast = FasterWhisperEngine(BUNDLED, compute_type="float32", threads=2)
    for audio in (jfk, short_turn):
        ours, theirs = reference.transcribe(audio), fast.transcribe(audio)
        assert ours.text == theirs.text
        assert ours.avg_logprob == pytest.approx(theirs.avg_logprob, abs=0.01)
        assert [w.word for w in ours.words] == [w.word for w in theirs.words]
        assert [w.start for w in ours.words] == pytest.approx([w.start for w in theirs.words], abs=0.05)
    assert "fellow Americans" in reference.transcribe(jfk).text
