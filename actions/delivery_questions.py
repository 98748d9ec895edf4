"""Questions about how delivery works, asked of the shop rather than of one order: "how long does
standard delivery take?", "do u deliver to ireland", "is delivery free?", "can the courier leave
it with a neighbour?". The model has no intent for them and reads them as tracking (which asks a
guest for an order number they may not have) or as off-topic; they get the delivery terms, and a
question about where to leave a parcel gets the order's own tracking page where there is one.
"""

from __future__ import annotations

import re
from typing import List, Optional

from actions.profiles import Customer, Order

_DELIVERY = r"(?:delivery|deliveries|shipping|postage|p&p|dlivery|delivry|deliverey)"
_KIND = r"(?:standard |normal |usual |next[- ]day |same[- ]day |express |uk |international )?"

# the shop's terms asked about (not "how long will my delivery take": that is about an order)
TERMS_ASKED = re.compile(
    rf"\bhow long (?:does|do|dose|dos|doe?s|will|would|wil) (?:a |the )?{_KIND}{_DELIVERY}"
    rf" (?:usually |normally |generally )?(?:take|be)\b"
    rf"|\bhow long (?:a |the )?{_KIND}{_DELIVERY} (?:usually )?takes?\b"
    r"|\bhow long (?:does|do) (?:it|you|orders|parcels|things) (?:usually |normally |generally )?take to "
    r"(?:deliver|arrive|come|ship)\b(?! (?:my|the|this|that|it)\b)"
    rf"|\bhow much (?:is|does|do you charge for|are) (?:the )?{_KIND}{_DELIVERY}\b"
    rf"|\b{_DELIVERY} (?:costs?|charges?|fees?|prices?|times?)\b(?! (?:on|for) (?:my|the|this|that)\b)"
    rf"|\b(?:is|are) (?:there )?(?:any )?(?:{_DELIVERY} )?(?:free|charges? for) {_DELIVERY}\b|\bis {_DELIVERY} free\b"
    rf"|\bdo (?:you|u|ya) (?:charge|charge anything) for {_DELIVERY}\b"
    r"|\bdo (?:you|u|ya) (?:deliver|ship|post|send)(?: (?:things|parcels|orders|stuff))? "
    r"(?:to|abroad|internationally|overseas|outside|worldwide|in|on (?:sundays?|saturdays?|weekends?|bank holidays?))\b"
    rf"|\bdo (?:you|u|ya) (?:do|offer|have) (?:next[- ]day|same[- ]day|express|weekend|saturday|sunday|international|free)"
    rf" {_DELIVERY}\b",
    re.IGNORECASE)

# where or when a parcel is left: the courier's tracking page chooses it
PREFERENCE_ASKED = re.compile(
    r"\b(?:leave|put|drop|deliver) (?:it|them|(?:my|the|our) (?!return)\w+(?: \w+)?)"
    r" (?:with (?:a |my )?(?:neighbou?r|next door)|next door|in (?:a |the |my )?(?:safe place|porch|shed|garage|garden"
    r"|recycling bin|bin)|behind (?:the |my )?\w+|on (?:the |my )?(?:doorstep|porch)|at (?:a |the |my )?(?:safe place|back door"
    r"|reception|parcel locker|locker|work))\b"
    r"|\b(?:leave|put|drop) (?:it|them|(?:my|the|our) \w+) (?:somewhere|anywhere) (?:safe|dry|hidden|out of sight)\b"
    r"|\b(?:safe place|parcel locker)\b|\b(?:choose|pick|change|rearrange|arrange) (?:a |the )?(?:different |another )?"
    rf"(?:delivery )?(?:day|date|time ?slot|slot)\b(?! (?:for|of) (?:the |my )?(?:callback|call))",
    re.IGNORECASE)


def terms_asked(text: str) -> bool:
    """Whether `text` asks how delivery works at the shop (see TERMS_ASKED)."""
    return TERMS_ASKED.search(text) is not None


# the customer leaving something themselves ("if i can leave the box on the doorstep for collection")
_THEMSELVES = re.compile(r"\b(?:i|we) (?:can |could |will |should |might )?(?:leave|put|drop)\b|\bi'?ll (?:leave|put|drop)\b",
                         re.IGNORECASE)


def preference_asked(text: str) -> bool:
    """Whether `text` asks where or when a parcel may be left (see PREFERENCE_ASKED)."""
    return PREFERENCE_ASKED.search(text) is not None and _THEMSELVES.search(text) is None


ON_ITS_WAY = ("shipped", "out_for_delivery", "delayed")


def parcel_on_its_way(customer: Optional[Customer], named: List[Order]) -> Optional[Order]:
    """The order a question about leaving a parcel is about: the one named, else the customer's
    only order on its way with a tracking page; None when there is no such single order."""
    candidates = named or (customer.orders if customer else [])
    moving = [o for o in candidates if o.status in ON_ITS_WAY]
    return moving[0] if len(moving) == 1 else None
