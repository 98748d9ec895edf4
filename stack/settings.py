"""The stack's one settings object: everything `make run`, the tests and the benches configure.

Read from the environment (names are the upper-cased field names); tests pass values as
keyword arguments, which win over the environment.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from contracts.identity import InsecureSecretError, require_secret
from contracts.limits import DEFAULT_MAX_MESSAGE_CHARS
from contracts.ports import DEFAULT_AUDIOSOCKET_PORT
from contracts.redis_keys import DEFAULT_TRACKER_RETENTION_SECONDS
from stack.environments import REPO
from stack.services import SERVICES


class ConfigError(ValueError):
    """A setting is missing or unsafe; the message says which variable and how to set it."""


class _ServicePorts(PydanticBaseSettingsSource):
    """`<SERVICE>_PORT` for every row of the table (RASA_PORT, NLU_PORT, ...)."""

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        found = {s.name: os.environ[s.port_env] for s in SERVICES if os.environ.get(s.port_env)}
        return {"ports": found} if found else {}


class StackSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", env_ignore_empty=True)

    redis_url: str | None = Field(None, description="a Redis to use; unset: the launcher finds or starts one")
    bot_dir: Path = Field(REPO / "bot", description="the Rasa project served (domain, data, config)")
    dev_mode: bool = Field(False, description="local demo: dev-only secrets stand in for missing ones")
    customer_token_secret: SecretStr | None = Field(
        None, description="HS256 secret shared with the website that signs customer tokens (required outside dev mode)")
    identity_claim_secret: SecretStr | None = Field(
        None, description="signs the channel's identity claims for actions; random per run when unset")
    rasa_api_token: SecretStr | None = Field(
        None, description="guards Rasa's HTTP API (tracker read/write); random per run when unset")
    voice_channel_token: SecretStr | None = Field(
        None, description="the speech service's bearer token for Rasa's voice channel; random per run when unset")
    speech_api_token: SecretStr | None = Field(
        None, description="reads the speech service's call records (GET /v1/calls/{id}); random per run when unset")
    voc_pseudonym_secret: SecretStr | None = Field(
        None, description="keys the VoC pseudonyms; dev mode: a fixed dev-only value; else random per run when unset")
    demo_conversations: bool = Field(
        True, description="dev mode: replay the scripted demo conversations (tools/demo_conversations.yml) once, "
                          "so the VoC console has data; the console says so")
    actions_package: str = Field("actions", description="the action server's package or module (in BOT_DIR or the repo)")
    action_server_url: str | None = Field(
        None, description="an action server run elsewhere (its /webhook URL): the stack then starts none")
    tracker_retention_seconds: int = Field(
        DEFAULT_TRACKER_RETENTION_SECONDS, gt=0, description="expiry of Rasa's Redis tracker records: where raw conversation text lives")
    max_message_chars: int = Field(DEFAULT_MAX_MESSAGE_CHARS, gt=0)
    ports: dict[str, int] = Field(default_factory=dict, description="per service; env <SERVICE>_PORT")
    audiosocket_port: int = Field(DEFAULT_AUDIOSOCKET_PORT, ge=0,
                                  description="the speech service's Asterisk AudioSocket listener (TCP); 0: none")
    bind_host: str = Field("127.0.0.1", description="the address every service binds to and is reached at")
    run_dir: Path = Field(REPO / ".run", description="logs and generated config; tests pass a temporary one")
    nlu_models_dir: Path = Field(REPO / "models" / "nlu")
    dialogue_models_dir: Path = Field(REPO / "models" / "dialogue")

    @classmethod
    def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings,
                                   file_secret_settings):
        return init_settings, env_settings, _ServicePorts(settings_cls), dotenv_settings, file_secret_settings

    @field_validator("ports")
    @classmethod
    def _every_service_has_a_port(cls, ports: dict[str, int]) -> dict[str, int]:
        unknown = set(ports) - {s.name for s in SERVICES}
        if unknown:
            raise ValueError(f"ports for unknown services: {sorted(unknown)}")
        return {s.name: ports.get(s.name, s.default_port) for s in SERVICES}

    @field_validator("bot_dir", "run_dir", "nlu_models_dir", "dialogue_models_dir")
    @classmethod
    def _absolute(cls, path: Path) -> Path:
        return path.expanduser().resolve()  # children run elsewhere (cwd = the repo)


@dataclass(frozen=True)
class Secrets:
    customer_token: str | None
    identity_claim: str
    rasa_api_token: str
    voice_channel: str = ""
    speech_api: str = ""
    voc_pseudonym: str = ""
    customer_token_dev_only: bool = False  # dev mode stood in for a missing or weak one


def _checked(name: str, secret: SecretStr | None, dev_mode: bool) -> str | None:
    value = secret.get_secret_value() if secret is not None else None
    if value is None:
        return None
    try:
        return require_secret(name, value, dev_mode)
    except InsecureSecretError as exc:
        raise ConfigError(str(exc)) from None


def resolve_secrets(settings: StackSettings, customer_token_needed: bool = True) -> Secrets:
    """The run's secrets: given ones checked, internal ones made up when unset (the stack starts
    every process that uses them, so nobody else needs to know them)."""
    given = settings.customer_token_secret.get_secret_value() if settings.customer_token_secret else ""
    customer = None
    if customer_token_needed or given:
        try:
            customer = require_secret("CUSTOMER_TOKEN_SECRET", given, settings.dev_mode)
        except InsecureSecretError as exc:
            raise ConfigError(f"{exc}. It is the secret the website signs customer tokens with; "
                              "`make run` sets DEV_MODE=true for a local demo.") from None
    return Secrets(
        customer_token=customer,
        identity_claim=_checked("IDENTITY_CLAIM_SECRET", settings.identity_claim_secret, settings.dev_mode)
        or secrets.token_urlsafe(32),
        rasa_api_token=_checked("RASA_API_TOKEN", settings.rasa_api_token, settings.dev_mode)
        or secrets.token_urlsafe(32),
        voice_channel=_checked("VOICE_CHANNEL_TOKEN", settings.voice_channel_token, settings.dev_mode)
        or secrets.token_urlsafe(32),
        speech_api=_checked("SPEECH_API_TOKEN", settings.speech_api_token, settings.dev_mode)
        or secrets.token_urlsafe(32),
        # pseudonyms must stay the same between runs for counts of unique customers to hold
        voc_pseudonym=_checked("VOC_PSEUDONYM_SECRET", settings.voc_pseudonym_secret, settings.dev_mode)
        or (require_secret("VOC_PSEUDONYM_SECRET", "", True) if settings.dev_mode else secrets.token_urlsafe(32)),
        customer_token_dev_only=customer is not None and customer != given,
    )
