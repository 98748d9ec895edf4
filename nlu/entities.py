"""Entity extraction that needs no training: the project's regex and lookup blocks,
built-in patterns for common customer-service values, and synonym mapping.

The trained token head (nlu/model.py) finds entities by context; these rules find
the ones with a fixed shape. Where both claim the same characters, the rule wins:
a regex for order ids is more trustworthy than a tagger trained on 30 examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from contracts.redaction import PiiSpan, find_emails, find_phone_numbers

from nlu.spoken import written_form

_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_NUMBER_WORD = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)"

# Values whose shape is enough to recognise them. Emitted only for entity types the
# project uses, so a project without an `amount` entity never sees one. Order matters:
# on overlapping matches the earliest, then longest, wins.
BUILTIN_PATTERNS: dict[str, re.Pattern[str]] = {
    "date": re.compile(
        r"\b(?:yesterday|today|tomorrow|the day before yesterday"
        rf"|(?:last|next|this)\s+(?:{_WEEKDAY}|week|month|weekend)"
        rf"|(?:on\s+)?{_WEEKDAY}"
        rf"|{_NUMBER_WORD}\s+(?:days?|weeks?|months?)\s+ago"
        rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:\s+\d{{4}})?"
        rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
        r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})\b",
        re.IGNORECASE,
    ),
    "amount": re.compile(
        r"(?:[£$€]\s?\d[\d,]*(?:\.\d{1,2})?"
        r"|\b\d[\d,]*(?:\.\d{1,2})?\s?(?:pounds?|quid|euros?|dollars?|bucks|gbp|usd|eur)\b)",
        re.IGNORECASE,
    ),
}
# Personal data is found the way redaction finds it (one definition, in contracts).
BUILTIN_FINDERS: dict[str, Callable[[str], list[PiiSpan]]] = {
    "email": find_emails,
    "phone_number": find_phone_numbers,
}


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    value: str
    entity: str
    extractor: str
    confidence: float = 1.0
    role: str | None = None
    group: str | None = None

    def as_rasa(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "entity": self.entity,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "extractor": self.extractor,
            "confidence_entity": round(self.confidence, 4),
        }
        if self.role:
            out["role"] = self.role
        if self.group:
            out["group"] = self.group
        return out


class RuleExtractor:
    """Regex, lookup and built-in matches for the entity types a project declares."""

    def __init__(
        self,
        entity_types: list[str],
        regexes: dict[str, list[str]],
        lookups: dict[str, list[str]],
    ) -> None:
        wanted = set(entity_types)
        self._patterns: list[tuple[str, str, re.Pattern[str]]] = []
        for name, patterns in regexes.items():
            if name in wanted:
                for p in patterns:
                    self._patterns.append((name, "RegexEntityExtractor", re.compile(p, re.I)))
        for name, values in lookups.items():
            if name in wanted and values:
                alts = "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))
                self._patterns.append(
                    (name, "RegexEntityExtractor", re.compile(rf"\b(?:{alts})\b", re.I))
                )
        for name, pattern in BUILTIN_PATTERNS.items():
            if name in wanted:
                self._patterns.append((name, "PatternEntityExtractor", pattern))
        self._finders = [(name, find) for name, find in BUILTIN_FINDERS.items() if name in wanted]

    def extract(self, text: str) -> list[Found]:
        found = self._matches(text, lambda start, end: (start, end))
        spoken = written_form(text)
        if spoken is not None:  # "o r d four zero …": found in the written form, placed on the words said
            found += self._matches(spoken.text, spoken.source_span)
        for name, find in self._finders:
            found += [Found(s.start, s.end, text[s.start:s.end], name, "PatternEntityExtractor") for s in find(text)]
        return _drop_overlaps(found)


    def _matches(self, text: str, place: Callable[[int, int], tuple[int, int]]) -> list[Found]:
        """The patterns' matches in `text`, placed on the message's characters by `place`."""
        return [Found(*place(m.start(), m.end()), m.group(), name, extractor)
                for name, extractor, pattern in self._patterns
                for m in pattern.finditer(text) if m.end() > m.start()]


def _drop_overlaps(found: list[Found]) -> list[Found]:
    """Keep the earliest-listed, then longest, of overlapping matches."""
    kept: list[Found] = []
    for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return kept


# what the model may tag as an order number but is not one: a date ("placed it 12/11") or a UK postcode ("LS6 2QT")
_NO_ORDER_NUMBER = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}",
                              re.IGNORECASE)
ORDER_ENTITY = "order_id"


def merge(rules: list[Found], model: list[Found]) -> list[Found]:
    """Rule matches first; model spans only where no rule claimed the characters, and no date or postcode taken for
    an order number."""
    out = list(rules)
    for f in model:
        if f.entity == ORDER_ENTITY and _NO_ORDER_NUMBER.fullmatch(f.value.strip()):
            continue
        if all(f.end <= r.start or f.start >= r.end for r in rules):
            out.append(f)
    return sorted(out, key=lambda f: f.start)


def apply_synonyms(found: list[Found], synonyms: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    for f in found:
        d = f.as_rasa()
        mapped = synonyms.get(f.value.lower())
        if mapped is not None and mapped != f.value:
            d["value"] = mapped
            d["processors"] = ["EntitySynonymMapper"]
        out.append(d)
    return out
