"""The demo replay's claim (tools/demo_replay.py) on a real throwaway Redis, against a local webhook:
one replayer at a time, never twice, and a replayer that died is taken over where it stopped."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from contracts.redis_keys import VOC_DEMO
from tools.demo_replay import DemoConversation, claim, replay, tidy_after


@pytest.fixture
def webhook():
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b"[]")

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/webhooks/rest/webhook", received
    server.shutdown()


def test_one_claim_at_a_time_and_none_once_done(redis_client):
    run, start = claim(redis_client, 3)
    assert start == 0 and claim(redis_client, 3) is None  # a second make run while the first replays
    redis_client.hset(VOC_DEMO, "state", "done")
    assert claim(redis_client, 3, stale_seconds=0) is None  # done: never again
    assert redis_client.ttl(VOC_DEMO) > 300 * 24 * 3600  # the record lives as long as the figures


def test_a_replay_whose_runner_died_is_resumed_after_its_last_finished_conversation(redis_client, webhook):
    url, received = webhook
    demo = [DemoConversation(("hello",)), DemoConversation(("my parcel is late", "thanks")),
            DemoConversation(("bye",))]
    run, _ = claim(redis_client, len(demo))
    redis_client.hset(VOC_DEMO, mapping={"next": 1, "turns": 1, "heartbeat": time.time()})  # died after the first
    assert replay(redis_client, url, "s" * 40, demo) is None  # not stale yet: someone may still be at it
    redis_client.hset(VOC_DEMO, "heartbeat", time.time() - 301)
    done = replay(redis_client, url, "s" * 40, demo)
    assert (done.conversations, done.turns, done.failed_turns) == (2, 3, 0)
    assert [(m["sender"], m["message"]) for m in received] == [
        (f"demo-002-{run}", "my parcel is late"), (f"demo-002-{run}", "thanks"), (f"demo-003-{run}", "bye")]
    state = redis_client.hgetall(VOC_DEMO)
    assert (state["state"], state["turns"], state["next"], state["conversations"]) == ("done", "4", "3", "3")
    assert replay(redis_client, url, "s" * 40, demo) is None and len(received) == 3


def test_after_the_replay_the_demo_customers_are_as_seeded_and_no_script_waits_for_a_person(redis_client):
    from actions.profiles import ProfileStore
    from contracts.redis_keys import HANDOFF_QUEUE, handoff_state
    from tools.demo import seed

    seed(redis_client)
    store = ProfileStore(redis_client)
    ben = store.get("C1002")
    ben.orders[0].status = "cancellation_requested"  # what a scripted cancellation leaves behind
    store.put(ben)
    demo = redis_client.xadd(HANDOFF_QUEUE, {"sender_id": "demo-007-abc123", "reason": "asked"})
    redis_client.hset(handoff_state("demo-007-abc123"), mapping={"entry_id": demo, "status": "queued"})
    real = redis_client.xadd(HANDOFF_QUEUE, {"sender_id": "web-42", "reason": "asked"})

    assert tidy_after(redis_client) == 1
    assert store.get("C1002").orders[0].status != "cancellation_requested"
    assert [entry_id for entry_id, _ in redis_client.xrange(HANDOFF_QUEUE)] == [real]  # a real customer still waits
    assert redis_client.hget(handoff_state("demo-007-abc123"), "status") == "withdrawn"
