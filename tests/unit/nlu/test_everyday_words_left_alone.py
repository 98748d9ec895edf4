"""What the rules for faults, parts missing, other things sent, long waits, people asked for and sarcasm leave
alone: product questions, the delivery or the refund against the site, sincere thanks, questions about a person."""

import pytest

from nlu.delivery_feedback import fault_said, part_missing, sent_not_ordered
from nlu.evidence import arrival_missed, long_wait_said
from nlu.person import person_demanded
from nlu.pleasantries import agreed_to_wait, plain_yes
from nlu.thanks import sarcastic_thanks


@pytest.mark.parametrize("check, text", [
    (sarcastic_thanks, "thanks for making my day"),
    (sarcastic_thanks, "thanks for the hassle free refund"),
    (fault_said, "can I use spray oil in the air fryer?"),
    (fault_said, "do I need to pour water into the base first?"),
    (fault_said, "is this t-shirt pre-shrunk?"),
    (fault_said, "the jumper hasn't shrunk at all after washing, love it"),
    (part_missing, "everything was fine but the delivery was late"),
    (part_missing, "I returned two items, where's the other refund?"),
    (part_missing, "only received one of my two orders"),
    (sent_not_ordered, "I ordered a sofa and got a delivery date of june"),
    (sent_not_ordered, "I ordered a dress and got a size 12 as usual but it's too small"),
    (sent_not_ordered, "ordered a black kettle, the handle is silver"),
    (person_demanded, "do i need to speak to customer services to return it?"),
    (person_demanded, "I've tried to speak to customer services three times and nobody answers"),
    (person_demanded, "Could a person help me carry the sofa upstairs? does the driver do that"),
    (arrival_missed, "wait I refreshed the page and it didn't come up"),
    (arrival_missed, "my return parcel that never arrived at your warehouse"),
    (plain_yes, "oh ok?"),
    (agreed_to_wait, "I'll wait for them"),
])
def test_left_alone(check, text):
    assert not check(text), text


def test_said_in_so_many_words():
    assert person_demanded("put me through to customer services")
    assert long_wait_said("sofa still not here, been forever")
