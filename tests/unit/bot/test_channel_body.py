import json
import time

import jwt
import pytest

from bot.channels import BadRequest, identify, parse_body
from bot.settings import BotSettings
from contracts.identity import issue_customer_token, verify_identity_claim

SETTINGS = BotSettings(customer_token_secret="w" * 40, identity_claim_secret="i" * 40)


def test_good_body():
    body = parse_body(json.dumps({"sender": "a", "message": "hi", "metadata": {"customer_token": "t"}}).encode(), 2000)
    assert body == {"sender": "a", "message": "hi", "metadata": {"customer_token": "t"}}


@pytest.mark.parametrize("raw,status,words", [
    (b"\xff\xfe not utf8", 400, "UTF-8"),
    (b'{"sender": "a", "message": ', 400, "not valid JSON"),
    (b"[1, 2]", 400, "JSON object"),
    (b'{"message": "hi"}', 400, "sender"),
    (b'{"sender": "a", "message": "   "}', 400, "empty"),
    (b'{"sender": "a", "message": 5}', 400, "string"),
    (b'{"sender": "a", "message": "hi", "metadata": "x"}', 400, "metadata"),
    (json.dumps({"sender": "a", "message": "x" * 2001}).encode(), 413, "the limit is 2000"),
])
def test_bad_bodies_say_what_is_wrong(raw, status, words):
    with pytest.raises(BadRequest) as err:
        parse_body(raw, max_chars=2000)
    assert err.value.status == status and words in str(err.value)


def test_message_at_the_limit_passes():
    assert parse_body(json.dumps({"sender": "a", "message": "x" * 2000}).encode(), 2000)["message"] == "x" * 2000


def test_token_becomes_a_claim_bound_to_the_sender_and_is_not_kept():
    token = issue_customer_token("C1001", SETTINGS.customer_token_secret)
    kept = identify("web-1", {"customer_token": token, "page": "/orders"}, SETTINGS)
    assert token not in json.dumps(kept) and "customer_token" not in kept and kept["page"] == "/orders"
    assert verify_identity_claim(kept["identity"], "web-1", SETTINGS.identity_claim_secret) == "C1001"
    assert verify_identity_claim(kept["identity"], "web-2", SETTINGS.identity_claim_secret) is None


def test_client_written_claims_and_bad_tokens_leave_no_identity():
    forged_claim = jwt.encode({"sub": "C1001", "sid": "web-1", "exp": int(time.time()) + 60}, "guess" * 8, algorithm="HS256")
    assert identify("web-1", {"identity": forged_claim}, SETTINGS) == {}
    forged_token = issue_customer_token("C1001", "not-the-shop-secret-" * 2)
    assert identify("web-1", {"customer_token": forged_token, "identity": forged_claim}, SETTINGS) == {}
    assert identify("web-1", None, SETTINGS) == {}
