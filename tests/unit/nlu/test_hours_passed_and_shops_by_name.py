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


@pytest.mark.parametrize("text,wrong", [
    ("I paid for a dual-basket air fryer and got a single-basket one.", True),
    ("I ordered a king size mattress topper and what arrived is a single one", True),
    ("ordered a single item and got a double charge", False),
    ("I ordered a double bed frame, it came in a large box", False),
])
def test_a_bed_or_basket_size_set_against_another_is_a_wrong_item(text, wrong):
    from nlu.delivery_feedback import sent_not_ordered
    assert sent_not_ordered(text) is wrong


@pytest.mark.parametrize("text,relayed", [
    ("My order came quickly and was well packed. Just wanted to pass on some positive feedback.", True),
    ("I'd like to leave some good feedback for the driver", True),
    ("where do I give feedback?", False),  # asked
])
def test_positive_feedback_passed_on(text, relayed):
    from nlu.person import feedback_relayed
    assert feedback_relayed(text) is relayed


@pytest.mark.parametrize("text", [
    "That's very kind of you but I don't think I need to speak to anybody just now, thank you.",
    "Hmm, I'd rather not wait in a queue. I'll ring my bank first and come back if I need to.",
])
def test_a_person_declined_in_softer_words(text):
    from nlu.asked import person_declined
    assert person_declined(text), text


@pytest.mark.parametrize("text", [
    "No, don't worry, I'll keep an eye on the tracking myself.",
    "That's alright, I'll leave it until the end of the month before chasing.",
    "I'll hold fire for now, thanks.", "maybe later, I'm about to drive. not now thanks",
])
def test_waiting_it_out_in_more_words(text):
    assert only_waiting_it_out(text), text


def test_an_apology_thrown_back_before_a_person_asked_for():
    from nlu.person import person_demanded
    assert person_demanded("dont want sorry i want a real person NOW")
    assert not person_demanded("I don't want to talk to a person")


@pytest.mark.parametrize("text,late", [
    ("Hello, my order should arrive on Monday for the birthday of my daughter, but is Thursday and nothing arrive.", True),
    ("It should come on Friday, it's Wednesday now", False),  # the day not reached yet
])
def test_a_day_only_expected_is_late_once_a_later_day_is_reached(text, late):
    assert late_said_outright(text) is late


def test_a_price_with_pence_charged_twice():
    from nlu.charges import unexpected_charge_said
    assert unexpected_charge_said("I have been charged £349.00 twice for a single television order.")


@pytest.mark.parametrize("text", [
    "My phone bill has gone up by £5 a month, are they allowed to do that mid contract?",
    "How do I track a parcel I posted to my sister with Royal Mail? I've got the receipt from the post office",
    "Which is better for a first car, a Fiesta or a Corsa?",
    "how do I change the password on my kid's Xbox account? want to set up parental controls",
    "who's the richest person in the world right now?", "do you know a good stretching routine for tight calves?",
    "Do you reckon we'll get a white Christmas this year?", "is it normal to get headaches after staring at a screen all day?",
])
def test_more_of_everyday_life_is_not_ours(text):
    assert about_another_business(text), text


@pytest.mark.parametrize("text", [
    "the xbox controller I bought from you won't connect", "my phone bill shows a charge from you twice",
    "do you sell snow boots?", "is the exercise bike I ordered coming today?",
])
def test_ours_beside_those_words(text):
    assert not about_another_business(text), text


@pytest.mark.parametrize("text", ["no, I'm at work, can you just tell me where it is?",
                                  "ok I'm at work until 6, will it come after that?"])
def test_busy_now_with_a_question_still_asks(text):
    assert not only_waiting_it_out(text), text


@pytest.mark.parametrize("text", [
    "I wonder if you might know when the clocks go back this autumn?",
    "What's the difference between an ISA and a pension? My nephew keeps going on about it and I nod along.",
    "I ordered a Domino's an hour ago and it still hasn't come, any idea how to chase it?",
])
def test_the_clocks_savings_and_a_takeaway_are_not_ours(text):
    assert about_another_business(text), text


def test_a_takeaway_beside_our_order_leaves_ours_to_the_model():
    assert not about_another_business("I ordered a phone case from you, where's the case?")


@pytest.mark.parametrize("text,yes", [
    ("ok but only if it's quick, I'm on my lunch break", True), ("yes, only if it's quick", True),
    ("ok but only if it's quick?", False), ("only if it's quick", False),
])
def test_a_yes_on_condition_of_time(text, yes):
    from nlu.pleasantries import plain_yes
    assert plain_yes(text) is yes


@pytest.mark.parametrize("text", [
    "Are the white Christmas lights battery powered?", "The LED lamp I bought gives me headaches, it flickers",
    "I was charged twice, it shows up on my mobile bill", "Can I upgrade the phone I bought from you mid contract?",
    "I bought a car seat for my first car and it doesn't fit", "Does the rowing machine come with an exercise programme?",
    "The Fortnite V-Bucks code I bought won't redeem on my Fortnite account",
    "My son is the tallest person in his class, do you do school trousers in long leg?",
    "The package I posted to the warehouse with Evri has been signed for but still nothing",
])
def test_what_the_second_review_found_stays_ours(text):
    assert not about_another_business(text), text


@pytest.mark.parametrize("text", [
    "Tracking says it should arrive on Monday. It's Friday today and I'm away, please leave it with a neighbour",
    "It should arrive Monday but is Wednesday an option",
])
def test_a_day_expected_next_week_or_asked_about_is_no_lateness(text):
    assert not late_said_outright(text), text


@pytest.mark.parametrize("text", ["I was charged £39.99 for a kettle that has leaked twice and now doesn't work",
                                  "my payment of £49.99 failed twice"])
def test_a_price_before_another_twice_is_no_double_charge(text):
    from nlu.charges import unexpected_charge_said
    assert not unexpected_charge_said(text)


@pytest.mark.parametrize("text", ["I paid for a double oven and received a single tray, the second tray is missing",
                                  "ordered a single item and got a double delivery charge"])
def test_single_and_double_of_other_things_set_nothing_against_anything(text):
    from nlu.delivery_feedback import sent_not_ordered
    assert not sent_not_ordered(text)


@pytest.mark.parametrize("text", [
    "I'll hang fire on the return for now, the lamp works fine, it's just the shade that's cracked",
    "It's alright, I'll wait for the email. My password reset link keeps expiring though",
    "I'll hold fire on the return until the replacement arrives, please send it",
])
def test_a_wait_with_a_problem_besides_is_no_plain_no(text):
    assert not only_waiting_it_out(text), text


@pytest.mark.parametrize("text", [
    "I'd rather not wait until Friday, the party is on Thursday",
    "I'd rather not wait on hold, I'd rather you sent a new one out today",
    "We don't think we need anybody, but the sofa is still missing a leg",
])
def test_a_rather_not_about_something_else_declines_no_person(text):
    from nlu.asked import person_declined
    assert not person_declined(text), text


def test_waiting_to_see_what_an_email_says_is_a_wait():
    from nlu.asked import waiting_it_out
    assert waiting_it_out("I'll just wait and see what the email says.")


@pytest.mark.parametrize("text,story", [
    ("Hiya. I sent a jumper back a couple of weeks ago and that's all sorted, the refund came through. This is a "
     "completely separate thing though. Where are my running trainers at the moment?", True),
    ("They said the refund came through but it hasn't. Where is it?", False),
    ("The refund came through. When will the replacement refund for the postage come?", False),
])
def test_a_refund_come_then_another_where_asked(text, story):
    from nlu.evidence import refund_came_then_where_asked
    assert refund_came_then_where_asked(text) is story


def test_the_damage_told_again_as_it_came_is_no_wrong_item():
    from tests.unit.nlu.tiny import DecodingNet, rule_predictor

    class Net(DecodingNet):
        """item_damaged on the leak, wrong_item on how it came (as the model reads each clause)."""
        INTENTS = ("item_damaged", "wrong_item", "inform")

        def scores(self, text):
            leak, came = "leaking" in text, "came like that" in text
            damaged = 6.0 if leak else 0.0
            wrong = 6.5 if came and not leak else (2.0 if came else 0.0)
            return [damaged, wrong, 0.0], [2.0, 0.5, 0.0]

    p = rule_predictor(Net, {"item_damaged": 5, "wrong_item": 5})
    parsed = p.parse("kettle leaking all over the worktop the first time i filled it. came like that out the box")
    assert parsed["intent"]["name"] == "item_damaged"
    assert [r["intent"] for r in parsed.get("requests") or []] in ([], ["item_damaged"])


@pytest.mark.parametrize("text", [
    "What's a good beginner knitting pattern for a baby blanket?", "Is it worth getting a heat pump or should I stick with a gas boiler?",
    "My MOT is due next week, where's cheapest round Leicester?", "what's the best bait for carp this time of year?",
    "is it true Royal Mail are getting rid of second class stamps?", "Do you know a good dog groomer in Croydon?",
    "yo whats the best fortnite skin rn", "lowkey need relationship advice, my gf is mad at me what do i do",
    "Which is the best bank in UK for open an account as student?", "Do you know when the next bank holiday is?",
    "How much is a first class stamp",
])
def test_advice_on_what_we_do_not_sell_is_not_ours(text):
    assert about_another_business(text), text


@pytest.mark.parametrize("text", ["will you deliver on the next bank holiday?", "do you sell knitting needles?"])
def test_our_delivery_days_and_products_stay_ours(text):
    assert not about_another_business(text), text


@pytest.mark.parametrize("text,late", [
    ("Your website said my sofa would arrive last Friday. I took a day off work for it and nothing came.", True),
    ("It's three weeks past the date I was given for the sofa and my living room is completely empty", True),
    ("It said it would arrive last Friday and it came on Friday, thanks", False),
])
def test_a_day_said_and_gone_by(text, late):
    assert late_said_outright(text) is late


def test_a_parcel_left_in_the_wrong_place():
    from nlu.evidence import wrong_place_said
    assert wrong_place_said("parcel was left wiv the wrong nieghbour, can u tell me were it is")
    assert not wrong_place_said("you sent the wrong size")


@pytest.mark.parametrize("text,yes", [("ok ye connect me", True), ("ok ye put me thru", True),
                                      ("connect me with my order", False)])
def test_put_me_through_as_a_yes(text, yes):
    from nlu.person import person_demanded
    assert person_demanded(text) is yes


def test_that_would_be_great_is_a_yes():
    from nlu.pleasantries import plain_yes
    assert plain_yes("That would be great, thank you") and not plain_yes("That would be great if it came today")


def test_no_person_and_told_when_sorted_is_declined():
    from nlu.asked import person_declined
    assert person_declined("no it's alright, I don't need to speak to anyone, just email me when it's sorted")
    assert not person_declined("no it's alright, I don't need to speak to anyone, just tell me when it's coming")


@pytest.mark.parametrize("text,late", [
    ("where's my parcel, it was meant to come today", False),  # today is not over
    ("it was meant to come today and it's still not here, it's 9pm", True),
    ("it was supposed to come yesterday, where is it", True),
])
def test_due_today_is_not_late_yet(text, late):
    assert lateness_asserted(text) is late


@pytest.mark.parametrize("text", [
    "When will my heat pump tumble dryer arrive?", "My solar panel garden lights stopped working after a week",
    "The sewing pattern was missing from the dress making kit I bought", "The carp fishing rod I bought has snapped",
    "Which bank account will the money go back to?", "Have a good bank holiday weekend, thanks",
    "Do I need to put a first class stamp on it to send it back?",
    "My partner is upset with me because the sofa hasn't come", "Are you open on the next bank holiday?",
    "I want to buy a Fortnite skins gift card",
])
def test_what_the_third_review_found_stays_ours(text):
    assert not about_another_business(text), text


@pytest.mark.parametrize("text", [
    "The tracking said it would arrive today, it was only dispatched yesterday",
    "I'm two days past the date to send it back, hope that's still ok",
])
def test_what_the_third_review_found_is_no_lateness(text):
    assert not late_said_outright(text), text


@pytest.mark.parametrize("text", ["Still not had my refund. When will it be paid?",
                                  "I got a refund for the jumper but not the jeans. When will that go through?"])
def test_a_refund_not_come_is_no_story(text):
    from nlu.evidence import refund_came_then_where_asked
    assert not refund_came_then_where_asked(text)


def test_a_wrong_address_on_the_label_is_no_parcel_misplaced():
    from nlu.evidence import wrong_place_said
    assert not wrong_place_said("The return label has the wrong address on it")


def test_well_done_said_bitterly_is_no_praise():
    from nlu.person import feedback_relayed
    assert not feedback_relayed("well done to the courier for losing my parcel")


@pytest.mark.parametrize("text,again", [
    ("this is the third time I have had to contact you and I am absolutely furious", True),
    ("I've emailed you three times about this", True),
    ("what's your number? this is the third time I've tried to call", False),  # how to reach us, asked
])
def test_having_to_come_back_again_is_said_not_asked(text, again):
    from nlu.person import contacted_again
    assert contacted_again(text) is again
