"""Typed records of what services read from each other: the NLU's parse result and Rasa's events.

Rasa hands these around as JSON dicts; reading them through these records keeps the string
keys in one place. `from_dict` is lenient (missing keys get defaults) because Rasa adds and
drops keys between versions, and an event from another project may lack our `sentiment`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, List, Mapping, Optional, Tuple

NEUTRAL = "neutral"


@dataclass(frozen=True)
class Intent:
    name: str
    confidence: float = 0.0

    @classmethod
    def from_dict(cls, d: Optional[Mapping[str, Any]]) -> "Intent":
        d = d or {}
        return cls(str(d.get("name") or ""), float(d.get("confidence") or 0.0))


@dataclass(frozen=True)
class Entity:
    entity: str
    start: int
    end: int
    value: Any
    extractor: str = ""
    role: Optional[str] = None
    group: Optional[str] = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Entity":
        return cls(str(d.get("entity", "")), int(d.get("start", 0)), int(d.get("end", 0)), d.get("value"),
                   str(d.get("extractor") or ""), d.get("role"), d.get("group"))


@dataclass(frozen=True)
class Sentiment:
    label: str = NEUTRAL  # negative | neutral | positive
    score: float = 0.0

    @classmethod
    def from_dict(cls, d: Optional[Mapping[str, Any]]) -> "Sentiment":
        d = d or {}
        return cls(str(d.get("label") or NEUTRAL), float(d.get("score") or 0.0))


@dataclass(frozen=True)
class ParseResult:
    """What `POST /model/parse` answers (Rasa's parse data plus our sentiment and model version)."""

    text: str
    intent: Intent
    intent_ranking: Tuple[Intent, ...] = ()
    entities: Tuple[Entity, ...] = ()
    sentiment: Sentiment = field(default_factory=Sentiment)
    model: str = ""
    # out of scope because it is about something not ours: its feeling is not aimed at us
    elsewhere: bool = False

    @classmethod
    def from_dict(cls, d: Optional[Mapping[str, Any]]) -> "ParseResult":
        d = d or {}
        return cls(
            text=str(d.get("text") or ""),
            intent=Intent.from_dict(d.get("intent")),
            intent_ranking=tuple(Intent.from_dict(r) for r in d.get("intent_ranking") or ()),
            entities=tuple(Entity.from_dict(e) for e in d.get("entities") or ()),
            sentiment=Sentiment.from_dict(d.get("sentiment")),
            model=str(d.get("model") or ""),
            elsewhere=bool(d.get("elsewhere")),
        )


@dataclass(frozen=True)
class UserMessage:
    """A Rasa `user` event: what the customer said and how the NLU read it."""

    text: str
    parse: ParseResult
    metadata: Mapping[str, Any]
    timestamp: float = 0.0
    input_channel: str = ""

    @property
    def intent(self) -> str:
        return self.parse.intent.name

    @property
    def sentiment(self) -> Sentiment:
        return self.parse.sentiment

    @classmethod
    def from_event(cls, e: Mapping[str, Any]) -> "UserMessage":
        return cls(str(e.get("text") or ""), ParseResult.from_dict(e.get("parse_data")),
                   dict(e.get("metadata") or {}), float(e.get("timestamp") or 0.0), str(e.get("input_channel") or ""))


@dataclass(frozen=True)
class BotMessage:
    """A Rasa `bot` event: what the assistant answered."""

    text: str
    timestamp: float = 0.0

    @classmethod
    def from_event(cls, e: Mapping[str, Any]) -> "BotMessage":
        return cls(str(e.get("text") or ""), float(e.get("timestamp") or 0.0))


def user_messages(events: Iterable[Mapping[str, Any]]) -> List[UserMessage]:
    return [UserMessage.from_event(e) for e in events if e.get("event") == "user"]


def latest_user_message(events: Iterable[Mapping[str, Any]]) -> Optional[UserMessage]:
    found = user_messages(events)
    return found[-1] if found else None


# The customer's end-of-conversation rating (1-5) is a slot the assistant sets: a normal Rasa
# event (`slot` named RATING_SLOT) that the voice-of-the-customer worker reads.
RATING_SLOT = "rating"
RATING_SCALE = (1, 5)


def stated_rating(events: Iterable[Mapping[str, Any]]) -> Optional[int]:
    """The last rating the customer gave in these events; None when they gave none."""
    rating = None
    for e in events:
        if e.get("event") == "slot" and e.get("name") == RATING_SLOT:
            value = e.get("value")
            rating = int(value) if isinstance(value, (int, float)) and RATING_SCALE[0] <= value <= RATING_SCALE[1] else None
    return rating
