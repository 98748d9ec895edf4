"""StackSettings: ports per service from the environment, secrets checked or made up."""

from pathlib import Path

import pytest

from stack.services import SERVICES
from stack.settings import ConfigError, StackSettings, resolve_secrets

STRONG = "s" * 40


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for name in ("REDIS_URL", "BOT_DIR", "DEV_MODE", "CUSTOMER_TOKEN_SECRET", "IDENTITY_CLAIM_SECRET",
                 "RASA_API_TOKEN", "ACTION_SERVER_URL", "ACTIONS_PACKAGE", "RASA_PORT", "NLU_PORT",
                 "ACTIONS_PORT", "REDIS_PORT", "SPEECH_PORT", "RUN_DIR"):
        monkeypatch.delenv(name, raising=False)


def test_ports_default_to_the_table_and_read_service_port_variables(monkeypatch):
    assert StackSettings().ports == {"redis": 6379, "nlu": 5006, "speech": 5007, "voc": 5008, "tts": 5009, "actions": 5055, "rasa": 5005}
    monkeypatch.setenv("RASA_PORT", "7005")
    monkeypatch.setenv("NLU_PORT", "7006")
    assert StackSettings().ports == {"redis": 6379, "nlu": 7006, "speech": 5007, "voc": 5008, "tts": 5009, "actions": 5055, "rasa": 7005}
    assert StackSettings(ports={"nlu": 8006}).ports["nlu"] == 8006  # keyword arguments win
    assert StackSettings(ports={"nlu": 8006}).ports["rasa"] == 7005  # and merge with the environment


def test_unknown_service_port_is_refused():
    with pytest.raises(ValueError, match="unknown services"):
        StackSettings(ports={"nope": 1})


def test_paths_become_absolute(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BOT_DIR", "my-bot")
    assert StackSettings().bot_dir == tmp_path / "my-bot"


def test_empty_variables_count_as_unset(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "")
    monkeypatch.setenv("ACTION_SERVER_URL", "")
    s = StackSettings()
    assert s.redis_url is None and s.action_server_url is None


@pytest.mark.parametrize("value, says", [(None, "is not set"), ("short", "only 5 characters"),
                                         ("dev-only-secret-change-me-in-production-0000", "published default")])
def test_a_missing_or_weak_customer_secret_stops_the_stack_outside_dev_mode(value, says):
    with pytest.raises(ConfigError) as err:
        resolve_secrets(StackSettings(customer_token_secret=value))
    assert "CUSTOMER_TOKEN_SECRET" in str(err.value) and says in str(err.value) and "DEV_MODE" in str(err.value)


def test_dev_mode_stands_in_a_dev_only_customer_secret():
    s = resolve_secrets(StackSettings(dev_mode=True))
    assert s.customer_token_dev_only and "dev-only" in s.customer_token


def test_a_good_customer_secret_is_used_as_given():
    s = resolve_secrets(StackSettings(customer_token_secret=STRONG))
    assert s.customer_token == STRONG and not s.customer_token_dev_only


def test_internal_secrets_are_random_per_run_unless_given():
    a, b = (resolve_secrets(StackSettings(customer_token_secret=STRONG)) for _ in range(2))
    assert len(a.identity_claim) >= 32 and len(a.rasa_api_token) >= 32
    assert a.identity_claim != b.identity_claim and a.rasa_api_token != b.rasa_api_token
    given = resolve_secrets(StackSettings(customer_token_secret=STRONG, rasa_api_token="t" * 32))
    assert given.rasa_api_token == "t" * 32
    with pytest.raises(ConfigError, match="RASA_API_TOKEN"):
        resolve_secrets(StackSettings(customer_token_secret=STRONG, rasa_api_token="guessable"))


def test_the_customer_secret_is_needed_only_by_services_that_read_it():
    assert resolve_secrets(StackSettings(), customer_token_needed=False).customer_token is None


def test_secrets_do_not_show_in_the_settings_repr():
    assert STRONG not in repr(StackSettings(customer_token_secret=STRONG))


def test_default_run_folder_is_the_repos_dot_run():
    assert StackSettings().run_dir == Path(__file__).resolve().parents[3] / ".run"


def test_every_external_instance_setting_of_the_table_is_a_setting():
    for spec in SERVICES:
        if spec.external_env:
            assert spec.external_env.lower() in StackSettings.model_fields, spec.name
