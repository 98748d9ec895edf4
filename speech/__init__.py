"""Speech for the voice channel: audio decoding, Silero VAD, Whisper ASR, served over HTTP.

The public surface is `__all__`; the CLI (`python -m speech`), the service and bench/ use it.
Names load on first use (PEP 562), so `import speech` does not pay for torch or Whisper.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from contracts.lazy_exports import lazy_exports

# public name -> (module, attribute there)
_EXPORTS: dict[str, tuple[str, str]] = {
    "SpeechSettings": ("speech.settings", "SpeechSettings"),
    # audio
    "SAMPLE_RATE": ("speech.audio", "SAMPLE_RATE"),
    "Audio": ("speech.audio", "Audio"),
    "AudioError": ("speech.audio", "AudioError"),
    "AudioLimits": ("speech.audio", "AudioLimits"),
    "decode_audio": ("speech.audio", "decode"),
    "resample": ("speech.audio", "resample"),
    "ulaw_encode": ("speech.g711", "ulaw_encode"),
    "ulaw_decode": ("speech.g711", "ulaw_decode"),
    "telephone_round_trip": ("speech.g711", "telephone_round_trip"),
    # recognition
    "AsrEngine": ("speech.asr.engine", "AsrEngine"),
    "Transcript": ("speech.asr.transcript", "Transcript"),
    "Word": ("speech.asr.transcript", "Word"),
    "load_engine": ("speech.asr.engine", "load_engine"),
    "Vocabulary": ("speech.asr.vocabulary", "Vocabulary"),
    "DIGITS": ("speech.asr.vocabulary", "DIGITS"),
    "FasterWhisperEngine": ("speech.asr.faster_whisper_engine", "FasterWhisperEngine"),
    "OpenAiWhisperEngine": ("speech.asr.openai_whisper_engine", "OpenAiWhisperEngine"),
    "SileroVad": ("speech.vad", "SileroVad"),
    "Transcriber": ("speech.transcriber", "Transcriber"),
    "Thresholds": ("speech.transcriber", "Thresholds"),
    "converted_checkpoint": ("speech.convert_model", "converted_checkpoint"),
    # serving
    "build_transcriber": ("speech.service", "build_transcriber"),
    "create_app": ("speech.service", "create_app"),
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())


if TYPE_CHECKING:  # the same names for type checkers and editors, which do not run __getattr__
    from speech.asr.engine import AsrEngine, load_engine
    from speech.asr.faster_whisper_engine import FasterWhisperEngine
    from speech.asr.openai_whisper_engine import OpenAiWhisperEngine
    from speech.asr.transcript import Transcript, Word
    from speech.asr.vocabulary import DIGITS, Vocabulary
    from speech.audio import SAMPLE_RATE, Audio, AudioError, AudioLimits, resample
    from speech.audio import decode as decode_audio
    from speech.convert_model import converted_checkpoint
    from speech.g711 import telephone_round_trip, ulaw_decode, ulaw_encode
    from speech.service import build_transcriber, create_app
    from speech.settings import SpeechSettings
    from speech.transcriber import Thresholds, Transcriber
    from speech.vad import SileroVad
