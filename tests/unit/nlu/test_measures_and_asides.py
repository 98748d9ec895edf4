"""Session 34's probes: another company named only as the measure of us, a person asked for after a story, what
else is not ours (subscriptions under other names, politics, trivia, jokes), a size or colour not what was chosen,
a due day told in other words, an earlier matter settled, and the money back asked of a refund already missing."""

import pytest

from nlu.asked import asked_part
from nlu.delivery_feedback import sent_not_ordered
from nlu.elsewhere import a_joke_asked, about_another_business, about_us
from nlu.evidence import due_day_passed, due_day_passed_then_asked, lateness_asserted
from nlu.person import person_demanded
from tests.unit.nlu.tiny import DecodingNet, rule_predictor


@pytest.mark.parametrize("text", [
    "hiya wher's my ordr at? not having a go, amazon are jus as bad for keeping u in the dark lol",
    "I've been charged twice for one order, two identical payments on my card. Never had this with Argos.",
    "I sent some headphones back over a month ago and I'm still waiting for my money. Even eBay sellers refund faster "
    "than this.",
    "Was told it'd arrive by Monday. It's now Thursday and nothing's turned up. Amazon are rubbish too but at least "
    "they tell you what's going on.",
    "My air fryer arrived on Tuesday. It works fine, but I ordered the black model and got a white one. Currys did the "
    "same to me with a microwave once, so I know it happens. How can we sort this?",
    "the post office says you received my returned top ten days ago but there's no refund yet",
])
def test_another_company_as_the_measure_of_us_leaves_the_message_ours(text):
    assert not about_another_business(text), text


@pytest.mark.parametrize("text", [
    "my amazon parcel is late, where is it",
    "Argos charged me twice for one order",
    "I ordered from Currys last week and it still hasn't come",
    "email from Netflix says 'your membership will renew on the 14th'. how do i cancel before then?",
])
def test_another_companys_own_business_stays_theirs(text):
    assert about_another_business(text), text


@pytest.mark.parametrize("text", [
    "hw do u cancel a spotify sub?? they keep charging me monthly",
    "Why is it so hard to get out of a gym contract? How do I cancel PureGym?",
    "how do i cancel that recipe box thing that delivers every week, HelloFresh? i keep forgetting to skip weeks",
    "I suppose you're not allowed opinions, but go on, who's going to be PM after the next vote?",
    "Last Tuesday's leaders' debate was a shambles. Which leader do you think came out on top?",
    "how many bones are in the human body? google's giving me different answers",
])
def test_more_subscriptions_politics_and_trivia_are_not_ours(text):
    assert about_another_business(text), text


@pytest.mark.parametrize("text", [
    "can you cancel my order? I'll pass",
    "I ordered the 3pm delivery slot, can I be there at 5pm instead",
    "is my parcel in the box on the doorstep every week?",
])
def test_what_stays_ours_beside_those_words(text):
    assert not about_another_business(text), text


def test_a_quiz_question_said_to_the_assistant_is_not_split_into_ours():
    # "your" is said to the assistant, of the quiz: nothing of ours is left to answer
    assert about_us("Quick one, Labour or the Tories next time round? Who's your money on?") is None
    # an order on its way beside it still is
    assert about_us("what's the capital of australia? also is my dress still coming today") == (
        "also is my dress still coming today")
    assert about_us("what's the capital of australia? also what are your opening hours") == (
        "also what are your opening hours")


@pytest.mark.parametrize("text, joke", [
    ("My daughter's been telling the same knock-knock joke all week, I need new material. Know any good ones?", True),
    ('My mate said "ask the chatbot for a joke, it\'ll be rubbish". Prove him wrong?', True),
    ("quick one before I log off, tell me something that'll make me chuckle", True),
    ("this delivery is a joke, know any good ones who deliver on time?", False),
])
def test_more_ways_to_ask_for_a_joke(text, joke):
    assert a_joke_asked(text) is joke


@pytest.mark.parametrize("text, asked", [
    ("Good day. I have been a customer of yours for many years. Unfortunately, my current parcel has not progressed "
     "in more than seven days. I would like to speak with a member of your customer service team, please.", True),
    ("I'm usually a happy customer. But my delivery has been sitting at the depot since last Monday. Can I talk to "
     "one of your team, please?", True),
    ("Hi. This one's been frozen on the tracking for a week and a half. Is there someone on your team I can chat "
     "to?", True),
    ("Please could I speak with an advisor?", True),
    ("I'd sooner sort this out with your staff directly", True),
    ("do I need one of your team to be there when it's delivered?", False),
    ("I need one of your staff to carry it upstairs", False),
    ("I spoke with a member of your team yesterday and they said it would come today", False),
])
def test_a_person_asked_for_in_more_words(text, asked):
    assert person_demanded(text) is asked


@pytest.mark.parametrize("text, wrong", [
    ("Air fryer rocked up last week. Works a treat, but it's meant to be black and it's come in white.", True),
    ("My air fryer has come, but it's the 4-litre one and I ordered the 6-litre. What are my options?", True),
    ("I ordered the 55 inch TV and got the 43 inch", True),
    ("I ordered the 6-litre air fryer and it's the 6-litre one, lovely", False),
    ("I ordered 2 litres of paint and it's come in 4 days", False),
])
def test_a_measure_or_colour_not_the_one_chosen(text, wrong):
    assert sent_not_ordered(text) is wrong


@pytest.mark.parametrize("text", [
    "was telt I'd have it Monday, it's Thursday noo and still nae sign o it. no happy",
    "guaranteed monday delivery apparently. thursday now. must be taking the scenic route",
    "was told I'd have it by Tuesday and it's Friday now",
])
def test_a_due_day_passed_in_other_words(text):
    assert due_day_passed_then_asked(text), text


def test_a_due_day_asked_whether_is_not_said_to_have_passed():
    text = "Understood, thank you. In that case, could you confirm whether my dress is still due for delivery today?"
    assert not due_day_passed(text) and not lateness_asserted(text)


@pytest.mark.parametrize("text, starts", [
    ("You sorted my missing item really well last time. But this order was promised for Tuesday and it's Friday now, "
     "still no sign.", "But this order"),
    ("had a isue with a refund back in march but that got sortd ages ago. this is diferent, just wana know if my "
     "parcel's been sent", "this is diferent"),
])
def test_an_earlier_matter_settled_is_left_out(text, starts):
    assert asked_part(text).startswith(starts)


class StoryNet(DecodingNet):
    """refund_not_received on "paid" or "penny", request_refund on "refunds", deny on "reckon", order_status on "parcel"."""

    INTENTS = ("refund_not_received", "request_refund", "deny", "order_status", "out_of_scope", "item_damaged")

    def scores(self, text):
        return ([4.0 if "paid" in text or "penny" in text else 0.0, 5.0 if "refunds" in text else 0.0,
                 4.0 if "reckon" in text else 0.0, 1.0 if "parcel" in text else 0.0, 0.0, 0.0], [0.0, 1.0, 0.0])


def test_a_missing_order_paid_for_is_asked_where_not_a_refund():
    p = rule_predictor(StoryNet, {"refund_not_received": 5, "request_refund": 4, "order_status": 3})
    parsed = p.parse("orderd a few days back and paid strait away. havent had an email since. wheres my parcel up to?")
    assert parsed["intent"]["name"] == "order_status"
    # the money back asked about stays a refund missing
    assert p.parse("paid for it weeks ago, returned it, where is my refund")["intent"]["name"] == "refund_not_received"


def test_a_refund_asked_of_one_already_missing_is_not_a_second_request():
    p = rule_predictor(StoryNet, {"refund_not_received": 5, "request_refund": 4, "order_status": 3})
    parsed = p.parse("Honestly, does anyone there actually process refunds? I returned a skirt two weeks ago and "
                     "haven't seen a penny.")
    assert parsed["intent"]["name"] == "refund_not_received" and parsed["requests"] == []


def test_a_yes_or_no_not_said_is_no_answer_to_a_question_about_elsewhere():
    p = rule_predictor(StoryNet, {"refund_not_received": 5, "request_refund": 4, "order_status": 3})
    parsed = p.parse("Do you reckon the Lib Dems have any chance next time round? Silly question really")
    assert parsed["intent"]["name"] == "out_of_scope" and parsed["elsewhere"] is True
    # a no that starts the message stays one
    assert p.parse("no, I reckon the Lib Dems have no chance")["intent"]["name"] == "deny"


def test_the_parse_says_when_a_message_is_about_something_not_ours():
    p = rule_predictor(StoryNet, {"refund_not_received": 5, "request_refund": 4, "order_status": 3})
    assert p.parse("HOW CAN I CANCEL NETFLIX? THEY'RE STILL CHARGING ME EVERY MONTH")["elsewhere"] is True
    assert p.parse("where is my parcel")["elsewhere"] is False


@pytest.mark.parametrize("text", [
    "Right, I've had the longest week. Work's been manic, the car failed its MOT on Tuesday. So go on, I'm bored and "
    "fed up, do you know any good jokes?",
    "Hello. I know you're not Netflix but maybe you can point me in the right direction. We signed up for a free trial "
    "back in January for my son and nobody remembered to stop it. How do I cancel it?",
    "I just need someone neutral to confirm. Who is the author?",
])
def test_long_stories_ending_in_something_not_ours(text):
    assert about_another_business(text) or a_joke_asked(text), text


@pytest.mark.parametrize("text, asked", [
    ("human not bot", True), ("no bots, a person ideally", True), ("a human instead?", True),
    ("a human wrote this reply?", False),
])
def test_a_person_asked_for_in_a_few_words(text, asked):
    assert person_demanded(text) is asked


def test_the_customers_own_late_hours_are_no_late_delivery():
    assert not lateness_asserted("is my parcel with the dress still due today? I'm working late and want to know if "
                                 "someone needs to be home for it.")
    assert lateness_asserted("my parcel is running late and I'm working late too")


class LaterNet(DecodingNet):
    """refund_not_received on "Refund" or "back", inform on "thursday", delivery_late nowhere."""

    INTENTS = ("refund_not_received", "request_refund", "inform", "delivery_late", "item_damaged", "order_status")

    def scores(self, text):
        return ([4.0 if "Refund" in text or "back" in text else 0.0, 0.0, 4.0 if "thursday" in text else 0.0, 0.0,
                 0.0, 0.0], [3.0, 0.0, 0.0])


def test_a_refund_asked_for_a_fault_is_a_refund_to_start():
    p = rule_predictor(LaterNet, {"refund_not_received": 5, "request_refund": 4, "delivery_late": 3})
    assert p.parse("Hi. Toaster died already. Refund?")["intent"]["name"] == "request_refund"
    # the money back awaited after a return stays a refund missing
    assert p.parse("the toaster died so I sent it back, still no refund")["intent"]["name"] == "refund_not_received"


def test_a_due_day_passed_read_as_details_is_a_late_delivery():
    p = rule_predictor(LaterNet, {"refund_not_received": 5, "request_refund": 4, "delivery_late": 3})
    assert p.parse("said by monday. it's thursday. shocking")["intent"]["name"] == "delivery_late"


@pytest.mark.parametrize("text, asked", [
    ("I don't suppose I could speak to an actual person?", True),
    ("I don't suppose I could deal with a real person instead?", True),
    ("I don't want to deal with a person", False),
    ("I had to deal with a manager last week and it got me nowhere, still no refund", False),
    ("I've already had to chat with one of your team about this twice and still no refund", False),
    ("I want your advisor Tom to know he was brilliant, thank you", False),
])
def test_a_person_asked_for_with_a_hedge(text, asked):
    assert person_demanded(text) is asked


@pytest.mark.parametrize("text, starts", [
    ("dont want a refnd or anythin, i just want my order lol. wher is it at", "i just want my order"),
    ("is my pacel on its way yet? not looking to cancel, just curious wen it'll get here", "is my pacel on its way yet?"),
])
def test_more_ways_to_say_what_is_not_asked(text, starts):
    assert asked_part(text).startswith(starts)


@pytest.mark.parametrize("text", [
    "which Bronte sister wrote Jane Eyre? I always get them in the wrong order",
    "Is the government going to get voted out next time round? The leaflet deliveries through my door are relentless.",
    "How tall is the Eiffel Tower? somewhere around 300m?",
])
def test_our_words_in_other_senses_beside_trivia_and_politics(text):
    assert about_another_business(text), text


@pytest.mark.parametrize("text", [
    "How long is the wait?", "how far is the parcel from me?", "who wrote the reply I got, it's wrong",
    "is the government website down? I can't see my order",
])
def test_what_stays_ours_among_those_words(text):
    assert not about_another_business(text), text


def test_a_date_or_a_postcode_is_no_order_number():
    from nlu.entities import Found, merge

    def tagged(value):
        return Found(0, len(value), value, "order_id", "TransformerEntityExtractor")

    kept = merge([], [tagged("12/11"), tagged("LS6 2QT"), tagged("20001"), tagged("ORD-30001")])
    assert [f.value for f in kept] == ["20001", "ORD-30001"]


class ChargedNet(DecodingNet):
    """billing_charged_twice on "charged", track_delivery on "tracking"."""

    INTENTS = ("billing_charged_twice", "track_delivery", "order_status", "item_damaged")

    def scores(self, text):
        return ([5.0 if "charged" in text else 0.0, 2.0 if "tracking" in text else 0.0, 0.0, 0.0], [0.0, 1.0, 0.0])


def test_a_payment_told_as_done_beside_where_the_order_is_is_no_charge_complaint():
    p = rule_predictor(ChargedNet, {"billing_charged_twice": 5, "track_delivery": 3, "order_status": 3})
    assert p.parse("can u chek were my oder is pls, card was charged fine so just wondering if its been "
                   "sent")["intent"]["name"] == "order_status"
    # charged twice stays a charge, whatever else is asked
    assert p.parse("I was charged twice, where is my order")["intent"]["name"] == "billing_charged_twice"


@pytest.mark.parametrize("text, late", [
    ("ok no worries. I was wondering whether my dress is still due today", False),
    ("ah well. I don't suppose my dress is still turning up today?", False),
    ("it was suppose to come monday", True),
])
def test_a_hedged_question_about_today_is_no_lateness(text, late):
    assert lateness_asserted(text) is late


@pytest.mark.parametrize("text", [
    "How far is the driver?", "The kettle came in an Argos box and it's dented",
    "Please send the replacement to David Lloyd at the same address", "The lamp flickers in power saving mode",
    "Will it be pm? I have to go out in the morning", "I want to complain, who is the director of your company?",
    "Which driver wrote 'you were out' on the card? I was in all day!",
    "I'm on the 30-day trial for the mattress, it's too firm, can I swap it?",
    "Ordered a coffee box as a gift, not a subscription, but you've charged me again this month",
    "Please cancel the sub, I meant to buy the soundbar",
])
def test_what_the_review_found_stays_ours(text):
    assert not about_another_business(text), text


@pytest.mark.parametrize("text", [
    "I never got a refund from ASOS, how do I chase them?",
    "My Amazon parcel is late too, any idea how I contact them?",
])
def test_another_companys_own_business_named_without_comparing_stays_theirs(text):
    assert about_another_business(text), text


@pytest.mark.parametrize("text", [
    "I'm not telling jokes, the blender is leaking everywhere",
    "I didn't ask for a joke, I want my money back for the broken kettle",
    "This is getting beyond a joke, the headphones snapped again. Do you know any ones that last?",
])
def test_a_joke_spoken_of_in_anger_is_none_asked(text):
    assert not a_joke_asked(text), text


def test_a_phone_that_died_is_the_customers_not_a_fault_and_a_should_is_no_put_off():
    from nlu.delivery_feedback import fault_said
    from nlu.pleasantries import put_off

    assert not fault_said("My phone battery died when the courier rang, where is my parcel now?")
    assert fault_said("Toaster died already")
    assert not put_off("Not now, it should have arrived yesterday")
    assert put_off("I'll pass for now thanks, might be in by Monday")


@pytest.mark.parametrize("text, wrong", [
    ("the air fryer works absolutely fine but it's white and I ordered black", True),
    ("it's white when I ordered black. It works fine.", True),
    ("it's white rather than the black one I ordered", True),
    ("I ordered the white one and it's white, lovely", False),
])
def test_a_colour_chosen_told_after_the_one_come(text, wrong):
    assert sent_not_ordered(text) is wrong


def test_a_tv_box_not_working_is_theirs_and_a_joke_offered_in_return_is_asked():
    assert about_another_business("my sky box isnt working, need an engineer")
    assert a_joke_asked("Fancy telling me a joke? I'll return the favour with one of mine.")
