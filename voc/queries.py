"""What analysts read: irritants, trends, channels, quotes, transcripts and KPIs over a period.

Everything is read from the keys the worker writes (contracts.redis_keys); nothing here writes.
A period is a range of whole UTC days, both ends included.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Iterator, Optional

import redis

from contracts.redis_keys import (DEFAULT_VOC_STREAM_RETENTION_SECONDS, VOC_ALERTS, VOC_DEMO, VOC_EMERGING,
                                  VOC_IRRITANTS, voc_day_counts, voc_day_customers, voc_day_kpis, voc_day_sentiment,
                                  voc_transcript)
from voc.conversations import ABANDONED, HANDED_OFF, RESOLVED, UNRESOLVED
from voc.taxonomy import UNCATEGORISED, Taxonomy

MAX_DAYS = 400
# An irritant record is written after its message: at once, or later after a backlog (a worker
# stopped, the broker riding out a Redis outage), at most about the event stream's retention
# later (an older event is trimmed unread). Clocks of Rasa's host and Redis may differ a little.
LATE_WRITE_SECONDS = DEFAULT_VOC_STREAM_RETENTION_SECONDS
CLOCK_SKEW_SECONDS = 300


class PeriodError(ValueError):
    """A period that cannot be read; the message says why."""


@dataclass(frozen=True)
class Period:
    since: date
    until: date

    @classmethod
    def parse(cls, since: Optional[str], until: Optional[str], default_days: int = 7) -> "Period":
        today = datetime.now(timezone.utc).date()
        try:
            end = date.fromisoformat(until) if until else today
            start = date.fromisoformat(since) if since else end - timedelta(days=default_days - 1)
        except ValueError:
            raise PeriodError("dates are YYYY-MM-DD (UTC days)") from None
        if start > end:
            raise PeriodError(f"since ({start}) is after until ({end})")
        if (end - start).days + 1 > MAX_DAYS:
            raise PeriodError(f"a period is at most {MAX_DAYS} days")
        return cls(start, end)

    @property
    def days(self) -> list[str]:
        return [(self.since + timedelta(days=i)).isoformat() for i in range((self.until - self.since).days + 1)]

    @property
    def bounds(self) -> tuple[float, float]:
        """[start, end) of the period in epoch seconds."""
        start = datetime.combine(self.since, datetime.min.time(), tzinfo=timezone.utc).timestamp()
        end = datetime.combine(self.until + timedelta(days=1), datetime.min.time(), tzinfo=timezone.utc).timestamp()
        return start, end

    @property
    def stream_range(self) -> tuple[str, str]:
        """The ids of stream entries written in the period (ids start with milliseconds)."""
        start, end = self.bounds
        return f"{int(start * 1000)}", f"{int(end * 1000) - 1}"  # an id without a sequence: the whole millisecond


def _day_hashes(client: redis.Redis, key_of, days: list[str]) -> list[dict[str, str]]:
    with client.pipeline(transaction=False) as pipe:
        for day in days:
            pipe.hgetall(key_of(day))
        return pipe.execute()


def _split(field: str) -> list[str]:
    return field.split("|")


def top_irritants(client: redis.Redis, taxonomy: Taxonomy, period: Period, channel: Optional[str] = None,
                  limit: int = 10) -> list[dict]:
    """Categories by irritant records in the period: records, unique customers (all channels),
    mean severity, and the taxonomy's description."""
    records: dict[str, int] = defaultdict(int)
    severity: dict[str, float] = defaultdict(float)
    for counts in _day_hashes(client, voc_day_counts, period.days):
        for field, value in counts.items():
            parts = _split(field)
            if channel and parts[1] != channel:
                continue
            if len(parts) == 2:
                records[parts[0]] += int(value)
            else:
                severity[parts[0]] += float(value)
    ranked = sorted((c for c in records if records[c] > 0), key=lambda c: (-records[c], c))[:limit]
    with client.pipeline(transaction=False) as pipe:
        for category in ranked:
            pipe.sunion([voc_day_customers(day, category) for day in period.days])
        customers = [len(members) for members in pipe.execute()]
    return [{"category": c, "records": records[c], "customers": n,
             "mean_severity": round(severity[c] / records[c], 2) if records[c] else None,
             "description": taxonomy.descriptions.get(c, "negative messages that fit no category"
                                                      if c == UNCATEGORISED else "")}
            for c, n in zip(ranked, customers)]


def trends(client: redis.Redis, period: Period, channel: Optional[str] = None,
           category: Optional[str] = None) -> list[dict]:
    """Irritant records per day, in total and per category."""
    out = []
    for day, counts in zip(period.days, _day_hashes(client, voc_day_counts, period.days)):
        by_category: dict[str, int] = defaultdict(int)
        for field, value in counts.items():
            parts = _split(field)
            if len(parts) != 2 or (channel and parts[1] != channel) or (category and parts[0] != category):
                continue
            by_category[parts[0]] += int(value)
        out.append({"day": day, "records": sum(by_category.values()),
                    "by_category": {c: n for c, n in by_category.items() if n > 0}})
    return out


def channels(client: redis.Redis, period: Period) -> list[dict]:
    """Per channel: irritant records by category, and customer messages by sentiment."""
    irritants: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    sentiment: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for counts in _day_hashes(client, voc_day_counts, period.days):
        for field, value in counts.items():
            parts = _split(field)
            if len(parts) == 2:
                irritants[parts[1]][parts[0]] += int(value)
    for counts in _day_hashes(client, voc_day_sentiment, period.days):
        for field, value in counts.items():
            ch, label = _split(field)
            sentiment[ch][label] += int(value)
    return [{"channel": ch, "irritants": {c: n for c, n in irritants[ch].items() if n > 0}, "records": sum(irritants[ch].values()),
             "messages": sum(sentiment[ch].values()), "sentiment": dict(sentiment[ch])}
            for ch in sorted(set(irritants) | set(sentiment))]


def records(client: redis.Redis, period: Period, channel: Optional[str] = None, category: Optional[str] = None,
            before: Optional[str] = None, batch: int = 500) -> Iterator[dict]:
    """Irritant records whose message (`at`) falls in the period, as the day counts count them,
    newest written first; `before` continues after a stream id. Records written late (a backlog)
    are found up to LATE_WRITE_SECONDS after the period."""
    start, end = period.bounds
    low, high = f"{int((start - CLOCK_SKEW_SECONDS) * 1000)}", f"{int((end + LATE_WRITE_SECONDS) * 1000) - 1}"
    if before:
        high = f"({before}"
    while True:
        entries = client.xrevrange(VOC_IRRITANTS, max=high, min=low, count=batch)
        for entry_id, fields in entries:
            if not start <= float(fields.get("at") or 0) < end:
                continue
            if (channel and fields.get("channel") != channel) or (category and fields.get("category") != category):
                continue
            yield {"id": entry_id, **fields}
        if len(entries) < batch:
            return
        high = f"({entries[-1][0]}"


def transcript(client: redis.Redis, conversation: str) -> list[dict]:
    lines = [json.loads(line) for line in client.lrange(voc_transcript(conversation), 0, -1)]
    return sorted(lines, key=lambda line: line.get("at", 0))


MEASURES = ("conversations", RESOLVED, HANDED_OFF, ABANDONED, UNRESOLVED, "turns", "resolved_turns",
            "fallback_turns", "rephrasings", "effort_sum", "inferred_csat_sum", "stated_n", "stated_sum",
            "rated_inferred_sum", "agreements")


def _ratio(a: float, b: float, digits: int = 3) -> Optional[float]:
    return round(a / b, digits) if b else None


def kpi_figures(sums: dict[str, float], reasons: dict[str, int]) -> dict:
    """The KPIs (definitions in the README) from summed day counters."""
    n = sums["conversations"]
    return {
        "conversations": int(n),
        "containment": _ratio(sums[RESOLVED], n),
        "handoff_rate": _ratio(sums[HANDED_OFF], n),
        "abandonment": _ratio(sums[ABANDONED], n),
        "unresolved": _ratio(sums[UNRESOLVED], n),
        "fallback_rate": _ratio(sums["fallback_turns"], sums["turns"]),
        "avg_turns_to_resolution": _ratio(sums["resolved_turns"], sums[RESOLVED], 2),
        "effort": _ratio(sums["effort_sum"], n, 2),
        "inferred_csat": _ratio(sums["inferred_csat_sum"], n, 2),
        "stated_csat": _ratio(sums["stated_sum"], sums["stated_n"], 2),
        "ratings": int(sums["stated_n"]),
        "rated_inferred_csat": _ratio(sums["rated_inferred_sum"], sums["stated_n"], 2),
        "csat_agreement": _ratio(sums["agreements"], sums["stated_n"]),
        "handoff_reasons": dict(sorted(reasons.items(), key=lambda kv: -kv[1])),
    }


def week_of(day: str) -> str:
    year, week, _ = date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


def kpis(client: redis.Redis, period: Period, by: str = "week") -> list[dict]:
    """KPIs per channel and per `by` (week (ISO), day, or total), from the closed conversations."""
    groups: dict[tuple[str, str], dict[str, float]] = {}
    reasons: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for day, counts in zip(period.days, _day_hashes(client, voc_day_kpis, period.days)):
        bucket = week_of(day) if by == "week" else day if by == "day" else f"{period.since}..{period.until}"
        for field, value in counts.items():
            channel, measure = field.split("|", 1)
            for ch in (channel, "all"):
                sums = groups.setdefault((bucket, ch), dict.fromkeys(MEASURES, 0.0))
                if measure.startswith("handoff_reason:"):
                    reasons[(bucket, ch)][measure.split(":", 1)[1]] += int(value)
                elif measure in sums:
                    sums[measure] += float(value)
    return [{"period": bucket, "channel": ch, **kpi_figures(sums, reasons[(bucket, ch)])}
            for (bucket, ch), sums in sorted(groups.items())]


def emerging(client: redis.Redis) -> list[dict]:
    """The latest emerging-irritant clusters (voc.emerging writes them), largest first:
    {id, keywords, size, first_seen, last_seen, quotes, promoted}."""
    raw = client.get(VOC_EMERGING)
    return json.loads(raw)["clusters"] if raw else []


def demo_replay(client: redis.Redis) -> dict:
    """Whether `make run` replayed its scripted demo conversations into this Redis (tools/demo_replay.py):
    {replayed, state, conversations, turns, started_at, finished_at, sender_prefix}."""
    raw = client.hgetall(VOC_DEMO)
    if not raw:
        return {"replayed": False}
    numbers = {"conversations": int, "turns": int, "failed_turns": int, "started_at": float, "finished_at": float}
    return {"replayed": True, **{k: numbers[k](v) if k in numbers else v for k, v in raw.items()}}


def alerts(client: redis.Redis, period: Period, limit: int = 100) -> list[dict]:
    """Rising-category alerts in the period, newest first."""
    low, high = period.stream_range
    return [{"id": entry_id, **fields} for entry_id, fields in client.xrevrange(VOC_ALERTS, max=high, min=low,
                                                                                  count=limit)]
