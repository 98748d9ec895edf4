"""What `make run` prints once the services are up: every way in that README lists."""

from stack import __main__ as cli
from stack.environments import REPO
from stack.launcher import Stack
from stack.settings import StackSettings


def ready_text(tmp_path, **kw) -> str:
    settings = StackSettings(**{
        "customer_token_secret": "c" * 40, "redis_url": "redis://:pw@127.0.0.1:6390/0", "run_dir": tmp_path,
        "bot_dir": REPO / "bot", "action_server_url": None, "dev_mode": False,
        "ports": {"redis": 6390, "nlu": 6391, "actions": 6392, "rasa": 6393, "speech": 6394, "tts": 6395,
                  "voc": 6396}, **kw})
    with cli.console.capture() as captured:
        cli._print_ready(Stack(settings), "Alice (C1001)", "tok", 1.0)
    return " ".join(captured.get().split())


def test_the_voice_ways_in_are_printed(tmp_path):
    text = ready_text(tmp_path, audiosocket_port=9192)
    assert "http://127.0.0.1:6394/v1/transcribe" in text
    assert "http://127.0.0.1:6394/v1/voice-turn?conversation_id=" in text
    assert "ws://127.0.0.1:6394/v1/browser/stream" in text
    assert "AudioSocket(<call uuid>,127.0.0.1:9192)" in text
    assert "/v1/twilio/voice" in text


def test_no_audiosocket_line_when_it_is_off(tmp_path):
    assert "AudioSocket(" not in ready_text(tmp_path, audiosocket_port=0)
