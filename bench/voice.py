"""Phone calls against the full stack: how long a caller waits for the assistant's answer.

Starts the whole backend with default settings (throwaway Redis, no dev mode), then calls it
over the Twilio Media Streams WebSocket the way Twilio does: 20 ms µ-law frames in real time,
silence between turns, marks echoed after playback. Caller turns are real recordings from
../shared/data/asr (short ones, sent as telephone audio) and customer questions spoken by
Piper. Each turn waits until the previous reply has finished playing (no barge-in).

Turn latency: from the end of the caller's speech (the frame holding its last audible
sample) to the first audible frame of the assistant's answer, the end-of-turn silence
(END_OF_TURN_SILENCE_MS, 400 ms) included. The speech service's own call records give the
parts: recognition, dialogue (Rasa + NLU + actions) and the first sentence's synthesis.
Measured for one call, then for four calls at once. Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import secrets
import statistics
import time
from collections import Counter

import httpx
import numpy as np
import soundfile
from redis import Redis

from bench.asr_data import speech_clips
from stack.environments import REPO
from stack.launcher import Stack
from stack.redis_server import ThrowawayRedis
from stack.services import free_ports
from stack.settings import StackSettings
from tools.demo import seed
from tools.twilio_caller import TwilioCaller

QUESTIONS = [
    "Hi, where is my order?",
    "I want a refund please.",
    "What are your opening hours?",
    "My parcel is late, it was supposed to come yesterday.",
    "Can I cancel my order?",
    "I think I was charged twice for the same thing.",
    "How do I reset my password?",
    "The kettle arrived damaged.",
    "Can you recommend a good pair of trainers?",
    "They sent me the wrong item.",
    "When will my refund arrive?",
    "Thank you, that's helpful.",
]
MAX_CLIP_S = 6.0
RECORDINGS = 10
AUDIBLE = 0.02


def trimmed(samples: np.ndarray) -> np.ndarray:
    """Without leading and trailing silence: the turn's speech ends where the audio ends."""
    loud = np.flatnonzero(np.abs(samples) > AUDIBLE)
    return samples[loud[0]:loud[-1] + 1] if len(loud) else samples


def caller_turns(tts_url: str, count: int) -> list[tuple[str, np.ndarray, int]]:
    """(label, samples, rate): short real recordings and Piper-spoken questions, interleaved."""
    clips = sorted((c for c in speech_clips() if c.path.suffix in (".flac", ".wav")), key=lambda c: c.path.name)
    real = []
    for clip in clips:
        samples = clip.read()
        if len(samples) / 16000 <= MAX_CLIP_S:
            real.append((f"recording:{clip.path.name}", trimmed(samples), 16000))
        if len(real) == RECORDINGS:
            break
    spoken = []
    with httpx.Client(timeout=60) as http:
        for text in QUESTIONS:
            r = http.post(f"{tts_url}/synthesize", json={"text": text})
            r.raise_for_status()
            samples, rate = soundfile.read(io.BytesIO(r.content), dtype="float32")
            spoken.append((f"question:{text}", trimmed(samples), rate))
    mixed = [t for pair in zip(spoken, real) for t in pair] + spoken[len(real):] + real[len(spoken):]
    return (mixed * (count // len(mixed) + 1))[:count]


async def one_caller(url: str, turns: list, turns_per_call: int) -> tuple[list[float], list[str], int]:
    """Runs `turns` over as many calls as needed; returns latencies (ms), call ids, unanswered turns."""
    latencies, calls, unanswered, i = [], [], 0, 0
    while i < len(turns):
        async with TwilioCaller(url) as caller:
            calls.append(caller.call_sid)
            first, audio = await caller.reply_after(time.monotonic(), timeout=30)
            if first is not None:
                await caller.until_played(first, audio)
            for _ in range(turns_per_call):
                if i >= len(turns) or caller.heard.closed:
                    break
                _, samples, rate = turns[i]
                i += 1
                ended = await caller.say(samples, rate)
                first, audio = await caller.reply_after(ended, timeout=30)
                if first is None:
                    if caller.heard.closed:  # the assistant had ended the call (a hand-off, a goodbye):
                        i -= 1  # the turn is said again in a new call
                        break
                    unanswered += 1
                    continue
                latencies.append((first - ended) * 1000)
                await caller.until_played(first, audio)
    return latencies, calls, unanswered


def parts(stack: Stack, calls: list[str]) -> dict[str, float]:
    """Medians of the speech service's per-turn timings over the caller's speech turns."""
    rows, ended = [], Counter()
    with httpx.Client(timeout=30) as http:
        for call in calls:
            r = http.get(f"{stack.urls['speech']}/v1/calls/{call}",
                         headers={"Authorization": f"Bearer {stack.secrets.speech_api}"})
            if r.status_code == 200:
                rows += [t for t in r.json()["turns"] if t["kind"] == "speech"]
                ended[r.json().get("ended") or "still open"] += 1
    median = lambda key: round(statistics.median(t[key] for t in rows), 1) if rows else None  # noqa: E731
    return {"asr_ms": median("asr_ms"), "asr_wait_ms": median("asr_wait_ms"), "dialogue_ms": median("dialogue_ms"),
            "tts_first_audio_ms": median("tts_first_audio_ms"),
            # end of turn detected -> first audio handed over; the rest of the latency is the
            # end-of-turn silence, the detector's lag behind the speech and the transport
            "answer_ms": median("answer_ms"),
            "speculative_share": round(sum(t["speculative"] for t in rows) / len(rows), 2) if rows else None,
            "calls_ended": dict(ended)}


def summary(latencies: list[float], unanswered: int, stack: Stack, calls: list[str]) -> dict:
    ordered = sorted(latencies)
    pct = lambda q: round(ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))], 1)  # noqa: E731
    return {"turns": len(latencies), "unanswered": unanswered,
            "turn_latency_ms": {"p50": pct(0.5), "p95": pct(0.95), "max": round(ordered[-1], 1)} if ordered else None,
            **parts(stack, calls)}


async def scenario(url: str, turns: list, callers: int, turns_per_call: int) -> tuple[list[float], list[str], int]:
    async def staggered(k: int):
        await asyncio.sleep(k * 0.7)  # callers don't all speak in the same 20 ms
        return await one_caller(url, turns[k::callers] if callers > 1 else turns, turns_per_call)

    results = await asyncio.gather(*(staggered(k) for k in range(callers)))
    return ([x for r in results for x in r[0]], [c for r in results for c in r[1]], sum(r[2] for r in results))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=22, help="caller turns per scenario (default 22)")
    parser.add_argument("--turns-per-call", type=int, default=6)
    parser.add_argument("--quick", action="store_true", help="smoke run: 6 turns per scenario")
    args = parser.parse_args()
    count = 6 if args.quick else args.turns

    redis = ThrowawayRedis()
    stack = Stack(StackSettings(redis_url=redis.url, ports=free_ports(), audiosocket_port=0, run_dir=REPO / ".run" / "bench-voice",
                                customer_token_secret=secrets.token_urlsafe(32), dev_mode=False))
    try:
        stack.prepare()
        seed(Redis.from_url(stack.redis_url))
        stack.start(lambda name, s: print(f"{name} healthy after {s:.1f} s", flush=True))
        url = stack.urls["speech"].replace("http://", "ws://") + "/v1/twilio/stream"
        turns = caller_turns(stack.urls["tts"], count)
        asyncio.run(scenario(url, turns[:2], 1, 2))  # warm-up call, not measured
        figures = {}
        for name, callers in (("one_call", 1), ("four_calls", 4)):
            latencies, calls, unanswered = asyncio.run(scenario(url, turns, callers, args.turns_per_call))
            figures[name] = summary(latencies, unanswered, stack, calls)
            print(f"{name}: {json.dumps(figures[name])}", flush=True)
        print(json.dumps(figures))
    finally:
        stack.stop()
        redis.stop()


if __name__ == "__main__":
    main()
