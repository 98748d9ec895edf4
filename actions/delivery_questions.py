"""Questions about how delivery works, asked of the shop rather than of one order: "how long does
standard delivery take?", "do u deliver to ireland", "is delivery free?" (contracts.delivery_terms),
"can the courier leave it with a neighbour?" (here). The model has no intent for them and reads them
as tracking (which asks a guest for an order number they may not have) or as off-topic; they get the
delivery terms, and a question about where to leave a parcel gets the order's own tracking page
where there is one.
"""

from __future__ import annotations

import re
from typing import List, Optional

from actions.profiles import Customer, Order

# where or when a parcel is left: the courier's tracking page chooses it
PREFERENCE_ASKED = re.compile(
    r"\b(?:leave|put|drop|deliver) (?:it|them|(?:my|the|our) (?!return)\w+(?: \w+)?)"
    r" (?:with (?:a |my )?(?:neighbou?r|next door)|next door|in (?:a |the |my )?(?:safe place|porch|shed|garage|garden"
    r"|recycling bin|bin)|behind (?:the |my )?\w+|on (?:the |my )?(?:doorstep|porch)|at (?:a |the |my )?(?:safe place|back door"
    r"|reception|parcel locker|locker|work))\b"
    r"|\b(?:leave|put|drop) (?:it|them|(?:my|the|our) \w+) (?:somewhere|anywhere) (?:safe|dry|hidden|out of sight)\b"
    r"|\b(?:safe place|parcel locker)\b|\b(?:choose|pick|change|rearrange|arrange) (?:a |the )?(?:different |another )?"
    rf"(?:delivery )?(?:day|date|time ?slot|slot)\b(?! (?:for|of) (?:the |my )?(?:callback|call))"
    # "I've just realised I'm not home. What are my options?": nobody in when it comes
    r"|(?:\b(?:i'?m|i am|we'?re|we are) not (?:going to be )?|\b(?:i|we) (?:won'?t|will not|wont) be "
    r"|\b(?:nobody|no one|no-one)(?:'s| is| will be)? )(?:home|in|at home|around)\b"
    r"(?! (?:a|an|the|my|your|any|touch|love|charge|customer|position)\b)",
    re.IGNORECASE)


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
