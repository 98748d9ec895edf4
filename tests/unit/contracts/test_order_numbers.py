"""A guest's word that the confirmation email never came (contracts.order_numbers.NO_CONFIRMATION)."""

import pytest

from contracts.order_numbers import NO_CONFIRMATION


@pytest.mark.parametrize("text, said", [
    ("I placed an order yesterday. I got no confirmation email. Has it gone through?", True),
    ("never received an order confirmation", True),
    ("I haven't had a confirmation yet, did it work?", True),
    ("I still haven't been sent a confirmation", True),
    ("I didn't get the confirmation email", True),
    ("I've not had a single email since the confirmation one", False),
    ("my order confirmation says 3-5 days", False),
])
def test_a_confirmation_that_never_came(text, said):
    assert bool(NO_CONFIRMATION.search(text)) is said
