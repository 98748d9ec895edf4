"""How returns work, asked without an order in mind (contracts.returns_policy)."""

import pytest

from contracts.returns_policy import returns_policy_asked


@pytest.mark.parametrize("text, asked", [
    ("retuns polcy?", True), ("what's your returns policy", True), ("how do returns work", True),
    ("do you do free returns", True), ("how long have i got to send it back", True),
    ("can i return my kettle", False),  # a return asked for: the model reads it
    ("I returned it last week", False), ("the returns process is a joke", False),
    ("Hey. Question about returns. How long do I have? And do I pay postage?", True),
    ("who pays the return postage?", True), ("I paid the return postage myself", False),
    ("how long dus it take to get a refnd after u get the return", True),
    ("how long has my refund been waiting", False),
    ("its been how long and my refund still hasnt come after you got the item", False),
])
def test_how_returns_work_asked(text, asked):
    assert returns_policy_asked(text) is asked
