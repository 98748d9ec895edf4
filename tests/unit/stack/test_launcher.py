"""What the Stack starts, with which command line and environment (nothing is started here)."""

import os

import pytest

from stack.environments import REPO
from stack.launcher import Stack
from stack.settings import ConfigError, StackSettings
from stack.wiring import MANAGED

STRONG = "c" * 40


@pytest.fixture
def settings(tmp_path):
    def make(**kw):
        base = {"customer_token_secret": STRONG, "redis_url": "redis://:pw@127.0.0.1:6390/0", "run_dir": tmp_path,
                "bot_dir": REPO / "bot", "action_server_url": None, "dev_mode": False,
                "ports": {"redis": 6390, "nlu": 6391, "actions": 6392, "rasa": 6393, "speech": 6394, "tts": 6395, "voc": 6396}}
        return StackSettings(**{**base, **kw})
    return make


def test_given_redis_is_used_not_started(settings):
    stack = Stack(settings())
    assert list(stack.services) == ["nlu", "voc", "tts", "actions", "rasa", "speech"]
    assert stack.services["rasa"].env["REDIS_URL"] == "redis://:pw@127.0.0.1:6390/0"
    assert stack.webhook == "http://127.0.0.1:6393/webhooks/rest/webhook"


def test_without_redis_url_the_stack_starts_a_redis_with_a_password(settings):
    stack = Stack(settings(redis_url=None))
    assert list(stack.services)[0] == "redis"
    argv = stack.services["redis"].argv
    password = argv[argv.index("--requirepass") + 1]
    assert len(password) >= 24 and stack.redis_url == f"redis://:{password}@127.0.0.1:6390/0"
    assert stack.services["actions"].env["REDIS_URL"] == stack.redis_url
    assert stack.services["redis"].health_url == "tcp://127.0.0.1:6390"


def test_rasa_serves_with_written_endpoints_and_a_token_guarded_api(settings, tmp_path):
    stack = Stack(settings())
    rasa = stack.services["rasa"]
    assert rasa.setup[1:] == ["-m", "bot.serving_config", "--out", str(tmp_path / "rasa")]
    assert rasa.setup[0].endswith(".venv-rasa/bin/python")
    argv = rasa.argv
    assert argv[argv.index("--endpoints") + 1] == str(tmp_path / "rasa" / "endpoints.yml")
    assert argv[argv.index("--credentials") + 1] == str(tmp_path / "rasa" / "credentials.yml")
    assert f"--auth-token={stack.api_token}" in argv and "--enable-api" in argv
    assert argv[argv.index("-i") + 1] == "127.0.0.1"
    assert rasa.env["RASA_API_TOKEN"] == stack.api_token
    assert rasa.env["NLU_URL"] == "http://127.0.0.1:6391"
    assert rasa.env["ACTION_ENDPOINT_URL"] == "http://127.0.0.1:6392/webhook"
    assert rasa.env["CUSTOMER_TOKEN_SECRET"] == STRONG
    assert rasa.env["IDENTITY_CLAIM_SECRET"] == stack.services["actions"].env["IDENTITY_CLAIM_SECRET"]
    assert rasa.log_path == tmp_path / "logs" / "rasa.log"


def test_each_service_sees_only_its_own_variables(settings, monkeypatch):
    monkeypatch.setenv("CUSTOMER_TOKEN_SECRET", "inherited-" + STRONG)
    monkeypatch.setenv("RASA_API_TOKEN", "inherited-token-" + STRONG)
    monkeypatch.setenv("SOMETHING_ELSE", "kept")
    stack = Stack(settings())
    nlu, actions, speech = (stack.services[name].env for name in ("nlu", "actions", "speech"))
    for env in (nlu, actions, speech):
        assert "CUSTOMER_TOKEN_SECRET" not in env and "RASA_API_TOKEN" not in env
        assert env["SOMETHING_ELSE"] == "kept" and env["PATH"] == os.environ["PATH"]
    assert "IDENTITY_CLAIM_SECRET" not in nlu and "REDIS_URL" not in nlu
    assert nlu["NLU_PORT"] == "6391" and nlu["NLU_HOST"] == "127.0.0.1"
    assert actions["SANIC_HOST"] == "127.0.0.1"  # rasa_sdk would listen on every interface
    assert speech["SPEECH_PORT"] == "6394" and speech["SPEECH_HOST"] == "127.0.0.1"
    assert "IDENTITY_CLAIM_SECRET" not in speech and "REDIS_URL" not in speech
    assert stack.services["speech"].argv[1:] == ["-m", "speech", "serve"]
    assert stack.services["speech"].health_url == "http://127.0.0.1:6394/health"
    # the speech service reaches Rasa's voice channel and the TTS, with the channel's token
    assert speech["RASA_URL"] == "http://127.0.0.1:6393" and speech["TTS_URL"] == "http://127.0.0.1:6395"
    assert speech["VOICE_CHANNEL_TOKEN"] == stack.services["rasa"].env["VOICE_CHANNEL_TOKEN"]
    assert len(speech["VOICE_CHANNEL_TOKEN"]) >= 32 and len(speech["SPEECH_API_TOKEN"]) >= 32
    assert "VOICE_CHANNEL_TOKEN" not in nlu and "SPEECH_API_TOKEN" not in stack.services["rasa"].env
    tts = stack.services["tts"]
    assert tts.argv[1:] == ["-m", "speech.tts.piper_server"] and tts.env["TTS_HOST"] == "127.0.0.1"
    assert {"CUSTOMER_TOKEN_SECRET", "RASA_API_TOKEN", "REDIS_URL"} <= MANAGED


def test_an_external_action_server_is_not_started(settings):
    stack = Stack(settings(action_server_url="http://actions.internal:5055/webhook"))
    assert "actions" not in stack.services
    assert stack.services["rasa"].env["ACTION_ENDPOINT_URL"] == "http://actions.internal:5055/webhook"


def test_a_foreign_project_brings_its_own_actions_package(settings, tmp_path):
    project = tmp_path / "shop"
    project.mkdir()
    for name in ("domain.yml", "config.yml"):
        (project / name).write_text("version: '3.1'\n")
    stack = Stack(settings(bot_dir=project, actions_package="shop_actions"))
    actions = stack.services["actions"]
    assert actions.argv[actions.argv.index("--actions") + 1] == "shop_actions"
    assert actions.env["PYTHONPATH"].split(os.pathsep) == [str(project), str(REPO)]  # its `actions` wins over ours
    assert actions.cwd == project  # rasa's CLI puts the working directory first on sys.path
    assert stack.services["rasa"].cwd == REPO
    assert stack.services["rasa"].env["PYTHONPATH"] == str(REPO)
    assert stack.services["nlu"].env["BOT_DIR"] == str(project)


def test_our_own_bot_keeps_the_repo_alone_on_the_path(settings):
    actions = Stack(settings()).services["actions"]
    assert actions.env["PYTHONPATH"] == str(REPO) and actions.cwd == REPO


def test_extra_env_reaches_every_service(settings):
    stack = Stack(settings(), extra_env={"NLU_EPOCHS": "2"})
    assert all(s.env["NLU_EPOCHS"] == "2" for s in stack.services.values())


def test_only_some_services(settings, tmp_path):
    stack = Stack(settings(customer_token_secret=None, bot_dir=tmp_path / "empty"), only=["nlu"])
    assert list(stack.services) == ["nlu"]  # no customer secret needed, no dialogue model looked up


def test_config_error_before_anything_starts(settings):
    with pytest.raises(ConfigError, match="CUSTOMER_TOKEN_SECRET"):
        Stack(settings(customer_token_secret=None))


def test_a_tuning_knob_reaches_the_services_that_read_it_and_no_other(settings, monkeypatch):
    monkeypatch.setenv("VOC_ALERT_RATIO", "3.5")
    monkeypatch.setenv("VOC_STREAM_RETENTION_SECONDS", "86400")
    services = Stack(settings()).services
    assert services["voc"].env["VOC_ALERT_RATIO"] == "3.5"
    assert services["voc"].env["VOC_STREAM_RETENTION_SECONDS"] == services["rasa"].env["VOC_STREAM_RETENTION_SECONDS"]
    assert "VOC_ALERT_RATIO" not in services["rasa"].env and "VOC_STREAM_RETENTION_SECONDS" not in services["nlu"].env
