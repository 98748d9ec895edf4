"""`python -m stack run | train | services`: the whole backend on one machine, stopped cleanly by Ctrl-C."""

from __future__ import annotations

import signal
import threading
import subprocess
import time
from urllib.parse import urlparse

import redis
import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from stack.launcher import Stack
from stack.models import prepare_models
from stack.redis_server import reachable
from stack.services import BY_NAME, SERVICES
from stack.settings import ConfigError, StackSettings

cli = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
console = Console()


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _settings() -> StackSettings:
    try:
        return StackSettings()
    except ValidationError as exc:
        console.print(f"invalid stack settings:\n{exc}", style="red", markup=False, soft_wrap=True)
        raise typer.Exit(2)


def _masked(url: str) -> str:
    """A Redis URL fit for a terminal: the password hidden."""
    u = urlparse(url)
    if not u.password:
        return url
    return u._replace(netloc=f"{u.username or ''}:***@{u.hostname}{f':{u.port}' if u.port else ''}").geturl()


def _with_redis(settings: StackSettings) -> StackSettings:
    """REDIS_URL, else a Redis already running locally, else the stack starts one (its table row)."""
    if settings.redis_url:
        if not reachable(settings.redis_url):
            console.print(f"REDIS_URL={_masked(settings.redis_url)} is not reachable", style="red", markup=False)
            raise typer.Exit(2)
        console.print(f"redis: {_masked(settings.redis_url)} (REDIS_URL)")
        return settings
    local = f"redis://{settings.bind_host}:{BY_NAME['redis'].default_port}/0"
    if reachable(local):
        console.print(f"redis: the local server at {local}")
        return settings.model_copy(update={"redis_url": local})
    console.print(f"redis: starting our own redis-server on port {settings.ports['redis']} (nothing kept on disk)")
    return settings


def _replay_demo_in_background(stack: Stack) -> None:
    """The VoC console's demo data, from the real pipeline, once per Redis (tools/demo_replay.py)."""
    from tools.demo_replay import load, replay, tidy_after
    from voc.queries import demo_replay

    client = redis.Redis.from_url(stack.redis_url, decode_responses=True)
    before = demo_replay(client)
    if before["replayed"]:
        console.print(f"demo conversations: {before.get('conversations')} were replayed into this Redis before; "
                      "not again (the console says so)")
        return
    conversations = load()
    console.print(f"demo conversations: replaying {len(conversations)} scripted conversations through the chat "
                  "channel in the background, once (their ids start with demo-; the console says so)")

    def work() -> None:
        try:
            done = replay(client, stack.webhook, stack.customer_token_secret, conversations)
            if done is None:
                return
            tidy_after(client)
            console.print(f"demo conversations: {done.conversations} replayed ({done.turns} turns, "
                          f"{done.failed_turns} failed) in {done.seconds:.0f} s", soft_wrap=True)
            time.sleep(5)  # the worker applies them within a second; then cluster what fits no category
            from voc.emerging import run as cluster
            from voc.settings import VocSettings

            stored = cluster(client, VocSettings(REDIS_URL=stack.redis_url))
            console.print(f"demo conversations: {len(stored['clusters'])} emerging-irritant clusters found", soft_wrap=True)
        except Exception as exc:  # the demo is a nicety: the stack keeps serving without it
            console.print(f"[yellow]demo conversations: stopped ({type(exc).__name__}: {exc})", soft_wrap=True)

    threading.Thread(target=work, name="demo-replay", daemon=True).start()


def _print_ready(stack: Stack, customer: str, demo_token: str, seconds: float, analyst_token: str = "") -> None:
    hook = stack.webhook
    console.rule("ready")
    console.print(f"All services up in {seconds:.0f} s. Logs: {stack.logs_dir}")
    console.print("\nTalk to the assistant (anonymous):")
    console.print(f"  curl -s {hook} -H 'Content-Type: application/json' "
                  "-d '{\"sender\": \"me\", \"message\": \"hi\"}'", soft_wrap=True)
    console.print(f"\nAs demo customer {customer}, with their signed token:")
    console.print(f"  curl -s {hook} -H 'Content-Type: application/json' "
                  f"-d '{{\"sender\": \"alice\", \"message\": \"where is my order?\", "
                  f"\"metadata\": {{\"customer_token\": \"{demo_token}\"}}}}'", soft_wrap=True)
    console.print(f"\nOr type: .venv/bin/python -m tools.chat --url {hook} --token {demo_token}", soft_wrap=True)
    if "speech" in stack.services:
        console.print("\nCall it (Twilio Media Streams; Piper speaks your lines, Whisper writes down the answers):")
        console.print(f"  .venv/bin/python -m tools.call 'hi, where is my order?' 'ORD-10001' --speech-url "
                      f"{stack.urls['speech']} --tts-url {stack.urls['tts']}", soft_wrap=True)
        console.print(f"  a Twilio number's voice webhook: https://<public host>/v1/twilio/voice (port {stack.ports.speech})",
                      soft_wrap=True)
        if stack.settings.audiosocket_port:
            console.print(f"  Asterisk: AudioSocket(<call uuid>,{stack.settings.bind_host}:{stack.settings.audiosocket_port})"
                          " in the dialplan (README: Asterisk)", soft_wrap=True)
        speech_ws = stack.urls["speech"].replace("http", "ws", 1)
        console.print(f"  the website's voice button: {speech_ws}/v1/browser/stream (PCM16 frames, JSON control)",
                      soft_wrap=True)
        console.print(f"  one spoken turn over HTTP: curl -s '{stack.urls['speech']}/v1/voice-turn?conversation_id=me' "
                      "-H 'Content-Type: audio/wav' --data-binary @question.wav", soft_wrap=True)
        console.print("\nSpeech to text (WAV, FLAC, MP3, Ogg/Opus, WebM):")
        console.print(f"  curl -s {stack.urls['speech']}/v1/transcribe -H 'Content-Type: audio/wav' "
                      "--data-binary @question.wav", soft_wrap=True)
    if "voc" in stack.services:
        voc = stack.urls["voc"]
        console.print(f"\nVoice of the customer: every conversation feeds irritants, outcomes and KPIs into Redis "
                      f"(voc:*); the worker's state: curl -s {voc}/health", soft_wrap=True)
        if analyst_token:
            console.print(f"  the analysts' console: {voc}/dashboard#token={analyst_token}", soft_wrap=True)
            console.print("  the analysts' API, with that one-day analyst token:", soft_wrap=True)
            console.print(f"  curl -s {voc}/v1/irritants/top -H 'Authorization: Bearer {analyst_token}'", soft_wrap=True)
        console.print("  more tokens: .venv/bin/python -m voc token create --role analyst|admin --name <who>",
                      soft_wrap=True)
    console.print("\nRasa's HTTP API (trackers, events) answers only requests carrying ?token=<RASA_API_TOKEN>"
                  + ("." if stack.settings.rasa_api_token else "; this run's is random (set RASA_API_TOKEN to choose it)."),
                  soft_wrap=True)
    console.print("\nCtrl-C stops everything.")


@cli.command()
def run() -> None:
    """Train what is missing, start redis (if needed), nlu, voc, tts, actions, rasa and speech; wait for Ctrl-C."""
    from tools.demo import DEMO_CUSTOMER, demo_token, seed

    # Ctrl-C and `kill` alike stop the children cleanly, even where SIGINT was ignored at launch
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _interrupt)
    stack = None
    try:
        try:
            stack = Stack(_with_redis(_settings()))
        except ConfigError as exc:
            console.print(str(exc), style="red", markup=False, soft_wrap=True)
            raise typer.Exit(2)
        if stack.settings.dev_mode:
            console.print("[yellow]dev mode: dev-only customer-token secret; set CUSTOMER_TOKEN_SECRET for production"
                          if stack.secrets.customer_token_dev_only else "[yellow]dev mode: on (DEV_MODE=true)", soft_wrap=True)
        console.rule("models")
        stack.prepare(console.print)
        console.rule("services")
        started = time.monotonic()
        with console.status("starting " + ", ".join(stack.services) + " (rasa takes about 20 s)..."):
            stack.start(lambda name, s: console.print(f"  {name} healthy after {s:.1f} s"))
        console.rule("demo data")
        client = redis.Redis.from_url(stack.redis_url, decode_responses=True)
        customers = seed(client)
        analyst = ""
        if "voc" in stack.services and stack.settings.dev_mode:
            from voc.auth import ANALYST, mint

            analyst = mint(client, ANALYST, "make run", days=1)
        client.close()
        console.print("seeded demo customers: " + ", ".join(f"{c.customer_id} {c.name}" for c in customers))
        if analyst and stack.settings.demo_conversations:
            _replay_demo_in_background(stack)
        name = next(c.name for c in customers if c.customer_id == DEMO_CUSTOMER)
        _print_ready(stack, f"{name} ({DEMO_CUSTOMER})", demo_token(DEMO_CUSTOMER, stack.customer_token_secret),
                     time.monotonic() - started, analyst)
        while all(s.running for s in stack.services.values()):
            time.sleep(1)
        dead = [n for n, s in stack.services.items() if not s.running]
        console.print(f"[red]{', '.join(dead)} stopped unexpectedly; see {stack.logs_dir}. Stopping the rest.")
    except KeyboardInterrupt:
        console.print("\nstopping...")
    except typer.Exit:  # click's Exit is a RuntimeError: let it through as it is
        raise
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:  # a service or a training step failed
        console.print(str(exc), style="red", markup=False, soft_wrap=True)
        raise typer.Exit(1)
    finally:
        # a second Ctrl-C must not cut the clean-up short and orphan the children
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, signal.SIG_IGN)
        if stack:
            stack.stop()
            console.print("stopped.")


@cli.command()
def train() -> None:
    """Train the NLU and dialogue models for BOT_DIR if their data changed."""
    prepare_models(_settings(), log=console.print)


@cli.command()
def services() -> None:
    """Print the service table."""
    table = Table("service", "environment", "port", "published", "needs")
    table.add_column("reads", overflow="fold")
    for s in SERVICES:
        table.add_row(s.name, s.environment.name, str(s.default_port), "yes" if s.published else "internal",
                      ", ".join(s.needs), ", ".join(s.reads))
    console.print(table)


if __name__ == "__main__":
    cli()
