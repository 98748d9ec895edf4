"""One conversation's outcome, effort and inferred satisfaction, from what the worker kept of it.

The worker keeps, per conversation, one field per customer turn, per action and per slot
change that matters here (see `voc.store`). When the conversation has been quiet for
VOC_CONVERSATION_IDLE_SECONDS it is over, and `summarise` turns those fields into an `Outcome`.
The definitions (also in the README, and used by the tests):

- a **turn** is a customer message (call events such as "no input" are not turns);
- a turn is a **fallback** when the NLU could not read it (`nlu_fallback`) or the assistant
  answered it with a fallback action (asked to rephrase, or could not decide what to do);
- a **rephrasing** is a turn that follows a fallback turn;
- **outcome**, the first that applies:
  1. `handed_off`: the conversation ended queued for a person (not withdrawn);
  2. `abandoned`: the customer left while the assistant was waiting on them: a form asking
     for a value, an open offer ("shall I?"), a caller verification, a request to rephrase,
     or a call with no customer words at all;
  3. `resolved`: no fallback in its last two turns;
  4. `unresolved`: the rest (it ended on a misunderstanding the assistant did not ask about).
  The end-of-conversation rating question is skippable: leaving it unanswered is not abandoning.
- **effort** (1 = effortless … 5): 1 + 0.25 per turn after the first + 1 per fallback + 0.5 per
  rephrasing + 1 when handed off, capped at 5;
- **inferred CSAT** (1–5): 3, + 1.5 resolved, − 1.5 abandoned, − 0.5 unresolved, − 0.5 handed
  off, − 0.5 per fallback (at most − 1.5), − 0.5 per negative turn (at most − 1.5), − 0.25 per
  effort point above 2, clamped to 1–5; `factors` holds each term that applied;
- **agreement** with a stated rating: the two differ by at most 1.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Mapping, Optional

from contracts.records import RATING_SCALE, RATING_SLOT

RESOLVED, HANDED_OFF, ABANDONED, UNRESOLVED = "resolved", "handed_off", "abandoned", "unresolved"
OUTCOMES = (RESOLVED, HANDED_OFF, ABANDONED, UNRESOLVED)

FALLBACK_INTENT = "nlu_fallback"
FALLBACK_ACTIONS = frozenset({"action_rephrase", "action_default_fallback"})
IGNORED_ACTIONS = frozenset({"action_listen", "action_session_start"})
# slots whose final value says the assistant was waiting on the customer
ASKING_SLOTS = frozenset({"requested_slot", "handoff_offered", "request_offered", "verifying_caller"})
HANDOFF_SLOT, HANDOFF_REASON_SLOT = "handoff_queued", "handoff_reason"
TRACKED_SLOTS = ASKING_SLOTS | {HANDOFF_SLOT, HANDOFF_REASON_SLOT, RATING_SLOT}

TURN, ACTION, SLOT = "u", "a", "z"  # field prefixes in the conversation hash
AGREEMENT_MARGIN = 1


def event_field(kind: str, timestamp: float, uid: str) -> str:
    """`u:1764540000.123456:ab12cd`: sortable by time, unique per event."""
    return f"{kind}:{timestamp:.6f}:{uid[:8]}"


def turn_value(intent: str, sentiment: str) -> str:
    return json.dumps([intent, sentiment], separators=(",", ":"))


def slot_value(name: str, value: object) -> str:
    return json.dumps([name, value], separators=(",", ":"))


@dataclass(frozen=True)
class Outcome:
    conversation: str
    customer: str
    channel: str
    started: float
    ended: float
    outcome: str
    turns: int
    fallbacks: int
    rephrasings: int
    negative_turns: int
    effort: float
    inferred_csat: float
    factors: dict = field(default_factory=dict)
    stated_rating: Optional[int] = None
    handoff_reason: str = ""

    @property
    def agrees(self) -> Optional[bool]:
        if self.stated_rating is None:
            return None
        return abs(self.inferred_csat - self.stated_rating) <= AGREEMENT_MARGIN

    def fields(self) -> dict[str, str]:
        out = {k: (json.dumps(v) if isinstance(v, dict) else "" if v is None else str(v))
               for k, v in asdict(self).items()}
        return out


def _entries(fields: Mapping[str, str], kind: str) -> list[tuple[float, str]]:
    found = []
    for name, value in fields.items():
        if name.startswith(kind + ":"):
            found.append((float(name.split(":")[1]), value))
    return sorted(found)


def summarise(conversation: str, fields: Mapping[str, str]) -> Outcome:
    """The outcome of one ended conversation from its hash (see the module docstring)."""
    turns = [(ts, json.loads(v)) for ts, v in _entries(fields, TURN)]
    actions = [(ts, v) for ts, v in _entries(fields, ACTION) if v not in IGNORED_ACTIONS]
    slots: dict[str, object] = {}
    for _, raw in _entries(fields, SLOT):
        name, value = json.loads(raw)
        slots[name] = value

    # a turn is a fallback when its intent is nlu_fallback or a fallback action answered it
    bounds = [ts for ts, _ in turns] + [float("inf")]
    fallback_flags = []
    for i, (ts, (intent, _)) in enumerate(turns):
        answered_by = {name for at, name in actions if bounds[i] <= at < bounds[i + 1]}
        fallback_flags.append(intent == FALLBACK_INTENT or bool(answered_by & FALLBACK_ACTIONS))
    fallbacks = sum(fallback_flags)
    rephrasings = sum(1 for i in range(1, len(turns)) if fallback_flags[i - 1])
    negative = sum(1 for _, (_, sentiment) in turns if sentiment == "negative")

    last_action = actions[-1][1] if actions else ""
    waiting = any(slots.get(name) for name in ASKING_SLOTS) or last_action in FALLBACK_ACTIONS
    if slots.get(HANDOFF_SLOT):  # still queued at the end: not withdrawn ("never mind")
        outcome = HANDED_OFF
    elif not turns or waiting:
        outcome = ABANDONED
    elif not any(fallback_flags[-2:]):
        outcome = RESOLVED
    else:
        outcome = UNRESOLVED

    effort = min(5.0, 1 + 0.25 * max(0, len(turns) - 1) + fallbacks + 0.5 * rephrasings
                 + (1 if outcome == HANDED_OFF else 0))
    factors: dict[str, float] = {}
    factors.update({RESOLVED: 1.5} if outcome == RESOLVED else {})
    factors.update({ABANDONED: -1.5} if outcome == ABANDONED else {})
    factors.update({UNRESOLVED: -0.5} if outcome == UNRESOLVED else {})
    factors.update({HANDED_OFF: -0.5} if outcome == HANDED_OFF else {})
    if fallbacks:
        factors["fallbacks"] = -min(1.5, 0.5 * fallbacks)
    if negative:
        factors["negative_turns"] = -min(1.5, 0.5 * negative)
    if effort > 2:
        factors["effort"] = -round(0.25 * (effort - 2), 2)
    csat = round(min(5.0, max(1.0, 3 + sum(factors.values()))), 2)

    rating = slots.get(RATING_SLOT)
    stated = int(rating) if isinstance(rating, (int, float)) and RATING_SCALE[0] <= rating <= RATING_SCALE[1] else None
    times = [ts for ts, _ in turns] + [ts for ts, _ in actions] + [ts for ts, _ in _entries(fields, SLOT)]
    return Outcome(
        conversation=conversation, customer=fields.get("customer") or conversation,
        channel=fields.get("channel") or "unknown", started=min(times, default=0.0), ended=max(times, default=0.0),
        outcome=outcome, turns=len(turns), fallbacks=fallbacks, rephrasings=rephrasings, negative_turns=negative,
        effort=round(effort, 2), inferred_csat=csat, factors=factors, stated_rating=stated,
        handoff_reason=str(slots.get(HANDOFF_REASON_SLOT) or "") if outcome == HANDED_OFF else "")
