"""Nonsense generated at training time for the project's out-of-scope intent.

A model only ever shown real requests maps "purple monkey dishwasher" or "asdf jkl" onto
whichever request it resembles most, often confidently. Written out-of-scope examples
cover off-topic questions; what no one writes by hand is nonsense, so it is generated here,
fresh for each training run from a fixed seed: keyboard mashes, made-up words, and salads
of real words the project's own examples never use (taken from the encoder's vocabulary,
so no benchmark data is involved).
"""

from __future__ import annotations

import random
import re
from typing import Iterable

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_CONSONANTS = "bcdfghjklmnprstvwz"
_VOWELS = "aeiou"
_WORD = re.compile(r"^[a-z]{3,12}$")


def keyboard_mash(rng: random.Random) -> str:
    """Runs along a keyboard row, as a bored or testing customer types them."""
    words = []
    for _ in range(rng.randint(1, 3)):
        row = rng.choice(_ROWS)
        start = rng.randrange(len(row) - 2)
        run = row[start : start + rng.randint(3, len(row) - start)]
        words.append("".join(rng.choice((c, c, rng.choice(row))) for c in run))
    return " ".join(words)


def made_up_words(rng: random.Random) -> str:
    """Pronounceable words that mean nothing: "blorp vazzik tem"."""
    def word() -> str:
        return "".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(rng.randint(1, 3))) + (
            rng.choice(_CONSONANTS) if rng.random() < 0.5 else "")
    return " ".join(word() for _ in range(rng.randint(1, 4)))


def word_salad(rng: random.Random, words: list[str], project_words: list[str] = ()) -> str:
    """Real words in no sensible order: "purple monkey dishwasher". Half of them carry one word
    the project's examples use for a single intent ("dishwasher"), so that one such word in a
    salad does not pass for that intent."""
    salad = [rng.choice(words) for _ in range(rng.randint(2, 5))]
    if project_words and rng.random() < 0.5:
        salad[rng.randrange(len(salad))] = rng.choice(project_words)
    return " ".join(salad)


def repeated(rng: random.Random) -> str:
    """One key held down, or punctuation on its own."""
    if rng.random() < 0.5:
        return rng.choice("abcdefghijklmnopqrstuvwxyz") * rng.randint(3, 12)
    return "".join(rng.choice("?!.,;:-") for _ in range(rng.randint(3, 6)))


def salad_words(vocabulary: Iterable[str], avoid: Iterable[str]) -> list[str]:
    """Whole lower-case words of the encoder's vocabulary that the project's examples never use."""
    used = {w.lower() for text in avoid for w in re.findall(r"[A-Za-z]+", text)}
    return sorted(w for w in vocabulary if _WORD.match(w) and w not in used)


def distinctive_words(examples: Iterable[tuple[str, str]]) -> list[str]:
    """Words of four letters or more that the project's (text, intent) examples use for one
    intent only: product names and the like, which alone ask for nothing."""
    intents_of: dict[str, set[str]] = {}
    for text, intent in examples:
        for w in re.findall(r"[a-z]{4,}", text.lower()):
            intents_of.setdefault(w, set()).add(intent)
    return sorted(w for w, intents in intents_of.items() if len(intents) == 1)


def generate(n: int, rng: random.Random, words: list[str], project_words: list[str] = ()) -> list[str]:
    """`n` distinct nonsense messages, a mix of the kinds above."""
    makers = [keyboard_mash, made_up_words, repeated]
    if words:
        makers += [lambda r: word_salad(r, words, list(project_words))] * 2
    out: list[str] = []
    seen: set[str] = set()
    for _ in range(n * 20):
        if len(out) == n:
            break
        text = rng.choice(makers)(rng)
        if len(text) >= 3 and text not in seen:  # "ok", "hi", "?" are too short to call nonsense
            seen.add(text)
            out.append(text)
    return out
