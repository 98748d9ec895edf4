"""The stream worker: reads `voc:events` in a consumer group and applies each event once.

Entries are acknowledged after they are applied. Entries another consumer (a worker that
died) left unacknowledged for VOC_CLAIM_IDLE_MS are taken over with XAUTOCLAIM. Applying is
idempotent (voc.store), so an entry processed twice counts once. An entry that cannot be
read (not JSON) is logged by id and acknowledged: it would fail the same way forever.

Every VOC_CLOSE_EVERY_SECONDS the worker closes the conversations that have ended (quiet for
VOC_CONVERSATION_IDLE_SECONDS). "Quiet" is judged against a watermark, not the wall clock:
while the worker is behind (a backlog after a restart) or another consumer still holds
unacknowledged entries, the watermark is the time of the oldest event that may still be
unapplied, so a conversation is never closed before all of its events have counted.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass, field

import redis

from contracts.redis_keys import VOC_ALERTS, VOC_EVENTS, VOC_IRRITANTS, VOC_OUTCOMES
from voc import alerts
from voc.settings import VocSettings
from voc.store import APPLIED, DUPLICATE, Store, min_id
from voc.taxonomy import Taxonomy, TaxonomyError, load

log = logging.getLogger("voc.worker")
TRIM_EVERY_SECONDS = 3600


def entry_seconds(entry_id: str) -> float:
    """When a stream entry was written: its id starts with the milliseconds."""
    return int(str(entry_id).split("-")[0]) / 1000


@dataclass
class Progress:
    applied: int = 0
    duplicates: int = 0
    ignored: int = 0
    unreadable: int = 0
    claimed: int = 0
    closed: int = 0
    started: float = field(default_factory=time.time)


class Worker:
    def __init__(self, settings: VocSettings, client: redis.Redis | None = None) -> None:
        self.settings = settings
        self.redis = client or redis.Redis.from_url(settings.redis_url, decode_responses=True)
        self.store = Store(self.redis, settings, load(settings.taxonomy))
        self.progress = Progress()
        self._last_claim = 0.0
        self._taxonomy_mtime = self._mtime()
        self._last_close = 0.0
        self._last_trim = 0.0
        self._last_alert = 0.0
        self._behind_since: float | None = None  # time of the newest entry read while behind

    def ensure_group(self) -> None:
        try:
            # from the stream's start: events written before the first worker ran are not lost
            self.redis.xgroup_create(VOC_EVENTS, self.settings.group, id="0", mkstream=True)
        except redis.ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    def _handle(self, entries: list) -> None:
        events = []
        for entry_id, fields in entries:
            if fields is None:  # trimmed away while pending
                continue
            try:
                events.append(json.loads(fields.get("event", "")))
            except json.JSONDecodeError:
                log.error("stream entry %s is not a JSON event; acknowledged and skipped", entry_id)
                self.progress.unreadable += 1
        for outcome in self.store.apply_batch(events) if events else []:
            self.progress.applied += outcome == APPLIED
            self.progress.duplicates += outcome == DUPLICATE
            self.progress.ignored += outcome not in (APPLIED, DUPLICATE)
        if entries:
            self.redis.xack(VOC_EVENTS, self.settings.group, *[entry_id for entry_id, _ in entries])

    def claim_abandoned(self) -> int:
        """Take over what a dead consumer left pending; the number of entries taken."""
        start, taken = "0-0", 0
        while True:
            reply = self.redis.xautoclaim(VOC_EVENTS, self.settings.group, self.settings.consumer,
                                          self.settings.claim_idle_ms, start_id=start, count=self.settings.batch)
            start, entries = reply[0], reply[1]
            self._handle(entries)
            taken += len(entries)
            if start == "0-0" or not entries:
                break
        self.progress.claimed += taken
        return taken

    def run_once(self, block_ms: int = 1000) -> int:
        now = time.monotonic()
        if now - self._last_claim >= self.settings.claim_idle_ms / 2000:
            self._last_claim = now
            self.claim_abandoned()
        read = self.redis.xreadgroup(self.settings.group, self.settings.consumer, {VOC_EVENTS: ">"},
                                     count=self.settings.batch, block=block_ms)
        count = 0
        self._behind_since = None
        for _, entries in read or []:
            self._handle(entries)
            count += len(entries)
            # a full batch: more may be waiting, and nothing newer than this entry is applied yet
            self._behind_since = entry_seconds(entries[-1][0]) if len(entries) >= self.settings.batch else None
        if now - self._last_close >= self.settings.close_every_seconds:
            self._last_close = now
            self.close_ended()
            self.reload_taxonomy_if_edited()
        if now - self._last_alert >= self.settings.alert_every_seconds:
            self._last_alert = now
            alerts.check(self.redis, self.settings)
        if now - self._last_trim >= TRIM_EVERY_SECONDS:
            self._last_trim = now
            self.trim()
        return count

    def _mtime(self) -> float:
        try:
            return self.settings.taxonomy.stat().st_mtime
        except OSError:
            return 0.0

    def reload_taxonomy_if_edited(self) -> None:
        """An analyst edited the file: new records use it (an invalid edit is logged, not used)."""
        mtime = self._mtime()
        if mtime == self._taxonomy_mtime:
            return
        self._taxonomy_mtime = mtime
        try:
            self.store.taxonomy = load(self.settings.taxonomy)
            log.info("taxonomy reloaded from %s", self.settings.taxonomy)
        except TaxonomyError as exc:
            log.error("taxonomy edit not used: %s", exc)

    def replace_taxonomy(self, taxonomy: Taxonomy, text: str) -> None:
        """Write the new taxonomy file (atomically) and use it from now on."""
        path = self.settings.taxonomy
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        self.store.taxonomy = taxonomy
        self._taxonomy_mtime = self._mtime()

    def watermark(self) -> float:
        """Every event older than this has been applied (see the module docstring)."""
        mark = time.time() if self._behind_since is None else self._behind_since
        pending = self.redis.xpending(VOC_EVENTS, self.settings.group)
        if pending and pending.get("pending") and pending.get("min"):
            mark = min(mark, entry_seconds(pending["min"]))
        return mark

    def close_ended(self) -> int:
        closed = 0
        while True:
            batch = self.store.close_idle(self.watermark())
            closed += len(batch)
            if len(batch) < 500:
                break
        self.progress.closed += closed
        return closed

    def trim(self) -> None:
        """Retention without traffic: the streams are trimmed on write, and here hourly as well."""
        self.redis.xtrim(VOC_EVENTS, minid=min_id(self.settings.stream_retention_seconds), approximate=False)
        for stream in (VOC_IRRITANTS, VOC_OUTCOMES, VOC_ALERTS):
            self.redis.xtrim(stream, minid=min_id(self.settings.retention_seconds), approximate=False)

    def run(self, stop: threading.Event) -> None:
        self.ensure_group()
        log.info("voc worker %s reading %s as group %s", self.settings.consumer, VOC_EVENTS, self.settings.group)
        failures = 0
        while not stop.is_set():
            try:
                self.run_once()
                failures = 0
            except (redis.ConnectionError, redis.TimeoutError) as exc:
                failures += 1
                if failures == 1:
                    log.warning("Redis unreachable (%s); retrying", type(exc).__name__)
                stop.wait(min(5.0, 0.2 * failures))
            except redis.ResponseError as exc:
                if "NOGROUP" in str(exc):  # the stream was deleted under us
                    self.ensure_group()
                else:
                    raise
