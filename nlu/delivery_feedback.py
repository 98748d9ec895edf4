"""Feedback on how an order came rather than a problem with the order itself: the packaging ("the
screen protector came in a huge box stuffed with plastic air pillows. such a waste") and the
courier's conduct ("the evri guy was so rude, he swore at me", "your driver left my parcel out in
the rain").

The classifier hears a damaged or wrong item in the first, and is unsure of the second (or hears a
"no" in "I'm not after anything, I just want it noted"). Both are feedback, and negative: the
dialogue thanks the customer and passes it on. Damage said in so many words stays a damaged item.
"""

from __future__ import annotations

import re

_DAMAGE = re.compile(r"\b(?:broken|broke|smashed|cracked|damaged|dented|dent|scratched|crushed|shattered|snapped|bent"
                     r"|doesn'?t work|not working|stopped working)\b", re.IGNORECASE)
# physical damage, said in so many words ("doesn't work" may be the website)
_BROKEN = re.compile(r"\b(?:broken|smashed|cracked|damaged|dented|crushed|shattered|snapped|in (?:bits|pieces)"
                     r"|busted|wrecked|mangled)\b", re.IGNORECASE)
# "the box was dented but the kettle's fine": damage to the box, the item unharmed
_UNHARMED = re.compile(r"\b(?:fine|ok|okay|perfect|intact|undamaged|unharmed|survived|no damage)\b"
                       r"|\b(?:not|isn'?t|wasn'?t) (?:broken|damaged|cracked|smashed|scratched|dented)\b", re.IGNORECASE)

# too much packaging, or the wrong kind
_PACKAGING = re.compile(r"\b(?:huge|massive|enormous|giant|oversized|ridiculous(?:ly big)?|far too big|way too big) (?:box|parcel|package)"
                        r"|\bbox (?:about |around )?(?:\w+ )?times (?:the size|too big|bigger)"
                        r"|\b(?:too much|excessive|so much|wasteful|unnecessary|pointless) (?:packaging|plastic|bubble ?wrap)"
                        r"|\b(?:plastic )?air (?:pillows|bags|cushions)\b|\bpolystyrene\b|\bpackaging\b[^.!?]{0,40}\b(?:waste|planet"
                        r"|environment|recycl\w*|plastic)", re.IGNORECASE)

# the person who brought it, and what they did
_COURIER = r"(?:driver|courier|delivery (?:guy|man|woman|lady|person|driver)|postman|postie|\b\w+ (?:guy|man|driver|bloke))"
_CONDUCT = (r"(?:rude|swore|swearing|sworn|shouted|yelled|aggressive|attitude|threw|thrown|chucked|dumped|kicked|drove (?:across|over|onto)"
            r"|left (?:it|my parcel|the parcel|my package|the box) (?:out )?in the rain|in the rain|lawn|flower ?beds?)")
_COURIER_CONDUCT = re.compile(rf"\b{_COURIER}\b[^.!?]{{0,60}}\b{_CONDUCT}", re.IGNORECASE)


def packaging_complained_of(text: str) -> bool:
    """Whether `text` complains of the packaging, with no damage to the item said."""
    return _PACKAGING.search(text) is not None and _DAMAGE.search(text) is None


def courier_conduct_complained_of(text: str) -> bool:
    """Whether `text` complains of how the courier behaved, with no damage to the item said."""
    return _COURIER_CONDUCT.search(text) is not None and _DAMAGE.search(text) is None


# "the air fryer came with no basket in it", "the lid was missing": a part of the item not there,
# answered as damage is (a replacement or a refund); not the parcel itself gone missing
_NOT_A_PART = (r"(?!(?:a|an|the|any|its|parcel|order|package|delivery|refund|money|driver|courier|one|body|anyone|answer|sign|note|card"
               r"|scratch|problem|issue|damage|fuss|delay|hitch|mark|dent)\b)")
_PART_MISSING = re.compile(
    rf"\b(?:came|arrived|turned up|was delivered|got delivered|comes) (?:with ?out|with no) (?:a |the |any |its )?{_NOT_A_PART}\w+"
    rf"|\bthere (?:was|is|were) no {_NOT_A_PART}\w+(?: \w+)? (?:in|with|inside)\b"
    rf"|\b(?:the|its|it'?s) {_NOT_A_PART}\w+(?: \w+)? (?:is|was|were|are) missing\b"
    rf"|\bmissing (?:a|the|its|it'?s|one) {_NOT_A_PART}\w+",
    re.IGNORECASE)


def part_missing(text: str) -> bool:
    """Whether `text` says a part of the item did not come with it (see _PART_MISSING)."""
    return _PART_MISSING.search(text) is not None


def damage_said(text: str) -> bool:
    """Whether `text` says in so many words that something is damaged ("my air fryer turned up in
    bits"), and not that the item came through unharmed."""
    return _BROKEN.search(text) is not None and _UNHARMED.search(text) is None
