import pytest

from contracts.addresses import address_change_asked


@pytest.mark.parametrize("text, asked", [
    ("OK. Could it go to my work address instead? I won't be home.", True), ("can i chang the adress for my dres", True),
    ("could they deliver it to my office instead", True), ("can you deliver it to my work instead", True),
    ("can it be sent to my mum's address", True), ("redirect the parcel please", True),
    ("the courier left it at the wrong address", False), ("I forgot to update my address", False),
    ("can it go in the porch", False),
    ("Also is there any chance I can get them delivered to my work instead?", True),
    ("can I have the trainers sent to my office", True), ("hi can i chang my delivry adres", True), ("I had it delivered to my work last time", False),
    ("can I have the refund sent to my new card", False), ("I didnt get the parcel delivered to my work like I asked", False),
])
def test_an_address_to_change(text, asked):
    assert address_change_asked(text) is asked
