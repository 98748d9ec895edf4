"""An address to change, on an order or the account: read by the dialogue (the assistant cannot
change one, a person can: actions.actions.address_change_asked) and by the NLU (a question the
model reads as one with a fixed answer, such as opening hours, is an order question:
nlu.predictor)."""

from __future__ import annotations

import re

_ADDRESS = r"(?:address|adress|addres|adres|addresss)"
_PARCEL = r"(?:it|them|(?:the|my) (?:parcel|order|package|delivery))"

# "can I change the address for the trainers delivery?", "I've moved house, need to update my address"
# (not "I forgot to update my address before ordering…": background; nor "my brother's just moved house")
ADDRESS_CHANGE = re.compile(r"(?<!forgot to )(?<!forgotten to )(?<!didn't )(?<!did not )(?<!never )"
                            r"\b(?:change|chang|chnage|cahnge|update|updte|amend|correct|edit)\s+(?:the\s+|my\s+|our\s+|teh\s+)?"
                            # typed slips too: "can i chang the adress for my dres"
                            rf"(?:(?:delivery|delivry|dlivery|deliverey|delevery|shipping|home)\s+)?{_ADDRESS}\b"
                            # "can you change where it's going", "send it to my new address instead", "redirect the parcel"
                            r"|\bchange where (?:it'?s|it is|they'?re|they are|(?:the|my) (?:parcel|order|delivery) is) "
                            r"(?:going|being (?:sent|delivered)|sent|delivered|headed)\b"
                            rf"|\b(?:send|deliver|ship|redirect)\s+{_PARCEL}\s+"
                            rf"(?:to\s+)?(?:a different|another|my new|the new|my work|my office)\s+{_ADDRESS}\b"
                            # "could it go to my work address instead?", "can they deliver it to my office instead"
                            rf"|\b(?:can|could)\s+{_PARCEL}\s+(?:go|be sent|be delivered|be redirected)\s+to\s+"
                            rf"(?:a different|another|my new|the new|my work|my office|my mum'?s|my parents'?|a neighbou?r'?s)"
                            rf"(?:\s+{_ADDRESS})?\b"
                            rf"|\b(?:send|deliver)\s+{_PARCEL}\s+to\s+(?:my\s+)?(?:work|office)\s+instead\b"
                            rf"|\bredirect\s+{_PARCEL}\b"
                            # "any chance I can get them delivered to my work instead?"
                            r"|(?<!didn't )(?<!didnt )(?<!did not )(?<!couldn't )(?<!never )"
                            r"\b(?:get|have)\s+(?:it|them|(?:the|my)\s+(?!refund|money)\w+)\s+(?:delivered|sent|redirected)\s+to\s+"
                            rf"(?:(?:a different|another|my new|the new)\s+(?:{_ADDRESS}|house|flat|home)|my work|my office|work"
                            r"|the office|my mum'?s|my parents'?|a neighbou?r'?s)\b", re.IGNORECASE)


def address_change_asked(text: str) -> bool:
    """Whether `text` asks for an address to be changed (see ADDRESS_CHANGE)."""
    return ADDRESS_CHANGE.search(text) is not None
