"""Latency of text turns: our full stack against a bare Rasa, in the same run.

python -m bench.text_turns [--turns N]   (make bench-text)

ours:      REST -> rasa (Redis tracker + lock store) -> nlu service (HTTP) -> actions -> Redis
bare_rasa: REST -> rasa with its default NLU pipeline in-process, in-memory tracker -> the same actions

Both run side by side; each turn goes to both, alternating which goes first, so machine
noise hits both alike. Ends with one JSON line of figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import secrets
import statistics
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import httpx
from rich.progress import track

from redis import Redis

from stack.baseline import baseline_rasa
from stack.environments import RASA, REPO
from stack.launcher import Stack
from stack.redis_server import ThrowawayRedis, free_port
from stack.services import free_ports
from stack.settings import StackSettings
from tools.demo import seed

from .timing import rasa_version, summarise_ms

BARE_CONFIG = Path(__file__).with_name("bare_rasa_config.yml")
CONVERSATIONS = [
    ["hi", "where is my order?", "ORD-10001", "thanks", "bye"],
    ["hello there", "my parcel is a week late and nobody tells me anything", "no thanks"],
    ["can I have the tracking link for ORD-30001", "great, cheers"],
    ["I was charged twice for the same order", "yes please"],
    ["my kettle arrived broken", "no", "goodbye"],
    ["are you a bot?", "what time do you open on saturday?", "ok thanks"],
    ["I want to cancel my order", "ORD-20001", "thank you"],
    ["I can't log into my account", "I forgot my password", "cheers"],
    ["can you recommend a good gift for my dad", "thanks!"],
    ["I'd like a refund please", "ORD-40001", "bye"],
    ["you sent me the wrong size trainers", "let me speak to a human"],
    ["my refund still hasn't arrived after two weeks", "thanks"],
]


def bare_model(env: dict) -> Path:
    """Train the baseline once per data + config + Rasa version; reuse it afterwards."""
    bot = StackSettings().bot_dir
    h = hashlib.sha256(BARE_CONFIG.read_bytes())
    for p in [bot / "domain.yml", *sorted((bot / "data").rglob("*.yml"))]:
        h.update(p.read_bytes())
    h.update(rasa_version().encode())
    target = REPO / "models" / "bench" / f"bare-rasa-{h.hexdigest()[:12]}.tar.gz"
    if not target.exists():
        print(f"training the bare Rasa baseline (default pipeline) -> {target.name}", flush=True)
        subprocess.run([RASA.program("rasa"), "train", "--domain", str(bot / "domain.yml"),
                        "--data", str(bot / "data"), "--config", str(BARE_CONFIG),
                        "--out", str(target.parent), "--fixed-model-name", target.name[:-7]],
                       cwd=REPO, env={**os.environ, **env}, check=True, stdout=subprocess.DEVNULL)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=240, help="turns per system (default 240)")
    args = parser.parse_args()

    redis = ThrowawayRedis()
    # as in production: a real customer-token secret, no dev mode; logs in .run/bench
    stack = Stack(StackSettings(redis_url=redis.url, ports=free_ports(), audiosocket_port=0, run_dir=REPO / ".run" / "bench",
                                customer_token_secret=secrets.token_urlsafe(32), dev_mode=False))
    bare = None
    workdir = Path(tempfile.mkdtemp(prefix="bench-text-"))
    try:
        stack.prepare()
        seed(Redis.from_url(stack.redis_url))
        model = bare_model(stack.env("rasa"))
        (workdir / "endpoints.yml").write_text(f"action_endpoint:\n  url: {stack.urls['actions']}\n")
        (workdir / "credentials.yml").write_text("rest:\n")
        bare_port = free_port()
        bare = baseline_rasa("bare-rasa", model, bare_port, stack.settings.run_dir,
                             endpoints=workdir / "endpoints.yml", credentials=workdir / "credentials.yml")
        bare.start()
        stack.start(lambda name, s: print(f"{name} healthy after {s:.1f} s", flush=True))
        bare.wait_healthy()
        urls = {"ours": stack.webhook, "bare_rasa": f"http://127.0.0.1:{bare_port}/webhooks/rest/webhook"}

        plan = []
        while len(plan) < args.turns:
            for convo in CONVERSATIONS:
                sender = uuid.uuid4().hex[:12]
                plan.extend((sender, text) for text in convo)
        plan = plan[: args.turns]
        times: dict[str, list[float]] = {k: [] for k in urls}
        with httpx.Client(timeout=60) as http:
            for name, url in urls.items():  # warm-up, not measured
                for text in ("hello", "where is my order?"):
                    http.post(url, json={"sender": f"warm-{name}", "message": text})
            for i, (sender, text) in enumerate(track(plan, description="turns")):
                order = list(urls) if i % 2 == 0 else list(reversed(urls))
                for name in order:
                    t0 = time.perf_counter()
                    r = http.post(urls[name], json={"sender": f"{name}-{sender}", "message": text})
                    times[name].append((time.perf_counter() - t0) * 1000)
                    r.raise_for_status()
        figures = {name: {"turns": len(v), **summarise_ms(v), "mean_ms": round(statistics.fmean(v), 1)}
                   for name, v in times.items()}
        figures["p95_ratio_ours_to_bare"] = round(figures["ours"]["p95_ms"] / figures["bare_rasa"]["p95_ms"], 2)
        print(json.dumps(figures))
    finally:
        if bare:
            bare.stop()
        stack.stop()
        redis.stop()


if __name__ == "__main__":
    main()
