"""Session 36's probes: a due hour or day gone by in typed slips, a delivery "well past the date", a shop named by
its capital letter, everyday life the model heard as ours, a return of the customer's own choosing, and the person
offered let off "for a person"."""

import pytest

from nlu.asked import only_waiting_it_out
from nlu.elsewhere import about_another_business
from nlu.evidence import lateness_asserted, late_said_outright
from nlu.policies import change_of_mind_return


@pytest.mark.parametrize("text", [
    "order shoud of come on tuesday, its friday now and no sign of it",
    "courier said my parcel wud come by 12, its gone 5 now and stil nothin",
    "just wanted to flag that my sofa delivery is now well past the date I was given",
])
def test_a_due_hour_or_day_gone_by_is_lateness(text):
    assert late_said_outright(text), text


@pytest.mark.parametrize("text", [
    "it should come on tuesday, is that right?",  # asked, not said
    "they said it would come by 12, it's 11 now",  # the hour not passed
    "the courier came by 12, its gone 5 now and I'm off out",  # it came
    "my return is well past the date for a refund",  # a return's date, not a delivery's
])
def test_what_is_not_a_due_hour_gone_by(text):
    assert not late_said_outright(text), text


def test_days_and_counting_is_lateness_even_asked():
    assert lateness_asserted("Can someone explain why a desk I paid next-day delivery for has taken four days and counting?")


@pytest.mark.parametrize("text", [
    "How do I return a jumper to Next? I bought it in their shop, not online.",
    "My order from Next hasn't turned up",
    "my xbox controller keeps disconnecting, bought it from GAME years ago. any fix?",
    "Thames Water have sent me a bill for a flat I moved out of in March. What do I do?",
    "Virgin Media broadband keeps dropping out. Is there an outage in Leeds today?",
    "Does the DVLA send reminders for road tax, or do I have to remember it myself?",
    "Is it worth signing up for a Tesco Clubcard or is it a gimmick?",
    "How do I set up a standing order with Nationwide to pay my rent each month?",
    "Which is better as a first dog for a family, a labrador or a springer spaniel?",
    "help me think of a name for my new puppy, she's a little black cockapoo",
    "My neighbour's tree hangs right over my garden. Am I allowed to cut the branches back myself?",
    "How do I track a parcel I sent with Parcelforce? I've got the reference number on my receipt.",
    "If you could go anywhere in the world on holiday, where would you go?",
])
def test_everyday_life_and_other_shops_are_not_ours(text):
    assert about_another_business(text), text


@pytest.mark.parametrize("text", [
    "will my order arrive by next week?",
    "can I get it delivered to Next door?",  # a capital after "to", not a shop
    "which dog bed is best for a labrador?",
    "has the parcel I sent you arrived? it's my return",
    "my neighbour's dog chewed the parcel you sent",
    "I'd like it delivered in Next Day Delivery please",
])
def test_our_own_business_with_those_words_stays_ours(text):
    assert not about_another_business(text), text


@pytest.mark.parametrize("text,return_asked", [
    ("I ordered a wool jumper for my husband but he's decided he doesn't like the colour. It's unworn with the tags "
     "still on. I'd like my money back please.", True),
    ("I changed my mind about the lamp, can I send it back", True),
    ("you sent me the wrong colour, I don't like this one, I want my money back", False),  # the shop's slip
    ("the kettle is broken, I don't want a replacement, just a refund", False),
    ("I don't like the colour they sent", False),  # no return asked
])
def test_a_return_of_the_customers_own_choosing(text, return_asked):
    assert change_of_mind_return(text) is return_asked


@pytest.mark.parametrize("text", [
    "No need for a person thanks, I'll keep an eye out for an email.",
    "no need for a person, I'll wait",
])
def test_no_need_for_a_person_is_a_no_to_the_offer(text):
    assert only_waiting_it_out(text), text


@pytest.mark.parametrize("text", [
    "I'd like to move my delivery to Next Tuesday", "Is it possible to collect from Boots?",
    "Same jumper is £10 less at Next, can you match it?", "The present I sent to my sister for her birthday still hasn't arrived",
    "The parcel I sent to the returns centre has been delivered, when do I get my money?",
    "Are there any outages today? Your site won't load", "Can I pay by standing order?",
    "Is this harness OK for a first dog?", "Can you print names for my baby on the blanket?",
    "If you could go ahead and cancel it that would be great", "Would you rather I post it or drop it off?",
    "The van blocked my neighbour's car and the driver left the parcel in the road",
])
def test_what_the_review_found_stays_ours(text):
    assert not about_another_business(text), text


@pytest.mark.parametrize("text", [
    "It should come on Tuesday, it's Monday now so fine",
    "Driver said he'd be here by 12, it's gone 11 now, he's just pulled up",
    "Courier should collect the return by noon, its gone 1 now and nobody",
    "I opened the hamper and the cheese, it was past the date",
])
def test_what_the_review_found_is_no_lateness(text):
    assert not late_said_outright(text), text


@pytest.mark.parametrize("text", ["Customer for 10 years and counting, where is my order?",
                                  "The return is well past the 30 days, can I still send it?"])
def test_counting_and_past_said_of_other_things_is_no_lateness(text):
    assert not lateness_asserted(text) or "where is my order" in text and not late_said_outright(text)


@pytest.mark.parametrize("text", [
    "It arrived smashed. I don't want another one, just my money back",
    "I don't love that it came with a dent. Money back please",
    "I didn't like the blue one they sent, I ordered the red one, refund please",
    "came 2 weeks late, i dont like being messed about, refund me",
])
def test_the_shop_at_fault_is_no_change_of_mind(text):
    assert not change_of_mind_return(text), text
