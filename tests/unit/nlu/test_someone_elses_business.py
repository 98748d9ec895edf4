"""Off-topic near misses: another company's or somebody else's service, told in the words of our own business
(an order, a refund, a charge, an account), and what stays ours however it sounds."""

import pytest

from nlu.asked import asked_part
from nlu.delivery_feedback import not_as_described, part_missing
from nlu.elsewhere import a_joke_asked, about_another_business, about_us
from nlu.evidence import arrival_missed
from nlu.thanks import thanks_the_point
from tests.unit.nlu.tiny import DecodingNet, rule_predictor


@pytest.mark.parametrize("text", [
    "my hotel booking on booking.com got cancelled and they havent refunded me",  # the dot in a name ends nothing
    "dominos charged my card twice for one pizza",
    "i ordered trainers from jd sports and they sent the wrong size",
    "my ocado order was missing the milk and bread",
    "i bought something off vinted and it never came",
    "my train to london is delayed 40 mins, can i get a refund",
    "i ordered a taxi 30 min ago and its still not here",
    "my takeaway came cold and soggy, can you refund me, it was from the chinese down the road",
    "santander took money out twice for my mortgage, who do i ring",
    "my universal credit payment hasn't come in",
    "i got charged for a parking ticket i already paid",
    "evri left my parcel in the bin, it was from a different shop",
    "hermes driver threw my parcel over the fence, it's not even from you lot",
    "facebook locked my account and I can't get back in",
    "i think someone has hacked my paypal",
    "is tesco hiring at the moment",
    "how do i track a parcel i'm sending to my sister in spain with parcelforce",
    "when's the next grand prix",
    "what's the quickest way to the M6 from here",
    "my laptop is running really slow, any ideas",
    "how do i get my money back off my mate he owes me 200 quid",
])
def test_somebody_elses_business_is_not_ours(text):
    assert about_another_business(text), text


@pytest.mark.parametrize("text", [
    "I'm calling from the train and the signal is dreadful round here. What times are your phone lines open?",
    "Sat on the bus, just wondering when my trainers will come",
    "i paid with apple pay and got charged twice",
    "I found you on google, do you deliver to Ireland?",
    "the laptop I bought from you keeps freezing",
    "my new laptop is really slow, can I send it back",
    "I ordered a train set for my son and it arrived broken",
    "the passport holder I ordered came without the strap",
    "this is the worst customer service i've ever experienced and i've dealt with BT",
    "the steam is coming out of the sides of the kettle",
])
def test_what_is_ours_however_it_sounds(text):
    assert not about_another_business(text), text


def test_a_settled_matter_before_the_request_is_left_out():
    text = ("Hey, the refund for the jeans I returned landed this morning so all sorted there, cheers. Now I've got a new "
            "order on its way, a phone charger and a cable. When is that one due to arrive?")
    assert asked_part(text).startswith("Now I've got a new order")
    text = ("The replacement blender you sent is great, thanks a lot for that. But I was also promised a refund of the "
            "delivery fee on the original order and that never came. Could you look into it?")
    assert asked_part(text).startswith("But I was also promised a refund")


@pytest.mark.parametrize("text, praise", [
    ("Just to say, I thought about cancelling my order when I saw the delivery date, but it actually came two days "
     "early. Really impressed. That's why I keep coming back.", False),  # a "but" keeps it a story
    ("Alright, fair play to you lot, the kettle I bought three years ago is still going strong. Great quality, that's "
     "all I wanted to say.", True),
    ("so i just wanna say the delivery driver yesterday was so lovely he carried the box upstairs for my nan", True),
    ("I wanted to say the sofa is brilliant. When will the cushions come?", False),  # asked besides
])
def test_praise_as_the_point_of_the_message(text, praise):
    assert thanks_the_point(text) is praise


@pytest.mark.parametrize("text, said", [
    ("Just letting you know the curtains are about 20cm shorter than the listing says.", True),
    ("I was rather hoping the armchair would be the grey shown on the website. It's more of a beige.", True),
    ("the sofa looks nothing like the picture", True),
    ("the armchair is exactly as shown on the website, it's lovely", False),
    ("is the blue one darker than the navy?", False),
])
def test_an_item_not_as_described(text, said):
    assert not_as_described(text) is said


def test_a_part_missing_said_of_what_would_arrive():
    assert part_missing("I'm rather surprised that a £700 sofa would arrive without its feet.")


@pytest.mark.parametrize("text, missed", [
    ("i payed for next day delivry and its now day 4 wtf", True),
    ("Not being funny but I paid for next day delivery and we're on day three.", True),
    ("ur website said 3 to 5 workin days its been 10", True),
    ("im so fed up, thrid time ive been told itll come tomoro and nothin", True),
    ("I paid for next day delivery, will it come tomorrow?", False),
])
def test_a_delivery_said_to_have_missed_its_day(text, missed):
    assert arrival_missed(text) is missed


def test_a_journey_or_a_shop_beside_an_order_of_ours_leaves_the_order_ours():
    text = ("So I ordered a summer dress for my holiday. The flight is on Saturday morning. I've checked the tracking "
            "twice today and I'm getting really nervous. Is it actually going to arrive today?")
    assert not about_another_business(text)
    text = ("This time though, the trainers I ordered are a bit too small, my fault entirely as I usually go a size up "
            "at Sports Direct. I'd like to send them back and get my money back if that's possible.")
    assert not about_another_business(text) and about_us(text) is None


@pytest.mark.parametrize("text", [
    "I've never ordered from you before, do you deliver to Northern Ireland?",
    "I know it's nothing to do with you but the DPD driver was so rude",
    "the parcel I've sent back hasn't been received yet",
    "I'm on universal credit and you charged me twice, I need that money back",
    "my flight home got delayed so I missed the driver, can you send it again",
    "my passport was in the handbag I sent back, can you check",
    "I'm with EE and I'm not getting your delivery texts",
    "send it to my hotel instead please",
    "my flat is up a flight of stairs, will they carry the sofa up?",
    "do you take the old sofa away or do I have to take it to the tip?",
    "will the england shirt arrive before the euros?",
    "I'm hiring a van to pick up the sofa, what time can I collect",
    "I got a text saying my parcel is held for a fee, is it not from you?",
    "they still owe me £30 from the jeans I sent back",
    "my laptop keeps crashing when I try to pay on your website",
    "paypal has locked my account, can I pay by card instead?",
    "Got my kettle from you fine.My sofa is late, when will it come?",
])
def test_ours_though_it_names_somebody_elses_thing(text):
    assert not about_another_business(text), text


def test_what_the_review_found_of_the_other_rules():
    assert asked_part("The air fryer landed today but it doesn't turn on. What do I do now?").startswith("The air fryer")
    assert not thanks_the_point("I'm not really impressed with the quality of the jeans.")
    assert not not_as_described("They're really comfy, just as pictured on the website")
    assert not not_as_described("the delivery took way longer than the website said")
    assert not_as_described("it looks completely different to the pictures online") is False  # said otherwise: left to the model
    assert not_as_described("the colour is nothing like the photo")
    assert not part_missing("Can the sofa be delivered without a signature please")


def test_a_request_of_us_beside_somewhere_else_stays_and_a_prescription_order_is_the_pharmacys():
    assert about_us("Can you cancel the trainers please, found them cheaper elsewhere. And what are your customer "
                    "service hours?") is None
    assert about_another_business("My doctor's surgery keeps cancelling my appointment and now the pharmacy says my "
                                  "prescription order isn't ready. Who do I complain to?")


@pytest.mark.parametrize("text", [
    "How do I cancel Netflix? They're still charging me every month",
    "Is there a way to cancel my Netflix? The monthly payments keep coming out",
    "I want to cancel my Netflix membership but can't find where to do it",
    "HOW DO I GET NETFLIX TO STOP TAKING MY MONEY EVERY MONTH",
    "netflix wont stop charging me ffs how do i cancel it",
    "WHO WILL WIN THE NEXT ELECTION",
    "which party do you think will be in government after the next election?",
    "PRIDE AND PREJUDICE, WHO WROTE IT",
    "who was it that wrote Pride and Prejudice? We can't agree in the office.",
    "what's the capital of australia",
])
def test_another_companys_dealings_and_general_knowledge_are_not_ours(text):
    assert about_another_business(text), text


@pytest.mark.parametrize("text", [
    "I want to cancel my order, found it cheaper on amazon",
    "can you cancel my order? found it cheaper on amazon",
    "who wrote this reply, it makes no sense",
    "my order is a joke, where is it",
])
def test_ours_though_it_names_a_shop_or_sounds_like_a_quiz(text):
    assert not about_another_business(text), text


@pytest.mark.parametrize("text, joke", [
    ("cheer me up mate, give us ur best joke", True),
    ("Hello, I was wondering whether you know any good jokes? My son wants to hear one", True),
    ("Be honest, can bots even tell jokes? Give it a go, make me laugh", True),
    ("tell me a joke about kettles", True),
    ("this is a joke, where is my parcel", False),
    ("what a joke of a company", False),
    ("Are you trying to be funny? I've been waiting 3 weeks", False),
    ("Honestly the quality is a joke for £80", False),
    ("you lot are a total joke", False),
])
def test_a_joke_asked_for(text, joke):
    assert a_joke_asked(text) is joke


class AssistantNet(DecodingNet):
    """bot_challenge, sure, on "bot"; speak_to_human, sure, on "chatbot"; order_status, sure, on "parcel"."""

    INTENTS = ("bot_challenge", "speak_to_human", "order_status", "out_of_scope")

    def scores(self, text):
        return ([4.0 if "bot" in text and "chatbot" not in text else 0.0, 4.0 if "chatbot" in text else 0.0,
                 5.0 if "parcel" in text else 0.0, 0.0], [0.0, 1.0, 0.0])


def test_a_joke_asked_for_is_off_topic_whoever_it_is_asked_of():
    p = rule_predictor(AssistantNet, {"order_status": 3})
    assert p.parse("Be honest, can bots even tell jokes? Give it a go, make me laugh")["intent"]["name"] == "out_of_scope"
    assert p.parse("do you know any good jokes? my son wants to hear one from a chatbot")["intent"]["name"] == "out_of_scope"
    # an order asked about besides is still asked about
    assert p.parse("tell me a joke, where's my parcel")["intent"]["name"] == "order_status"


@pytest.mark.parametrize("text", [
    "How do I cancel my Which? membership? They take it by direct debit every month and I never read the magazine",
    "Can you cancel my NOW TV pass for me? £9.99 a month for nothing",
    "Signed up to The Times online for £1 and now they're charging me full price every month. How do I cancel?",
    "deliveroo plus cancel how",
    "got a leaflet thru the door from the lib dems this morning, are they any good or is it a wasted vote",
    "wich party shud i vote 4 nxt time, they all seem rubish",
    "Are you a Labour bot or a Tory bot? Be honest.",
])
def test_a_subscription_to_stop_and_politics_are_not_ours(text):
    assert about_another_business(text), text


@pytest.mark.parametrize("text", [
    "you keep charging me every month, how do I cancel",  # a charge of ours, however it recurs
    "can you cancel my order, I'll pass on it",
    "I've got a premium delivery booked, can I cancel it?",
    "It's been more than a week, I want to cancel",
    "I cancelled a week ago and still haven't had my money back",
    "My sky blue dress arrived torn",
    "I returned the boots 2 weeks ago at the Post Office. Post Office still shows it as not scanned, where is my refund?",
    "Can I get my refund on my Amazon gift card?",
    "Can I stop the direct debit now that I've sent it back?",
    "At the end of the day I paid premium price for this jacket and the zip broke",
    "I've moved, my new address is 14 Parliament Street, York",
    "Do I have to pay customs charges since Brexit?",
])
def test_a_charge_or_an_order_of_ours_stays_ours(text):
    assert not about_another_business(text), text


def test_everyday_life_beside_an_order_on_its_way_leaves_the_order():
    assert about_us("what's the capital of australia? also is my dress still coming today") == (
        "also is my dress still coming today")
    # "coming out" is a payment leaving, not an order coming
    assert about_us("Where in the Netflix app is the option to cancel my membership? The monthly charge keeps coming "
                    "out.") is None
    assert about_us("Can you tell me how to cancel my gym membership? Broke my ankle and won't be going for months") is None


@pytest.mark.parametrize("text", [
    "Do you know any good puns? Need one for my nan's birthday card",
    "Give us a tongue twister? I'm practising for the school panto",
    "Got a daft fun fact for me? Something I can come out with down the pub later",
    "whats a good chat up line lol asking for a mate",
    "ok bit of a weird ask but can you do an impression of a pirate for me? arrr",
    "cmon tel me a jok, i ned a gud laff rite now",
])
def test_small_requests_of_the_bot_for_fun(text):
    assert a_joke_asked(text), text


def test_politics_with_our_words_in_it_is_still_politics_and_an_order_named_is_ours():
    assert about_another_business("Politicians promise the earth and deliver nothing. Who's going to win the next "
                                  "general election?")
    assert not about_another_business("I voted with my wallet and ordered from you, who wrote the delivery note on "
                                      "my order? it says the wrong address")


@pytest.mark.parametrize("text", [
    "Long story, but my ex set up a Tinder Gold account on my card years ago and it's STILL taking money every month. How "
    "do I get rid of it",
    "Hello, please how I can stop my Netflix? Every month they take money from my card",
    "how many pints are in a gallon? brewing my own beer",
    "How many time zones does Russia have? My brother's on a train",
    "how long is a marathon in miles? sponsored my mate",
    "In your opinion which party has the best plan for the NHS?",
    "Should junior doctors get the pay rise they're striking for?",
])
def test_more_of_what_is_not_ours(text):
    assert about_another_business(text), text


def test_more_small_requests_for_fun_and_what_stays_ours():
    assert a_joke_asked("Got a funny story for me") and a_joke_asked("Think of a number between one and ten")
    assert a_joke_asked("Dear bot, my daughter has asked me to ask you for your silliest joke about animals")
    assert not about_another_business("how many items are in my order?")
    assert not about_another_business("can you stop my order please")


@pytest.mark.parametrize("text", [
    "The budget headphones I bought stopped working after a week.",
    "The government website says I have 30 days to reject a faulty item, so I want my money back.",
    "How many pieces are in a set? I only got 5 in the box.",
    "How many speeds does it have? The listing doesn't say.",
    "I'm getting marketing emails every week, how do I get rid of them?",
])
def test_what_the_second_review_found_stays_ours(text):
    assert not about_another_business(text), text
    assert not a_joke_asked("Your delivery service is the biggest joke going, I've waited all day.")
    assert not a_joke_asked("Would you rather I post it or drop it at a collection point?")
