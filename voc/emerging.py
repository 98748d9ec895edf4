"""Emerging irritants: what customers complain about that the taxonomy has no name for yet.

Every VOC_CLUSTER_EVERY_SECONDS (when new ones arrived), the `uncategorised` irritant records of
the last VOC_CLUSTER_WINDOW_DAYS, with the negative ones of the taxonomy's broad (catch-all)
sub-categories (at most VOC_CLUSTER_MAX_MESSAGES, newest first), are embedded
with the bundled MiniLM and clustered (voc.clusters). Each cluster keeps its keywords, size,
first and last time seen, and the redacted quotes most typical of it; the set is stored as one
JSON value (`voc:emerging`) the API serves. An admin promotes a cluster into the taxonomy
(`POST /v1/clusters/{id}/promote`): its keywords become a sub-category, so new messages like
it are counted under a name, and `python -m voc reprocess` moves the old ones.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from typing import Iterator, Optional

import redis
import yaml

from contracts.redis_keys import VOC_EMERGING
from voc import queries
from voc.settings import VocSettings
from voc.irritants import NEGATIVE
from voc.taxonomy import UNCATEGORISED, Category, Taxonomy, TaxonomyError, load, parse

log = logging.getLogger("voc.emerging")
QUOTES_PER_CLUSTER = 3


class PromotionError(ValueError):
    """The promotion cannot be done; the message says why."""


def unnamed(taxonomy: Taxonomy, record: dict) -> bool:
    """A record the taxonomy has no specific name for: uncategorised, or a negative message of a
    broad sub-category (a new irritant the NLU filed as general feedback)."""
    if record.get("category") == UNCATEGORISED:
        return True
    return (record.get("sentiment") == NEGATIVE
            and Category(record.get("category", ""), record.get("subcategory", "")) in taxonomy.broad)


def candidates(client: redis.Redis, taxonomy: Taxonomy, days: int) -> Iterator[dict]:
    period = queries.Period.parse(None, None, default_days=days)
    return (r for r in queries.records(client, period) if unnamed(taxonomy, r))


def uncategorised(client: redis.Redis, settings: VocSettings, now: float) -> list[dict]:
    found = []
    for record in candidates(client, load(settings.taxonomy), settings.cluster_window_days):
        found.append(record)
        if len(found) >= settings.cluster_max_messages:
            break
    return found


def cluster_id(keywords: list[str]) -> str:
    """Stable while a cluster keeps its main words, so a promotion mark survives a new run."""
    return "k-" + hashlib.sha1(" ".join(sorted(keywords[:3])).encode()).hexdigest()[:10]


def run(client: redis.Redis, settings: VocSettings, embedder=None, now: Optional[float] = None) -> dict:
    """Cluster the recent uncategorised records and store the result; returns what was stored."""
    from voc.clusters import ClusterParams, Embedder, cluster

    now = now or time.time()
    records = uncategorised(client, settings, now)
    previous = {c["id"]: c for c in queries.emerging(client)}
    clusters = []
    if records:
        texts = [r["quote"] for r in records]
        embedder = embedder or Embedder()
        result = cluster(texts, embedder.encode(texts), ClusterParams(), seed=0)
        for c in result.clusters:
            members = [records[i] for i in range(len(records)) if result.labels[i] == c.label]
            times = [float(m["at"]) for m in members]
            cid = cluster_id(c.keywords)
            clusters.append({"id": cid, "keywords": c.keywords, "size": c.size, "first_seen": min(times),
                             "last_seen": max(times), "quotes": [texts[i] for i in c.representatives][:QUOTES_PER_CLUSTER],
                             "promoted": (previous.get(cid) or {}).get("promoted")})
    clusters.sort(key=lambda c: -c["size"])
    stored = {"at": now, "window_days": settings.cluster_window_days, "messages": len(records),
              "newest": records[0]["id"] if records else None, "clusters": clusters}
    client.set(VOC_EMERGING, json.dumps(stored))
    log.info("emerging irritants: %d clusters from %d uncategorised messages", len(clusters), len(records))
    return stored


def due(client: redis.Redis, taxonomy: Taxonomy) -> bool:
    """New records to cluster since the last run (or no run yet)."""
    raw = client.get(VOC_EMERGING)
    last = json.loads(raw).get("newest") if raw else None
    newest = next(candidates(client, taxonomy, 1), None)
    return newest is not None and newest["id"] != last


def promoted_taxonomy(text: str, cluster: dict, category: str, subcategory: Optional[str],
                      description: Optional[str], keywords: Optional[list[str]]) -> tuple[Taxonomy, str]:
    """The taxonomy file's text with the cluster added as a sub-category; comments at the top kept."""
    header = "".join(line for line in text.splitlines(keepends=True) if line.startswith("#"))
    doc = yaml.safe_load(text) or {}
    categories = doc.setdefault("categories", {})
    body = categories.setdefault(category, {"description": description or f"Promoted from emerging cluster {cluster['id']}",
                                            "subcategories": {}})
    if description:
        body["description"] = description
    subs = body.setdefault("subcategories", {}) or {}
    body["subcategories"] = subs
    name = subcategory or "_".join(cluster["keywords"][:2]) or cluster["id"]
    words = [k for k in (keywords or cluster["keywords"][:3]) if str(k).strip()]
    if not words:
        raise PromotionError("no keywords to recognise the cluster by: give some")
    existing = (subs.get(name) or {}).get("keywords") or []
    subs[name] = {**(subs.get(name) or {}), "keywords": list(dict.fromkeys([*existing, *words]))}
    new_text = header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)
    try:
        return parse(new_text, source="the promoted taxonomy"), new_text
    except ValueError as exc:
        raise PromotionError(str(exc)) from None


def mark_promoted(client: redis.Redis, cluster_id_: str, category: str) -> None:
    raw = client.get(VOC_EMERGING)
    if not raw:
        return
    stored = json.loads(raw)
    for c in stored["clusters"]:
        if c["id"] == cluster_id_:
            c["promoted"] = category
    client.set(VOC_EMERGING, json.dumps(stored))


class Clusterer:
    """Runs `run` in the background every VOC_CLUSTER_EVERY_SECONDS when new records arrived."""

    def __init__(self, settings: VocSettings, client: redis.Redis) -> None:
        self.settings, self.client = settings, client
        self._embedder = None

    def loop(self, stop: threading.Event) -> None:
        while not stop.wait(self.settings.cluster_every_seconds):
            try:
                if due(self.client, load(self.settings.taxonomy)):
                    if self._embedder is None:
                        from voc.clusters import Embedder

                        self._embedder = Embedder()
                    run(self.client, self.settings, self._embedder)
            except (redis.RedisError, OSError, TaxonomyError) as exc:
                log.warning("emerging irritants not clustered this time: %s", exc)
            except Exception:  # noqa: BLE001 - a bug or a broken install (UMAP, torch) must not end the thread:
                # clustering would stop for the life of the process with nothing said; log it whole, retry next time
                log.exception("emerging irritants not clustered this time (unexpected error)")
