"""`python -m stack run`: the whole backend on embedded defaults, stopped cleanly by Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import typer
from rich.console import Console

from stack.redis_server import ThrowawayRedis, reachable
from stack.services import RASA_VENV, REPO, Ports, Stack

cli = typer.Typer(add_completion=False, no_args_is_help=True)
console = Console()
LOCAL_REDIS = "redis://127.0.0.1:6379/0"


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


@cli.callback()
def main() -> None:
    """Run the backend."""


@cli.command()
def run(
    rasa_port: int = typer.Option(5005, envvar="RASA_PORT"),
    nlu_port: int = typer.Option(5006, envvar="NLU_PORT"),
    actions_port: int = typer.Option(5055, envvar="ACTIONS_PORT"),
) -> None:
    """Train what is missing, start redis (if needed), nlu, actions and rasa; wait for Ctrl-C."""
    # Ctrl-C and `kill` alike stop the children cleanly, even where SIGINT was ignored at launch
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _interrupt)
    own_redis = None
    redis_url = os.environ.get("REDIS_URL")
    if redis_url:
        if not reachable(redis_url):
            raise typer.BadParameter(f"REDIS_URL={redis_url} is not reachable", param_hint="REDIS_URL")
        console.print(f"redis: {redis_url} (REDIS_URL)")
    elif reachable(LOCAL_REDIS):
        redis_url = LOCAL_REDIS
        console.print(f"redis: the local server at {redis_url}")
    else:
        redis_url = None  # started below, inside the try, so an interrupt cannot leak it

    stack = None
    try:
        if redis_url is None:
            own_redis = ThrowawayRedis()
            redis_url = own_redis.url
            console.print(f"redis: started our own redis-server at {redis_url}")
        stack = Stack(redis_url, Ports(rasa=rasa_port, nlu=nlu_port, actions=actions_port))
        console.rule("models")
        stack.prepare()
        console.rule("demo data")
        token = subprocess.run(
            [str(RASA_VENV / "python"), "-m", "actions.demo", "seed"], cwd=REPO,
            env={**os.environ, **stack.env}, check=True, capture_output=True, text=True,
        ).stdout.strip().splitlines()
        console.print(token[0])
        demo_token = token[-1]
        console.rule("services")
        started = time.monotonic()
        with console.status("starting nlu, actions and rasa (rasa takes about 20 s)..."):
            stack.start(lambda name, s: console.print(f"  {name} healthy after {s:.1f} s"))
        console.rule("ready")
        console.print(f"All services up in {time.monotonic() - started:.0f} s. Logs: {REPO / '.run' / 'logs'}")
        console.print("\nTalk to the assistant (anonymous):")
        console.print(f"  curl -s {stack.webhook} -H 'Content-Type: application/json' "
                      "-d '{\"sender\": \"me\", \"message\": \"hi\"}'", soft_wrap=True)
        console.print("\nAs demo customer Alice Martin (C1001), with her signed token:")
        console.print(f"  curl -s {stack.webhook} -H 'Content-Type: application/json' "
                      f"-d '{{\"sender\": \"alice\", \"message\": \"where is my order?\", "
                      f"\"metadata\": {{\"customer_token\": \"{demo_token}\"}}}}'", soft_wrap=True)
        console.print(f"\nOr type: .venv/bin/python -m bot.chat --url {stack.webhook} --token {demo_token}",
                      soft_wrap=True)
        console.print("\nCtrl-C stops everything.")
        while all(s.proc and s.proc.poll() is None for s in stack.services.values()):
            time.sleep(1)
        dead = [n for n, s in stack.services.items() if s.proc and s.proc.poll() is not None]
        console.print(f"[red]{', '.join(dead)} stopped unexpectedly; see .run/logs/. Stopping the rest.")
    except KeyboardInterrupt:
        console.print("\nstopping...")
    finally:
        # a second Ctrl-C must not cut the clean-up short and orphan the children
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, signal.SIG_IGN)
        if stack:
            stack.stop()
        if own_redis:
            own_redis.stop()
        console.print("stopped.")


if __name__ == "__main__":
    cli()
