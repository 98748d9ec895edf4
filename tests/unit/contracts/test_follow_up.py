"""One reading of a verbless follow-up ("and the other one?") for the NLU and the dialogue (contracts.follow_up)."""

import pytest

from contracts.follow_up import named_in_follow_up


@pytest.mark.parametrize("text, named", [
    ("and the other one?", "the other one"),
    ("ok and the other order?", "the other order"),
    ("Thanks. And the trainers?", "the trainers"),
    ("ugh. and the mobile cover?", "the mobile cover"),
    ("what about my sofa then", "my sofa"),
    ("an the phne case?", "the phne case"),
    ("ok, and 20001?", "20001"),
    ("and the sofa is still not here", None),  # a verb: a sentence of its own
    ("and can I cancel it?", None),
    ("and don't give me another bloody script", None),
    ("where is the other one?", None),  # no "and…" / "what about…"
    ("and the big grey corner sofa for the lounge?", None),  # too long to be a thing named
])
def test_what_a_verbless_follow_up_names(text, named):
    assert named_in_follow_up(text) == named
