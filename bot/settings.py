"""The Rasa process's one settings object (channel, serving config), read from the environment.

pydantic 1.x: what Rasa 3.6 pins. The model side (3.11) uses pydantic-settings 2.
"""

from __future__ import annotations

from contracts.identity import DEFAULT_CLAIM_TTL_SECONDS, require_secret
from contracts.limits import DEFAULT_MAX_MESSAGE_CHARS
from contracts.ports import DEFAULT_PORTS
from contracts.redis_keys import DEFAULT_TRACKER_RETENTION_SECONDS, DEFAULT_VOC_STREAM_RETENTION_SECONDS
from pydantic import BaseSettings, Field


class BotSettings(BaseSettings):
    redis_url: str = Field(f"redis://127.0.0.1:{DEFAULT_PORTS['redis']}/0", env="REDIS_URL")
    nlu_url: str = Field(f"http://127.0.0.1:{DEFAULT_PORTS['nlu']}", env="NLU_URL")
    action_endpoint_url: str = Field(f"http://127.0.0.1:{DEFAULT_PORTS['actions']}/webhook",
                                     env="ACTION_ENDPOINT_URL")
    tracker_retention_seconds: int = Field(
        DEFAULT_TRACKER_RETENTION_SECONDS, gt=0, env="TRACKER_RETENTION_SECONDS",
        description="a conversation's tracker (the only place its raw text lives) expires this long after its last message")
    voc_stream_retention_seconds: int = Field(
        DEFAULT_VOC_STREAM_RETENTION_SECONDS, gt=0, env="VOC_STREAM_RETENTION_SECONDS",
        description="the event stream keeps entries this long (trimmed by age, never by length)")
    voc_broker_max_queue: int = Field(
        100_000, gt=0, env="VOC_BROKER_MAX_QUEUE",
        description="events held in memory while Redis is unreachable; past it the oldest are dropped and counted")
    max_message_chars: int = Field(DEFAULT_MAX_MESSAGE_CHARS, gt=0, env="MAX_MESSAGE_CHARS")
    customer_token_secret: str = Field("", env="CUSTOMER_TOKEN_SECRET",
                                       description="HS256 secret shared with the website that issues customer tokens")
    identity_claim_secret: str = Field("", env="IDENTITY_CLAIM_SECRET",
                                       description="internal: signs the identity claims actions accept")
    voice_channel_token: str = Field("", env="VOICE_CHANNEL_TOKEN",
                                     description="internal: the speech service's bearer token for the voice channel")
    identity_claim_ttl_seconds: int = Field(DEFAULT_CLAIM_TTL_SECONDS, gt=0, env="IDENTITY_CLAIM_TTL_SECONDS")
    dev_mode: bool = Field(False, env="DEV_MODE", description="allow dev-only secrets (make run)")

    def checked_secrets(self) -> "BotSettings":
        """These settings with usable secrets, or InsecureSecretError saying which one and why."""
        return self.copy(update={
            "customer_token_secret": require_secret("CUSTOMER_TOKEN_SECRET", self.customer_token_secret, self.dev_mode),
            "identity_claim_secret": require_secret("IDENTITY_CLAIM_SECRET", self.identity_claim_secret, self.dev_mode),
        })

    def checked_voice_token(self) -> "BotSettings":
        """These settings with a usable VOICE_CHANNEL_TOKEN (only the voice channel needs one)."""
        return self.copy(update={
            "voice_channel_token": require_secret("VOICE_CHANNEL_TOKEN", self.voice_channel_token, self.dev_mode)})
