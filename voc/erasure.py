"""Erasure: everything this system holds about one customer, found through the pseudonymous
customer → conversations index the worker keeps (`voc:customer:{pseudonym}`).

Removed: the customer's entries in the event stream, irritant and outcome records, transcripts,
open-conversation state, their pseudonym in every day's unique-customer sets, their hand-off
queue entries and states, and Rasa's trackers (the raw messages) and locks. Kept: anonymous day
counters (numbers without anyone in them) and the customer profile, which belongs to the CRM
and is erased there. A conversation still under way when erasure runs may write again: erase
after the customer's conversations have ended.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Callable, Iterable, Mapping

import redis

from contracts.redis_keys import (HANDOFF_QUEUE, RASA_KEY_PREFIX, VOC_EVENTS, VOC_IRRITANTS, VOC_OPEN, VOC_OUTCOMES,
                                  handoff_state, rasa_lock, rasa_tracker, voc_conversation,
                                  voc_customer_conversations, voc_transcript)
from voc import pseudonyms

CHUNK = 1000


@dataclass
class ErasureReport:
    customer: str  # the customer's pseudonym
    conversations: int = 0
    stream_events: int = 0
    irritant_records: int = 0
    outcome_records: int = 0
    transcripts: int = 0
    open_conversations: int = 0
    unique_customer_sets: int = 0
    handoff_entries: int = 0
    handoff_states: int = 0
    trackers: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


def _delete_entries(client: redis.Redis, stream: str, doomed: Callable[[Mapping[str, str]], bool]) -> int:
    """XDEL every entry of `stream` for which `doomed(fields)` holds; the number removed."""
    removed, start = 0, "-"
    while True:
        entries = client.xrange(stream, min=start, max="+", count=CHUNK)
        ids = [entry_id for entry_id, fields in entries if doomed(fields)]
        if ids:
            removed += client.xdel(stream, *ids)
        if len(entries) < CHUNK:
            return removed
        start = f"({entries[-1][0]}"


def _senders(client: redis.Redis, pattern: str, prefix: str) -> Iterable[str]:
    for key in client.scan_iter(match=pattern, count=1000):
        yield key[len(prefix):]


def erase_customer(client: redis.Redis, secret: str, customer_id: str) -> ErasureReport:
    customer = pseudonyms.customer(secret, customer_id)
    index = voc_customer_conversations(customer)
    conversations = set(client.smembers(index))
    report = ErasureReport(customer=customer, conversations=len(conversations))

    # Rasa's and the agents' keys are named by sender id: find the senders whose pseudonym is one
    # of the customer's conversations
    senders = set()
    for pattern, prefix in ((rasa_tracker("*"), f"{RASA_KEY_PREFIX}:tracker:"), (handoff_state("*"), "handoff:conversation:")):
        senders |= {s for s in _senders(client, pattern, prefix)
                    if pseudonyms.conversation(secret, s) in conversations}

    def event_is_theirs(fields: Mapping[str, str]) -> bool:
        try:
            event = json.loads(fields.get("event", ""))
        except json.JSONDecodeError:
            return False
        sender = str(event.get("sender_id") or "")
        return sender in senders or pseudonyms.conversation(secret, sender) in conversations or \
            (event.get("metadata") or {}).get("customer_id") == customer_id

    def record_is_theirs(fields: Mapping[str, str]) -> bool:
        return fields.get("customer") == customer or fields.get("conversation") in conversations

    report.stream_events = _delete_entries(client, VOC_EVENTS, event_is_theirs)
    report.irritant_records = _delete_entries(client, VOC_IRRITANTS, record_is_theirs)
    report.outcome_records = _delete_entries(client, VOC_OUTCOMES, record_is_theirs)
    report.handoff_entries = _delete_entries(
        client, HANDOFF_QUEUE, lambda f: f.get("sender_id") in senders or f.get("customer_id") == customer_id)

    members = [customer, *conversations]
    for key in client.scan_iter(match="voc:customers:*", count=1000):
        report.unique_customer_sets += bool(client.srem(key, *members))
    with client.pipeline(transaction=False) as pipe:
        for conversation in conversations:
            pipe.delete(voc_transcript(conversation))
            pipe.zrem(VOC_OPEN, conversation)
            pipe.delete(voc_conversation(conversation))
        for sender in senders:
            pipe.delete(rasa_tracker(sender))
            pipe.delete(rasa_lock(sender))
            pipe.delete(handoff_state(sender))
        pipe.delete(index)
        results = pipe.execute()
    per_conversation, per_sender = results[:3 * len(conversations)], results[3 * len(conversations):-1]
    report.transcripts = sum(per_conversation[0::3])
    report.open_conversations = sum(per_conversation[1::3])
    report.trackers = sum(per_sender[0::3])
    report.handoff_states = sum(per_sender[2::3])
    return report
