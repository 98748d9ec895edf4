"""Any Rasa 3.x project served through the stack (BOT_DIR) gets our NLU, Redis stores and channel.

The project is built here, at test time, and its own endpoints.yml points its NLU and action
server at a port nobody listens on: the stack serves with the endpoints it writes, so the
project still talks to our NLU (trained on its data), its own custom action and our Redis.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import httpx
import pytest
import redis

from contracts import redis_keys
from stack.environments import REPO
from stack.launcher import Stack
from tests.integration.conftest import SECRET, Chat, stack_settings

NOWHERE = "http://127.0.0.1:9"
GREETING = "Ahoy from the clock shop!"
FAREWELL = "Fair winds from the clock shop."
ACTION_REPLY = "Tick-tock: the clock shop's own action says it is teatime."

EXAMPLES = {
    "greet": ["hello", "hi", "hey there", "good morning", "hello there", "hiya", "good evening", "hey",
              "hi there friend", "morning"],
    "ask_time": ["what time is it", "what's the time", "tell me the time", "do you know the time",
                 "what time is it now", "can you tell me the time please", "the time please", "time?",
                 "what is the current time", "have you got the time"],
    "goodbye": ["bye", "goodbye", "see you later", "bye bye", "see you", "farewell", "catch you later",
                "good night", "take care, bye", "so long"],
}


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))


def clock_shop(root: Path) -> Path:
    """A small Rasa 3.x project with its own actions package, as `rasa init` lays one out."""
    write(root / "domain.yml", f"""\
        version: "3.1"
        intents: [greet, ask_time, goodbye]
        actions: [action_tell_time]
        responses:
          utter_greet:
          - text: "{GREETING}"
          utter_goodbye:
          - text: "{FAREWELL}"
        """)
    write(root / "config.yml", """\
        recipe: default.v1
        language: en
        assistant_id: clock-shop
        pipeline: []
        policies:
        - name: RulePolicy
        """)
    write(root / "data" / "rules.yml", """\
        version: "3.1"
        rules:
        - rule: greet
          steps: [{intent: greet}, {action: utter_greet}]
        - rule: tell the time
          steps: [{intent: ask_time}, {action: action_tell_time}]
        - rule: goodbye
          steps: [{intent: goodbye}, {action: utter_goodbye}]
        """)
    nlu = {"version": "3.1", "nlu": [{"intent": i, "examples": "".join(f"- {e}\n" for e in ex)}
                                     for i, ex in EXAMPLES.items()]}
    (root / "data" / "nlu.yml").write_text(json.dumps(nlu))  # JSON is YAML
    # what the stack must ignore: the project's own wiring
    write(root / "endpoints.yml", f"nlu:\n  url: {NOWHERE}\naction_endpoint:\n  url: {NOWHERE}/webhook\n")
    write(root / "credentials.yml", "rest:\n")
    write(root / "actions" / "__init__.py", "")
    write(root / "actions" / "clock.py", f'''\
        from rasa_sdk import Action


        class ActionTellTime(Action):
            def name(self):
                return "action_tell_time"

            def run(self, dispatcher, tracker, domain):
                dispatcher.utter_message(text="{ACTION_REPLY}")
                return []
        ''')
    return root


@pytest.fixture(scope="module")
def shop(redis_server, tmp_path_factory):
    root = tmp_path_factory.mktemp("byo")
    models = root / "models"  # its own: our bot's models stay as they are
    settings = stack_settings(
        root / "run", redis_url=redis_server.url, customer_token_secret=SECRET, bot_dir=clock_shop(root / "clock-shop"),
        # `actions.clock` exists only in the project's `actions` package: found only if BOT_DIR comes first
        actions_package="actions.clock",
        nlu_models_dir=models / "nlu", dialogue_models_dir=models / "dialogue",
    )
    # a few epochs are plenty for three distinct intents; recognition is what is tested, not calibration
    stack = Stack(settings, extra_env={"NLU_EPOCHS": "8", "NLU_HOLDOUT_FRACTION": "0", "NLU_FALLBACK_THRESHOLD": "0"})
    stack.prepare()
    try:
        stack.start()
        yield stack
    finally:
        stack.stop()


def test_models_were_trained_into_the_projects_own_folders(shop):
    models = shop.settings.nlu_models_dir.parent
    assert (models / "nlu" / "CURRENT").exists()
    assert shop.services["nlu"].env["NLU_MODELS_DIR"] == str(models / "nlu")
    rasa = shop.services["rasa"].argv
    served = Path(rasa[rasa.index("-m") + 1])
    assert served.exists() and served.parent == models / "dialogue"
    assert not (REPO / "models" / "dialogue" / served.name).exists()


def test_our_nlu_recognises_the_projects_intents(shop):
    for intent, text in (("greet", "hello there"), ("ask_time", "what time is it"), ("goodbye", "bye bye")):
        parsed = httpx.post(f"http://127.0.0.1:{shop.ports.nlu}/model/parse", json={"text": text}).json()
        assert parsed["intent"]["name"] == intent, (text, parsed["intent_ranking"][:3])


def test_greeting_custom_action_and_goodbye_through_our_channel(shop, redis_server):
    chat = Chat(shop)
    s = chat.new_sender()
    assert chat.say(s, "hello") == GREETING
    assert chat.say(s, "what's the time") == ACTION_REPLY
    assert chat.say(s, "goodbye") == FAREWELL
    client = redis.Redis.from_url(redis_server.url)
    assert client.exists(redis_keys.rasa_tracker(s))  # our Redis tracker store, not an in-memory one
    client.close()


def test_the_channel_is_ours_not_the_projects(shop):
    r = Chat(shop).post_raw(json.dumps({"sender": "x", "message": ""}).encode())
    assert r.status_code == 400 and "empty" in r.json()["error"]  # Rasa's plain `rest:` has no such check


def test_the_action_server_runs_the_projects_actions_only(shop):
    registered = httpx.get(f"http://127.0.0.1:{shop.ports.actions}/actions").json()
    assert [a["name"] for a in registered] == ["action_tell_time"]
