"""Every Redis key of every service: what it holds, who writes it, how long it lives.

Keys are namespaced by the service that owns them (`profile:`, `handoff:`, `rasa:`). A new
key gets a row in `KEYS` and a function or constant here; nothing else spells a key.

| key | type | written by | holds | lives |
|---|---|---|---|---|
| `profile:customer:{customer_id}` | string (JSON) | CRM sync / demo seeding | name, tier, preferred contact, orders | until the CRM deletes it |
| `handoff:queue` | stream | actions (action_handoff) | conversations waiting for a human agent, redacted summary | trimmed to `HANDOFF_QUEUE_MAXLEN` entries |
| `handoff:conversation:{sender_id}` | hash | actions | hand-off state of one conversation | `HANDOFF_STATE_TTL_SECONDS` |
| `rasa:tracker:{sender_id}` | string | Rasa (RedisTrackerStore, key prefix `rasa`) | the dialogue tracker: the customer's raw messages live here and nowhere else | `TRACKER_RETENTION_SECONDS` (setting, default 30 days) after the last message |
| `rasa:lock:{sender_id}` | string | Rasa (RedisLockStore, key prefix `rasa`) | per-conversation lock | while a message is processed |
| `voc:events` | stream | Rasa's event broker (bot/event_broker.py) | Rasa's events, user and bot text redacted, no token or claim | trimmed by age: `VOC_STREAM_RETENTION_SECONDS` (7 days) |
| `voc:applied:{uid}` | string | voc worker | marks one event (the broker's uid) as applied: reprocessing it is a no-op | as long as the stream keeps events (`VOC_STREAM_RETENTION_SECONDS`) |
| `voc:conversation:{pseudonym}` | hash | voc worker | an open conversation: its turns (intent, sentiment), actions and slot changes that decide its outcome, irritants per category | until it is closed (idle `VOC_CONVERSATION_IDLE_SECONDS`); at most `VOC_RETENTION_SECONDS` |
| `voc:open` | sorted set | voc worker | open conversations by last activity (epoch seconds) | a member until its conversation is closed |
| `voc:outcomes` | stream | voc worker | one record per closed conversation: pseudonyms, channel, outcome, turns, fallbacks, effort, inferred and stated CSAT | trimmed by age (MINID): `VOC_RETENTION_SECONDS` |
| `voc:kpi:{day}` | hash | voc worker | closed conversations that UTC day per `channel|measure` (outcomes, turns, fallbacks, CSAT sums, hand-off reasons) | `VOC_RETENTION_SECONDS` after that day |
| `voc:sentiment:{day}` | hash | voc worker | customer messages that UTC day per `channel|label` | `VOC_RETENTION_SECONDS` after that day |
| `voc:transcript:{pseudonym}` | list | voc worker | the conversation's redacted transcript (JSON lines: time, who, text, intent, sentiment) | `VOC_TRANSCRIPT_RETENTION_SECONDS` (30 days) after its last line |
| `voc:customer:{pseudonym}` | set | voc worker | a signed-in customer's conversation pseudonyms (for erasure) | `VOC_RETENTION_SECONDS` after the last |
| `voc:emerging` | string (JSON) | voc worker (clustering) | the latest emerging-irritant clusters: id, keywords, size, first/last seen, redacted quotes, promoted to | replaced at each clustering run |
| `voc:alerts` | stream | voc worker | alerts: a category rising well above its own recent baseline | trimmed by age (MINID): `VOC_RETENTION_SECONDS` |
| `voc:alerted:{day}` | set | voc worker | categories already alerted that UTC day (one alert a day each) | 2 days |
| `voc:demo` | hash | `make run` (tools/demo_replay.py) | that the scripted demo conversations were replayed: state, count, times, their sender-id prefix (so a second run replays nothing) | `VOC_RETENTION_SECONDS` (as long as the data it describes) |
| `voc:token:{sha256}` | hash | `python -m voc token` | an analyst API token's role, name and creation time (the token itself is never stored) | until revoked, or its `--days` |
| `voc:irritants` | stream | voc worker | irritant records (pseudonyms, channel, intent, category, sentiment, severity, redacted quote, model) | trimmed by age: `VOC_RETENTION_SECONDS` |
| `voc:count:{day}` | hash | voc worker | irritant records per `category|channel` on that UTC day, and their severity sums (`category|channel|severity`) | `VOC_RETENTION_SECONDS` after that day |
| `voc:customers:{day}:{category}` | set | voc worker | pseudonyms of the customers (signed in: by customer id; anonymous: by conversation) with that irritant that day | `VOC_RETENTION_SECONDS` after that day |
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

# Rasa builds its own keys from this prefix: "<prefix>:tracker:<sender>", "<prefix>:lock:<sender>".
RASA_KEY_PREFIX = "rasa"
DEFAULT_TRACKER_RETENTION_SECONDS = 30 * 24 * 3600

HANDOFF_QUEUE = "handoff:queue"
HANDOFF_QUEUE_MAXLEN = 100_000  # approximate trim: agents work the queue long before this
HANDOFF_STATE_TTL_SECONDS = 30 * 24 * 3600

VOC_EVENTS = "voc:events"
VOC_IRRITANTS = "voc:irritants"
VOC_OUTCOMES = "voc:outcomes"
VOC_OPEN = "voc:open"
VOC_EMERGING = "voc:emerging"
VOC_ALERTS = "voc:alerts"
VOC_DEMO = "voc:demo"
DEFAULT_VOC_STREAM_RETENTION_SECONDS = 7 * 24 * 3600
DEFAULT_VOC_RETENTION_SECONDS = 400 * 24 * 3600
DEFAULT_VOC_TRANSCRIPT_RETENTION_SECONDS = 30 * 24 * 3600


@dataclass(frozen=True)
class KeySpec:
    pattern: str
    type: str
    written_by: str
    holds: str
    ttl_seconds: Optional[int]  # None: lives until its owner deletes it
    lifetime: str


def customer_profile(customer_id: str) -> str:
    return f"profile:customer:{customer_id}"


def handoff_state(sender_id: str) -> str:
    return f"handoff:conversation:{sender_id}"


def rasa_tracker(sender_id: str) -> str:
    return f"{RASA_KEY_PREFIX}:tracker:{sender_id}"


def rasa_lock(sender_id: str) -> str:
    return f"{RASA_KEY_PREFIX}:lock:{sender_id}"


def voc_applied(uid: str) -> str:
    return f"voc:applied:{uid}"


def voc_conversation(pseudonym: str) -> str:
    return f"voc:conversation:{pseudonym}"


def voc_day_counts(day: str) -> str:
    """`day` as YYYY-MM-DD (UTC); fields are `category|channel`."""
    return f"voc:count:{day}"


def voc_day_customers(day: str, category: str) -> str:
    return f"voc:customers:{day}:{category}"


def voc_day_kpis(day: str) -> str:
    """Fields are `channel|measure`."""
    return f"voc:kpi:{day}"


def voc_day_sentiment(day: str) -> str:
    """Fields are `channel|label`."""
    return f"voc:sentiment:{day}"


def voc_transcript(pseudonym: str) -> str:
    return f"voc:transcript:{pseudonym}"


def voc_customer_conversations(customer_pseudonym: str) -> str:
    return f"voc:customer:{customer_pseudonym}"


def voc_alerted(day: str) -> str:
    return f"voc:alerted:{day}"


def voc_api_token(digest: str) -> str:
    """`digest`: the token's SHA-256, hex."""
    return f"voc:token:{digest}"


KEYS: Tuple[KeySpec, ...] = (
    KeySpec(customer_profile("{customer_id}"), "string (JSON)", "CRM sync / demo seeding",
            "name, tier, preferred contact, orders", None, "until the CRM deletes it"),
    KeySpec(HANDOFF_QUEUE, "stream", "actions (action_handoff)",
            "conversations waiting for a human agent, redacted summary", None,
            f"trimmed to about {HANDOFF_QUEUE_MAXLEN} entries"),
    KeySpec(handoff_state("{sender_id}"), "hash", "actions", "hand-off state of one conversation",
            HANDOFF_STATE_TTL_SECONDS, "30 days"),
    KeySpec(rasa_tracker("{sender_id}"), "string", "Rasa (RedisTrackerStore)",
            "the dialogue tracker, with the customer's raw messages", DEFAULT_TRACKER_RETENTION_SECONDS,
            "TRACKER_RETENTION_SECONDS after the last message (default 30 days)"),
    KeySpec(rasa_lock("{sender_id}"), "string", "Rasa (RedisLockStore)", "per-conversation lock", None,
            "while a message is processed"),
    KeySpec(VOC_EVENTS, "stream", "Rasa's event broker", "Rasa's events, text redacted, no token or claim",
            DEFAULT_VOC_STREAM_RETENTION_SECONDS, "trimmed by age (MINID), VOC_STREAM_RETENTION_SECONDS"),
    KeySpec(voc_applied("{uid}"), "string", "voc worker", "one event already applied (reprocessing is a no-op)",
            DEFAULT_VOC_STREAM_RETENTION_SECONDS, "as long as the stream keeps events"),
    KeySpec(voc_conversation("{pseudonym}"), "hash", "voc worker",
            "an open conversation's turns, actions and slot changes, irritants per category",
            DEFAULT_VOC_RETENTION_SECONDS, "until closed (idle VOC_CONVERSATION_IDLE_SECONDS); at most VOC_RETENTION_SECONDS"),
    KeySpec(VOC_OPEN, "sorted set", "voc worker", "open conversations by last activity", None,
            "until the conversation is closed"),
    KeySpec(VOC_OUTCOMES, "stream", "voc worker", "one outcome record per closed conversation",
            DEFAULT_VOC_RETENTION_SECONDS, "trimmed by age (MINID), VOC_RETENTION_SECONDS"),
    KeySpec(voc_day_kpis("{day}"), "hash", "voc worker", "closed conversations that day per channel and measure",
            DEFAULT_VOC_RETENTION_SECONDS, "VOC_RETENTION_SECONDS after that day"),
    KeySpec(voc_day_sentiment("{day}"), "hash", "voc worker", "customer messages that day per channel and sentiment",
            DEFAULT_VOC_RETENTION_SECONDS, "VOC_RETENTION_SECONDS after that day"),
    KeySpec(voc_transcript("{pseudonym}"), "list", "voc worker", "a conversation's redacted transcript",
            DEFAULT_VOC_TRANSCRIPT_RETENTION_SECONDS, "VOC_TRANSCRIPT_RETENTION_SECONDS after its last line"),
    KeySpec(voc_customer_conversations("{pseudonym}"), "set", "voc worker",
            "a signed-in customer's conversation pseudonyms (erasure finds them here)", DEFAULT_VOC_RETENTION_SECONDS,
            "VOC_RETENTION_SECONDS after the last"),
    KeySpec(VOC_EMERGING, "string (JSON)", "voc worker (clustering)", "the latest emerging-irritant clusters", None,
            "replaced at each clustering run"),
    KeySpec(VOC_ALERTS, "stream", "voc worker", "rising-category alerts", DEFAULT_VOC_RETENTION_SECONDS,
            "trimmed by age (MINID), VOC_RETENTION_SECONDS"),
    KeySpec(voc_alerted("{day}"), "set", "voc worker", "categories alerted that day", 2 * 24 * 3600, "2 days"),
    KeySpec(VOC_DEMO, "hash", "make run (tools/demo_replay.py)",
            "whether, when and how many scripted demo conversations were replayed", DEFAULT_VOC_RETENTION_SECONDS,
            "VOC_RETENTION_SECONDS"),
    KeySpec(voc_api_token("{sha256}"), "hash", "python -m voc token", "an API token's role and name (not the token)",
            None, "until revoked or expired"),
    KeySpec(VOC_IRRITANTS, "stream", "voc worker", "irritant records with redacted quotes",
            DEFAULT_VOC_RETENTION_SECONDS, "trimmed by age (MINID), VOC_RETENTION_SECONDS"),
    KeySpec(voc_day_counts("{day}"), "hash", "voc worker", "irritant records per category and channel that day",
            DEFAULT_VOC_RETENTION_SECONDS, "VOC_RETENTION_SECONDS"),
    KeySpec(voc_day_customers("{day}", "{category}"), "set", "voc worker",
            "pseudonyms of the customers with that irritant that day", DEFAULT_VOC_RETENTION_SECONDS,
            "VOC_RETENTION_SECONDS"),
)
