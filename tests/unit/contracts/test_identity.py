import time

import jwt
import pytest

from contracts.identity import (InsecureSecretError, VerifiedCustomer, claim_from_events, issue_customer_token,
                                issue_identity_claim, require_secret, verify_customer_token, verify_identity_claim)

SECRET = "s" * 40
CLAIM_SECRET = "c" * 40


def test_valid_token_names_the_customer():
    found = verify_customer_token(issue_customer_token("C1", SECRET), SECRET)
    assert found.customer_id == "C1" and found.expires_at > time.time()


def test_forged_expired_unsigned_and_junk_tokens_are_anonymous():
    forged = issue_customer_token("C1", "another-secret-" * 3)
    expired = jwt.encode({"sub": "C1", "exp": int(time.time()) - 10}, SECRET, algorithm="HS256")
    no_exp = jwt.encode({"sub": "C1"}, SECRET, algorithm="HS256")
    unsigned = jwt.encode({"sub": "C1", "exp": int(time.time()) + 99}, None, algorithm="none")
    for token in (forged, expired, no_exp, unsigned, "garbage", "", None, 42):
        assert verify_customer_token(token, SECRET) is None


def test_identity_claim_is_bound_to_its_sender_and_secret():
    customer = VerifiedCustomer("C1", int(time.time()) + 600)
    claim = issue_identity_claim(customer, "sender-a", CLAIM_SECRET)
    assert verify_identity_claim(claim, "sender-a", CLAIM_SECRET) == "C1"
    assert verify_identity_claim(claim, "sender-b", CLAIM_SECRET) is None  # copied into another conversation
    assert verify_identity_claim(claim, "sender-a", "x" * 40) is None
    # a customer token is not a claim, even signed with the right secret
    assert verify_identity_claim(issue_customer_token("C1", CLAIM_SECRET), "sender-a", CLAIM_SECRET) is None


def test_claim_never_outlives_the_token():
    customer = VerifiedCustomer("C1", int(time.time()) + 5)
    claim = issue_identity_claim(customer, "s", CLAIM_SECRET, ttl_seconds=3600)
    assert jwt.decode(claim, options={"verify_signature": False})["exp"] == customer.expires_at
    expired = issue_identity_claim(VerifiedCustomer("C1", int(time.time()) - 5), "s", CLAIM_SECRET)
    assert verify_identity_claim(expired, "s", CLAIM_SECRET) is None


def test_only_the_latest_message_vouches():
    good_then_other = [
        {"event": "user", "metadata": {"identity": "old-good"}},
        {"event": "bot"},
        {"event": "user", "metadata": {"identity": "newer"}},
    ]
    assert claim_from_events(good_then_other) == "newer"
    # a message without a claim is anonymous even after a good one (sender ids are client-chosen)
    assert claim_from_events(good_then_other + [{"event": "user", "metadata": {}}, {"event": "bot"}]) is None
    assert claim_from_events([{"event": "user"}]) is None


def test_weak_secrets_are_refused_outside_dev_mode():
    for bad in ("", None, "short", "dev-only-secret-change-me-in-production-0000"):
        with pytest.raises(InsecureSecretError, match="CUSTOMER_TOKEN_SECRET"):
            require_secret("CUSTOMER_TOKEN_SECRET", bad)
    assert require_secret("CUSTOMER_TOKEN_SECRET", "k" * 32) == "k" * 32
    dev = require_secret("CUSTOMER_TOKEN_SECRET", None, dev_mode=True)
    assert dev == require_secret("CUSTOMER_TOKEN_SECRET", "", dev_mode=True) and "dev-only" in dev
