"""Real recordings (read from ../shared/data/asr) and real models, loaded once per session."""

from __future__ import annotations

import numpy as np
import pytest

from bench.asr_data import clip


@pytest.fixture(scope="session")
def jfk() -> np.ndarray:
    """11 s, 16 kHz mono: "And so my fellow Americans, ask not what your country can do for you..." """
    return clip("jfk.flac").read()


@pytest.fixture(scope="session")
def short_turn() -> np.ndarray:
    """2.8 s: "go forward ten meters" """
    return clip("goforward.wav").read()


@pytest.fixture(scope="session")
def fast_engine():
    from speech import FasterWhisperEngine, SpeechSettings

    return FasterWhisperEngine(SpeechSettings().asr_model, compute_type="int8", threads=2)


@pytest.fixture(scope="session")
def vad():
    from speech import SileroVad

    return SileroVad()


@pytest.fixture(scope="session")
def converted(tmp_path_factory):
    """The bundled tiny.en converted to an openai-whisper checkpoint (a fresh one, not models/speech's)."""
    from speech import SpeechSettings, converted_checkpoint

    folder = tmp_path_factory.mktemp("speech-models")
    return converted_checkpoint(SpeechSettings().asr_model, folder, log=lambda _: None)
