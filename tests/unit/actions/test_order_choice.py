import datetime as dt

import pytest

from actions import replies
from actions.order_choice import choose_order, named_orders, story_before
from tools.demo import demo_customers

CUSTOMERS = {c.customer_id: c for c in demo_customers(dt.date(2026, 11, 30))}
ALICE, BEN, DEV = CUSTOMERS["C1001"], CUSTOMERS["C1002"], CUSTOMERS["C1004"]


@pytest.mark.parametrize("customer,text,topic,expected", [
    (BEN, "my sofa is late", "delivery_late", "ORD-20002"),             # the product named wins over the latest
    (BEN, "has the phone case shipped", "order_status", "ORD-20001"),
    (BEN, "my parcel is late", "delivery_late", "ORD-20002"),            # the one we know is late
    (ALICE, "where is my order?", "order_status", "ORD-10001"),         # the only one still on its way
    (ALICE, "did that kettle ever turn up", "order_status", "ORD-10002"),
    (ALICE, "wheres me trainers", "order_status", "ORD-10001"),          # "trainers" after a determiner
    (ALICE, "gonna need a refund on them trainers tbh", "request_refund", "ORD-10001"),  # "them": those, as spoken
    (BEN, "the phone bits", "request_refund", "ORD-20001"),               # a product's first word and "bits"
    (DEV, "the air fryer arrived dented", "item_damaged", "ORD-40001"),
    (ALICE, "you sent me the wrong size trainers", "wrong_item", "ORD-10001"),  # two words between "the" and "trainers"
    # the state the customer describes narrows the orders that fit the request
    (ALICE, "the one that was already delivered, I want to return it", "request_refund", "ORD-10002"),
    (ALICE, "refund the one that hasn't arrived yet", "request_refund", "ORD-10001"),
    (BEN, "cancel the order that hasn't shipped yet", "cancel_order", "ORD-20001"),
    # a state ruled out is not the one meant
    (ALICE, "a refund on the one that actually arrived not the one that's still on its way", "request_refund",
     "ORD-10002"),
    # a product ruled out is not the one meant
    (BEN, "the phone case one not the sofa", "cancel_order", "ORD-20001"),
    (BEN, "the sofa, not the phone case", "cancel_order", "ORD-20002"),
    (BEN, "not the sofa, the other one", "cancel_order", "ORD-20001"),     # nothing discussed yet
    (ALICE, "send the kettle back, i'm keeping the trainers", "request_refund", "ORD-10002"),
    (BEN, "Can that order be cancelled please? The sofa's fine, leave that one.", "cancel_order", "ORD-20001"),
    (BEN, "the sofa is okay to cancel", "cancel_order", "ORD-20002"),
    # a product's name run together
    (BEN, "cancle my phonecase order pls", "cancel_order", "ORD-20001"),
    # a correction: what is named after it is meant
    (BEN, "the sofa. no wait sorry, the phone case one", "cancel_order", "ORD-20001"),
    (BEN, "phone case, actually make that the sofa", "cancel_order", "ORD-20002"),
    # more ways to describe the state
    (ALICE, "the one that already came", "request_refund", "ORD-10002"),
    (ALICE, "refund for the delivered one please", "request_refund", "ORD-10002"),
    (ALICE, "trainers", "order_status", "ORD-10001"),  # the product's last word alone
    (BEN, "sofa late. cancel phone case", "cancel_order", "ORD-20001"),  # the product after the request's verb
    (BEN, "the sofa is late so i want to return the phone case", "request_refund", "ORD-20001"),
    # a product word with a letter left out, "trainers" after "ordered", "the thing for my phone"
    (BEN, "pls cancle the phone cse order", "cancel_order", "ORD-20001"),
    (ALICE, "it was the wrong thing like i ordered trainers and got something else", "wrong_item", "ORD-10001"),
    (BEN, "please cancel the thing for my phone, found it cheaper elsewhere", "cancel_order", "ORD-20001"),
    (ALICE, "where are the running shoes at?", "order_status", "ORD-10001"),
    (ALICE, "kettle turned up fine ta, but where are the running shoes at?", "order_status", "ORD-10001"),
    # of two products named, the one the question names
    (ALICE, "Just wanted to say the kettle is lovely, really quiet. Are the trainers still on their way?",
     "order_status", "ORD-10001"),
    # the courier bringing it, the last digits of its number
    (BEN, "has XDP actually got my stuff yet or not", "order_status", "ORD-20002"),
    (ALICE, "the order ending 0002, when did that arrive?", "order_status", "ORD-10002"),
    # "no sorry" corrects too
    (ALICE, "i need to send back the trainers no sorry the kettle the kettle", "request_refund", "ORD-10002"),
    # of two products named, only one can be late
    (BEN, "I ordered a sofa and a phone case a while back. The case can wait, no rush. But the sofa was supposed "
          "to be here last week. Where is it?", "delivery_late", "ORD-20002"),
    (BEN, "the order that's still sat in your warehouse", "request_refund", "ORD-20001"),
    (BEN, "the one that hasn't left yet", "cancel_order", "ORD-20001"),
    (BEN, "any news on the order thats stuck? its been ages", "order_status", "ORD-20002"),
    (BEN, "the one that's taking forever", "order_status", "ORD-20002"),
    (BEN, "the late one", "order_status", "ORD-20002"),
    # another name for the product
    (ALICE, "oh and the runners, are they on the way yet?", "track_delivery", "ORD-10001"),
    (BEN, "has the couch left yet", "order_status", "ORD-20002"),
    # a product misspelt is still that product
    (ALICE, "can i get a refund on the kettel its broken", "request_refund", "ORD-10002"),
    (ALICE, "wheres my trainrs", "order_status", "ORD-10001"),
    (ALICE, "kettles broke", "item_damaged", "ORD-10002"),
    (BEN, "wheres mi sofaa", "order_status", "ORD-20002"),               # a four-letter product, a letter more
])
def test_the_order_meant(customer, text, topic, expected):
    assert choose_order(customer, text, topic).order.order_id == expected


def test_the_order_discussed_unless_the_customer_means_another():
    assert choose_order(BEN, "cancel it", "cancel_order", remembered_id="ORD-20002").order.order_id == "ORD-20002"
    # "an order", "something": not necessarily the one discussed, so ask which
    for text in ("I want to cancel an order", "can i cancel one of my orders"):
        choice = choose_order(BEN, text, "cancel_order", remembered_id="ORD-20002")
        assert choice.order is None and len(choice.candidates) == 2, text
    assert choose_order(ALICE, "i'd like my money back on something", "request_refund",
                        remembered_id="ORD-10001").order is None
    # "something's wrong with it" is about the order discussed
    assert choose_order(ALICE, "something's wrong with it", "item_damaged", remembered_id="ORD-10002").order.order_id == "ORD-10002"
    # a state the discussed order is not in points at another
    choice = choose_order(ALICE, "the one that already came", "request_refund", remembered_id="ORD-10001")
    assert choice.order.order_id == "ORD-10002"
    # a question about the discussed order's state is about that order
    for text in ("has it arrived yet", "has it been delivered"):
        assert choose_order(ALICE, text, "order_status", remembered_id="ORD-10002").order.order_id == "ORD-10002"
        assert choose_order(ALICE, text, "order_status", remembered_id="ORD-10001").order.order_id == "ORD-10001"


def test_a_correction_naming_both_again_still_asks():
    choice = choose_order(BEN, "sorry, I meant both the sofa and the phone case", "cancel_order")
    assert choice.order is None and len(choice.candidates) == 2
    # words that correct only at a clause's start
    for text in ("the sofa is actually late, and so is the phone case", "the sofa is late, sorry to moan, and the phone case"):
        assert len(choose_order(BEN, text, "cancel_order").candidates) == 2, text


def test_a_word_merely_spelt_like_a_product_names_no_order():
    # "settle" is as close to "kettle" as a typo, but starts differently: the same choice as without it
    settle = choose_order(ALICE, "can we settle this refund", "request_refund")
    assert settle == choose_order(ALICE, "can we sort this refund", "request_refund")
    assert settle.order is None and len(settle.candidates) == 2  # which one? both fit
    # a product's last word far from any determiner names nothing: "the receipt in case I need it"
    assert named_orders(BEN, "can you email me the receipt in case I need it") == []
    assert named_orders(ALICE, "can you recommend me some good trainers") == []
    # two four-letter words are close enough only when they are the same: "soda" is no sofa
    soda = choose_order(BEN, "cancel the soda please", "cancel_order")
    assert soda == choose_order(BEN, "cancel the thing please", "cancel_order")
    assert soda.order is None and len(soda.candidates) == 2


def test_ambiguous_requests_ask_which_with_the_candidates():
    choice = choose_order(BEN, "I want to cancel an order", "cancel_order")
    assert choice.order is None and [o.order_id for o in choice.candidates] == ["ORD-20001", "ORD-20002"]
    assert not choice.describe_all
    question = replies.which_order("cancel_order", choice.candidates)
    assert question.startswith("Which order would you like to cancel") and "ORD-20001" in question and "sofa" in question
    assert [b["payload"] for b in replies.order_buttons(choice.candidates)][0] == '/inform{"order_id": "ORD-20001"}'
    assert choose_order(BEN, "the phone case one", "cancel_order").order.order_id == "ORD-20001"


def test_status_of_several_open_orders_describes_each():
    choice = choose_order(BEN, "where's all my stuff", "order_status")
    assert choice.describe_all and len(choice.candidates) == 2
    text = replies.several_orders_reply(choice.candidates, BEN)
    assert "ORD-20001" in text and "ORD-20002" in text and text.startswith("Ben")


def test_orders_asked_about_together_are_all_described_delivered_ones_too():
    for text in ("where are my things", "what orders have I got with you at the moment"):
        choice = choose_order(ALICE, text, "order_status")
        assert choice.describe_all and {o.order_id for o in choice.candidates} == {"ORD-10001", "ORD-10002"}, text
    text = replies.several_orders_reply(choice.candidates, ALICE)
    assert "2 orders with us" in text and "in progress" not in text and "delivered" in text
    assert choose_order(ALICE, "where is my order", "order_status").order.order_id == "ORD-10001"  # the one on its way
    assert choose_order(ALICE, "where are my things", "cancel_order").candidates == []  # only a status question


def test_ids_common_words_and_memory():
    assert choose_order(BEN, "what about ORD-10001", "order_status", named_id="ORD-10001").unknown_id == "ORD-10001"
    assert choose_order(BEN, "in case it matters: status of ORD-20002?", "order_status",
                        named_id="ORD-20002").order.order_id == "ORD-20002"
    assert choose_order(BEN, "in case you wondered", "order_status").describe_all  # "in case" names no phone case
    assert choose_order(BEN, "and is it late?", "delivery_late", remembered_id="ORD-20001").order.order_id == "ORD-20001"


def test_an_order_pointed_at_by_its_number_or_as_the_other_one():
    assert choose_order(BEN, "20002", "order_status").order.order_id == "ORD-20002"
    assert choose_order(BEN, "#20001 cancel pls", "cancel_order").order.order_id == "ORD-20001"
    # someone else's number is no pointer: the usual choice applies
    assert choose_order(BEN, "10001", "cancel_order").candidates
    other = choose_order(BEN, "sorry i meant the other order", "order_status", remembered_id="ORD-20001")
    assert other.order.order_id == "ORD-20002"
    # "the other one" needs an order being discussed and exactly one other
    assert choose_order(BEN, "the other one", "order_status").order is None
    assert choose_order(DEV, "the other one", "order_status", remembered_id="ORD-40001").order.order_id == "ORD-40001"


def test_an_order_still_due_is_on_time_and_a_delayed_one_is_not():
    trainers, kettle = ALICE.orders  # shipped, due 2 Dec; delivered
    assert trainers.on_time("2026-11-30") and not trainers.on_time("2026-12-03")
    assert not kettle.on_time("2026-11-30")
    sofa = BEN.order("ORD-20002")
    assert sofa.status == "delayed" and not sofa.on_time("2026-11-30")


def test_a_request_after_a_story_is_about_the_order_the_story_names():
    story = "So I bought a kettle a month ago. It leaked so I sent it back. I still haven't seen the money."
    clause = "I still haven't seen the money"
    assert "kettle" in story_before(story, clause, ALICE, None)
    assert choose_order(ALICE, story_before(story, clause, ALICE, None), "refund_not_received").order.order_id == "ORD-10002"
    # the clause's own pointer wins; "my other order" is no story's; a clause at the start has none before it
    assert story_before("the kettle broke. where are my trainers", "where are my trainers", ALICE, None) is None
    assert story_before("my sofa is late. can I cancel my other order", "can I cancel my other order", BEN, None) is None
    assert story_before("where is it", "where is it", ALICE, None) is None


def test_tracking_an_order_that_has_shipped_without_a_link_names_its_courier():
    sofa = BEN.order("ORD-20002")  # delayed with XDP, no tracking link
    reply = replies.order_reply("track_delivery", sofa, BEN)
    assert "XDP" in reply and "as soon as it ships" not in reply
    case = BEN.order("ORD-20001")  # still in the warehouse
    assert "as soon as it ships" in replies.order_reply("track_delivery", case, BEN)


@pytest.mark.parametrize("text, picked", [
    ("Has the second one been delivered?", "ORD-10002"),
    ("and the first one?", "ORD-10001"),
    ("the latter", "ORD-10002"),
    ("second", "ORD-10002"),
    ("this is the first time I ordered from you", None),  # not a place in the list
])
def test_an_order_picked_by_its_place_in_the_list_just_shown(text, picked):
    from actions.order_choice import listed_order_id

    shown = "Which order do you mean: ORD-10001 (running trainers) or ORD-10002 (kettle)?"
    assert listed_order_id(text, shown) == picked
    assert listed_order_id(text, "Alice, your order ORD-10001 is on its way.") is None  # nothing listed


def test_the_last_digits_of_an_order_number_said_pick_it():
    # the NLU may tag "0002" as the order id
    assert choose_order(ALICE, "the order ending 0002, when did that arrive?", "order_status",
                        named_id="0002").order.order_id == "ORD-10002"
    assert choose_order(ALICE, "what about 0002", "order_status", named_id="0002").unknown_id is not None


def test_two_products_after_the_verb_still_ask_which():
    assert choose_order(BEN, "cancel the sofa and the phone case", "cancel_order").candidates
    assert choose_order(BEN, "can i cancel? the sofa or the phone case", "cancel_order").candidates



def test_a_refund_for_something_sent_back_is_never_about_an_order_still_coming_or_another_product():
    chloe, alice, dev = CUSTOMERS["C1003"], ALICE, DEV
    # Chloe's only order is out for delivery: no refund can be owed on it
    assert choose_order(chloe, "i sent bak a handbag 3 weeks ago and no refund", "refund_not_received").order is None
    assert choose_order(chloe, "still no refund for my return", "refund_not_received").order is None
    # Alice's kettle came: a refund not received may be for it, unless another thing was sent back
    assert choose_order(alice, "still no refund for my return", "refund_not_received").order.order_id == "ORD-10002"
    assert choose_order(alice, "the jumper I returned was signed for weeks ago", "refund_not_received").order is None
    assert choose_order(alice, "I sent the kettle back, where's my money", "refund_not_received").order.order_id == "ORD-10002"
    assert choose_order(dev, "I sent a cycle helmet back in January", "refund_not_received").order is None
    assert choose_order(dev, "I sent the parcel back ages ago", "refund_not_received").order.order_id == "ORD-40001"


def test_where_or_when_with_a_delivered_order_as_background_is_about_the_one_still_coming():
    text = ("Hi. I bought a kettle from you last month and it's been great. Now I've ordered some trainers for my "
            "son's birthday on Saturday. Will they get here in time?")
    assert choose_order(ALICE, text, "track_delivery").order.order_id == "ORD-10001"
    # both asked about: both described
    both = choose_order(ALICE, "what about the kettle? and where are the trainers?", "order_status")
    assert both.order is None and len(both.candidates) == 2
    # both named together: both described
    both = choose_order(ALICE, "Hi! Quick question about my two orders, the trainers and the kettle.", "order_status")
    assert both.order is None and len(both.candidates) == 2


def test_a_long_time_for_something_that_small_is_the_order_being_discussed():
    text = "Processing? I ordered it on Tuesday. Is that normal? Seems a long time for something that small."
    assert choose_order(BEN, text, "order_status", remembered_id="ORD-20001").order.order_id == "ORD-20001"
    # an order of something else is still another order
    assert choose_order(BEN, "I want a refund for something I bought", "request_refund",
                        remembered_id="ORD-20001").order is None
