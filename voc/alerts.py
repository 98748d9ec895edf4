"""Alerts: an irritant category rising well above its own recent baseline.

Every VOC_ALERT_EVERY_SECONDS the worker compares each category's records so far today (UTC,
all channels) with its mean per day over the VOC_ALERT_BASELINE_DAYS before. A category is
rising when today's count is at least VOC_ALERT_MIN_COUNT and at least VOC_ALERT_RATIO times
the baseline (a baseline under 1 counts as 1, so a brand-new irritant needs MIN_COUNT records).
Until some earlier day of the window has records at all (a new installation, its first day),
there is no baseline to rise above and nothing alerts.
Today is still under way, so the comparison only errs on the side of alerting late.

A rising category is alerted once a day: an entry in the `voc:alerts` stream and, when
VOC_ALERT_WEBHOOK_URL is set, a JSON POST to it (a failing webhook is logged, never retried
into a storm; the stream keeps the alert).
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from typing import Mapping, Optional, Sequence

import httpx
import redis

from contracts.redis_keys import VOC_ALERTS, voc_alerted, voc_day_counts
from voc.settings import VocSettings
from voc.store import DAY_SECONDS, min_id

log = logging.getLogger("voc.alerts")


@dataclass(frozen=True)
class Alert:
    at: float
    day: str
    category: str
    count: int
    baseline: float  # mean records per day over the baseline window
    ratio: float

    def fields(self) -> dict[str, str]:
        return {k: str(v) for k, v in asdict(self).items()}


def per_category(counts: Mapping[str, str]) -> dict[str, int]:
    """A day's `category|channel` counts summed over channels."""
    out: dict[str, int] = defaultdict(int)
    for field, value in counts.items():
        parts = field.split("|")
        if len(parts) == 2:
            out[parts[0]] += int(value)
    return out


def rising(today: Mapping[str, int], history: Sequence[Mapping[str, int]], ratio: float, min_count: int,
           day: str, at: float) -> list[Alert]:
    """The categories of `today` well above their mean over `history` (one mapping per earlier day)."""
    found = []
    for category, count in sorted(today.items()):
        baseline = sum(h.get(category, 0) for h in history) / len(history) if history else 0.0
        if count >= min_count and count >= ratio * max(baseline, 1.0):
            found.append(Alert(at=at, day=day, category=category, count=count, baseline=round(baseline, 2),
                               ratio=round(count / max(baseline, 1.0), 2)))
    return found


def check(client: redis.Redis, settings: VocSettings, now: Optional[float] = None,
          post: Optional[callable] = None) -> list[Alert]:
    """Alert what is rising today and was not alerted yet today; the alerts written."""
    now = now or time.time()
    today = datetime.fromtimestamp(now, tz=timezone.utc).date()
    days = [(today - timedelta(days=i)).isoformat() for i in range(settings.alert_baseline_days + 1)]
    with client.pipeline(transaction=False) as pipe:
        for day in days:
            pipe.hgetall(voc_day_counts(day))
        counts = [per_category(c) for c in pipe.execute()]
    if not any(counts[1:]):  # no history yet: every category would look like it is "rising"
        return []
    candidates = rising(counts[0], counts[1:], settings.alert_ratio, settings.alert_min_count, days[0], now)
    written = []
    for alert in candidates:
        # once a day per category, even with several workers
        if not client.sadd(voc_alerted(alert.day), alert.category):
            continue
        client.expire(voc_alerted(alert.day), 2 * DAY_SECONDS)
        client.xadd(VOC_ALERTS, alert.fields(), minid=min_id(settings.retention_seconds), approximate=True)
        written.append(alert)
        log.warning("irritant rising: %s, %d records today against %.1f a day (x%.1f)",
                    alert.category, alert.count, alert.baseline, alert.ratio)
        if settings.alert_webhook_url:
            (post or _post)(settings.alert_webhook_url, {"type": "voc.irritant_rising", **asdict(alert)})
    return written


def _post(url: str, body: dict) -> None:
    try:
        httpx.post(url, json=body, timeout=5).raise_for_status()
    except httpx.HTTPError as exc:
        log.error("alert webhook %s failed (%s); the alert is in %s", url, exc, VOC_ALERTS)
