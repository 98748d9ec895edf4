"""`make run`'s demo data: scripted conversations through the real chat channel, once per Redis."""

from __future__ import annotations

import time

import httpx
import redis

from tests.integration.test_voc_pipeline import analyst_token
from tools.demo_replay import SENDER_PREFIX, DemoConversation, load, replay
from voc.queries import demo_replay


def test_the_demo_file_reads():
    conversations = load()
    assert len(conversations) >= 40
    assert {c.customer for c in conversations if c.customer} <= {"C1001", "C1002", "C1003", "C1004"}


def figures(client: redis.Redis) -> dict:
    """What the counts are made of, once the broker and the worker have caught up with the traffic."""
    deadline, last = time.monotonic() + 60, None
    while time.monotonic() < deadline:
        group = next(g for g in client.xinfo_groups("voc:events") if g["name"] == "voc-worker")
        stream = client.xinfo_stream("voc:events")
        now = {"events": stream["length"], "irritants": client.xlen("voc:irritants"),
               **{k: client.hgetall(k) for k in client.scan_iter("voc:count:*")}}
        if group["pending"] == 0 and group["last-delivered-id"] == stream["last-generated-id"] and now == last:
            return now  # applied, and the same a second later: nothing more on its way from the broker
        last = now
        time.sleep(1)
    raise AssertionError(f"the worker did not catch up: {last}")


def test_demo_conversations_are_replayed_once_and_the_api_says_so(backend):
    client = redis.Redis.from_url(backend.redis_url, decode_responses=True)
    bearer = {"Authorization": f"Bearer {analyst_token(backend)}"}
    assert httpx.get(f"{backend.urls['voc']}/v1/demo", headers=bearer).json() == {**EMPTY, "replayed": False}
    demo = [DemoConversation(("my parcel is late again, this is the third time",)),
            DemoConversation(("where is my sofa?", "thanks"), customer="C1002")]
    before = figures(client)
    done = replay(client, backend.webhook, backend.customer_token_secret, demo)
    assert (done.conversations, done.turns, done.failed_turns) == (2, 3, 0)
    counted = figures(client)
    assert counted["irritants"] > before["irritants"] and counted != before  # the demo is counted ...
    assert replay(client, backend.webhook, backend.customer_token_secret, demo) is None  # a second run: nothing
    assert figures(client) == counted  # ... once: a second run leaves every count as it was
    state = demo_replay(client)
    assert state["replayed"] and state["state"] == "done" and state["conversations"] == 2

    # real conversations through Rasa: the trackers hold them, under the demo prefix
    senders = [k.split(":", 2)[2] for k in client.scan_iter("rasa:tracker:*") if SENDER_PREFIX in k]
    assert len(senders) == 2 and all(s.startswith(SENDER_PREFIX) for s in senders)
    shown = httpx.get(f"{backend.urls['voc']}/v1/demo", headers=bearer).json()
    assert shown["replayed"] and shown["conversations"] == 2 and shown["sender_prefix"] == SENDER_PREFIX
    assert httpx.get(f"{backend.urls['voc']}/v1/demo").status_code == 401
    client.close()


EMPTY = {"state": None, "conversations": None, "turns": None, "failed_turns": None, "started_at": None,
         "finished_at": None, "sender_prefix": None}
