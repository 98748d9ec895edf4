"""Applying Rasa's events to Redis, exactly once, and closing conversations that have ended.

Every event that matters here becomes a list of Redis commands, run by a Lua script together
with the event's `voc:applied:{uid}` marker: an event seen again (a reclaimed entry, a batch
the broker re-sent) finds its marker and changes nothing. One script call applies a whole
batch, so one round trip applies hundreds of events.

What each event writes (keys in contracts.redis_keys):
- a customer message: its turn in the conversation's hash, the redacted transcript line, the
  day's sentiment count per channel, the customer → conversations index (signed-in
  customers), and, when it is an irritant, the irritant record, the day's counts and
  severity, and the day's unique customers for the category;
- an action or a slot change that the outcome needs (voc.conversations): a field in the hash;
- an assistant message: the redacted transcript line.
Every one of them moves the conversation's last-activity time in `voc:open`.

A conversation quiet for VOC_CONVERSATION_IDLE_SECONDS is closed by `close_idle`: its outcome
record and the day's KPI counters are written and its hash is deleted, in one script that
first checks no event arrived since the hash was read.
"""

from __future__ import annotations

import json
import time
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any, Iterable, Mapping, Optional

import redis

from contracts.records import BotMessage, UserMessage
from contracts.redaction import redact, redact_names
from contracts.redis_keys import (VOC_IRRITANTS, VOC_OPEN, VOC_OUTCOMES, customer_profile, voc_applied,
                                  voc_conversation, voc_customer_conversations, voc_day_counts, voc_day_customers,
                                  voc_day_kpis, voc_day_sentiment, voc_transcript)
from contracts.signals import signal_in
from voc import conversations, pseudonyms
from voc.conversations import ACTION, IGNORED_ACTIONS, SLOT, TRACKED_SLOTS, TURN, Outcome
from voc.irritants import NEGATIVE, IrritantRecord, classify, severity
from voc.settings import VocSettings
from voc.taxonomy import UNCATEGORISED, Taxonomy

CHANNELS = {"rest": "chat", "voice": "voice"}  # Rasa's input channel -> what analysts call it
APPLIED, DUPLICATE, IGNORED = "applied", "duplicate", "ignored"

# ARGV[1]: the markers' lifetime; ARGV[2]: the conversations' lifetime; ARGV[3]: the open-set
# key; ARGV[4]: JSON [[marker, conversation, its hash, time, [command, ...]], ...], one per
# event. Answers 1 (applied) or 0 (seen before) per event. What repeats from event to event
# runs once per batch, after the events: each key's last expiry, and per conversation the
# count of its applied events, its hash's expiry and its latest activity in the open set.
# Not Redis Cluster-safe (the commands name keys the script was not given): one Redis, as designed.
APPLY_ONCE = """
local applied, expiries, conversations = {}, {}, {}
for i, event in ipairs(cjson.decode(ARGV[4])) do
  if redis.call('EXISTS', event[1]) == 1 then
    applied[i] = 0
  else
    for _, command in ipairs(event[5]) do
      local name = command[1]
      if name == 'EXPIRE' or name == 'EXPIREAT' then
        expiries[command[2]] = command
      else
        redis.call(unpack(command))
      end
    end
    redis.call('SET', event[1], '1', 'EX', ARGV[1])
    local seen = conversations[event[2]]
    if not seen then
      conversations[event[2]] = {event[3], event[4], 1}
    else
      seen[3] = seen[3] + 1
      if event[4] > seen[2] then seen[2] = event[4] end
    end
    applied[i] = 1
  end
end
for _, command in pairs(expiries) do redis.call(unpack(command)) end
for conversation, seen in pairs(conversations) do
  redis.call('HINCRBY', seen[1], 'events', seen[3])
  redis.call('EXPIRE', seen[1], ARGV[2])
  redis.call('ZADD', ARGV[3], 'GT', seen[2], conversation)
end
return applied
"""
# KEYS[1]: the conversation's hash. ARGV[1]: its event count when read; ARGV[2]: the commands.
CLOSE_IF_UNCHANGED = """
if tonumber(redis.call('HGET', KEYS[1], 'events') or '0') ~= tonumber(ARGV[1]) then return 0 end
for _, command in ipairs(cjson.decode(ARGV[2])) do redis.call(unpack(command)) end
return 1
"""


DAY_SECONDS = 86_400


def channel_of(message: UserMessage) -> str:
    name = str(message.metadata.get("channel") or message.input_channel or "unknown")
    return CHANNELS.get(name, name)


def utc_day(timestamp: float) -> str:
    return _day_of(int((timestamp or time.time()) // DAY_SECONDS))


@lru_cache(maxsize=1024)
def _day_of(days_since_epoch: int) -> str:
    return datetime.fromtimestamp(days_since_epoch * DAY_SECONDS, tz=timezone.utc).strftime("%Y-%m-%d")


@lru_cache(maxsize=1024)
def day_start(day: str) -> int:
    return int(datetime.strptime(day, "%Y-%m-%d").replace(tzinfo=timezone.utc).timestamp())


def min_id(keep_seconds: int, now: Optional[float] = None) -> str:
    """The oldest stream id still within `keep_seconds` (stream ids start with milliseconds)."""
    return f"{int(((now or time.time()) - keep_seconds) * 1000)}-0"


class Store:
    def __init__(self, client: redis.Redis, settings: VocSettings, taxonomy: Taxonomy) -> None:
        self.redis = client
        self.settings = settings
        self.taxonomy = taxonomy
        self.top_tiers = {t.strip().lower() for t in settings.top_tiers.split(",") if t.strip()}
        self._profile = lru_cache(maxsize=4096)(self._read_profile)
        self._apply_once = client.register_script(APPLY_ONCE)
        self._close_if_unchanged = client.register_script(CLOSE_IF_UNCHANGED)

    def _read_profile(self, customer_id: str) -> Mapping[str, Any]:
        raw = self.redis.get(customer_profile(customer_id))
        try:
            return json.loads(raw) if raw else {}
        except json.JSONDecodeError:
            return {}

    # --- applying events ---------------------------------------------------------------------
    def apply(self, event: Mapping[str, Any]) -> str:
        """APPLIED, DUPLICATE (seen before) or IGNORED (nothing VoC keeps)."""
        return self.apply_batch([event])[0]

    def apply_batch(self, events: Iterable[Mapping[str, Any]]) -> list[str]:
        events = list(events)
        earlier = self._irritants_so_far(events)
        plans = [self._plan(e, earlier) for e in events]
        work = [[voc_applied(uid), conversation, voc_conversation(conversation), at, commands]
                for uid, conversation, at, commands in filter(None, plans)]
        args = [self.settings.stream_retention_seconds, self.settings.retention_seconds, VOC_OPEN, json.dumps(work)]
        results = iter(self._apply_once(keys=[], args=args) if work else [])
        return [IGNORED if plan is None else APPLIED if next(results) == 1 else DUPLICATE for plan in plans]

    def _irritants_so_far(self, events: list[Mapping[str, Any]]) -> dict[str, dict[str, int]]:
        """Irritant counts per category of the conversations in this batch (for repetition)."""
        wanted = {self._conversation(e) for e in events if e.get("event") == "user"}
        wanted.discard("")
        categories = [*self.taxonomy.categories, UNCATEGORISED]
        fields = [f"irritants:{c}" for c in categories]
        with self.redis.pipeline(transaction=False) as pipe:
            for conversation in wanted:
                pipe.hmget(voc_conversation(conversation), fields)
            found = pipe.execute()
        return {conversation: {c: int(n) for c, n in zip(categories, counts) if n is not None}
                for conversation, counts in zip(wanted, found)}

    def _conversation(self, event: Mapping[str, Any]) -> str:
        sender = str(event.get("sender_id") or "")
        return pseudonyms.conversation(self.settings.pseudonym_secret, sender) if sender else ""

    def _plan(self, event: Mapping[str, Any],
              earlier: dict[str, dict[str, int]]) -> Optional[tuple[str, str, float, list]]:
        """The event's uid, conversation, time and commands; None when VoC keeps nothing of it.
        (The conversation's event count, expiry and last activity are the script's.)"""
        uid = str(event.get("uid") or "")
        conversation = self._conversation(event)
        if not uid or not conversation:
            return None
        kind = event.get("event")
        at = float(event.get("timestamp") or time.time())
        if kind == "user":
            commands = self._user_commands(UserMessage.from_event(event), conversation, uid, earlier)
        elif kind == "bot":
            commands = self._bot_commands(BotMessage.from_event(event), event.get("metadata") or {}, conversation)
        elif kind == "action" and event.get("name") and event.get("name") not in IGNORED_ACTIONS:
            commands = [["HSET", voc_conversation(conversation), conversations.event_field(ACTION, at, uid),
                         str(event["name"])]]
        elif kind == "slot" and event.get("name") in TRACKED_SLOTS:
            commands = [["HSET", voc_conversation(conversation), conversations.event_field(SLOT, at, uid),
                         conversations.slot_value(str(event["name"]), event.get("value"))]]
        else:
            return None
        if not commands:
            return None
        return uid, conversation, at, commands

    def _names(self, customer_id: Optional[str]) -> tuple[list[str], Mapping[str, Any]]:
        profile = self._profile(customer_id) if customer_id else {}
        full = str(profile.get("name") or "")
        return ([full, *full.split()] if full else []), profile  # "Alice Martin", "Alice", "Martin"

    def _transcript(self, conversation: str, at: float, who: str, text: str, **extra: Any) -> list[list]:
        key = voc_transcript(conversation)
        line = json.dumps({"at": at, "who": who, "text": text, **extra}, separators=(",", ":"))
        return [["RPUSH", key, line], ["EXPIRE", key, self.settings.transcript_retention_seconds]]

    def _bot_commands(self, message: BotMessage, metadata: Mapping[str, Any], conversation: str) -> list[list]:
        if not message.text.strip():
            return []
        # the broker redacted it already (the assistant only repeats what it was told or looked
        # up); the customer's own name ("Hi Alice") is only known here
        names, _ = self._names(metadata.get("customer_id"))
        text = redact_names(message.text, names) if names else message.text
        return self._transcript(conversation, message.timestamp, "assistant", text)

    def _user_commands(self, message: UserMessage, conversation: str, uid: str,
                       earlier: dict[str, dict[str, int]]) -> list[list]:
        conv_key = voc_conversation(conversation)
        channel = channel_of(message)
        if not message.text.strip():
            return []
        if signal_in(message.text) is not None:  # a call event: the call's channel, not a turn
            return [["HSET", conv_key, "channel", channel]]
        secret = self.settings.pseudonym_secret
        customer_id: Optional[str] = message.metadata.get("customer_id")
        names, profile = self._names(customer_id)
        quote = redact(message.text, names)
        day = utc_day(message.timestamp)
        expire_at = day_start(day) + self.settings.retention_seconds + DAY_SECONDS
        customer = pseudonyms.customer(secret, customer_id) if customer_id else conversation
        commands: list[list] = [
            ["HSET", conv_key, conversations.event_field(TURN, message.timestamp, uid),
             conversations.turn_value(message.intent, message.sentiment.label), "channel", channel],
            ["HINCRBY", voc_day_sentiment(day), f"{channel}|{message.sentiment.label}", 1],
            ["EXPIREAT", voc_day_sentiment(day), expire_at],
            *self._transcript(conversation, message.timestamp, "customer", quote, intent=message.intent,
                              sentiment=message.sentiment.label),
        ]
        if customer_id:
            index = voc_customer_conversations(customer)
            commands += [["HSET", conv_key, "customer", customer],
                         ["SADD", index, conversation], ["EXPIRE", index, self.settings.retention_seconds]]
        found = classify(message, self.taxonomy, quote)
        if found:
            so_far = earlier.setdefault(conversation, {})
            repeats = so_far.get(found[0], 0)
            so_far[found[0]] = repeats + 1  # a later message of this batch sees this one
            record = IrritantRecord(
                at=message.timestamp, conversation=conversation, customer=customer, channel=channel,
                intent=message.intent, category=found[0], subcategory=found[1],
                sentiment=message.sentiment.label, sentiment_score=message.sentiment.score,
                severity=severity(message.sentiment.score if message.sentiment.label == NEGATIVE else None,
                                  str(profile.get("tier", "")).lower() in self.top_tiers, repeats),
                quote=quote, model=message.parse.model)
            commands += self._record_commands(record, day, expire_at)
            commands.append(["HINCRBY", conv_key, f"irritants:{found[0]}", 1])
        return commands

    def _record_commands(self, record: IrritantRecord, day: str, expire_at: int) -> list[list]:
        flat = [x for pair in record.fields().items() for x in pair]
        counts, customers = voc_day_counts(day), voc_day_customers(day, record.category)
        return [
            ["XADD", VOC_IRRITANTS, "MINID", "~", min_id(self.settings.retention_seconds), "*", *flat],
            ["HINCRBY", counts, f"{record.category}|{record.channel}", 1],
            ["HINCRBYFLOAT", counts, f"{record.category}|{record.channel}|severity", record.severity],
            ["EXPIREAT", counts, expire_at],
            ["SADD", customers, record.customer],
            ["EXPIREAT", customers, expire_at],
        ]

    # --- closing conversations -----------------------------------------------------------------
    def close_idle(self, watermark: float, limit: int = 500) -> list[Outcome]:
        """Close the conversations quiet since before `watermark - idle`; the outcomes written."""
        cutoff = watermark - self.settings.conversation_idle_seconds
        due = self.redis.zrangebyscore(VOC_OPEN, "-inf", cutoff, start=0, num=limit)
        if not due:
            return []
        with self.redis.pipeline(transaction=False) as pipe:
            for conversation in due:
                pipe.hgetall(voc_conversation(conversation))
            hashes = pipe.execute()
        closed: list[Outcome] = []
        for conversation, fields in zip(due, hashes):
            outcome = conversations.summarise(conversation, fields) if fields else None
            commands = self._outcome_commands(outcome) if outcome else []
            commands += [["DEL", voc_conversation(conversation)], ["ZREM", VOC_OPEN, conversation]]
            if self._close_if_unchanged(keys=[voc_conversation(conversation)],
                                        args=[fields.get("events", 0), json.dumps(commands)]) and outcome:
                closed.append(outcome)
        return closed

    def _outcome_commands(self, outcome: Outcome) -> list[list]:
        day = utc_day(outcome.ended)
        key, ch = voc_day_kpis(day), outcome.channel
        flat = [x for pair in outcome.fields().items() for x in pair]
        commands = [
            ["XADD", VOC_OUTCOMES, "MINID", "~", min_id(self.settings.retention_seconds), "*", *flat],
            ["HINCRBY", key, f"{ch}|conversations", 1],
            ["HINCRBY", key, f"{ch}|{outcome.outcome}", 1],
            ["HINCRBY", key, f"{ch}|turns", outcome.turns],
            ["HINCRBY", key, f"{ch}|fallback_turns", outcome.fallbacks],
            ["HINCRBY", key, f"{ch}|rephrasings", outcome.rephrasings],
            ["HINCRBYFLOAT", key, f"{ch}|effort_sum", outcome.effort],
            ["HINCRBYFLOAT", key, f"{ch}|inferred_csat_sum", outcome.inferred_csat],
            ["EXPIREAT", key, day_start(day) + self.settings.retention_seconds + DAY_SECONDS],
        ]
        if outcome.outcome == conversations.RESOLVED:
            commands.append(["HINCRBY", key, f"{ch}|resolved_turns", outcome.turns])
        if outcome.handoff_reason:
            commands.append(["HINCRBY", key, f"{ch}|handoff_reason:{outcome.handoff_reason}", 1])
        if outcome.stated_rating is not None:
            commands += [["HINCRBY", key, f"{ch}|stated_n", 1],
                         ["HINCRBY", key, f"{ch}|stated_sum", outcome.stated_rating],
                         ["HINCRBYFLOAT", key, f"{ch}|rated_inferred_sum", outcome.inferred_csat],
                         ["HINCRBY", key, f"{ch}|agreements", int(bool(outcome.agrees))]]
        return commands
