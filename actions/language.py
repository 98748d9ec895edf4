"""Messages written in another language the shop's customers use: a short answer in it.

The assistant works in English. A message confidently identified (lingua) as French, Spanish
or German gets a hand-written reply in that language saying so. The floors (words, confidence)
keep short or typo'd English ("wheres my trainres") from ever being taken for another language.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

MIN_WORDS = 3
MIN_CONFIDENCE = 0.8  # English training messages peak at 0.75 for another language (keyboard mash)

REPLIES = {
    Language.FRENCH: "Désolé, je ne parle qu'anglais pour l'instant. Vous pouvez m'écrire en anglais, "
                     "ou dire « agent » pour parler à un membre de notre équipe.",
    Language.SPANISH: "Lo siento, de momento solo hablo inglés. Puede escribirme en inglés, "
                      "o decir «agent» para hablar con alguien de nuestro equipo.",
    Language.GERMAN: "Entschuldigung, ich spreche im Moment nur Englisch. Sie können mir auf Englisch "
                     "schreiben oder „agent“ sagen, um mit jemandem aus unserem Team zu sprechen.",
}


@lru_cache(maxsize=1)
def detector() -> LanguageDetector:
    # English among the candidates, so English text is never forced into another language
    return (LanguageDetectorBuilder.from_languages(Language.ENGLISH, *REPLIES)
            .with_preloaded_language_models().build())


def foreign_reply(text: str) -> Optional[str]:
    """The reply in the message's language, when it is confidently French, Spanish or German."""
    if len(text.split()) < MIN_WORDS:
        return None
    best = detector().compute_language_confidence_values(text)[0]
    if best.language in REPLIES and best.value >= MIN_CONFIDENCE:
        return REPLIES[best.language]
    return None
