"""faster-whisper: Whisper on CTranslate2, int8 on CPU by default (the fast engine)."""

from __future__ import annotations

import numpy as np

from speech.asr.engine import LANGUAGE, model_label
from speech.asr.transcript import SegmentScores, Transcript, Word, combined_scores
from speech.asr.vocabulary import Vocabulary, suppressed_tokens
from speech.audio import SAMPLE_RATE


FULL_WINDOW_S = 30.0  # what Whisper's encoder is given: every clip padded (or cut) to 30 s
WINDOW_MARGIN_S = 1.0  # a shorter window keeps this much padding after the speech


def window_frames(audio_s: float, window_s: float) -> int | None:
    """The mel frames (100 per second) the encoder reads for `audio_s` seconds of audio: a window
    of `window_s` when the audio fits it with its margin; None (the full 30 s) otherwise."""
    if window_s >= FULL_WINDOW_S or audio_s + WINDOW_MARGIN_S > window_s:
        return None
    return int(window_s * 100)


def _windowed_model(model: str, **kwargs):
    """faster-whisper's WhisperModel, whose encoder reads only the first `frames` mel frames of the
    padded 30-s window when `frames` is set. The encoder's cost grows faster than its input (its
    attention is quadratic), so a caller's short turn in a 20-s window costs a third of the
    time; `make bench-asr` measures what it does to accuracy."""
    from faster_whisper import WhisperModel

    class WindowedWhisperModel(WhisperModel):
        frames: int | None = None

        def encode(self, features):
            if self.frames is not None:
                features = features[..., : self.frames]
            return super().encode(features)

    return WindowedWhisperModel(model, **kwargs)


class FasterWhisperEngine:
    name = "faster-whisper"

    def __init__(self, model: str, *, compute_type: str = "int8", threads: int = 2, beam_size: int = 1,
                 prompt: str | None = None, window_s: float = FULL_WINDOW_S) -> None:
        self.model = model_label(model)
        self.compute_type = compute_type
        self.beam_size = beam_size
        self.prompt = prompt
        self.window_s = window_s
        # one worker: the service serialises requests; more would only split the same cores
        self._model = _windowed_model(model, device="cpu", compute_type=compute_type, cpu_threads=threads,
                                      num_workers=1)
        self._suppressed: dict[Vocabulary, list[int]] = {}

    def _suppress(self, vocabulary: Vocabulary | None) -> list[int]:
        if vocabulary is None:
            return [-1]  # faster-whisper's default: Whisper's own list of non-speech symbols
        if vocabulary not in self._suppressed:
            tokenizer = self._model.hf_tokenizer
            self._suppressed[vocabulary] = suppressed_tokens(
                vocabulary, lambda text: tokenizer.encode(text, add_special_tokens=False).ids,
                tokenizer.token_to_id("<|endoftext|>"))
        return self._suppressed[vocabulary]

    def transcribe(self, audio: np.ndarray, *, prompt: str | None = None,
                   vocabulary: Vocabulary | None = None, word_timings: bool = True) -> Transcript:
        self._model.frames = window_frames(len(audio) / SAMPLE_RATE, self.window_s)
        segments, _ = self._model.transcribe(
            audio, language=LANGUAGE, task="transcribe", beam_size=self.beam_size, temperature=0.0,
            word_timestamps=word_timings,
            vad_filter=False,  # we gate with our own VAD before the engine sees audio
            condition_on_previous_text=False,  # one turn at a time: no earlier text to condition on
            initial_prompt=prompt if prompt is not None else self.prompt,
            suppress_tokens=self._suppress(vocabulary),
            # nothing skipped inside the engine: the transcriber judges reliability with the scores
            no_speech_threshold=None, log_prob_threshold=None, compression_ratio_threshold=None,
        )
        segments = list(segments)  # decoding happens while iterating
        words = tuple(Word(w.word.strip(), float(w.start), float(w.end), float(w.probability))
                      for s in segments for w in (s.words or ()))
        avg, no_speech = combined_scores([SegmentScores(s.avg_logprob, s.no_speech_prob, len(s.tokens))
                                          for s in segments])
        return Transcript("".join(s.text for s in segments).strip(), words, avg, no_speech,
                          len(audio) / SAMPLE_RATE, self.name, self.model)
