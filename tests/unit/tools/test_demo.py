import os
import subprocess
import sys

from contracts.identity import verify_customer_token
from tools.demo import DEMO_CUSTOMER, demo_token, seed


def test_demo_token_is_what_the_channel_accepts():
    secret = "d" * 40
    assert verify_customer_token(demo_token("C1002", secret), secret).customer_id == "C1002"


def test_token_cli_refuses_a_missing_secret_outside_dev_mode():
    env = {k: v for k, v in os.environ.items() if k not in ("CUSTOMER_TOKEN_SECRET", "DEV_MODE")}
    refused = subprocess.run([sys.executable, "-m", "tools.demo", "token"], env=env, capture_output=True, text=True)
    assert refused.returncode != 0 and "CUSTOMER_TOKEN_SECRET is not set" in refused.stderr
    dev = subprocess.run([sys.executable, "-m", "tools.demo", "token"], env={**env, "DEV_MODE": "true"},
                         capture_output=True, text=True, check=True)
    assert dev.stdout.count(".") == 2  # a JWT


def test_seeding_touches_only_the_demo_profiles(redis_client):
    redis_client.set("someone:else", "keep me")
    customers = seed(redis_client)
    assert DEMO_CUSTOMER in {c.customer_id for c in customers}
    assert redis_client.get("someone:else") == "keep me"
    assert sorted(redis_client.keys("profile:customer:*")) == sorted(f"profile:customer:{c.customer_id}" for c in customers)
