"""openai-whisper: the reference implementation, on torch. Slower; kept to check the fast
engine against and for models only it runs.

A model given by name ("small.en") downloads on a connected machine; a CTranslate2 folder
(the bundled tiny.en) is converted once into an openai-whisper checkpoint under
SPEECH_MODELS_DIR; a .pt path is loaded as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np

from speech.asr.engine import LANGUAGE, model_label
from speech.asr.transcript import SegmentScores, Transcript, Word, combined_scores
from speech.asr.vocabulary import Vocabulary, suppressed_tokens
from speech.audio import SAMPLE_RATE


def checkpoint_for(model: str, models_dir: Path, log: Callable[[str], None] = print) -> str:
    """What whisper.load_model should read for `model`: a checkpoint path, or a model name."""
    path = Path(model)
    if (path / "model.bin").is_file():
        from speech.convert_model import converted_checkpoint

        return str(converted_checkpoint(path, models_dir, log))
    return model


class OpenAiWhisperEngine:
    name = "openai-whisper"

    def __init__(self, model: str, *, models_dir: Path, threads: int = 2, beam_size: int = 1,
                 prompt: str | None = None, log: Callable[[str], None] = print) -> None:
        import torch
        import whisper

        torch.set_num_threads(threads)
        self.model = model_label(model)
        self.beam_size = beam_size
        self.prompt = prompt
        source = checkpoint_for(model, models_dir, log)
        self._model = whisper.load_model(source, device="cpu")
        self._suppressed: dict[Vocabulary, list[int]] = {}
        if Path(source).is_file():
            self._use_alignment_heads(torch.load(source, map_location="cpu", mmap=True).get("alignment_heads"))

    def _use_alignment_heads(self, heads: list[list[int]] | None) -> None:
        """The cross-attention heads that follow the audio (word timings); load_model sets them
        only for the models it downloads by name."""
        if not heads:
            return
        import torch

        dims = self._model.dims
        mask = torch.zeros(dims.n_text_layer, dims.n_text_head, dtype=torch.bool)
        for layer, head in heads:
            mask[layer, head] = True
        self._model.register_buffer("alignment_heads", mask.to_sparse(), persistent=False)

    def _suppress(self, vocabulary: Vocabulary | None) -> list[int] | str:
        if vocabulary is None:
            return "-1"  # openai-whisper's default: its own list of non-speech symbols
        if vocabulary not in self._suppressed:
            from whisper.tokenizer import get_tokenizer

            tokenizer = get_tokenizer(self._model.is_multilingual, num_languages=self._model.num_languages)
            self._suppressed[vocabulary] = suppressed_tokens(vocabulary, tokenizer.encode, tokenizer.eot)
        return list(self._suppressed[vocabulary])  # the decoder extends the list it is given

    def transcribe(self, audio: np.ndarray, *, prompt: str | None = None,
                   vocabulary: Vocabulary | None = None, word_timings: bool = True) -> Transcript:
        import torch

        with torch.no_grad():
            result = self._model.transcribe(
                audio, language=LANGUAGE, task="transcribe", temperature=0.0,
                beam_size=self.beam_size if self.beam_size > 1 else None,  # None: greedy
                fp16=False, word_timestamps=word_timings, condition_on_previous_text=False,
                initial_prompt=prompt if prompt is not None else self.prompt,
                suppress_tokens=self._suppress(vocabulary),
                no_speech_threshold=None, logprob_threshold=None, compression_ratio_threshold=None,
                verbose=None,
            )
        segments = result["segments"]
        words = tuple(Word(w["word"].strip(), float(w["start"]), float(w["end"]), float(w["probability"]))
                      for s in segments for w in s.get("words", ()))
        avg, no_speech = combined_scores([SegmentScores(s["avg_logprob"], s["no_speech_prob"], len(s["tokens"]))
                                          for s in segments])
        return Transcript(result["text"].strip(), words, avg, no_speech, len(audio) / SAMPLE_RATE, self.name, self.model)
