"""One reading of "forget that" for the NLU and the dialogue (contracts.dismissal)."""

import pytest

from contracts.dismissal import after_dismissal


@pytest.mark.parametrize("text, after", [
    ("ugh I can't find the email. forget that, what time do you open?", "what time do you open?"),
    ("cancel the blue one. scratch that - where is my parcel", "where is my parcel"),
    ("never mind about that, is my sofa coming", "is my sofa coming"),
    ("forget it. never mind, when do you close today", "when do you close today"),  # the last one counts
    ("never mind, cancel it", None),  # too little after it
    ("where is my parcel", None),
    ("I never minded the wait", None),
])
def test_what_follows_a_dismissal(text, after):
    assert after_dismissal(text) == after
