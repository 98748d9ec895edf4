"""Messages about the order number itself (nlu.order_numbers): given again with an apology, or
none to give."""

import pytest

from nlu.order_numbers import no_number_to_give, only_a_number_given
from tests.unit.nlu.tiny import DecodingNet, rule_predictor


@pytest.mark.parametrize("text, only", [
    ("sorry typo, 20001", True), ("ah my mistake, missed some digits. ORD-77741", True), ("its ORD-40001", True),
    ("where is ORD-40001", False), ("cancel 20001", False), ("sorry", False),
])
def test_a_number_given_again(text, only):
    assert only_a_number_given(text) is only


@pytest.mark.parametrize("text, none", [
    ("I don't have the number on me, I deleted the email", True), ("i dont have the number, binned the email ages ago", True),
    ("dunno it tbh, cant find the confirmation anywhere", True),
    ("I'm not digging out an order number, you should be able to see it", True),
    ("not telling you that, just check it", True), ("it's in an email somewhere, can't be bothered to dig it out", True),
    ("can't be bothered with this", False),
    ("I'm afraid I've thrown the email away, so I haven't got the number any more.", True),
    ("I forgot my password and the email", False), ("forgot my pasword and the rest email never came", False),  # an account problem
    ("I can't find ORD-40001 in my emails", False),  # a number given
    ("where is my parcel", False),
    ("He said it would ship tonight. I haven't had a dispatch email. Has it actually gone?", False),  # news of the order
])
def test_no_number_to_give(text, none):
    assert no_number_to_give(text) is none


class AccountNet(DecodingNet):
    """account_access on "email" or "mistake", else out_of_scope."""

    INTENTS = ("account_access", "inform", "deny", "out_of_scope")

    def scores(self, text):
        return [4.0 if "email" in text or "mistake" in text else 0.0, 0.0, 0.0, 1.0], [0.0, 1.0, 0.0]


def test_the_predictor_reads_the_number_and_its_absence_for_what_they_are():
    p = rule_predictor(AccountNet, {"account_access": 2})
    assert p.parse("ah my mistake, missed some digits. ORD-77741")["intent"]["name"] == "inform"
    assert p.parse("I don't have the number on me, I deleted the email")["intent"]["name"] == "deny"
    assert p.parse("I can't get into my email account")["intent"]["name"] == "account_access"
