"""Conversation quality: the whole conversation suite against a real stack, per category and half.

`make bench-dialogue` (`python -m bench.dialogue`). Starts its own stack (throwaway Redis,
the trained models, a real customer-token secret, no dev mode), runs every conversation of
tests/conversations/, prints success per category for the development and sealed halves,
the development half's failures (never the sealed half's: it is only scored), and ends
with one JSON line of figures.

`--suite PATH` runs a folder or file of conversations of your own instead (all its failures
are shown). `--record-baseline` writes the success rates to tests/conversations/baseline.json: run it
once, on the code before any fix, to keep the baseline beside later scores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import secrets
import subprocess
from pathlib import Path

from redis import Redis
from rich.console import Console
from rich.progress import track
from rich.table import Table

from contracts.identity import issue_customer_token
from stack.environments import REPO
from stack.launcher import Stack
from stack.redis_server import ThrowawayRedis
from stack.services import free_ports
from stack.settings import StackSettings
from tools.demo import seed

from .conversation_suite import (BASELINE_FILE, HALVES, SUITE_DIR, ConversationResult, SuiteRunner, by_category,
                                 load_file, load_suite, summary)

console = Console()


def baseline() -> float | None:
    return json.loads(BASELINE_FILE.read_text())["success_rate"] if BASELINE_FILE.exists() else None


def print_results(results: list[ConversationResult], show_failures: bool, sealed: bool = True) -> None:
    table = Table("category", *(f"{h} ok/n" for h in HALVES))
    for category, halves in by_category(results).items():
        table.add_row(category, *(f"{ok}/{n}" for ok, n in (halves[h] for h in HALVES)))
    console.print(table)
    if not show_failures:
        return
    for r in results:
        if r.success or (sealed and r.half != "dev"):
            continue
        console.print(f"[bold]{r.conversation.id}[/] ({r.conversation.source})", soft_wrap=True)
        for turn in r.turns:
            console.print(f"  you> {turn.user}\n  bot> {' | '.join(turn.replies)}\n"
                          f"       intent {turn.intent}, actions {turn.actions}", markup=False, soft_wrap=True)
            for failure in turn.failures:
                console.print(f"       [red]✗ {failure}", soft_wrap=True)
        for leak in r.leaks:
            console.print(f"  [red]LEAK {leak}", soft_wrap=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-failures", action="store_true", help="print the development half's failures")
    parser.add_argument("--record-baseline", action="store_true", help=f"write the rates to {BASELINE_FILE.name}")
    parser.add_argument("--suite", type=Path, default=SUITE_DIR,
                        help="a folder or file of conversations of your own (every failure is shown: "
                             "only the project's suite has a sealed half)")
    args = parser.parse_args()
    own_suite = args.suite.resolve() != SUITE_DIR.resolve()
    if own_suite and args.record_baseline:
        parser.error("--record-baseline records the project's suite only")
    conversations = load_file(args.suite) if args.suite.is_file() else load_suite(args.suite)
    redis = ThrowawayRedis()
    secret = secrets.token_urlsafe(32)
    stack = Stack(StackSettings(redis_url=redis.url, ports=free_ports(), audiosocket_port=0,
                                run_dir=REPO / ".run" / "bench-dialogue",
                                customer_token_secret=secret, dev_mode=False))
    try:
        stack.prepare()
        client = Redis.from_url(stack.redis_url)
        stack.start(lambda name, s: console.print(f"{name} healthy after {s:.1f} s"))
        runner = SuiteRunner(stack.webhook, stack.urls["rasa"], stack.api_token,
                             lambda customer: issue_customer_token(customer, secret),
                             stack.settings.bot_dir / "domain.yml", before_each=lambda: seed(client))
        results = [runner.run(c) for c in track(conversations, description="conversations")]
        runner.close()
    finally:
        stack.stop()
        redis.stop()
    print_results(results, args.show_failures, sealed=not own_suite)
    figures = summary(results, None if own_suite else baseline())
    if args.record_baseline:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                                text=True).stdout.strip()
        BASELINE_FILE.write_text(json.dumps({**{k: figures[k] for k in (
            "conversations", "success_rate", "dev_success_rate", "sealed_success_rate", "turn_intent_accuracy",
            "fallback_rate", "cross_customer_leaks")}, "commit": commit, "date": dt.date.today().isoformat()},
            indent=2) + "\n")
        figures["baseline_success_rate"] = figures["success_rate"]
        console.print(f"baseline written to {BASELINE_FILE}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
