"""How the customer feels so far, from the sentiment the nlu service put on each message."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Optional

from contracts.records import NEUTRAL, user_messages


@dataclass(frozen=True)
class Mood:
    latest: str  # negative | neutral | positive
    negative_messages: int

    @property
    def upset(self) -> bool:
        return self.latest == "negative"


def mood_from_events(events: Iterable[Mapping]) -> Mood:
    labels = [m.sentiment.label for m in user_messages(events)]
    return Mood(latest=labels[-1] if labels else NEUTRAL, negative_messages=labels.count("negative"))


def should_offer_human(mood: Mood, tier: Optional[str], is_complaint: bool,
                       top_tiers: Iterable[str], negative_threshold: int) -> bool:
    """Repeated negativity, or a complaint from a top-tier customer, earns a person."""
    if mood.negative_messages >= negative_threshold:
        return True
    return is_complaint and tier is not None and tier.lower() in set(top_tiers)
