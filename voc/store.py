"""Applying one event to Redis, exactly once: the irritant record, the day's counts, the
unique customers and the conversation's counters are written in one transaction together
with the event's `voc:applied:{uid}` marker, so an event seen again (a reclaimed entry, a
batch the broker re-sent) changes nothing."""

from __future__ import annotations

import json
import time
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any, Mapping, Optional

import redis

from contracts.records import UserMessage
from contracts.redaction import redact
from contracts.redis_keys import (VOC_IRRITANTS, customer_profile, voc_applied, voc_conversation, voc_day_counts,
                                  voc_day_customers)
from contracts.signals import signal_in
from voc import pseudonyms
from voc.irritants import NEGATIVE, IrritantRecord, classify, severity
from voc.settings import VocSettings
from voc.taxonomy import Taxonomy

CHANNELS = {"rest": "chat", "voice": "voice"}  # Rasa's input channel -> what analysts call it
APPLIED, DUPLICATE, IGNORED = "applied", "duplicate", "ignored"


def channel_of(message: UserMessage) -> str:
    name = str(message.metadata.get("channel") or message.input_channel or "unknown")
    return CHANNELS.get(name, name)


def utc_day(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp or time.time(), tz=timezone.utc).strftime("%Y-%m-%d")


class Store:
    def __init__(self, client: redis.Redis, settings: VocSettings, taxonomy: Taxonomy) -> None:
        self.redis = client
        self.settings = settings
        self.taxonomy = taxonomy
        self.top_tiers = {t.strip().lower() for t in settings.top_tiers.split(",") if t.strip()}
        self._profile = lru_cache(maxsize=4096)(self._read_profile)

    def _read_profile(self, customer_id: str) -> Mapping[str, Any]:
        raw = self.redis.get(customer_profile(customer_id))
        try:
            return json.loads(raw) if raw else {}
        except json.JSONDecodeError:
            return {}

    def apply(self, event: Mapping[str, Any]) -> str:
        """APPLIED, DUPLICATE (seen before) or IGNORED (not a customer's words)."""
        uid = str(event.get("uid") or "")
        if event.get("event") != "user" or not uid:
            return IGNORED
        message = UserMessage.from_event(event)
        if not message.text.strip() or signal_in(message.text) is not None:
            return IGNORED  # call events (no input, ...) are not words
        secret = self.settings.pseudonym_secret
        conversation = pseudonyms.conversation(secret, str(event.get("sender_id") or ""))
        customer_id: Optional[str] = message.metadata.get("customer_id")
        profile = self._profile(customer_id) if customer_id else {}
        full = str(profile.get("name") or "")
        names = [full, *full.split()] if full else []  # "Alice Martin", "Alice", "Martin"
        quote = redact(message.text, names)
        found = classify(message, self.taxonomy, quote)
        marker, conv_key = voc_applied(uid), voc_conversation(conversation)
        with self.redis.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(marker, conv_key)
                    if pipe.exists(marker):
                        pipe.unwatch()
                        return DUPLICATE
                    earlier = int(pipe.hget(conv_key, f"irritants:{found[0]}") or 0) if found else 0
                    pipe.multi()
                    pipe.set(marker, 1, ex=self.settings.stream_retention_seconds)
                    pipe.hincrby(conv_key, "messages", 1)
                    if found:
                        record = IrritantRecord(
                            at=message.timestamp, conversation=conversation,
                            customer=pseudonyms.customer(secret, customer_id) if customer_id else conversation,
                            channel=channel_of(message), intent=message.intent, category=found[0],
                            subcategory=found[1], sentiment=message.sentiment.label,
                            sentiment_score=message.sentiment.score,
                            severity=severity(message.sentiment.score if message.sentiment.label == NEGATIVE else None,
                                              str(profile.get("tier", "")).lower() in self.top_tiers, earlier),
                            quote=quote, model=message.parse.model)
                        self._write_record(pipe, record)
                        pipe.hincrby(conv_key, f"irritants:{found[0]}", 1)
                    pipe.expire(conv_key, self.settings.retention_seconds)
                    pipe.execute()
                    return APPLIED
                except redis.WatchError:
                    continue

    def _write_record(self, pipe: redis.client.Pipeline, record: IrritantRecord) -> None:
        keep = self.settings.retention_seconds
        min_id = f"{int((time.time() - keep) * 1000)}-0"
        pipe.xadd(VOC_IRRITANTS, record.fields(), minid=min_id, approximate=True)
        day = utc_day(record.at)
        pipe.hincrby(voc_day_counts(day), f"{record.category}|{record.channel}", 1)
        pipe.expire(voc_day_counts(day), keep)
        pipe.sadd(voc_day_customers(day, record.category), record.customer)
        pipe.expire(voc_day_customers(day, record.category), keep)
