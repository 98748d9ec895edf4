"""Questions about the shop's delivery terms, read alike by the NLU and the dialogue (contracts.delivery_terms)."""

import pytest

from contracts.delivery_terms import terms_asked


@pytest.mark.parametrize("text, asked", [
    ("how long does standard delivery take?", True), ("how long dose delivery take", True),
    ("do u deliver to ireland", True), ("is delivery free?", True),
    ("Hello. I don't have an account. I just want to know how long standard delivery takes.", True),
    ("how much is postage", True), ("how much is next day delivery", True), ("do you do next day delivery", True), ("do you deliver on sundays?", True),
    ("how long will my delivery take", False), ("where is my delivery", False),
    ("I think I was charged for delivery when it should have been free", False),
    ("how long does it take to deliver my sofa", False),
    ("Hello, I'm thinking of buying a sofa. Do you do finance? And how long is delivery?", True),
    ("how long is next day delivery", True), ("how long is my delivery going to be", False),
    ("how long is the delivery window on my order", False), ("do you lot deliver to northern ireland or not", True),
])
def test_questions_about_the_delivery_terms(text, asked):
    assert terms_asked(text) is asked
