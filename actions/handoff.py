"""Queue a conversation for a human agent, with a summary that carries no personal data."""

from __future__ import annotations

import time
from typing import Iterable, Mapping, Optional

import redis

from contracts import redis_keys
from contracts.records import user_messages
from contracts.redaction import redact

SUMMARY_MESSAGES = 6
QUEUED, WITHDRAWN, TIMED_OUT = "queued", "withdrawn", "timed_out"


def summarise(events: Iterable[Mapping], limit: int = SUMMARY_MESSAGES) -> str:
    """The customer's last messages with their intents, redacted."""
    lines = [f"[{m.intent or '?'}] {redact(m.text)}" for m in user_messages(events) if m.text]
    return "\n".join(lines[-limit:])


def enqueue(client: redis.Redis, sender_id: str, reason: str, summary: str,
            customer_id: Optional[str], tier: Optional[str]) -> int:
    """Add the conversation to the agents' queue unless it is already waiting; returns its position."""
    state_key = redis_keys.handoff_state(sender_id)
    state = client.hgetall(state_key)
    existing = state.get("entry_id") if state.get("status") == QUEUED else None
    if existing is None:
        entry_id = client.xadd(redis_keys.HANDOFF_QUEUE, {
            "sender_id": sender_id,
            "customer_id": customer_id or "",
            "tier": tier or "",
            "reason": reason,
            "summary": summary,
            "queued_at": str(int(time.time())),
        }, maxlen=redis_keys.HANDOFF_QUEUE_MAXLEN, approximate=True)
        client.hset(state_key, mapping={"entry_id": entry_id, "status": QUEUED, "reason": reason,
                                        "queued_at": str(int(time.time()))})
        client.expire(state_key, redis_keys.HANDOFF_STATE_TTL_SECONDS)
        existing = entry_id
    # position = entries queued up to and including ours
    return len(client.xrange(redis_keys.HANDOFF_QUEUE, max=existing))


def queue_position(client: redis.Redis, sender_id: str, timeout_seconds: int) -> Optional[int]:
    """Where the conversation stands in the agents' queue; None when it is not waiting (never
    queued, withdrawn, or waited longer than `timeout_seconds`, which ends the wait)."""
    state_key = redis_keys.handoff_state(sender_id)
    state = client.hgetall(state_key)
    if state.get("status") != QUEUED:
        return None
    if time.time() - int(state.get("queued_at") or 0) > timeout_seconds:
        _leave_queue(client, sender_id, state["entry_id"], TIMED_OUT)
        return None
    return len(client.xrange(redis_keys.HANDOFF_QUEUE, max=state["entry_id"]))


def withdraw(client: redis.Redis, sender_id: str) -> bool:
    """Take the conversation out of the agents' queue; False when it was not waiting."""
    state = client.hgetall(redis_keys.handoff_state(sender_id))
    if state.get("status") != QUEUED:
        return False
    _leave_queue(client, sender_id, state["entry_id"], WITHDRAWN)
    return True


def _leave_queue(client: redis.Redis, sender_id: str, entry_id: str, status: str) -> None:
    client.xdel(redis_keys.HANDOFF_QUEUE, entry_id)
    client.hset(redis_keys.handoff_state(sender_id), "status", status)
