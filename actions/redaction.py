"""Remove personal data (cards, emails, phone numbers) from text before it is stored."""

from __future__ import annotations

import re

_CARD = re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]?\d{2,5}){1,3}(?!\w)")
_MIN_PHONE_DIGITS = 7
_DATE_SHAPED = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _card(m: re.Match) -> str:
    digits = re.sub(r"\D", "", m.group())
    return "[CARD]" if _luhn_ok(digits) else m.group()


def _phone(m: re.Match) -> str:
    text = m.group()
    if _DATE_SHAPED.fullmatch(text) or sum(c.isdigit() for c in text) < _MIN_PHONE_DIGITS:
        return text
    return "[PHONE]"


def redact(text: str) -> str:
    text = _CARD.sub(_card, text)
    text = _EMAIL.sub("[EMAIL]", text)
    return _PHONE.sub(_phone, text)
