"""Closed vocabularies: when the dialogue expects digits, the recogniser may write only digits.

An IVR's digit grammar, done the Whisper way: every text token outside the vocabulary is
suppressed while decoding, so a caller reading out a number gets "4 5 7" or "four five
seven", never "for five heaven" or "Thank you.". Open transcription stays the default.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Literal

VocabularyName = Literal["open", "digits"]


@dataclass(frozen=True)
class Vocabulary:
    name: str
    words: tuple[str, ...]


# "oh" is how callers say 0 in a number; numerals because Whisper writes "7" as often as "seven"
DIGITS = Vocabulary("digits", ("zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                               *"0123456789"))
# pauses and the end of a sentence: Whisper writes them between and after digits
_PUNCTUATION = (".", ",", "!", "?", "-")
VOCABULARIES: dict[str, Vocabulary | None] = {"open": None, "digits": DIGITS}


def allowed_tokens(vocabulary: Vocabulary, encode: Callable[[str], list[int]]) -> set[int]:
    """Every token that spells a word of the vocabulary, at a sentence's start or after a space,
    capitalised or not, and the punctuation between them."""
    allowed: set[int] = set()
    for word in vocabulary.words:
        for variant in {word, word.capitalize()}:
            allowed.update(encode(variant))
            allowed.update(encode(" " + variant))
    for mark in _PUNCTUATION:
        allowed.update(encode(mark))
    return allowed


def suppressed_tokens(vocabulary: Vocabulary, encode: Callable[[str], list[int]], end_of_text: int) -> list[int]:
    """Text tokens (those below end-of-text) outside the vocabulary; special tokens, timestamps
    and end-of-text itself stay with the engine."""
    allowed = allowed_tokens(vocabulary, encode)
    return [token for token in range(end_of_text) if token not in allowed]
