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
)
