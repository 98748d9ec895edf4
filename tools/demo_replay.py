"""Scripted demo conversations, replayed once through the real REST channel: `python -m tools.demo_replay`.

`make run` calls this after the services are up, so an analyst opening the VoC console on a
fresh machine sees irritants, quotes and clusters that the real pipeline computed (REST
channel -> Rasa -> event broker -> worker), not numbers made up for the page. The
conversations (tools/demo_conversations.yml) are told apart by their sender ids, which all
start with `demo-`; the `voc:demo` hash records that they were replayed, when, and how many,
and the console says so on its first line. Replaying is claimed atomically in that hash, so
a second `make run` (or two at once) replays nothing and never inflates the counts. A replay
whose runner died (no progress for STALE_SECONDS) is taken over by the next `make run`, which
resumes after the last conversation finished, under the same sender ids.
"""

from __future__ import annotations

import argparse
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

import httpx
import redis
import yaml

from contracts.identity import CUSTOMER_TOKEN_KEY, issue_customer_token
from contracts.ports import DEFAULT_PORTS
from contracts.redis_keys import DEFAULT_VOC_RETENTION_SECONDS, HANDOFF_QUEUE, VOC_DEMO
from voc.queries import demo_replay

CONVERSATIONS_FILE = Path(__file__).with_name("demo_conversations.yml")
SENDER_PREFIX = "demo-"
# a claim with no finished conversation for this long belongs to a runner that died (a turn
# times out after 60 s); the next replay takes it over
STALE_SECONDS = 300
# Atomically: nobody replayed yet, or a replay went stale -> this caller replays (a stale one is
# resumed: its run id and next conversation are kept). ARGV: now, stale seconds, new run id,
# conversations, sender prefix, ttl.
CLAIM = """
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'done' then return 0 end
if state == 'replaying' and tonumber(redis.call('HGET', KEYS[1], 'heartbeat') or '0') > tonumber(ARGV[1]) - tonumber(ARGV[2]) then
  return 0
end
if not state or not redis.call('HGET', KEYS[1], 'run') then
  redis.call('HSET', KEYS[1], 'run', ARGV[3], 'next', 0, 'started_at', ARGV[1], 'conversations', ARGV[4],
             'sender_prefix', ARGV[5], 'turns', 0, 'failed_turns', 0)
end
redis.call('HSET', KEYS[1], 'state', 'replaying', 'heartbeat', ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[6])
return 1
"""


class DemoError(ValueError):
    """The demo conversations cannot be read; the message says where."""


@dataclass(frozen=True)
class DemoConversation:
    turns: tuple[str, ...]
    customer: Optional[str] = None  # signed in as this demo customer


@dataclass(frozen=True)
class Replayed:
    conversations: int
    turns: int
    failed_turns: int
    seconds: float


def load(path: Path = CONVERSATIONS_FILE) -> list[DemoConversation]:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise DemoError(f"{path}: {exc}") from None
    out = []
    for i, item in enumerate(doc.get("conversations") or []):
        turns = item.get("turns") if isinstance(item, dict) else None
        if not turns or not all(isinstance(t, (str, int)) and str(t).strip() for t in turns):
            raise DemoError(f"{path}: conversation {i} needs `turns`, a list of non-empty messages")
        out.append(DemoConversation(tuple(str(t) for t in turns), item.get("customer")))
    if not out:
        raise DemoError(f"{path}: no conversations")
    return out


def claim(client: redis.Redis, conversations: int, stale_seconds: float = STALE_SECONDS) -> Optional[tuple[str, int]]:
    """(run id, first conversation to send) for exactly one caller at a time, until the replay is
    done; None for every other caller (nothing to send)."""
    taken = client.register_script(CLAIM)(
        keys=[VOC_DEMO], args=[time.time(), stale_seconds, uuid.uuid4().hex[:6], conversations, SENDER_PREFIX,
                               DEFAULT_VOC_RETENTION_SECONDS])
    if not taken:
        return None
    run, start = client.hmget(VOC_DEMO, "run", "next")
    return run, int(start or 0)


def replay(client: redis.Redis, webhook: str, token_secret: str,
           conversations: Optional[list[DemoConversation]] = None,
           progress: Callable[[int, int], None] = lambda done, total: None) -> Optional[Replayed]:
    """Replay the demo conversations once; None when they were replayed before (nothing sent)."""
    conversations = conversations if conversations is not None else load()
    claimed = claim(client, len(conversations))
    if claimed is None:
        return None
    run, start = claimed
    started, turns, failed = time.perf_counter(), 0, 0
    with httpx.Client(timeout=60) as http:
        for n, conversation in enumerate(conversations[start:], start + 1):
            metadata = ({CUSTOMER_TOKEN_KEY: issue_customer_token(conversation.customer, token_secret)}
                        if conversation.customer else {})
            sender = f"{SENDER_PREFIX}{n:03d}-{run}"
            before = failed
            for text in conversation.turns:
                try:
                    answer = http.post(webhook, json={"sender": sender, "message": text, "metadata": metadata})
                    failed += answer.status_code != 200
                except httpx.HTTPError:
                    failed += 1
            turns += len(conversation.turns)
            with client.pipeline(transaction=False) as pipe:  # progress: a successor resumes after it
                pipe.hset(VOC_DEMO, mapping={"next": n, "heartbeat": time.time()})
                pipe.hincrby(VOC_DEMO, "turns", len(conversation.turns))
                pipe.hincrby(VOC_DEMO, "failed_turns", failed - before)
                pipe.execute()
            progress(n, len(conversations))
    client.hset(VOC_DEMO, mapping={"state": "done", "finished_at": time.time()})
    return Replayed(len(conversations) - start, turns, failed, time.perf_counter() - started)


def tidy_after(client: redis.Redis) -> int:
    """Undo what the replay did to the live shop: its scripted cancellations changed the demo
    customers' orders (so Ben's first chat found "a cancellation request in progress") and its
    hand-offs wait in the agents' queue, where no person should answer a script. The demo
    customers are seeded again as `make run` seeds them, and the demo conversations leave the
    queue as a withdrawn wait does. Returns how many queue entries were removed. The client
    must decode responses (as every caller here opens it)."""
    from actions.handoff import withdraw  # the queue's own rule for a conversation that stops waiting
    from tools.demo import seed  # tools.demo: the demo customers' one definition

    seed(client)
    demo = {fields.get("sender_id", "") for _, fields in client.xrange(HANDOFF_QUEUE)}
    return sum(withdraw(client, sender) for sender in sorted(demo) if sender.startswith(SENDER_PREFIX))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=f"http://127.0.0.1:{DEFAULT_PORTS['rasa']}/webhooks/rest/webhook")
    parser.add_argument("--status", action="store_true", help="only say whether the demo was replayed")
    args = parser.parse_args()
    client = redis.Redis.from_url(os.environ.get("REDIS_URL", f"redis://127.0.0.1:{DEFAULT_PORTS['redis']}/0"),
                                  decode_responses=True)
    if args.status:
        print(demo_replay(client))
        return
    secret = os.environ.get("CUSTOMER_TOKEN_SECRET")
    if not secret:
        raise SystemExit("set CUSTOMER_TOKEN_SECRET (the one Rasa verifies customer tokens with)")
    done = replay(client, args.url, secret, progress=lambda n, total: print(f"\r{n}/{total} conversations", end=""))
    print()
    if done is not None:
        tidy_after(client)
    print(f"already replayed: {demo_replay(client)}" if done is None else
          f"replayed {done.conversations} conversations ({done.turns} turns, {done.failed_turns} failed) "
          f"in {done.seconds:.0f} s")


if __name__ == "__main__":
    main()
