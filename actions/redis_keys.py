"""Every Redis key the backend uses, in one place.

| key | type | written by | holds |
|---|---|---|---|
| `profile:customer:{customer_id}` | string (JSON) | demo seeding / CRM sync | name, tier, preferred contact, orders |
| `handoff:queue` | stream | actions (action_handoff) | conversations waiting for a human agent, redacted summary |
| `handoff:conversation:{sender_id}` | hash | actions | hand-off state of one conversation |
| `rasa:tracker:{sender_id}` | string | Rasa (RedisTrackerStore, key_prefix `rasa`) | the dialogue tracker |
| `rasa:lock:{sender_id}` | string | Rasa (RedisLockStore, key_prefix `rasa`) | per-conversation lock |
"""

HANDOFF_QUEUE = "handoff:queue"


def customer_profile(customer_id: str) -> str:
    return f"profile:customer:{customer_id}"


def handoff_state(sender_id: str) -> str:
    return f"handoff:conversation:{sender_id}"
