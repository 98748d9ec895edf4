"""`python -m speech transcribe FILE` and `convert-model --out PATH`."""

from __future__ import annotations

import torch
from typer.testing import CliRunner

from bench.asr_data import clip
from speech.__main__ import cli

runner = CliRunner()


def test_transcribe_prints_the_text():
    result = runner.invoke(cli, ["transcribe", str(clip("goforward.wav").path)])
    assert result.exit_code == 0, result.output
    assert "forward" in result.output.lower()


def test_transcribe_says_what_is_wrong_with_a_file_that_is_not_audio(tmp_path):
    letter = tmp_path / "letter.wav"
    letter.write_text("Dear customer, this is not a recording.\n" * 20)
    result = runner.invoke(cli, ["transcribe", str(letter)])
    assert result.exit_code == 2 and "not an audio file" in result.output


def test_convert_model_writes_an_openai_whisper_checkpoint(tmp_path):
    out = tmp_path / "tiny.pt"
    result = runner.invoke(cli, ["convert-model", "--out", str(out)])
    assert result.exit_code == 0, result.output
    checkpoint = torch.load(out, map_location="cpu")
    assert checkpoint["dims"]["n_vocab"] == 51864 and "decoder.ln.weight" in checkpoint["model_state_dict"]
    assert not list(tmp_path.glob(".*partial"))  # written whole, then renamed


def test_convert_model_refuses_a_folder_without_a_model(tmp_path):
    result = runner.invoke(cli, ["convert-model", "--model", str(tmp_path), "--out", str(tmp_path / "x.pt")])
    assert result.exit_code == 2 and "no model.bin" in result.output
