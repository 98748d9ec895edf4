"""The conversation test suite (tests/conversations/*.yml): load, split, run against a live stack, score.

Used by `make bench-dialogue` (bench/dialogue.py) and by `make test`
(tests/integration/test_conversation_suite.py). The format is described in
tests/conversations/FORMAT.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

import httpx
import yaml

from contracts.identity import CUSTOMER_TOKEN_KEY
from contracts.redaction import SPOKEN_DIGITS
from nlu import written_form
from stack.environments import REPO
from tools.demo import demo_customers

SUITE_DIR = REPO / "tests" / "conversations"
BASELINE_FILE = SUITE_DIR / "baseline.json"
SPLIT_SEED = 20261130  # fixed forever: changing it would unseal the sealed half
HALVES = ("dev", "sealed")
# The responses that mean "I did not understand" or "I do not know what to do next": a reply
# is a fallback when it is one of their texts, whichever action sent it.
FALLBACK_RESPONSES = ("utter_please_rephrase", "utter_default")
NOT_A_STEP = frozenset({"action_listen", "action_session_start"})
TURN_KEYS = {"user", "intents", "action", "reply_has", "reply_has_any", "reply_lacks"}
CONVERSATION_KEYS = {"id", "category", "customer", "no_fallback", "turns"}


class SuiteError(ValueError):
    """A conversation file cannot be used; the message names the file and the conversation."""


@dataclass(frozen=True)
class Turn:
    user: str
    intents: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()  # any of these must run
    reply_has: tuple[str, ...] = ()
    reply_has_any: tuple[str, ...] = ()
    reply_lacks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Conversation:
    id: str
    category: str
    turns: tuple[Turn, ...]
    customer: str | None = None
    no_fallback: bool = True
    source: str = ""


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise SuiteError(f"{where}: expected a string or a list of strings, got {value!r}")


def _turn(raw: Any, where: str) -> Turn:
    if not isinstance(raw, dict) or not isinstance(raw.get("user"), str) or not raw["user"].strip():
        raise SuiteError(f"{where}: a turn needs a non-empty 'user' message")
    unknown = set(raw) - TURN_KEYS
    if unknown:
        raise SuiteError(f"{where}: unknown keys {sorted(unknown)} (known: {sorted(TURN_KEYS)})")
    return Turn(raw["user"], _strings(raw.get("intents"), where), _strings(raw.get("action"), where),
                _strings(raw.get("reply_has"), where), _strings(raw.get("reply_has_any"), where),
                _strings(raw.get("reply_lacks"), where))


def load_file(path: Path) -> list[Conversation]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    raws = doc.get("conversations") if isinstance(doc, dict) else None
    if not isinstance(raws, list):
        raise SuiteError(f"{path.name}: expected a top-level 'conversations:' list")
    out = []
    for i, raw in enumerate(raws):
        where = f"{path.name} conversation {raw.get('id', i) if isinstance(raw, dict) else i}"
        if not isinstance(raw, dict) or not raw.get("id") or not raw.get("category"):
            raise SuiteError(f"{where}: needs 'id' and 'category'")
        unknown = set(raw) - CONVERSATION_KEYS
        if unknown:
            raise SuiteError(f"{where}: unknown keys {sorted(unknown)} (known: {sorted(CONVERSATION_KEYS)})")
        turns = raw.get("turns")
        if not isinstance(turns, list) or not turns:
            raise SuiteError(f"{where}: needs at least one turn")
        out.append(Conversation(str(raw["id"]), str(raw["category"]),
                                tuple(_turn(t, f"{where} turn {j + 1}") for j, t in enumerate(turns)),
                                raw.get("customer"), bool(raw.get("no_fallback", True)), path.name))
    return out


def load_suite(folder: Path = SUITE_DIR) -> list[Conversation]:
    conversations = [c for path in sorted(folder.glob("*.yml")) for c in load_file(path)]
    seen: dict[str, str] = {}
    for c in conversations:
        if c.id in seen:
            raise SuiteError(f"conversation id {c.id!r} appears in {seen[c.id]} and {c.source}")
        seen[c.id] = c.source
    known = {customer.customer_id for customer in demo_customers(dt.date.today())}
    for c in conversations:
        if c.customer is not None and c.customer not in known:
            raise SuiteError(f"{c.source} {c.id}: unknown demo customer {c.customer!r} (known: {sorted(known)})")
    return conversations


def half_of(conversation_id: str, seed: int = SPLIT_SEED) -> str:
    """dev or sealed, from a hash of the id alone: adding conversations never moves old ones."""
    return HALVES[hashlib.sha256(f"{seed}:{conversation_id}".encode()).digest()[0] % 2]


# --- what a turn did, read from Rasa's tracker --------------------------------------------

@dataclass
class TurnResult:
    user: str
    replies: list[str]
    intent: str
    actions: list[str]
    fallback: bool = False
    failures: list[str] = field(default_factory=list)


@dataclass
class ConversationResult:
    conversation: Conversation
    half: str
    turns: list[TurnResult]
    leaks: list[str]

    @property
    def success(self) -> bool:
        return not self.leaks and all(not t.failures for t in self.turns)


def turns_from_events(events: Iterable[Mapping[str, Any]]) -> list[tuple[str, list[str]]]:
    """(intent, steps) for each user message of a tracker, in order. Steps are the actions run
    and the responses given: `utter_out_of_scope` counts whether a rule or a custom action sent it."""
    out: list[tuple[str, list[str]]] = []
    for e in events:
        if e.get("event") == "user":
            out.append((((e.get("parse_data") or {}).get("intent") or {}).get("name") or "", []))
        elif not out:
            continue
        elif e.get("event") == "action" and e.get("name") not in NOT_A_STEP:
            out[-1][1].append(e["name"])
        elif e.get("event") == "bot":
            response = (e.get("metadata") or {}).get("utter_action")
            if response and response not in out[-1][1]:
                out[-1][1].append(response)
    return out


def judge_turn(turn: Turn, replies: list[str], intent: str, actions: list[str], no_fallback: bool,
               fallback_texts: frozenset[str]) -> TurnResult:
    result = TurnResult(turn.user, replies, intent, actions, any(r.strip() in fallback_texts for r in replies))
    text = "\n".join(replies).lower()
    if turn.intents and intent not in turn.intents:
        result.failures.append(f"intent {intent!r}, wanted one of {list(turn.intents)}")
    if turn.actions and not set(turn.actions) & set(actions):
        result.failures.append(f"actions {actions}, wanted one of {list(turn.actions)}")
    missing = [f for f in turn.reply_has if f.lower() not in text]
    if missing:
        result.failures.append(f"reply lacks {missing}")
    if turn.reply_has_any and not any(f.lower() in text for f in turn.reply_has_any):
        result.failures.append(f"reply has none of {list(turn.reply_has_any)}")
    present = [f for f in turn.reply_lacks if f.lower() in text]
    if present:
        result.failures.append(f"reply has {present}")
    if no_fallback and result.fallback:
        result.failures.append("fallback reply")
    return result


# --- cross-customer leaks -----------------------------------------------------------------

def response_texts(domain_file: Path, names: Iterable[str] | None = None) -> list[str]:
    """The texts of the domain's fixed responses (all, or those named), longest first."""
    responses = (yaml.safe_load(domain_file.read_text()) or {}).get("responses") or {}
    texts = [v.get("text", "") for name, variants in responses.items() if names is None or name in names
             for v in variants or []]
    return sorted((t for t in texts if t), key=len, reverse=True)


def static_response_texts(domain_file: Path) -> list[str]:
    """Every fixed response of the domain: its product names are the shop's, not a customer's."""
    return response_texts(domain_file)


@lru_cache(maxsize=1)
def private_fragments() -> dict[str, tuple[str, ...]]:
    """What identifies each demo customer's account: full and first name, order ids, products."""
    return {c.customer_id: (c.name, c.first_name, *(f for o in c.orders for f in (o.order_id, *o.items)))
            for c in demo_customers(dt.date.today())}


_ORDER_ID = re.compile(r"\bord[- ]?\d{5}\b", re.IGNORECASE)


def _written(text: str) -> str:
    spoken = written_form(text)
    return (spoken.text if spoken else text).lower()


def _digit_runs(text: str) -> list[str]:
    """The numbers in `text` with spoken digits as digits: "its four zero zero zero one" -> ["40001"];
    a colon or a full stop ends one ("missed a zero: 30001" -> ["0", "30001"])."""
    words = [SPOKEN_DIGITS.get(w, w) for w in re.findall(r"\d+|[a-z]+|[:;.!?/]", text.lower())]
    return re.findall(r"\d+", " ".join(w if w.isdigit() else "|" for w in words).replace(" ", ""))


def find_leaks(conversation: Conversation, user_texts: list[str], replies: list[str],
               static_texts: list[str]) -> list[str]:
    """Other customers' names, order ids and products in the replies, unless the customer typed them."""
    typed = "\n".join(user_texts).lower()
    # an order id counts as typed when the customer spelt it out ("o r d four zero …")
    said_ids = {re.sub(r"\W", "", m.group()) for t in user_texts for m in _ORDER_ID.finditer(_written(t))}
    # or gave its digits alone when asked for the number ("sorry its 40001", "four zero zero zero one")
    said_ids |= {f"ord{digits}" for t in user_texts for digits in _digit_runs(t)}
    leaks = []
    for reply in replies:
        for fixed in static_texts:
            reply = reply.replace(fixed, " ")
        for other, fragments in private_fragments().items():
            if other == conversation.customer:
                continue
            for fragment in fragments:
                if fragment.lower() in typed or re.sub(r"\W", "", fragment.lower()) in said_ids:
                    continue
                # names are matched as words with their capital ("Dev" the name, not "dev")
                if re.search(rf"(?<![\w-]){re.escape(fragment)}(?![\w-])", reply,
                             0 if fragment[0].isupper() else re.IGNORECASE):
                    leaks.append(f"{other}'s {fragment!r} in {reply[:80]!r}")
    return leaks


# --- running against a live stack ---------------------------------------------------------

class SuiteRunner:
    """Talks to a running stack: the REST webhook for messages, Rasa's API (with its token) for trackers."""

    def __init__(self, webhook: str, rasa_url: str, api_token: str, token_for: Callable[[str], str],
                 domain_file: Path, before_each: Callable[[], None] = lambda: None) -> None:
        """`before_each` runs before every conversation: re-seeding the demo profiles there means
        a conversation that cancels an order does not change what the next one sees."""
        self.webhook, self.rasa_url, self.api_token, self.token_for = webhook, rasa_url, api_token, token_for
        self.before_each = before_each
        self.static_texts = static_response_texts(domain_file)
        self.fallback_texts = frozenset(response_texts(domain_file, FALLBACK_RESPONSES))
        self.http = httpx.Client(timeout=60)

    def close(self) -> None:
        self.http.close()

    def _say(self, sender: str, text: str, token: str | None) -> list[str]:
        body: dict[str, Any] = {"sender": sender, "message": text}
        if token:
            body["metadata"] = {CUSTOMER_TOKEN_KEY: token}
        r = self.http.post(self.webhook, json=body)
        r.raise_for_status()
        return [m.get("text") or "" for m in r.json()]

    def _tracker_turns(self, sender: str) -> list[tuple[str, list[str]]]:
        r = self.http.get(f"{self.rasa_url}/conversations/{sender}/tracker",
                          params={"token": self.api_token, "include_events": "ALL"})
        r.raise_for_status()
        return turns_from_events(r.json().get("events") or [])

    def run(self, conversation: Conversation) -> ConversationResult:
        self.before_each()
        sender = f"suite-{conversation.id}-{uuid.uuid4().hex[:8]}"
        token = self.token_for(conversation.customer) if conversation.customer else None
        said = [self._say(sender, turn.user, token) for turn in conversation.turns]
        steps = self._tracker_turns(sender)
        if len(steps) != len(conversation.turns):
            raise RuntimeError(f"{conversation.id}: {len(conversation.turns)} messages sent, "
                               f"{len(steps)} user events in the tracker")
        turns = [judge_turn(t, replies, intent, actions, conversation.no_fallback, self.fallback_texts)
                 for t, replies, (intent, actions) in zip(conversation.turns, said, steps)]
        leaks = find_leaks(conversation, [t.user for t in conversation.turns],
                           [r for replies in said for r in replies], self.static_texts)
        return ConversationResult(conversation, half_of(conversation.id), turns, leaks)


# --- figures ------------------------------------------------------------------------------

def rate(results: list[ConversationResult]) -> float | None:
    return round(sum(r.success for r in results) / len(results), 4) if results else None


def summary(results: list[ConversationResult], baseline: float | None) -> dict[str, Any]:
    turns = [t for r in results for t in r.turns]
    judged = [t.intent in spec.intents for r in results for t, spec in zip(r.turns, r.conversation.turns)
              if spec.intents]
    return {
        "conversations": len(results),
        "success_rate": rate(results),
        "dev_success_rate": rate([r for r in results if r.half == "dev"]),
        "sealed_success_rate": rate([r for r in results if r.half == "sealed"]),
        "baseline_success_rate": baseline,
        "turn_intent_accuracy": round(sum(judged) / len(judged), 4) if judged else None,
        "fallback_rate": round(sum(t.fallback for t in turns) / len(turns), 4) if turns else None,
        "cross_customer_leaks": sum(len(r.leaks) for r in results),
    }


def by_category(results: list[ConversationResult]) -> dict[str, dict[str, tuple[int, int]]]:
    """category -> half -> (succeeded, total)."""
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: {h: [0, 0] for h in HALVES})
    for r in results:
        cell = table[r.conversation.category][r.half]
        cell[0] += r.success
        cell[1] += 1
    return {cat: {h: (v[0], v[1]) for h, v in halves.items()} for cat, halves in sorted(table.items())}
