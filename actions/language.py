"""Messages written in another language the shop's customers use: a short answer in it.

The assistant works in English. A message confidently identified (lingua, with the floors in
contracts.languages) as French, Spanish or German gets a hand-written reply in that language
saying so.
"""

from __future__ import annotations

from typing import Optional

from contracts.languages import detector, other_language

REPLIES = {
    "FRENCH": "Désolé, je ne parle qu'anglais pour l'instant. Vous pouvez m'écrire en anglais, "
              "ou dire « agent » pour parler à un membre de notre équipe.",
    "SPANISH": "Lo siento, de momento solo hablo inglés. Puede escribirme en inglés, "
               "o decir «agent» para hablar con alguien de nuestro equipo.",
    "GERMAN": "Entschuldigung, ich spreche im Moment nur Englisch. Sie können mir auf Englisch "
              "schreiben oder „agent“ sagen, um mit jemandem aus unserem Team zu sprechen.",
}

__all__ = ["REPLIES", "detector", "foreign_reply"]


def foreign_reply(text: str) -> Optional[str]:
    """The reply in the message's language, when it is confidently French, Spanish or German
    (contracts.languages holds the floors)."""
    language = other_language(text)
    return REPLIES[language] if language else None
