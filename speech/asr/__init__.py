"""ASR engines behind one interface (`AsrEngine.transcribe`), chosen by settings."""

from speech.asr.engine import AsrEngine, load_engine, model_label
from speech.asr.transcript import Transcript, Word
from speech.asr.vocabulary import DIGITS, Vocabulary

__all__ = ["DIGITS", "AsrEngine", "Transcript", "Vocabulary", "Word", "load_engine", "model_label"]
