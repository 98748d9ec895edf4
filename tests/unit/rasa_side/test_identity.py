import time

import jwt

from actions.identity import issue_customer_token, token_from_events, verify_customer_token

SECRET = "s" * 40


def test_valid_token_names_the_customer():
    assert verify_customer_token(issue_customer_token("C1", SECRET), SECRET) == "C1"


def test_forged_expired_unsigned_and_junk_tokens_are_anonymous():
    forged = issue_customer_token("C1", "another-secret-" * 3)
    expired = jwt.encode({"sub": "C1", "exp": int(time.time()) - 10}, SECRET, algorithm="HS256")
    no_exp = jwt.encode({"sub": "C1"}, SECRET, algorithm="HS256")
    unsigned = jwt.encode({"sub": "C1", "exp": int(time.time()) + 99}, None, algorithm="none")
    for token in (forged, expired, no_exp, unsigned, "garbage", "", None, 42):
        assert verify_customer_token(token, SECRET) is None


def test_only_the_latest_message_vouches():
    good_then_forged = [
        {"event": "user", "metadata": {"customer_token": "old-good"}},
        {"event": "bot"},
        {"event": "user", "metadata": {"customer_token": "new-forged"}},
    ]
    assert token_from_events(good_then_forged) == "new-forged"
    # a message without a token is anonymous even after a good one (sender ids are client-chosen)
    assert token_from_events(good_then_forged + [{"event": "user", "metadata": {}}, {"event": "bot"}]) is None
    assert token_from_events([{"event": "user"}]) is None
