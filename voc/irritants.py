"""From one customer message to an irritant record, or to nothing.

A message is an irritant when its intent or words fit a category of the taxonomy, or when it
is negative (then `uncategorised` if nothing fits). A message that only fits a broad
(catch-all) sub-category, such as general feedback, is one only when negative: praise is no
irritant. Its severity, from 1 to 5:

    severity = 1 + 4 * weight * tier * repetition, capped at 5
    weight     = the negative sentiment's score for a negative message, else 0.25
    tier       = 1.5 for a customer of a top tier (TOP_TIERS), else 1
    repetition = 1 + 0.5 for each earlier irritant of the same category in the conversation

so a calm refund request is about 2, a furious platinum customer's third complaint 5.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from contracts.records import UserMessage
from voc.taxonomy import UNCATEGORISED, Taxonomy

NEGATIVE = "negative"
CALM_WEIGHT = 0.25
TOP_TIER_FACTOR = 1.5
REPEAT_STEP = 0.5


@dataclass(frozen=True)
class IrritantRecord:
    at: float  # the message's time (epoch seconds)
    conversation: str  # pseudonym
    customer: str  # pseudonym: the customer when signed in, else the conversation
    channel: str
    intent: str
    category: str
    subcategory: str
    sentiment: str
    sentiment_score: float
    severity: float
    quote: str  # redacted
    model: str

    def fields(self) -> dict[str, str]:
        return {name: str(getattr(self, name)) for name in FIELDS}


FIELDS = tuple(IrritantRecord.__dataclass_fields__)


def severity(negative_score: Optional[float], top_tier: bool, earlier_same_category: int) -> float:
    weight = negative_score if negative_score is not None else CALM_WEIGHT
    value = 1 + 4 * weight * (TOP_TIER_FACTOR if top_tier else 1.0) * (1 + REPEAT_STEP * earlier_same_category)
    return round(min(5.0, value), 2)


def classify(message: UserMessage, taxonomy: Taxonomy, redacted: str) -> Optional[tuple[str, str]]:
    """(category, subcategory) of an irritant, or None when the message is not one."""
    return categorise(taxonomy, message.intent, redacted, message.sentiment.label)


def categorise(taxonomy: Taxonomy, intent: str, redacted: str, sentiment: str) -> Optional[tuple[str, str]]:
    """The rule itself, from what an irritant record keeps (intent, redacted quote, sentiment label):
    the worker and `python -m voc reprocess` both use it, so a record reprocessed with an unchanged
    taxonomy stays as the worker wrote it."""
    found = taxonomy.categorise(intent, redacted)
    if found is not None and (found not in taxonomy.broad or sentiment == NEGATIVE):
        return found.name, found.subcategory
    if sentiment == NEGATIVE:
        return UNCATEGORISED, ""
    return None
