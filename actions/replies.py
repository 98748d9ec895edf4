"""The words of personalised replies, as plain functions of customer, order and mood."""

from __future__ import annotations

from typing import List, Optional

from actions.profiles import Customer, Order
from actions.tone import Mood

UNEXPECTED_CHARGE = "billing_unexpected_charge"
PART_MISSING = "item_damaged_part_missing"  # a damage complaint that is a part or item missing from the box

COMPLAINTS = {
    "delivery_late": "your delivery running late",
    "item_damaged": "your item arriving damaged",
    "wrong_item": "receiving the wrong item",
    "refund_not_received": "your refund not arriving yet",
    "billing_charged_twice": "being charged twice",
    # the billing complaint when the customer does not say the charge was doubled (actions.actions.complaint_kind)
    UNEXPECTED_CHARGE: "a charge you weren't expecting",
    # a damage complaint about something not in the box (actions.actions.complaint_kind)
    PART_MISSING: "something missing from your order",
}

_STATUS = {
    "processing": "is being prepared in our warehouse and should ship soon{eta}",
    "shipped": "is on its way with {carrier}{eta}",
    "out_for_delivery": "is out for delivery today with {carrier}",
    "delivered": "was delivered{eta_delivered}",
    "delayed": "is running late, I'm sorry; the new estimate is{eta_plain}",
    "cancelled": "was cancelled",
    "cancellation_requested": "has a cancellation request in progress",
}


def greeting(customer: Optional[Customer]) -> str:
    if customer is None:
        return "Hi! I'm the virtual assistant. How can I help with your order today?"
    return f"Hi {customer.first_name}, welcome back! How can I help you today?"


def call_greeting(customer: Optional[Customer]) -> str:
    if customer is None:
        return "Hello, thanks for calling. I'm the virtual assistant. How can I help with your order today?"
    return f"Hello {customer.first_name}, thanks for calling. How can I help you today?"


def silent_goodbye() -> str:
    return "I still can't hear anything, so I'll end the call now. Please call back any time. Goodbye."


def empathy(mood: Mood) -> str:
    """Opening words for an upset customer; empty when they are not upset."""
    # no name here: the sentence that follows already uses it
    return "I'm really sorry for the frustration. " if mood.upset else ""


def not_there_yet() -> str:
    """Before where an order is, to a customer who complains it has not come though it is not late yet."""
    return "I'm sorry it hasn't reached you yet."


def describe_order(order: Order, first_name: Optional[str] = None) -> str:
    eta = f" (expected {order.eta})" if order.eta else ""
    text = _STATUS.get(order.status, "has status '{status}'").format(
        eta=eta, carrier=order.carrier or "our courier", status=order.status,
        eta_delivered=f" on {order.eta}" if order.eta else "",
        eta_plain=f" {order.eta}" if order.eta else " not available yet",
    )
    items = ", ".join(order.items)
    whose = f"{first_name}, your" if first_name else "Your"
    return f"{whose} order {order.order_id} ({items}) {text}."


def order_reply(topic: str, order: Order, customer: Customer) -> str:
    base = describe_order(order, customer.first_name)
    if topic == "track_delivery":
        if order.tracking_url:
            return f"{base} You can follow it live here: {order.tracking_url}"
        if order.status == "delivered":
            return base
        if order.status != "processing" and order.carrier:
            # it has shipped: "as soon as it ships" would contradict the line before
            return f"{base} It's with {order.carrier}; they haven't shared a tracking link for it yet."
        return f"{base} Tracking becomes available as soon as it ships."
    if topic == "cancel_order":
        if order.status == "processing":
            return (f"I've asked the warehouse to cancel {order.order_id}. You'll get a confirmation "
                    f"by {customer.preferred_contact} shortly, and any payment is refunded automatically.")
        if order.status in ("cancelled", "cancellation_requested"):
            return f"{order.order_id} is already being cancelled; nothing more to do."
        return (f"{base} It has already left our warehouse, so it can't be cancelled now, "
                "but you can return it free of charge within 30 days for a full refund.")
    if topic == "request_refund":
        if order.status == "delivered":
            return (f"{base} You can return it within 30 days from your account's Orders page; "
                    "the refund reaches your original payment method 3–5 working days after it arrives back.")
        if order.status == "processing":
            return f"{base} It hasn't left our warehouse yet, so I can cancel it for a full refund — shall I?"
        return (f"{base} It's already on its way: you can refuse the delivery, or return it free of charge "
                "within 30 days of it arriving, and you'll be refunded in full.")
    return base


def cancellation_withdrawn(order: Order, customer: Customer) -> str:
    return (f"No problem, I've withdrawn the cancellation: {order.order_id} isn't cancelled. "
            + describe_order(order, customer.first_name))


def _order_label(order: Order) -> str:
    return f"{order.order_id} ({', '.join(order.items)})"


_WHICH = {
    "cancel_order": "Which order would you like to cancel",
    "request_refund": "Which order would you like a refund for",
    "track_delivery": "Which order would you like to track",
}


WHICH_ORDER_OPENINGS = (*_WHICH.values(), "Which order do you mean")


def which_order(topic: str, candidates: List[Order]) -> str:
    labels = [_order_label(o) for o in candidates]
    listed = ", ".join(labels[:-1]) + f" or {labels[-1]}" if len(labels) > 1 else labels[0]
    return f"{_WHICH.get(topic, 'Which order do you mean')}: {listed}?"


def order_buttons(candidates: List[Order]) -> List[dict]:
    """One button per order; its payload names the order without going through the NLU."""
    return [{"title": _order_label(o), "payload": f'/inform{{"order_id": "{o.order_id}"}}'} for o in candidates]


def several_orders_reply(orders: List[Order], customer: Customer) -> str:
    lines = [describe_order(o) for o in orders]
    open_ = sum(o.status not in ("delivered", "cancelled") for o in orders)
    counted = "in progress" if open_ == len(orders) else "with us"
    return f"{customer.first_name}, you have {len(orders)} orders {counted}. " + " ".join(lines)


SIGN_IN_NEEDED = "I can only share order details once you're signed in"


def anonymous_order_reply(order_id: Optional[str]) -> str:
    ref = f" with {order_id}" if order_id else ""
    return (f"I can help{ref}, but for your security {SIGN_IN_NEEDED}. Please sign in on our website "
            "or app and ask me again, or say 'agent' to talk to a member of our team.")


def sign_in_why() -> str:
    """The answer to "can't you just tell me yes or no?" after being asked to sign in."""
    return ("I'm sorry, I can't share anything about an order, even whether it has shipped, until you're "
            "signed in: that keeps your orders private. Sign in on our website or app and ask me again, or "
            "say 'agent' and a member of our team will check it with you.")


def ask_phone_digits(order_id: str) -> str:
    return (f"I can help with {order_id}. To make sure it's you, what are the last four digits of the "
            "phone number on your account?")


def caller_verified(customer: Customer) -> str:
    return f"Thank you, {customer.first_name}."


def verification_retry() -> str:
    return "Sorry, that doesn't match what we have. Could you tell me the last four digits of your phone number again?"


def verification_failed() -> str:
    return ("Sorry, I couldn't confirm it's you, so I can't share the order details. Say 'agent' or press zero "
            "to talk to a member of our team.")


def no_orders_reply(customer: Customer) -> str:
    return f"I can't see any orders on your account yet, {customer.first_name}."


def unknown_order_reply(order_id: str, customer: Customer) -> str:
    recent = ", ".join(o.order_id for o in customer.orders[:3]) or "none yet"
    return f"I couldn't find {order_id} on your account, {customer.first_name}. Your recent orders are: {recent}."


def complaint_opening(intent: str, customer: Optional[Customer]) -> str:
    what = COMPLAINTS.get(intent, "this")
    name = f" {customer.first_name}" if customer else ""
    return f"I'm sorry about {what}{',' + name if name else ''}. "


# what the answer to a damaged item offers (a reply to it choosing a replacement is not apologised to again)
REMEDIES_OFFERED = "free replacement or refund"

# complaints made with the item in hand, whatever the order's recorded status says
ITEM_IN_HAND = frozenset({"item_damaged", "wrong_item", PART_MISSING})


def complaint_reply(intent: str, customer: Optional[Customer], order: Optional[Order]) -> str:
    opening = complaint_opening(intent, customer)
    if order is not None and intent in ITEM_IN_HAND and order.status != "delivered":
        # the customer is holding the item: "is out for delivery today" would contradict them
        about = f"This is about your order {_order_label(order)}. "
    else:
        about = f"{describe_order(order)} " if order else ""
    next_step = {
        "delivery_late": "I've flagged it with the courier so it gets priority.",
        "item_damaged": f"Please keep the item and packaging; we'll send a {REMEDIES_OFFERED}, whichever you prefer.",
        "wrong_item": "We'll send the right item out today with a free returns label for the wrong one.",
        "refund_not_received": "Refunds can take up to 5 working days to show; I've asked our payments team to check yours.",
        "billing_charged_twice": "A duplicate charge is usually a pending authorisation that drops off within 3 days; I've asked our payments team to confirm.",
        UNEXPECTED_CHARGE: "I've asked our payments team to check it; anything you were charged by mistake goes back to your original payment method.",
        PART_MISSING: f"We'll send what's missing, or a {REMEDIES_OFFERED} of the whole item, whichever you prefer.",
    }.get(intent, "I've noted it for our team.")
    return opening + about + next_step


def replacement_reply(intent: str, order: Order, customer: Optional[Customer], apologised: bool) -> str:
    """A replacement arranged: after our apology and offer, or asked for with the complaint itself,
    when the apology comes first."""
    if apologised:
        return replacement_arranged(order, customer)
    return complaint_opening(intent, customer) + replacement_arranged(order, None)


def replacement_arranged(order: Order, customer: Optional[Customer]) -> str:
    name = f"{customer.first_name}, " if customer else ""
    return (f"{name}I've arranged a free replacement for your order {_order_label(order)}: it goes out today, "
            "and the courier will collect the one you have when they deliver it.")


def no_number_needed(customer: Customer) -> str:
    listed = " or ".join(_order_label(o) for o in customer.orders)
    return f"No need, {customer.first_name}: you're signed in, so I can see your orders. Which one is it: {listed}?"


def address_change(order: Optional[Order], customer: Optional[Customer]) -> str:
    name = f", {customer.first_name}" if customer else ""
    about = f" for your order {_order_label(order)}" if order is not None else ""
    return (f"I can't change an address myself{name}, but one of our team can{about}, and they can see our "
            "conversation. Would you like me to put you through? (yes/no)")


def delivery_preference(order: Order, customer: Optional[Customer]) -> str:
    """Where or when a parcel on its way is left, for the one order it is about."""
    whose = f"{customer.first_name}, your" if customer else "Your"
    carrier = order.carrier or "our courier"
    if order.tracking_url:
        return (f"{whose} order {_order_label(order)} is with {carrier}. On their tracking page you can ask them to "
                f"leave it with a neighbour or in a safe place, or pick another day: {order.tracking_url}")
    return (f"{whose} order {_order_label(order)} is with {carrier}, who haven't shared a tracking page for it yet. "
            "One of our team can pass a delivery note to them: just say 'agent'.")


def account_closure(customer: Optional[Customer]) -> str:
    name = f", {customer.first_name}" if customer else ""
    return (f"I can't close an account or erase its data myself{name}, but one of our team can, and they can see "
            "our conversation. Would you like me to put you through? (yes/no)")


def question_for_the_team(order: Optional[Order], customer: Optional[Customer]) -> str:
    name = f", {customer.first_name}" if customer else ""
    about = f" about your order {_order_label(order)}" if order is not None else ""
    return (f"I'm sorry, I'm not sure I can answer that{about} myself{name}. "
            "One of our team can see our conversation and answer it: would you like me to put you through? (yes/no)")


# the words of the offer of a person, by which the actions know it was just made
OFFER_OF_A_PERSON = "put you through to one of our team"


def offer_human(customer: Optional[Customer]) -> str:
    if customer is not None:
        return f"Would you like me to {OFFER_OF_A_PERSON}, {customer.first_name}? (yes/no)"
    return f"Would you like me to {OFFER_OF_A_PERSON}? (yes/no)"


def handoff_reply(position: int, wait_minutes: int, customer: Optional[Customer]) -> str:
    contact = f" If we miss you here, we'll reach you by {customer.preferred_contact}." if customer else ""
    return (f"I've passed our conversation to a member of our customer care team. You're number {position} "
            f"in the queue (about {max(1, wait_minutes)} min). They'll reply right here and can see what "
            f"we've discussed, so you won't need to repeat yourself.{contact}")


def call_transfer_reply(customer: Optional[Customer]) -> str:
    """A caller is transferred when the call leaves the assistant: no queue to wait in here."""
    name = f", {customer.first_name}" if customer else ""
    return (f"I'm putting you through to a member of our customer care team now{name}. They can see what "
            "we've discussed, so you won't need to repeat yourself.")


def handoff_unavailable() -> str:
    return ("I'm sorry, I couldn't reach our agents' queue just now. "
            "Please call us on 0800 000 0000 (8am–8pm) and we'll help straight away.")


def still_queued(position: int, wait_minutes: int) -> str:
    return (f"You're still in the queue for a member of our team: number {position} (about "
            f"{max(1, wait_minutes)} min). They'll reply right here. If you'd rather carry on with me, "
            "just say 'never mind'.")


def returns_policy() -> str:
    """How returns work, for a customer who asked before naming an order."""
    return ("You can send anything back free of charge within 30 days of it arriving, for a full refund; the "
            "refund reaches your original payment method 3–5 working days after it gets back to us. ")


def noted_for_them() -> str:
    """Said to a customer waiting for a person who adds something about their order."""
    return "Thanks, that's noted: they'll see it when they pick up our conversation. "


def how_they_reply(customer: Optional[Customer]) -> str:
    """How the person on the way answers: in this chat, then by the customer's preferred contact."""
    later = f", and if we miss you here, by {customer.preferred_contact}" if customer else ""
    return f"They'll answer you in this chat{later}. "


def real_person() -> str:
    return "Yes, a real person from our customer care team will reply here. "


def left_queue(asked: bool = False) -> str:
    """Out of the queue; `asked`: the customer's request in the same message is answered next."""
    if asked:
        return "No problem, I've taken you out of the queue."
    return "No problem, I've taken you out of the queue. I'm still here: what can I help you with?"


def queue_timed_out() -> str:
    return ("I'm sorry our team couldn't get to you in time; I've taken you out of the queue so you're not "
            "left waiting. I'm here: what can I help you with? Say 'agent' to queue again.")


def upset_fallback(customer: Optional[Customer]) -> str:
    """For a clearly upset message that no business answer fits: never 'please rephrase'."""
    return "I'm really sorry, I can hear how frustrating this is. " + offer_human(customer)


def upset_elsewhere() -> str:
    """Before 'not something I can help with', to a message upset with something that is not ours."""
    return "Oh no, that sounds really frustrating."


def upset_handoff_opening() -> str:
    """Before the hand-off reply, when the anger came back after a person was offered."""
    return "I'm really sorry, I understand you've had enough of this. I'm getting you a person now. "


# What the assistant can also do, in the words of an offer: "I can also <this> — shall I?"
_OFFERS = {
    "billing_charged_twice": "look into the double payment",
    "refund_not_received": "chase the refund that hasn't arrived",
    "item_damaged": "sort out the damaged item",
    "wrong_item": "sort out the wrong item",
    "delivery_late": "look into the late delivery",
    "cancel_order": "help you cancel {order}",
    "request_refund": "start a refund for {order}",
    "order_status": "check where {order} is",
    "track_delivery": "check where {order} is",
    "account_access": "help you sign in to your account",
    "opening_hours_contact": "give you our opening hours and how to reach the team",
    "product_recommendation": "suggest a few products",
}


def offer_other_request(intent: str, order: Optional[Order] = None) -> str:
    """The second request of a message, offered once the first is answered."""
    what = _OFFERS.get(intent, "help with the other thing you mentioned")
    label = f"your {', '.join(order.items)} order ({order.order_id})" if order else "that order"
    return f"I can also {what.format(order=label)} — shall I?"


def request_kept_for_later(intent: str) -> str:
    """Said before the order form asks for a number, when the message held another request."""
    what = _OFFERS.get(intent, "help with the other thing you mentioned").format(order="that order")
    return f"I can also {what} once we've sorted this."


def form_switched(intent: str) -> str:
    """Said when a customer asked for an order number changes what they want done with it."""
    what = _OFFERS.get(intent, "help with that").format(order="that order")
    return f"Sure, I'll {what} instead."


def sorry_to_hear() -> str:
    """Before the thanks for a complaint given as feedback ("your driver threw my parcel over the fence")."""
    return "I'm sorry to hear that, and thank you for telling us."


def returns_label() -> str:
    """How a return is sent back, for "do I need to print a label?"."""
    return ("No printer needed: the free returns label comes by email with a QR code you show at any drop-off "
            "point, and if you'd rather, we can have a courier collect the parcel from your door.")


def other_remedy_wanted(customer: Optional[Customer]) -> str:
    """For "I don't need a replacement, just a new manual would do", after a replacement or refund was offered."""
    return "No problem, I've noted what you'd like instead; one of our team can arrange it. " + offer_human(customer)


def not_sorted(customer: Optional[Customer]) -> str:
    """For "nah it's still there after 4 days, not happy": the answer was not enough."""
    return "I'm sorry that hasn't sorted it. " + offer_human(customer)


def if_ours(customer: Optional[Customer]) -> str:
    """After "that's not something I can help with", when another shop's parcel was spoken of."""
    if customer is not None:
        return "If it's one of your orders with us, just tell me which and I'll check it."
    return "If it's an order from us, sign in or tell me its order number and I'll check it."


# an anonymous complaint: a person offered beside the order number the form asks for next
PERSON_OR_NUMBER = ("If you'd rather talk it through with one of our team, just say yes; "
                    "otherwise I can look into it here.")


def no_person_needed() -> str:
    """A person turned down while the order form still needs the number."""
    return "No problem, I'll sort it out here with you."


def form_left() -> str:
    return "No problem, let's leave that. Anything else I can help with?"


def order_number_needed(upset: bool) -> str:
    """The customer asks again for what the order form is already doing."""
    opening = "I'm sorry, I know you want this sorted. " if upset else "Happy to. "
    return (opening + "I just need the order number first: it looks like ORD-12345 and is in your confirmation "
            "email. If you don't have it, say 'agent' and one of our team will look it up.")


def guest_order_number() -> str:
    """The order form's question, to a customer who ordered without an account."""
    return ("No problem, you don't need an account for this: your order number is in the confirmation email we "
            "sent when you ordered, and looks like ORD-12345. If you can't find it, say 'agent' and one of our "
            "team will look it up.")


SIGN_IN_OFFERED = "If you sign in, I can see your orders myself"


def no_order_number(upset: bool) -> str:
    """The customer can't find their order number while the form asks for it."""
    opening = "I'm sorry, I know that's annoying. " if upset else "No problem. "
    return (opening + SIGN_IN_OFFERED + "; or one of our team can look it up for you. "
            "Would you like me to put you through to them? (yes/no)")


def rating_question() -> str:
    return "Before you go: how would you rate this chat, from 1 (poor) to 5 (great)? You can skip this."


def rating_buttons() -> List[dict]:
    return [{"title": str(n), "payload": str(n)} for n in range(1, 6)] + [{"title": "Skip", "payload": "skip"}]


def rating_thanks(rating: int) -> str:
    if rating <= 2:
        return f"Thank you for the {rating}/5. I'm sorry we fell short; your rating goes to the team that improves this service."
    return f"Thank you for the {rating}/5!"


def rating_skipped() -> str:
    return "No problem. Take care!"
