"""Demo customers for `make run` and the tests: `python -m tools.demo seed | token [--customer C1001]`.

Seeding overwrites only the demo customers' own profile keys; it never flushes anything.
A token is what the shop's website would issue after its own login, signed with
CUSTOMER_TOKEN_SECRET (a dev-only value when DEV_MODE=true).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from typing import List

import redis

from actions.profiles import Customer, Order, ProfileStore
from contracts.identity import InsecureSecretError, issue_customer_token, require_secret
from contracts.ports import DEFAULT_PORTS

DEMO_CUSTOMER = "C1001"


def demo_customers(today: dt.date) -> List[Customer]:
    def day(offset: int) -> str:
        return (today + dt.timedelta(days=offset)).isoformat()

    return [
        Customer("C1001", "Alice Martin", "platinum", "email", "alice.martin@example.com", [
            Order("ORD-10001", "shipped", day(-3), ["running trainers"], "£89.99", day(2), "DPD",
                  "https://track.example.com/DPD/1Z10001"),
            Order("ORD-10002", "delivered", day(-30), ["kettle"], "£34.50", day(-27), "Royal Mail"),
        ], phone="+44 7700 900123"),
        Customer("C1002", "Ben Okafor", "standard", "sms", "ben.okafor@example.com", [
            Order("ORD-20001", "processing", day(-1), ["phone case", "screen protector"], "£19.98", day(4)),
            Order("ORD-20002", "delayed", day(-9), ["sofa"], "£649.00", day(6), "XDP"),
        ], phone="+44 7700 900456"),
        Customer("C1003", "Chloe Dubois", "gold", "phone", "chloe.dubois@example.com", [
            Order("ORD-30001", "out_for_delivery", day(-2), ["summer dress"], "£45.00", day(0), "Evri",
                  "https://track.example.com/EVRI/30001"),
        ], phone="+33 6 12 34 56 78"),
        Customer("C1004", "Dev Patel", "silver", "email", "dev.patel@example.com", [
            Order("ORD-40001", "delivered", day(-12), ["air fryer"], "£79.00", day(-10), "DPD"),
        ], phone="+44 7700 900789"),
    ]


def seed(client: redis.Redis, today: dt.date | None = None) -> List[Customer]:
    customers = demo_customers(today or dt.date.today())
    store = ProfileStore(client)
    for c in customers:
        store.put(c)
    return customers


def demo_token(customer_id: str, secret: str) -> str:
    return issue_customer_token(customer_id, secret)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["seed", "token"])
    parser.add_argument("--customer", default=DEMO_CUSTOMER)
    args = parser.parse_args()
    if args.command == "seed":
        url = os.environ.get("REDIS_URL", f"redis://127.0.0.1:{DEFAULT_PORTS['redis']}/0")
        customers = seed(redis.Redis.from_url(url))
        print(f"seeded {len(customers)} demo customers: " + ", ".join(f"{c.customer_id} {c.name}" for c in customers))
        return
    try:
        secret = require_secret("CUSTOMER_TOKEN_SECRET", os.environ.get("CUSTOMER_TOKEN_SECRET"),
                                os.environ.get("DEV_MODE", "").lower() in ("1", "true", "yes"))
    except InsecureSecretError as exc:
        raise SystemExit(f"cannot mint a token: {exc}")
    print(demo_token(args.customer, secret))


if __name__ == "__main__":
    main()
