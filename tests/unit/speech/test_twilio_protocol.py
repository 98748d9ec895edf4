"""The Twilio adapter's pure parts: signatures, messages, media decoding, TwiML URLs."""

import base64

import numpy as np
import pytest

from speech.g711 import to_telephone
from speech.settings import SpeechSettings
from speech.transports.twilio import (ProtocolError, check_format, decode_media, parse_message, public_base,
                                      signed_url)
from speech.transports.twilio_signature import signature, valid_signature

# Twilio's documented example request (auth token 12345, this URL, these parameters); the signature
# is what the Twilio SDK's RequestValidator (twilio 8.2.2) computes for it
DOC_TOKEN = "12345"
DOC_URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
DOC_PARAMS = {"CallSid": "CA1234567890ABCDE", "Caller": "+12349013030", "Digits": "1234", "From": "+12349013030",
              "To": "+18005551212"}
DOC_SIGNATURE = "0/KCTR6DLpKmkAf8muzZqo1nDgQ="


def test_the_signature_of_twilios_documented_example():
    assert signature(DOC_TOKEN, DOC_URL, DOC_PARAMS) == DOC_SIGNATURE
    assert valid_signature(DOC_TOKEN, DOC_URL, DOC_PARAMS, DOC_SIGNATURE)


@pytest.mark.parametrize("token,url,params,given", [
    ("54321", DOC_URL, DOC_PARAMS, DOC_SIGNATURE),  # another account's token
    (DOC_TOKEN, DOC_URL.replace("foo=1", "foo=2"), DOC_PARAMS, DOC_SIGNATURE),  # the URL changed
    (DOC_TOKEN, DOC_URL, {**DOC_PARAMS, "Digits": "0000"}, DOC_SIGNATURE),  # a parameter changed
    (DOC_TOKEN, DOC_URL, DOC_PARAMS, None), (DOC_TOKEN, DOC_URL, DOC_PARAMS, ""),
])
def test_forged_or_missing_signatures_are_refused(token, url, params, given):
    assert not valid_signature(token, url, params, given)


def test_a_default_port_added_by_a_proxy_does_not_matter():
    sig = signature("t", "https://voice.example.com/v1/twilio/voice", {})
    assert valid_signature("t", "https://voice.example.com:443/v1/twilio/voice", {}, sig)


def test_behind_a_proxy_the_public_url_is_what_is_signed_and_linked():
    s = SpeechSettings(PUBLIC_URL="https://voice.example.com/", DEV_MODE=True)
    assert signed_url("http://10.0.0.5:5007/v1/twilio/voice?x=1", s) == "https://voice.example.com/v1/twilio/voice?x=1"
    assert public_base("http://10.0.0.5:5007/v1/twilio/voice", s) == "https://voice.example.com"
    plain = SpeechSettings(DEV_MODE=True)
    assert public_base("http://127.0.0.1:5007/v1/twilio/voice", plain) == "http://127.0.0.1:5007"


def test_twilios_sample_media_message_decodes_to_8_khz():
    tone = np.sin(np.arange(16000) / 16000 * 2 * np.pi * 440).astype(np.float32) * 0.5
    payload = base64.b64encode(to_telephone(tone[:320])).decode()  # 20 ms at 16 kHz -> 160 µ-law bytes
    message = parse_message('{"event": "media", "sequenceNumber": "3", "media": {"track": "inbound", '
                            f'"chunk": "1", "timestamp": "5", "payload": "{payload}"}}, "streamSid": "MZ1"}}')
    samples = decode_media(message["media"]["payload"])
    # the line's own rate: the call resamples its frames to 16 kHz as one stream (StreamResampler)
    assert samples.dtype == np.float32 and len(samples) == 160 and np.abs(samples).max() > 0.3


@pytest.mark.parametrize("text,words", [
    ("not json", "not JSON"), ("[1, 2]", "JSON object"), ('{"media": {}}', "'event'"),
])
def test_malformed_messages_say_what_is_wrong(text, words):
    with pytest.raises(ProtocolError, match=words):
        parse_message(text)


@pytest.mark.parametrize("payload", ["%%%not base64%%%", 12, None])
def test_bad_media_payloads_are_refused(payload):
    with pytest.raises(ProtocolError, match="base64"):
        decode_media(payload)


def test_only_mulaw_8_khz_mono_is_accepted():
    check_format({"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1})
    for bad in ({"encoding": "audio/x-l16", "sampleRate": 16000, "channels": 1}, None, "x"):
        with pytest.raises(ProtocolError, match="mediaFormat"):
            check_format(bad)
