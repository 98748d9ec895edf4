"""The actions server's one settings object, read from the environment."""

from __future__ import annotations

from typing import FrozenSet

from pydantic import BaseSettings, Field  # pydantic 1.x: what rasa 3.6 pins

from contracts.identity import require_secret
from contracts.ports import DEFAULT_PORTS


class ActionSettings(BaseSettings):
    redis_url: str = Field(f"redis://127.0.0.1:{DEFAULT_PORTS['redis']}/0", env="REDIS_URL")
    identity_claim_secret: str = Field(
        "", env="IDENTITY_CLAIM_SECRET",
        description="internal secret the channel signs identity claims with; actions trust nothing else")
    dev_mode: bool = Field(False, env="DEV_MODE", description="allow dev-only secrets (make run)")
    top_tiers: FrozenSet[str] = Field(frozenset({"gold", "platinum"}), env="TOP_TIERS")
    person_after_every_complaint: bool = Field(
        True, env="PERSON_AFTER_EVERY_COMPLAINT",
        description="offer a person after every complaint; false: only after a complaint from a TOP_TIERS customer")
    negative_messages_before_human: int = Field(2, env="NEGATIVE_MESSAGES_BEFORE_HUMAN")
    handoff_wait_minutes_per_person: int = Field(3, env="HANDOFF_WAIT_MINUTES_PER_PERSON")
    no_input_reprompts: int = Field(
        2, ge=0, env="NO_INPUT_REPROMPTS",
        description="a silent caller is asked this many times whether they are there; the next silence ends the call")
    verified_caller_ttl_seconds: int = Field(
        3600, gt=0, env="VERIFIED_CALLER_TTL_SECONDS",
        description="how long a caller's check of who they are (order + phone digits) holds within the call")
    handoff_timeout_seconds: int = Field(
        1800, gt=0, env="HANDOFF_TIMEOUT_SECONDS",
        description="a conversation waiting this long for a person is taken back by the assistant")

    class Config:
        @classmethod
        def parse_env_var(cls, field_name, raw_value):
            if field_name == "top_tiers":
                return frozenset(t.strip().lower() for t in raw_value.split(",") if t.strip())
            return cls.json_loads(raw_value)

    def checked_secrets(self) -> "ActionSettings":
        """These settings with a usable claim secret, or InsecureSecretError saying why not."""
        return self.copy(update={
            "identity_claim_secret": require_secret("IDENTITY_CLAIM_SECRET", self.identity_claim_secret, self.dev_mode)})
