"""`python -m voc reprocess`: re-categorise the irritant records kept, with the taxonomy as it is now.

Each record keeps its intent, sentiment and redacted quote, which is all categorising needs. The
stream is rebuilt under a temporary key with the same entry ids (so retention still counts from
when each record was written), and swapped in by one script that first copies the records the
worker added meanwhile. The day counters move by deltas (safe beside a running worker); a
customer leaves a category's day set only when none of their records remains in it. A record
that is no longer an irritant (an edit removed its keyword, or left it only a broad sub-category,
and it was not negative) is dropped. Only the kept records are looked at: a message that was no
irritant when it came has no record, so an edit that would make it one counts from now on.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Optional

import redis

from contracts.redis_keys import VOC_IRRITANTS, voc_day_counts, voc_day_customers
from voc import irritants
from voc.settings import VocSettings
from voc.store import DAY_SECONDS, day_start, utc_day
from voc.taxonomy import Taxonomy, load

CHUNK = 1000
SWAP = """
local last = ARGV[1]
local tail = redis.call('XRANGE', KEYS[1], '(' .. last, '+')
for _, entry in ipairs(tail) do
  redis.call('XADD', KEYS[2], entry[1], unpack(entry[2]))
end
if redis.call('EXISTS', KEYS[2]) == 1 then
  redis.call('RENAME', KEYS[2], KEYS[1])
else
  redis.call('DEL', KEYS[1])
end
return #tail
"""


@dataclass
class ReprocessReport:
    records: int = 0
    changed: int = 0
    dropped: int = 0
    moves: Counter = field(default_factory=Counter)  # (old, new) -> records; new "" = dropped
    added_meanwhile: int = 0
    dry_run: bool = False

    def summary(self) -> str:
        lines = [f"{self.records} irritant records read; {self.changed} re-categorised, {self.dropped} no longer "
                 f"irritants" + (" (dry run: nothing changed)" if self.dry_run else "")]
        lines += [f"  {old} -> {new or '(dropped)'}: {n}" for (old, new), n in self.moves.most_common()]
        return "\n".join(lines)


def recategorise(fields: dict[str, str], taxonomy: Taxonomy) -> Optional[tuple[str, str]]:
    """The live rule (voc.irritants), on what the record kept: a broad sub-category only for a
    negative message, as the worker decides it."""
    return irritants.categorise(taxonomy, fields.get("intent", ""), fields.get("quote", ""),
                                fields.get("sentiment", ""))


def reprocess(client: redis.Redis, settings: VocSettings, dry_run: bool = False) -> ReprocessReport:
    taxonomy = load(settings.taxonomy)
    report = ReprocessReport(dry_run=dry_run)
    tmp = VOC_IRRITANTS + ":reprocess"
    if not dry_run:
        client.delete(tmp)
    last = client.xrevrange(VOC_IRRITANTS, count=1)
    if not last:
        return report
    last_id = last[0][0]
    deltas: Counter = Counter()  # (day key, field) -> change
    kept: dict[tuple[str, str], set] = defaultdict(set)  # (day, category) -> customers with records there
    left: dict[tuple[str, str], set] = defaultdict(set)  # (day, category) -> customers with records moved away
    start = "-"
    while True:
        entries = client.xrange(VOC_IRRITANTS, min=start, max=last_id, count=CHUNK)
        with client.pipeline(transaction=False) as pipe:
            for entry_id, fields in entries:
                report.records += 1
                old = fields.get("category", "")
                found = recategorise(fields, taxonomy)
                day, channel, customer = utc_day(float(fields.get("at") or 0)), fields.get("channel", ""), fields.get("customer", "")
                new = found[0] if found else ""
                if found and (found[0], found[1]) == (old, fields.get("subcategory", "")):
                    kept[(day, old)].add(customer)
                    pipe.xadd(tmp, fields, id=entry_id)
                    continue
                report.moves[(old, new)] += 1
                if new != old:
                    left[(day, old)].add(customer)
                    deltas[(voc_day_counts(day), f"{old}|{channel}")] -= 1
                    deltas[(voc_day_counts(day), f"{old}|{channel}|severity")] -= float(fields.get("severity") or 0)
                if found is None:
                    report.dropped += 1
                    continue
                report.changed += 1
                kept[(day, new)].add(customer)
                if new != old:
                    deltas[(voc_day_counts(day), f"{new}|{channel}")] += 1
                    deltas[(voc_day_counts(day), f"{new}|{channel}|severity")] += float(fields.get("severity") or 0)
                pipe.xadd(tmp, {**fields, "category": found[0], "subcategory": found[1]}, id=entry_id)
            if not dry_run:
                pipe.execute()
        if len(entries) < CHUNK:
            break
        start = f"({entries[-1][0]}"
    if dry_run:
        return report
    report.added_meanwhile = client.register_script(SWAP)(keys=[VOC_IRRITANTS, tmp], args=[last_id])
    with client.pipeline(transaction=False) as pipe:
        for (key, name), change in deltas.items():
            if name.endswith("|severity"):
                pipe.hincrbyfloat(key, name, change)
            elif change:
                pipe.hincrby(key, name, int(change))
        for (day, category), customers in kept.items():
            pipe.sadd(voc_day_customers(day, category), *customers)
            pipe.expireat(voc_day_customers(day, category), day_start(day) + settings.retention_seconds + DAY_SECONDS)
        for (day, category), customers in left.items():
            gone = customers - kept.get((day, category), set())
            if gone:
                pipe.srem(voc_day_customers(day, category), *gone)
        pipe.execute()
    return report
