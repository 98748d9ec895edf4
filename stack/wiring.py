"""What each service is told: its command line, the addresses of what it needs, its settings.

Every variable a row `reads` gets its value here and nowhere else; a service never sees
another service's variables (the nlu does not get the customer-token secret), even when
they are set in the launcher's own environment.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from stack.environments import REPO
from stack.services import SERVICES, Ports, ServiceSpec
from stack.settings import Secrets, StackSettings

# Variables the stack decides: inherited values of these are dropped, then set per service.
MANAGED = frozenset(v for s in SERVICES for v in s.reads) | frozenset(s.port_env for s in SERVICES)


class Placeholders(dict):
    """Template values; a callable is called when a template uses it (the dialogue model's
    fingerprint reads the project's files, which only rasa's command needs)."""

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        return value() if callable(value) else value


def render(template: Sequence[str], values: Mapping[str, Any], spec: ServiceSpec) -> list[str]:
    argv: list[str] = []
    for part in template:
        whole = part[1:-1] if part.startswith("{") and part.endswith("}") else None
        if whole is not None and whole in values and isinstance(values[whole], (list, tuple)):
            argv.extend(values[whole])
            continue
        try:
            argv.append(part.format_map(values))
        except KeyError as exc:
            raise KeyError(f"service {spec.name!r}: unknown placeholder {exc} in {part!r}") from None
    if argv:
        argv[0] = spec.environment.program(argv[0])
    return argv


def placeholders(spec: ServiceSpec, settings: StackSettings, secrets: Secrets, ports: Ports,
                 redis_password: str, model: Callable[[], Path]) -> Placeholders:
    return Placeholders(
        host=settings.bind_host, port=ports[spec.name], service_dir=settings.run_dir / spec.name,
        actions_package=settings.actions_package, model=model, redis_password=redis_password,
        # "=" form: a random token may start with "-", which argparse would read as an option
        api_args=["--enable-api", f"--auth-token={secrets.rasa_api_token}"] if secrets.rasa_api_token else [],
    )


def setting_values(settings: StackSettings, secrets: Secrets, ports: Ports, urls: Mapping[str, str]) -> dict[str, str]:
    """The value of every variable any row reads."""
    values = {
        "BOT_DIR": str(settings.bot_dir),
        "DEV_MODE": "true" if settings.dev_mode else "false",
        "IDENTITY_CLAIM_SECRET": secrets.identity_claim,
        "RASA_API_TOKEN": secrets.rasa_api_token,
        "VOICE_CHANNEL_TOKEN": secrets.voice_channel,
        "SPEECH_API_TOKEN": secrets.speech_api,
        "VOC_PSEUDONYM_SECRET": secrets.voc_pseudonym,
        "TRACKER_RETENTION_SECONDS": str(settings.tracker_retention_seconds),
        "MAX_MESSAGE_CHARS": str(settings.max_message_chars),
        "NLU_MODELS_DIR": str(settings.nlu_models_dir),
        "AUDIOSOCKET_PORT": str(settings.audiosocket_port),
    }
    if secrets.customer_token is not None:
        values["CUSTOMER_TOKEN_SECRET"] = secrets.customer_token
    for spec in SERVICES:
        values[spec.port_env] = str(ports[spec.name])
        if spec.host_env:
            values[spec.host_env] = settings.bind_host
        if spec.url_env:
            values[spec.url_env] = urls[spec.name]
    return values


def _runs_project_code(spec: ServiceSpec, settings: StackSettings) -> bool:
    return spec.project_on_path and settings.bot_dir != (REPO / "bot").resolve()


def python_path(spec: ServiceSpec, settings: StackSettings) -> str:
    """The repo for our packages; a foreign project's own code (its actions) ahead of it, so its
    `actions` package wins over ours."""
    paths = [str(REPO)]
    if _runs_project_code(spec, settings):
        paths.insert(0, str(settings.bot_dir))
    return os.pathsep.join(paths)


def working_dir(spec: ServiceSpec, settings: StackSettings) -> Path:
    """Rasa's CLI puts the working directory ahead of PYTHONPATH, so a foreign project's code
    runs from the project's folder, as `rasa run actions` does in any Rasa project."""
    return settings.bot_dir if _runs_project_code(spec, settings) else REPO


def service_env(spec: ServiceSpec, settings: StackSettings, values: Mapping[str, str],
                extra: Mapping[str, str] = {}, inherited: Mapping[str, str] | None = None) -> dict[str, str]:
    inherited = os.environ if inherited is None else inherited
    env = {k: v for k, v in inherited.items() if k not in MANAGED}
    env.update(spec.environment.process_env)
    env.update({name: values[name] for name in spec.reads if name in values})
    # a knob the stack does not decide (VOC_ALERT_RATIO) reaches the services that read it, and only them
    env.update({name: inherited[name] for name in spec.reads if name not in values and name in inherited})
    env["PYTHONPATH"] = python_path(spec, settings)
    env.update(extra)
    return env
