"""Voice of the customer: worker throughput, freshness under steady traffic, emerging-irritant clustering.

python -m bench.voc [--quick]   (make bench-voc)

1. Throughput: customer messages a second through one worker (redaction, irritant detection,
   conversation state, transcripts; embeddings excluded), each message with the events Rasa
   writes beside it (the action, the reply, action_listen). The stream is filled first, then
   drained; the counts must come out exact (exactly-once). Beside it, in the same process,
   the floor: reading and acknowledging the same entries without applying them.
2. Freshness: a steady 200 messages a second for 20 s (5 with --quick) while the worker and the
   analysts' API run; the time from a message entering the stream to its quote being served
   by `GET /v1/quotes`, polled every 50 ms.
3. Clustering: bench.voc_clusters' protocol on a 1,000-message Banking77 sample (300 with --quick).

Ends with one JSON line: {"messages_per_s", "floor_messages_per_s", "freshness_ms": {p50, p95},
"clustering": {nmi, ari, clusters, noise_share}}.
"""

from __future__ import annotations

import argparse
import json
import secrets
import shutil
import tempfile
import threading
import time
from pathlib import Path

import httpx
import redis
from rich.console import Console

from contracts.redis_keys import VOC_EVENTS, voc_day_counts
from stack.redis_server import ThrowawayRedis, free_port
from voc import auth
from voc.settings import VocSettings
from voc.store import utc_day
from voc.taxonomy import DEFAULT_PATH
from voc.worker import Worker

from .timing import summarise_ms

console = Console(stderr=True)
MESSAGES = [
    ("my parcel is late again, it was due monday", "delivery_late", "negative"),
    ("I was charged twice for one order, card 4111 1111 1111 1111", "billing_charged_twice", "negative"),
    ("where is my order?", "order_status", "neutral"),
    ("the kettle arrived broken", "item_damaged", "negative"),
    ("thanks, that's great", "thanks", "positive"),
    ("my refund still hasn't come, email me at jo@example.com", "refund_not_received", "negative"),
    ("this is ridiculous, nobody answers", "out_of_scope", "negative"),
    ("what time do you open?", "opening_hours_contact", "neutral"),
]
IRRITANT_SHARE = sum(1 for _, intent, s in MESSAGES if s == "negative" or intent in ("item_damaged",)) / len(MESSAGES)


def events_for(n: int, at: float, run: str, tag: str = "") -> list[dict]:
    """One customer message and the three events Rasa writes beside it."""
    text, intent, sentiment = MESSAGES[n % len(MESSAGES)]
    sender = f"bench-{run}-{n // 4}"  # four messages a conversation
    base = {"sender_id": sender, "timestamp": at}
    return [
        {**base, "uid": f"{run}-{n}-u", "event": "user", "text": f"{text} {tag}".strip(), "input_channel": "rest",
         "metadata": {}, "parse_data": {"intent": {"name": intent, "confidence": 0.9},
                                        "sentiment": {"label": sentiment, "score": 0.8}, "model": "bench"}},
        {**base, "uid": f"{run}-{n}-a", "event": "action", "name": "action_handle_complaint"},
        {**base, "uid": f"{run}-{n}-b", "event": "bot", "text": "Sorry to hear that. Let me check."},
        {**base, "uid": f"{run}-{n}-l", "event": "action", "name": "action_listen"},
    ]


def fill(client: redis.Redis, messages: int, run: str) -> None:
    now = time.time()
    with client.pipeline(transaction=False) as pipe:
        for n in range(messages):
            for e in events_for(n, now, run):
                pipe.xadd(VOC_EVENTS, {"event": json.dumps(e)})
            if n % 500 == 499:
                pipe.execute()
        pipe.execute()


def throughput(server: ThrowawayRedis, settings: VocSettings, messages: int) -> tuple[float, float]:
    client = redis.Redis.from_url(server.url, decode_responses=True)
    # the floor: read and acknowledge, apply nothing
    client.flushdb()
    fill(client, messages, "floor")
    client.xgroup_create(VOC_EVENTS, "floor", id="0")
    started = time.perf_counter()
    while True:
        read = client.xreadgroup("floor", "f", {VOC_EVENTS: ">"}, count=settings.batch)
        if not read:
            break
        for _, entries in read:
            client.xack(VOC_EVENTS, "floor", *[i for i, _ in entries])
    floor = messages / (time.perf_counter() - started)
    # the worker
    client.flushdb()
    fill(client, messages, "tput")
    worker = Worker(settings, client=client)
    worker.ensure_group()
    worker._last_close = worker._last_alert = worker._last_trim = float("inf")  # timed: applying only
    started = time.perf_counter()
    while worker.run_once(block_ms=10):
        pass
    rate = messages / (time.perf_counter() - started)
    counted = sum(int(v) for k, v in client.hgetall(voc_day_counts(utc_day(time.time()))).items()
                  if k.count("|") == 1)
    expected = sum(1 for n in range(messages) if MESSAGES[n % len(MESSAGES)][2] == "negative"
                   or MESSAGES[n % len(MESSAGES)][1] == "item_damaged")
    assert counted == expected, f"exactly-once broken: {counted} records for {expected} irritants"
    assert worker.progress.duplicates == 0
    client.close()
    return rate, floor


def freshness(server: ThrowawayRedis, settings: VocSettings, seconds: float, rate: int = 200) -> list[float]:
    import uvicorn

    from voc.service import create_app

    client = redis.Redis.from_url(server.url, decode_responses=True)
    client.flushdb()
    token = auth.mint(client, "analyst", "bench")
    port = free_port()
    app = create_app(settings.model_copy(update={"port": port}))
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    serving = threading.Thread(target=uv.run, daemon=True)
    serving.start()
    while not uv.started:
        time.sleep(0.05)
    sent: dict[str, float] = {}
    seen: dict[str, float] = {}
    stop = threading.Event()

    def poll() -> None:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers={"Authorization": f"Bearer {token}"}) as http:
            while not stop.is_set():
                for q in http.get("/v1/quotes", params={"limit": 200}).json()["quotes"]:
                    tag = q["quote"].rsplit(" ", 1)[-1]
                    seen.setdefault(tag, time.perf_counter())
                time.sleep(0.05)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    run = secrets.token_hex(3)
    n, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        due = int((time.perf_counter() - started) * rate)
        with client.pipeline(transaction=False) as pipe:
            while n < due:
                # only irritants: each message must show up as a quote
                k = n * len(MESSAGES) + 0
                tag = f"m{n}x"
                for e in events_for(k, time.time(), run, tag):
                    pipe.xadd(VOC_EVENTS, {"event": json.dumps(e)})
                sent[tag] = time.perf_counter()
                n += 1
            pipe.execute()
        time.sleep(0.005)
    deadline = time.perf_counter() + 10
    while len(seen.keys() & sent.keys()) < len(sent) and time.perf_counter() < deadline:
        time.sleep(0.1)
    stop.set()
    uv.should_exit = True
    poller.join(timeout=5)
    serving.join(timeout=10)  # the app's worker stops with it, before its Redis does
    missing = len(sent) - len(seen.keys() & sent.keys())
    assert missing == 0, f"{missing} of {len(sent)} messages never became visible"
    client.close()
    return [(seen[t] - sent[t]) * 1000 for t in sent]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run: fewer messages, shorter, smaller sample")
    args = parser.parse_args()
    messages = 5_000 if args.quick else 50_000
    server = ThrowawayRedis(password=secrets.token_urlsafe(16))
    taxonomy_dir = Path(tempfile.mkdtemp())
    shutil.copy(DEFAULT_PATH, taxonomy_dir / "taxonomy.yml")
    settings = VocSettings(REDIS_URL=server.url, VOC_PSEUDONYM_SECRET=secrets.token_hex(20),
                           VOC_TAXONOMY=taxonomy_dir / "taxonomy.yml", VOC_CONSUMER="bench",
                           VOC_BATCH=500)
    try:
        console.print(f"throughput: {messages} customer messages ({4 * messages} events)...")
        rate, floor = throughput(server, settings, messages)
        console.print(f"  {rate:,.0f} messages/s applied (floor: read + ack only, {floor:,.0f}/s; "
                      f"applying costs {floor / rate:.1f}x)")
        seconds = 5 if args.quick else 20
        console.print(f"freshness (stream append -> visible in GET /v1/quotes): 200 messages/s for {seconds} s ...")
        ages = freshness(server, settings, seconds)
        fresh = summarise_ms(ages)
        console.print(f"  p50 {fresh['p50_ms']:.0f} ms, p95 {fresh['p95_ms']:.0f} ms over {len(ages)} messages")
    finally:
        server.stop()
        shutil.rmtree(taxonomy_dir, ignore_errors=True)
    clustering = None
    try:
        from bench.voc_clusters import clustering_figures

        console.print("clustering: Banking77 sample, bundled MiniLM, tuned on another sample...")
        clustering = clustering_figures(quick=args.quick)
        console.print(f"  NMI {clustering['nmi']:.3f}, ARI {clustering['ari']:.3f}, {clustering['clusters']} clusters, "
                      f"noise {clustering['noise_share']:.2f}")
    except ImportError as exc:
        console.print(f"[red]clustering not measured: {exc}")
    print(json.dumps({"messages_per_s": round(rate), "floor_messages_per_s": round(floor),
                      "freshness_ms": {"p50": round(fresh["p50_ms"]), "p95": round(fresh["p95_ms"])},
                      "clustering": clustering, "quick": args.quick}))


if __name__ == "__main__":
    main()
