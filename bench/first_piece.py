"""How long the caller waits for Piper to speak the first piece of a reply: the session's cut
(`speech.voice.session.pieces`) against the whole first sentence, paired.

`python -m bench.first_piece`. Starts piper-tts's own server (the bundled voice) on a free
port, builds the assistant's real replies for the demo customers (order answers, complaints,
greetings, hand-offs), and times the synthesis of each reply's first piece two ways, in
alternating order: as `pieces` cuts it, and as the first sentence whole. Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from unittest import mock

import httpx

from speech.speakable import sentences, speakable
from speech.voice.session import pieces
from stack.services import free_ports
from tools.demo import demo_customers


def replies_to_speak() -> list[str]:
    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):  # actions check their secrets on import
        from actions import replies
    texts = []
    for c in demo_customers(dt.date.today()):
        texts += [replies.greeting(c), replies.call_greeting(c), replies.handoff_reply(3, 9, c)]
        for o in c.orders:
            texts += [replies.order_reply(t, o, c) for t in ("order_status", "cancel_order", "request_refund")]
            texts += [replies.complaint_reply(i, c, o) for i in ("delivery_late", "item_damaged", "billing_charged_twice")]
    return texts + [replies.anonymous_order_reply("ORD-12345"), replies.no_order_number(True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    port = free_ports()["tts"]
    server = subprocess.Popen([sys.executable, "-m", "speech.tts.piper_server"], env={**os.environ, "TTS_PORT": str(port)},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/synthesize"
    try:
        with httpx.Client(timeout=30) as http:
            for _ in range(120):
                try:
                    http.post(url, json={"text": "warming up"}).raise_for_status()
                    break
                except httpx.HTTPError:
                    time.sleep(0.5)

            def timed(text: str) -> float:
                started = time.perf_counter()
                http.post(url, json={"text": text}).raise_for_status()
                return (time.perf_counter() - started) * 1000

            texts = replies_to_speak()
            cut, whole = [], []
            for k in range(args.rounds):
                for text in texts:
                    a, b = pieces([text])[0], sentences(speakable(text))[0]
                    if k % 2:
                        whole.append(timed(b)); cut.append(timed(a))
                    else:
                        cut.append(timed(a)); whole.append(timed(b))
    finally:
        server.terminate()
    print(f"{len(texts)} replies x {args.rounds} rounds: first piece as cut {statistics.median(cut):.0f} ms, "
          f"whole first sentence {statistics.median(whole):.0f} ms (medians)")
    print(json.dumps({"replies": len(texts), "rounds": args.rounds, "cut_ms_p50": round(statistics.median(cut), 1),
                      "whole_sentence_ms_p50": round(statistics.median(whole), 1),
                      "ratio_p50": round(statistics.median(c / w for c, w in zip(cut, whole)), 3)}))


if __name__ == "__main__":
    main()
