"""Queue a conversation for a human agent, with a summary that carries no personal data."""

from __future__ import annotations

import time
from typing import Iterable, Mapping, Optional

import redis

from contracts import redis_keys
from contracts.records import user_messages
from contracts.redaction import redact

SUMMARY_MESSAGES = 6


def summarise(events: Iterable[Mapping], limit: int = SUMMARY_MESSAGES) -> str:
    """The customer's last messages with their intents, redacted."""
    lines = [f"[{m.intent or '?'}] {redact(m.text)}" for m in user_messages(events) if m.text]
    return "\n".join(lines[-limit:])


def enqueue(client: redis.Redis, sender_id: str, reason: str, summary: str,
            customer_id: Optional[str], tier: Optional[str]) -> int:
    """Add the conversation to the agents' queue once; returns its position in the queue."""
    state_key = redis_keys.handoff_state(sender_id)
    existing = client.hget(state_key, "entry_id")
    if existing is None:
        entry_id = client.xadd(redis_keys.HANDOFF_QUEUE, {
            "sender_id": sender_id,
            "customer_id": customer_id or "",
            "tier": tier or "",
            "reason": reason,
            "summary": summary,
            "queued_at": str(int(time.time())),
        }, maxlen=redis_keys.HANDOFF_QUEUE_MAXLEN, approximate=True)
        client.hset(state_key, mapping={"entry_id": entry_id, "status": "queued", "reason": reason})
        client.expire(state_key, redis_keys.HANDOFF_STATE_TTL_SECONDS)
        existing = entry_id
    # position = entries queued up to and including ours
    return len(client.xrange(redis_keys.HANDOFF_QUEUE, max=existing))
