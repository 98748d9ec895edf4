import os
import stat

import pytest
import yaml

from bot import serving_config
from bot.settings import BotSettings
from contracts.identity import InsecureSecretError


def test_endpoints_split_the_one_redis_url(tmp_path):
    settings = BotSettings(redis_url="redis://:p%40ss@cache.internal:6380/3", nlu_url="http://nlu:5006",
                           action_endpoint_url="http://actions:5055/webhook", tracker_retention_seconds=3600)
    endpoints_path, credentials_path = serving_config.write(tmp_path / "run", settings)
    endpoints = yaml.safe_load(endpoints_path.read_text())
    assert endpoints["nlu"] == {"url": "http://nlu:5006"}
    assert endpoints["action_endpoint"] == {"url": "http://actions:5055/webhook"}
    store = {"type": "redis", "url": "cache.internal", "port": 6380, "db": 3, "key_prefix": "rasa", "password": "p@ss"}
    assert endpoints["tracker_store"] == {**store, "record_exp": 3600}
    assert endpoints["lock_store"] == store
    assert endpoints["event_broker"] == {"type": "bot.event_broker.RedisStreamBroker"}
    assert yaml.safe_load(credentials_path.read_text()) == {"bot.channels.CustomerRestInput": None,
                                                           "bot.voice_channel.VoiceInput": None}
    assert stat.S_IMODE(os.stat(endpoints_path).st_mode) == 0o600  # it holds the Redis password


def test_tls_and_bad_urls():
    assert serving_config.redis_store("rediss://h:1/0")["use_ssl"] is True
    with pytest.raises(ValueError, match="REDIS_URL"):
        serving_config.redis_store("http://h:1/0")


def test_channel_settings_refuse_weak_secrets_unless_dev_mode():
    with pytest.raises(InsecureSecretError, match="CUSTOMER_TOKEN_SECRET"):
        BotSettings(customer_token_secret="", identity_claim_secret="i" * 40).checked_secrets()
    with pytest.raises(InsecureSecretError, match="IDENTITY_CLAIM_SECRET"):
        BotSettings(customer_token_secret="w" * 40, identity_claim_secret="short").checked_secrets()
    dev = BotSettings(customer_token_secret="", identity_claim_secret="", dev_mode=True).checked_secrets()
    assert dev.customer_token_secret.startswith("dev-only")
