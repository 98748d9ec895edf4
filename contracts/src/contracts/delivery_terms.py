"""Questions about the shop's delivery terms, asked of the shop rather than of one order: "how long
does standard delivery take?", "do u deliver to ireland", "is delivery free?". Read by the dialogue
(they get the delivery terms: actions.delivery_questions) and by the NLU (one the model reads as a
question about our opening hours or contact details is not one: nlu.predictor).
"""

from __future__ import annotations

import re

_DELIVERY = r"(?:delivery|deliveries|shipping|postage|p&p|dlivery|delivry|deliverey)"
_KIND = r"(?:standard |normal |usual |next[- ]day |same[- ]day |express |uk |international )?"

# the shop's terms asked about (not "how long will my delivery take": that is about an order)
TERMS_ASKED = re.compile(
    rf"\bhow long (?:does|do|dose|dos|doe?s|will|would|wil) (?:a |the )?{_KIND}{_DELIVERY}"
    rf" (?:usually |normally |generally )?(?:take|be)\b"
    rf"|\bhow long (?:a |the )?{_KIND}{_DELIVERY} (?:usually )?takes?\b"
    # "Do you do finance? And how long is delivery?" (not "how long is my delivery going to be")
    rf"|\bhow long (?:is|are) {_KIND}{_DELIVERY}(?: times?)?(?: usually| normally)?\s*(?:[?.!]|$)"
    r"|\bhow long (?:does|do) (?:it|you|orders|parcels|things) (?:usually |normally |generally )?take to "
    r"(?:deliver|arrive|come|ship)\b(?! (?:my|the|this|that|it)\b)"
    rf"|\bhow much (?:is|does|do you charge for|are) (?:the )?{_KIND}{_DELIVERY}\b"
    rf"|\b{_DELIVERY} (?:costs?|charges?|fees?|prices?|times?)\b(?! (?:on|for) (?:my|the|this|that)\b)"
    rf"|\b(?:is|are) (?:there )?(?:any )?(?:{_DELIVERY} )?(?:free|charges? for) {_DELIVERY}\b|\bis {_DELIVERY} free\b"
    rf"|\bdo (?:you|u|ya) (?:charge|charge anything) for {_DELIVERY}\b"
    r"|\bdo (?:you|u|ya)(?: lot| guys| people)? (?:deliver|ship|post|send)(?: (?:things|parcels|orders|stuff))? "
    r"(?:to|abroad|internationally|overseas|outside|worldwide|in|on (?:sundays?|saturdays?|weekends?|bank holidays?))\b"
    rf"|\bdo (?:you|u|ya) (?:do|offer|have) (?:next[- ]day|same[- ]day|express|weekend|saturday|sunday|international|free)"
    rf" {_DELIVERY}\b",
    re.IGNORECASE)


def terms_asked(text: str) -> bool:
    """Whether `text` asks how delivery works at the shop (see TERMS_ASKED)."""
    return TERMS_ASKED.search(text) is not None
