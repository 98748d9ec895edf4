"""Customer profiles in Redis: name, loyalty tier, preferred contact, orders."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Iterator, List, Optional

import redis

from contracts import redis_keys
from contracts.redaction import SPOKEN_DIGITS


@dataclass
class Order:
    order_id: str
    status: str  # processing | shipped | out_for_delivery | delivered | delayed | cancelled
    placed_on: str
    items: List[str]
    total: str
    eta: Optional[str] = None
    carrier: Optional[str] = None
    tracking_url: Optional[str] = None

    def on_time(self, today: str) -> bool:
        """Still on its way and not yet due (`today` as YYYY-MM-DD): a 'late' complaint about it
        is answered with where it is, not with an apology for a delay there is not."""
        still_coming = self.status in ("processing", "shipped", "out_for_delivery")
        return still_coming and (self.eta is None or self.eta >= today)


@dataclass
class Customer:
    customer_id: str
    name: str
    tier: str
    preferred_contact: str
    email: str
    orders: List[Order] = field(default_factory=list)
    phone: str = ""  # what a caller verifies with (the last four digits)

    @property
    def first_name(self) -> str:
        return self.name.split()[0]

    def order(self, order_id: str) -> Optional[Order]:
        wanted = normalise_order_id(order_id)
        return next((o for o in self.orders if o.order_id == wanted), None)

    def latest_order(self) -> Optional[Order]:
        return max(self.orders, key=lambda o: o.placed_on) if self.orders else None


def order_id_in(raw: Optional[str]) -> Optional[str]:
    """The order id a tagged value names, or None when it holds no digits at all.

    The NLU's tagger sometimes marks a bare word ("OR" from a caller's "or…") or a lone digit
    ("the 4" of "ordered the 6 litre, got the 4 litre") as an order id; a value without a
    number of MIN_ORDER_DIGITS digits in it names no order, so it must not start a verification
    or a "can't find that order" reply.
    """
    if not raw or sum(c.isdigit() for c in raw) < MIN_ORDER_DIGITS:
        return None
    return normalise_order_id(raw)


MIN_ORDER_DIGITS = 3  # "ORD-123" is an order number mistyped; "the 4" is a size


ORDER_DIGITS = 5  # ORD-12345
# a colon, a full stop or a slash ends a number: "missed a zero: 30001" is 30001, not 030001;
# "my order from 3/11/24" holds no order number
_NUMBER_OR_WORD = re.compile(r"\d+|[a-z]+|[:;.!?/]")

# a correction that is not a "no" to the request: "no sorry i read it wrong its three zero zero zero one"
CORRECTION = re.compile(r"\b(?:sorry|i mean|i meant|actually|wait|my mistake|oops|typo|read it wrong|misread|missed)\b",
                        re.IGNORECASE)


# a correction, not any "no" ("no sign of it"): "no sorry", "no wait", "i mean", "actually"…
_CORRECTED = re.compile(r"\b(?:no(?=\W+(?:sorry|wait|i mean|it'?s|its)\b)|sorry|i mean|i meant|actually|wait|scratch that"
                        r"|my mistake|oops)\b", re.IGNORECASE)


def order_number_corrected(text: str) -> Optional[str]:
    """The last of several order numbers when the customer corrected themselves between the last
    two ("order two zero zero zero two no sorry two zero zero zero one"); else None."""
    lowered = text.lower()
    for cut in (m.start() for m in reversed(list(_CORRECTED.finditer(lowered)))):
        before, after = _order_length_numbers(lowered[:cut]), _order_length_numbers(lowered[cut:])
        if before and len(after) == 1:
            return f"ORD-{after[0]}"
    return None


def order_number_said(text: str) -> Optional[str]:
    """The order id in an answer to "what is your order number?" given without "ORD": "sorry
    its 40001", "four zero zero zero one", "ord 4 0 0 0 1". Digits and digit words next to each
    other form one number; None unless exactly one number has an order id's length, or several
    with a correction between them (the last counts)."""
    corrected = order_number_corrected(text)
    if corrected is not None:  # customers correct themselves forwards
        return corrected
    ids = _order_length_numbers(text)
    return f"ORD-{ids[0]}" if len(ids) == 1 else None


def _order_length_numbers(text: str) -> List[str]:
    """The numbers of an order id's length in the text, digits and digit words next to each other
    forming one number."""
    numbers, current = [], ""
    for token in _NUMBER_OR_WORD.findall(text.lower()):
        if token.isdigit():
            current += token
        elif token in SPOKEN_DIGITS:
            current += SPOKEN_DIGITS[token]
        elif token not in ("ord", "o", "r", "d"):  # the prefix, typed or spelled out, is not a digit
            numbers, current = numbers + [current], ""
    return [n for n in [*numbers, current] if len(n) == ORDER_DIGITS]


def normalise_order_id(raw: str) -> str:
    """'ord 48213', 'ORD-48213', 'ord48213' -> 'ORD-48213'."""
    digits = "".join(c for c in raw if c.isdigit())
    return f"ORD-{digits}" if digits else raw.strip().upper()


class ProfileStore:
    def __init__(self, client: redis.Redis) -> None:
        self.redis = client

    def get(self, customer_id: str) -> Optional[Customer]:
        return self._read(self.redis.get(redis_keys.customer_profile(customer_id)))

    def customers(self) -> Iterator[Customer]:
        """Every profile, by scanning: fine for a handful; a CRM has indexes for this."""
        for key in self.redis.scan_iter(redis_keys.customer_profile("*")):
            customer = self._read(self.redis.get(key))
            if customer is not None:
                yield customer

    @staticmethod
    def _read(raw: Optional[bytes]) -> Optional[Customer]:
        if raw is None:
            return None
        data = json.loads(raw)
        data["orders"] = [Order(**o) for o in data.get("orders", [])]
        return Customer(**data)

    def put(self, customer: Customer) -> None:
        self.redis.set(redis_keys.customer_profile(customer.customer_id), json.dumps(asdict(customer)))
