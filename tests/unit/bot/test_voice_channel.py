import json

import pytest

from bot.channels import BadRequest, parse_body
from bot.settings import BotSettings
from bot.voice_channel import VoiceInput, VoiceOutput, asks_to_end_call, authorised
from contracts.identity import InsecureSecretError

TOKEN = "v" * 40


def test_the_output_channel_is_named_voice_so_rasa_picks_voice_variations():
    assert VoiceOutput.name() == "voice" and VoiceInput.name() == "voice"


@pytest.mark.parametrize("header,ok", [
    (f"Bearer {TOKEN}", True), (f"bearer {TOKEN}", True), (None, False), ("", False),
    (f"Bearer {TOKEN[:-1]}", False), (f"Basic {TOKEN}", False), (TOKEN, False),
])
def test_only_the_speech_service_token_opens_the_voice_channel(header, ok):
    assert authorised(header, TOKEN) is ok


def test_a_reply_asking_to_end_the_call_is_seen():
    assert asks_to_end_call([{"recipient_id": "c", "text": "bye", "custom": {"end_call": True}}])
    assert not asks_to_end_call([{"recipient_id": "c", "text": "hi"}, {"custom": {"end_call": "yes"}}])


def test_call_events_are_refused_from_customers_and_accepted_from_the_voice_channel():
    body = json.dumps({"sender": "a", "message": "/no_input"}).encode()
    with pytest.raises(BadRequest, match="only the voice channel"):
        parse_body(body, 2000)
    assert parse_body(body, 2000, signals_allowed=True)["message"] == "/no_input"
    # other slash-texts are words like any other
    assert parse_body(json.dumps({"sender": "a", "message": "/help"}).encode(), 2000)["message"] == "/help"


def test_the_voice_channel_needs_a_real_token_outside_dev_mode():
    strong = dict(customer_token_secret="w" * 40, identity_claim_secret="i" * 40)
    with pytest.raises(InsecureSecretError, match="VOICE_CHANNEL_TOKEN"):
        VoiceInput(BotSettings(**strong, voice_channel_token="short"))
    assert VoiceInput(BotSettings(**strong, voice_channel_token=TOKEN)).settings.voice_channel_token == TOKEN
    assert VoiceInput(BotSettings(**strong, dev_mode=True)).settings.voice_channel_token.startswith("dev-only")


def test_the_recogniser_is_told_to_expect_digits_while_the_caller_is_verified():
    from actions.verification import VERIFYING_SLOT
    from bot.voice_channel import expected_vocabulary

    assert expected_vocabulary({VERIFYING_SLOT: True}) == "digits"
    assert expected_vocabulary({VERIFYING_SLOT: False}) is None and expected_vocabulary({}) is None
