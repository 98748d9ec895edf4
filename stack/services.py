"""The service table: one row per service, the only place the stack learns what to run.

`make run`, the integration fixtures, the benches and the docker-compose check all read
these rows; adding a service means adding its package, its default port in
`contracts.ports` and one row here (plus its docker-compose entry, which a test checks).

Command templates are argv lists whose first element is a program of the row's
environment. Placeholders: {host} {port} {service_dir} (the service's folder in the run
folder) {actions_package} {model} (the dialogue model) {redis_password}; an element that
is exactly "{api_args}" expands to Rasa's HTTP-API flags (empty when the API is off).
"""

from __future__ import annotations

import socket
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Mapping

from contracts.ports import DEFAULT_PORTS
from stack.environments import MAIN, RASA, SYSTEM, Environment


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    environment: Environment
    command: tuple[str, ...]
    health: str | None  # HTTP path that answers 200 once ready; None: the port accepts connections
    published: bool  # reached from outside (channels, analysts' console): the only kind with host ports in compose
    needs: tuple[str, ...] = ()  # services it talks to: started before it, their URLs in its environment
    # the variables it is configured by; docker-compose sets exactly these. The stack sets those it
    # decides (ports, secrets, addresses); the others (tuning knobs) reach it from the launcher's environment
    reads: tuple[str, ...] = ()
    url: str = "http://{host}:{port}"  # how the services that need it reach it
    url_env: str | None = None  # the variable that carries `url` to those services
    external_env: str | None = None  # a setting naming an instance run elsewhere: then the stack does not start one
    host_env: str | None = None  # the variable it reads its bind address from, where it has one
    setup: tuple[str, ...] = ()  # run to completion before every start, in the same environment
    project_on_path: bool = False  # imports code from BOT_DIR (a project's own actions package)
    startup_seconds: float = 180

    @property
    def default_port(self) -> int:
        return DEFAULT_PORTS[self.name]

    @property
    def port_env(self) -> str:
        return f"{self.name.upper()}_PORT"


SERVICES: tuple[ServiceSpec, ...] = (
    ServiceSpec(
        "redis", SYSTEM,
        # nothing on disk: a launcher-started Redis is a throwaway; production brings REDIS_URL
        ("redis-server", "--port", "{port}", "--bind", "{host}", "--requirepass", "{redis_password}",
         "--save", "", "--appendonly", "no", "--dir", "{service_dir}"),
        health=None, published=False,
        url="redis://:{redis_password}@{host}:{port}/0", url_env="REDIS_URL", external_env="REDIS_URL",
        startup_seconds=10,
    ),
    ServiceSpec(
        "nlu", MAIN, ("python", "-m", "nlu", "serve"),
        health="/health", published=False,
        reads=("BOT_DIR", "NLU_HOST", "NLU_PORT", "NLU_MODELS_DIR", "MAX_MESSAGE_CHARS"),
        url_env="NLU_URL", host_env="NLU_HOST",
    ),
    ServiceSpec(
        # the VoC stream worker and the analysts' API and console: reads what Rasa's event broker
        # writes. Published: analysts reach the console (every /v1 endpoint needs a token)
        "voc", MAIN, ("python", "-m", "voc", "serve"),
        health="/health", published=True, needs=("redis",),
        reads=("REDIS_URL", "VOC_HOST", "VOC_PORT", "VOC_PSEUDONYM_SECRET", "DEV_MODE",
               "VOC_RETENTION_SECONDS", "VOC_STREAM_RETENTION_SECONDS", "VOC_TRANSCRIPT_RETENTION_SECONDS",
               "VOC_CONVERSATION_IDLE_SECONDS", "VOC_ALERT_EVERY_SECONDS", "VOC_ALERT_BASELINE_DAYS",
               "VOC_ALERT_RATIO", "VOC_ALERT_MIN_COUNT", "VOC_ALERT_WEBHOOK_URL"),
        url_env="VOC_URL", host_env="VOC_HOST",
    ),
    ServiceSpec(
        # piper-tts's own server (GPL-3.0): its own process, never published (its /info shows the
        # last text spoken); ready once it listens (it loads the voice before binding)
        "tts", MAIN, ("python", "-m", "speech.tts.piper_server"),
        health=None, published=False,
        reads=("TTS_HOST", "TTS_PORT"),
        url_env="TTS_URL", host_env="TTS_HOST", startup_seconds=60,
    ),
    ServiceSpec(
        "actions", RASA, ("rasa", "run", "actions", "--actions", "{actions_package}", "--port", "{port}"),
        health="/health", published=False, needs=("redis",),
        reads=("REDIS_URL", "IDENTITY_CLAIM_SECRET", "DEV_MODE", "SANIC_HOST"),
        url="http://{host}:{port}/webhook", url_env="ACTION_ENDPOINT_URL", external_env="ACTION_SERVER_URL",
        host_env="SANIC_HOST",  # rasa_sdk binds 0.0.0.0 unless told otherwise
        project_on_path=True,
    ),
    ServiceSpec(
        "rasa", RASA,
        ("rasa", "run", "-i", "{host}", "--port", "{port}", "-m", "{model}",
         "--endpoints", "{service_dir}/endpoints.yml", "--credentials", "{service_dir}/credentials.yml",
         "{api_args}"),
        # the served endpoints and channel are ours, whatever BOT_DIR's own files say
        setup=("python", "-m", "bot.serving_config", "--out", "{service_dir}"),
        health="/", published=True, needs=("redis", "nlu", "actions"),
        reads=("REDIS_URL", "NLU_URL", "ACTION_ENDPOINT_URL", "TRACKER_RETENTION_SECONDS",
               "CUSTOMER_TOKEN_SECRET", "IDENTITY_CLAIM_SECRET", "RASA_API_TOKEN", "VOICE_CHANNEL_TOKEN",
               "DEV_MODE", "MAX_MESSAGE_CHARS", "VOC_BROKER_MAX_QUEUE", "VOC_STREAM_RETENTION_SECONDS"),
        url_env="RASA_URL",
    ),
    ServiceSpec(
        # callers: the Twilio Media Streams transport is what telephony reaches, so it is published
        "speech", MAIN, ("python", "-m", "speech", "serve"),
        health="/health", published=True, needs=("rasa", "tts"),
        # its ASR_*, VAD_*, MAX_AUDIO_*, turn-taking and TWILIO_* knobs come from the environment
        reads=("SPEECH_HOST", "SPEECH_PORT", "AUDIOSOCKET_PORT", "RASA_URL", "TTS_URL", "VOICE_CHANNEL_TOKEN",
               "SPEECH_API_TOKEN", "DEV_MODE"),
        url_env="SPEECH_URL", host_env="SPEECH_HOST",
    ),
)

BY_NAME: Mapping[str, ServiceSpec] = {s.name: s for s in SERVICES}


class Ports(dict[str, int]):
    """Port per service name, also as attributes: `ports.nlu`."""

    def __getattr__(self, name: str) -> int:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"no port for service {name!r} (known: {', '.join(self)})") from None


def free_ports(names: tuple[str, ...] = tuple(BY_NAME)) -> Ports:
    """Distinct free ports: every socket stays bound until all are picked."""
    with ExitStack() as held:
        socks = {}
        for name in names:
            s = held.enter_context(socket.socket())
            s.bind(("127.0.0.1", 0))
            socks[name] = s.getsockname()[1]
        return Ports(socks)
