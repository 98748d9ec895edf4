"""Which messages are written in another language the shop's customers use.

The assistant works in English. A message is taken for French, Spanish or German only when
lingua is confident of it and it has a few words: short or typo'd English ("wheres my
trainres") must never be taken for another language. The actions answer such a message in
its language (actions.language); the NLU leaves its words uncorrected (nlu.spelling).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

MIN_WORDS = 3
MIN_CONFIDENCE = 0.8  # English training messages peak at 0.75 for another language (keyboard mash)
OTHER_LANGUAGES = ("FRENCH", "SPANISH", "GERMAN")


@lru_cache(maxsize=1)
def detector():
    from lingua import Language, LanguageDetectorBuilder

    # English among the candidates, so English text is never forced into another language
    languages = [Language.ENGLISH, *(getattr(Language, name) for name in OTHER_LANGUAGES)]
    return LanguageDetectorBuilder.from_languages(*languages).with_preloaded_language_models().build()


def other_language(text: str) -> Optional[str]:
    """"FRENCH", "SPANISH" or "GERMAN" when the message is confidently in that language; else None."""
    # words, not keyboard mash: "jjjjjjj kk ,,," has none, though lingua leans to Spanish
    if sum(_VOWEL.search(word) is not None for word in text.split()) < MIN_WORDS:
        return None
    if len({word.lower() for word in _ENGLISH_ONLY.findall(text)}) >= MIN_ENGLISH_WORDS:
        return None
    best = detector().compute_language_confidence_values(text)[0]
    if best.language.name in OTHER_LANGUAGES and best.value >= MIN_CONFIDENCE:
        return best.language.name
    # "Hola, ¿aceptáis pagos con bitcoin?": a mark no English writer types settles a short message
    # that lingua already leans to
    if best.language.name in _MARKS and _MARKS[best.language.name].search(text):
        return best.language.name
    return None


# words of English no French, Spanish or German writer uses as their own: "hw do i contakt u" is typo'd
# English, however German lingua finds "contakt" ("me", "in", "was", "will", "on" are theirs too)
_ENGLISH_ONLY = re.compile(r"\b(?:i|my|the|you|u|ur|your|do|how|hw|where|wheres|wher|what|whats|wat|is|it|its|and|to|of"
                           r"|can|please|pls|plz|this|that|with|for|not|why|when|i'm|i've|ive|don'?t|can'?t)\b",
                           re.IGNORECASE)
MIN_ENGLISH_WORDS = 2
_VOWEL = re.compile(r"[aeiouyàâäáéèêëíìîïóòôöúùûü]", re.IGNORECASE)
# punctuation and letters of one language only (Spanish ¿ ¡, German ß, French ç), and greetings
# and courtesies English writers do not use ("bonjour ou est ma comande svp", "salut, ça va ?")
_MARKS = {"SPANISH": re.compile(r"[¿¡]|\b(?:hola|gracias|por favor|buenos d[ií]as|buenas)\b", re.IGNORECASE),
          "GERMAN": re.compile(r"ß|\b(?:hallo|guten (?:tag|morgen|abend)|bitte|danke)\b", re.IGNORECASE),
          "FRENCH": re.compile(r"ç|\b(?:bonjour|bonsoir|salut|svp|s'il vous pla[iî]t|merci)\b", re.IGNORECASE)}
