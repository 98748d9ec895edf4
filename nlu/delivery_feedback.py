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
# "your delivery driver damaged my gate", "the courier reversed into my car": the customer's property, not the
# item, damaged by the courier (conduct, whatever damage words it uses)
_PROPERTY_DAMAGED = re.compile(
    rf"\b{_COURIER}\b[^.!?]{{0,40}}\b(?:damaged|broke|broken|smashed|scratched|dented|cracked|hit|reversed into|drove into"
    r"|backed into|knocked over|ran over|ruined|trampled)\s+(?:my|our|the)\s+(?:\w+\s+)?(?:gate|fence|car|door|wall|garden|lawn"
    r"|drive|driveway|hedge|bins?|pots?|plants?|flowers?|letterbox|porch|step|steps|window|wing mirror|mirror|property|house)\b",
    re.IGNORECASE)


def packaging_complained_of(text: str) -> bool:
    """Whether `text` complains of the packaging, with no damage to the item said."""
    return _PACKAGING.search(text) is not None and _DAMAGE.search(text) is None


def courier_conduct_complained_of(text: str) -> bool:
    """Whether `text` complains of how the courier behaved, with no damage to the item said (damage to the
    customer's property is the courier's conduct)."""
    return (_COURIER_CONDUCT.search(text) is not None and _DAMAGE.search(text) is None
            or _PROPERTY_DAMAGED.search(text) is not None)


# "the air fryer came with no basket in it", "the lid was missing": a part of the item not there,
# answered as damage is (a replacement or a refund); not the parcel itself gone missing
_NOT_A_PART = (r"(?!(?:a|an|the|any|its|parcel|order|package|delivery|refund|money|driver|courier|one|body|anyone|answer|sign|note|card"
               r"|signature|price|receipt|invoice|charge|notice|warning|contact|call|text"
               r"|scratch|problem|issue|damage|fuss|delay|hitch|mark|dent)\b)")
_PART_MISSING = re.compile(
    rf"\b(?:came|come|arrived|arrive|turned up|turn up|was delivered|got delivered|comes|be delivered) (?:with ?out|with no) (?:a |the |any |its )?{_NOT_A_PART}\w+"
    rf"|\bthere (?:was|is|were) no {_NOT_A_PART}\w+(?: \w+)? (?:in|with|inside)\b"
    rf"|\b(?:the|its|it'?s) {_NOT_A_PART}\w+(?: \w+)? (?:is|was|were|are) missing\b"
    rf"|\bmissing (?:a|the|its|it'?s|one) {_NOT_A_PART}\w+"
    # "But the screen protector wasn't in the box."
    rf"|\b(?:the|its|it'?s) {_NOT_A_PART}\w+(?: \w+)? (?:was|is|were|are)(?:n'?t| not) (?:in|inside|with) (?:the |my |it)"
    r"(?:box|parcel|package|bag|order|delivery)?\b"
    # fewer than were paid for: "only got 3 of the 4 chairs i payed for", "the box had 1 shoe in it lol wheres the other one"
    r"|\bonly (?:got|received|had|came with|sent|delivered|arrived with) (?:\d+|one|two|three|four|five|six|half)"
    r" (?:of|out of) (?:the |my )?(?:\d+|two|three|four|five|six|eight|ten|twelve)\b"
    r"(?! (?:orders?|parcels?|packages?|deliveries|refunds?|boxes)\b)"
    r"|\bwhere'?s the other (?!refund|parcel|package|order|delivery|item|payment)\w+\b"
    # "Everything was there apart from the cushions, which are meant to come with the set."
    r"|\b(?:everything|all of it|it all) (?:was|were|came|arrived) (?:there )?(?:apart from|except(?: for)?)"
    r" (?:the |my |its )?(?!delivery|driver|courier|wait|time|packaging|box|date|price)\w+",
    re.IGNORECASE)


def part_missing(text: str) -> bool:
    """Whether `text` says a part of the item did not come with it (see _PART_MISSING)."""
    return _PART_MISSING.search(text) is not None


# "my airfryer dosnt work", "it doesn't heat up", "the kettle stopped working after 2 weeks": a fault in
# the item, typos included (said of it, not of the customer: "i dont work on fridays"); not the website, the app, a code or a link ("the discount code doesn't work")
_FAULT = re.compile(r"(?<!\bi )(?<!\bwe )(?<!\byou )(?<!\bu )(?<!\bthey )(?<!\bi just )\b(?:does ?n'?t|dosn'?t|dosent|doesent|dose ?n'?t|don'?t|dont|won'?t|wont|isn'?t|isnt|is not|not|never|stopped"
                    r"|stoped|has stopped|keeps?)\s+(?:even\s+|properly\s+)?(?:work(?:ing|s)?|wrk|turn(?:ing)? on|switch(?:ing)? on"
                    r"|heat(?:ing)?(?: up)?|charg(?:e|ing)|boil(?:ing)?|cutting out|power(?:ing)? on|spin(?:ning)?|click(?:ing)? on"
                    r"|light(?:ing)? up)\b"
                    # "the "waterproof" boots let water in", "the coffee machine pisses water all over my worktop", "the
                    # jeans shrank two sizes in the first wash", "the mattress has a dip in the middle after six weeks"
                    r"|\blets? (?:the )?(?:water|rain|wet) in\b"
                    r"|\b(?:pisses|pissing|pours|pouring|spews|spewing|sprays|spraying|dribbles|dribbling|drips|dripping|squirts"
                    r"|squirting|leaks|leaking) (?:water|coffee|oil|liquid)\b"
                    r"|(?<!pre-)(?<!pre)(?<!n't )(?<!not )(?<!never )\bshr[au]nk\b"
                    r"|\b(?:has|have|got|with) (?:a )?(?:big |huge |massive )?(?:dip|sag|dent|lump)s? in (?:the|it)\b"
                    r"|\b(?:sagging|saggy)\b"
                    # "my earphones only wrok in one ear", "the toaster only browns one side"
                    r"|\bonly (?:work|works|wrok|wroks|wrk|working|plays?|charges?|heats?|browns?|toasts?|lights?)(?: up)?"
                    r" (?:in |on |out of |through |from )?(?:one|1|the left|the right|the one) (?:ear|side|half|speaker|ring|burner"
                    r"|earbud|earphone|headphone)\b"
                    # "the dress is see-through, really poor quality", "the strap came apart after one wear"
                    r"|\b(?:faulty|defective|fell apart|falling apart|came apart|coming apart|see[- ]?through|frayed|frayin"
                    r"|packed (?:in|up)|conked out|gone bang|went bang|kaput"
                    # "Toaster died already" (a thing's death, not a person's or a pet's)
                    r"|(?:toaster|kettle|fryer|blender|hoover|vacuum|headphones|earbuds|speaker|machine|microwave|hairdryer"
                    r"|straighteners)\s+(?:has\s+|have\s+|'s\s+)?(?:just\s+|already\s+|completely\s+)?died\b"
                    # "the toaster has just given up, only had it a week" (not "I've given up waiting", "I basically gave
                    # up", "the courier gave up after one attempt")
                    r"|(?:\bit (?:just |completely )?|\bit'?s (?:just |completely )?|(?<!\bi )(?<!\bwe )(?<!\bthey )\b(?:has|have|had) (?:just |completely |totally )?"
                    r"|(?<!\bi've )(?<!\bive )(?<!\bwe've )\bjust )(?:gave|given) up"
                    r"(?! (?:on|waiting|hope|trying|with|and|now|asking|chasing))"
                    r"|torn|ripped(?! off)|(?:poor|bad|terrible|awful|shocking|cheap|low) quality|badly made|cheaply made|flimsy"
                    r"|leak(?:s|ing|ed)|(?:keeps?|started|starts) (?:tripping|sparking|smoking)|smells? of burning"
                    # "it has started tripping the electrics every time I use it"
                    r"|(?:trips?|tripping|tripped|blew|blows?|blown) (?:the |our |my )?(?:electrics|fuses?|switch|breaker|trip switch)"
                    # "YOUR AIR FRYER NEARLY SET MY KITCHEN ON FIRE", "the plug is now scorched": a danger, not only a fault
                    r"|(?:set|sets|setting) (?:\w+ ){0,2}(?:on fire|alight|ablaze)|caught fire|catch(?:es|ing)? fire|burst into flames"
                    r"|(?:plug|socket|cable|lead|wire|wiring|base|bottom|handle) (?:is |was |has )?(?:now )?(?:scorched|melted|charred"
                    r"|burnt|burned)|gave (?:me|him|her|us) (?:an? )?electric shock|electric shock off (?:it|the \w+)"
                    # "the dress arrived creased and dirty": the state it came in
                    r"|dirty|filthy|stained|(?:covered in|has|had|with) (?:\w+ )?(?:stains?|marks?|mould)|mouldy|creased|crumpled"
                    r"|(?:been|was|were|already) (?:clearly |obviously |definitely |already )?(?:worn|used)|second[- ]hand"
                    # "there's makeup on it": someone else's wear
                    r"|(?:make ?up|lipstick|fake tan|foundation|deodorant|sweat|hairs?) (?:marks? |stains? )?(?:on|all over) (?:it|them)"
                    r")\b", re.IGNORECASE)
_NOT_AN_ITEM = re.compile(r"\b(?:website|site|app|link|page|code|voucher|coupon|promo|discount|password|log ?in|login|sign ?in"
                          r"|account|card|payment|checkout|check out|basket|tracking|email|e-mail|phone number|number|chat|bot"
                          r"|button|search)\b", re.IGNORECASE)


# "…while my old case is literally falling apart": the customer's own old thing, not what we sent
_THEIR_OLD_THING = re.compile(r"\b(?:my|the|our|me) (?:old|current|previous|existing) \w+", re.IGNORECASE)


def fault_said(text: str) -> bool:
    """Whether `text` says the item does not work (see _FAULT), not something of ours online or
    the customer's old one."""
    return (any(_FAULT.search(clause) is not None and _NOT_AN_ITEM.search(clause) is None for clause in _CLAUSES.split(text))
            and _THEIR_OLD_THING.search(text) is None)


# "My kettle packed in after a month and nobody has answered the email I sent": the email is another clause's
_CLAUSES = re.compile(r"[.!?;]+|\band\b", re.IGNORECASE)  # not "but": "I tried the discount code but it doesn't work"


# what a wrong item is said with ("you sent me a blue one", "not what I ordered"); a fault said without
# any of it ("I received the air fryer. It doesn't heat up. Can I get a replacement?") is not one
_WRONG_ITEM_WORDS = re.compile(r"\bwrong\b|\binstead of\b|\bnot (?:what|the one) i (?:ordered|asked for|bought|wanted)\b"
                               r"|\bdifferent\b"
                               r"|\b(?:sent|gave|delivered) (?:me )?(?:a|an|the|someone)\b|\bsomeone else'?s\b"
                               r"|\bmix(?:ed)?[- ]?up\b|\bi ordered (?:a|an|the)\b|\bsize\b|\bcolou?r\b", re.IGNORECASE)


# …and with a part missing, what was ordered is background ("I ordered a phone case. It came. But the screen
# protector wasn't in the box."): only a word of a wrong thing sent makes it a wrong item
_WRONG_THING_SENT = re.compile(r"\bwrong\b|\binstead of\b|\bdifferent\b|\bsomeone else'?s\b|\bmix(?:ed)?[- ]?up\b",
                               re.IGNORECASE)


# the fault tried out, which is no other thing sent: "I've tried them on two different phones"
_TRIED_ON = re.compile(r"\b(?:on|in|with) (?:two |2 |three |3 |a few |several |both |a )?different (?:phones?|devices?|laptops?"
                       r"|computers?|sockets?|plugs?|chargers?|cables?|tvs?|speakers?)\b", re.IGNORECASE)


def fault_not_a_wrong_item(text: str) -> bool:
    """Whether `text` says the item is faulty, damaged or came without a part, without saying it is the wrong one."""
    if part_missing(text):
        return _WRONG_THING_SENT.search(text) is None
    return (fault_said(text) or damage_said(text)) and _WRONG_ITEM_WORDS.search(_TRIED_ON.sub(" ", text)) is None


# "what kind of clowns send a blue jumper when i ordered a red one", "why would you send trainers when I paid
# for boots": what came set against what was ordered, which the model, hearing a question, reads as a
# product question, the order's status or a charge
_SHADE_OR_SIZE = (r"(?:black|white|red|blue|green|pink|purple|yellow|orange|gr[ae]y|brown|navy|beige|cream|silver|gold"
                  r"|small|medium|large|x+s|x*l|size\s+\d{1,2}"
                  # bed and basket sizes: "ordered a king size mattress topper… a single one", "a dual-basket air fryer"
                  # (only of a bed's or basket's size: not "a single tray", "a double delivery charge")
                  r"|(?:single|double|dual|king|super[- ]?king|queen)(?=[- ]?(?:size|sized|bed|basket|one|mattress|duvet"
                  r"|topper|frame)\b|\s*(?:[.,!;]|$))"
                  # who it is for: "ordrd mens trainers got womens" (set only against another: see _same_kind)
                  r"|men'?s|women'?s|ladies|kids'?|children'?s|boys'?|girls'?)(?!\w)")
_WHO_FOR = re.compile(r"^(?:men'?s|women'?s|ladies|kids'?|children'?s|boys'?|girls'?)$", re.IGNORECASE)


_BED_OR_BASKET = re.compile(r"^(?:single|double|dual|king|super[- ]?king|queen)$", re.IGNORECASE)


def _same_kind(ordered: str, came: str) -> bool:
    """Whether two words of _SHADE_OR_SIZE are of one kind: who the item is for, a bed's or basket's size, or else a
    shade or a clothing size ("ordered a kids bike, came in a large box", "a double bed frame… came in a large box" set
    nothing against anything)."""
    return (bool(_WHO_FOR.match(ordered)) == bool(_WHO_FOR.match(came))
            and bool(_BED_OR_BASKET.match(ordered)) == bool(_BED_OR_BASKET.match(came)))
_SENT_NOT_ORDERED = re.compile(
    r"\b(?:send|sends|sent|sending|gave|give|deliver|delivered|bring|brought|got|get|received|receive)\b[^.?!]{0,50}?"
    r"\b(?:when|while|but|though|even though|whereas)\s+(?:i|we)(?:'d| had)?\s+(?:clearly\s+|actually\s+)?"
    r"(?:ordered|asked for|paid for|bought|wanted|chose|picked|selected)\b(?!\s+(?:it|them|this|that|one)\b)"
    r"|\b(?:i|we)(?:'d| had)?\s+(?:ordered|asked for|paid for|bought|chose|picked|selected)\b[^.?!]{0,50}?"
    r"(?:\bbut\b|\band\b|,)\s*(?:then\s+)?(?:you(?: lot| guys| people| muppets| clowns)?|they|u|ya|yous?)\s+"
    r"(?:sent|send|gave|delivered|brought)\b(?!\s+(?:it|them|this|that)\b)"
    # "they're a size 6, I ordered a 9", "it's a men's rain jacket, not my dress at all!"
    r"|\b(?:it'?s|its|it is|they'?re|theyre|they are|there'?s|there is)\s+(?:a|an|some)\s+(?!(?:gift|present|surprise)\b)"
    r"[^.?!]{1,40}?[,;]?\s*"
    r"(?:(?:but|when|and|yet)\s+)?(?:(?:i|we)(?:'d| had)?\s+(?:ordered|asked for|paid for|bought|chose|picked)\s+(?:a|an|the|size|\d)"
    r"|not (?:my|the) \w+(?: at all)?\s*(?:[.!,]|$))",
    re.IGNORECASE)
# "ordered black got PINK", "i ordered a medium and received an XL": one colour or size against another, tersely
_TERSE = re.compile(
    rf"\b(?:ordered|ordrd|orderd|ordred|asked for|paid for|bought|chose|picked)\s+(?:(?:a|an|the|in|it in)\s+)?"
    rf"(?P<ordered>{_SHADE_OR_SIZE})"
    r"[^.?!]{0,30}?\b(?:got|received|came|arrived|turned up|you sent|they sent|sent me|(?:what|which) (?:arrived|came|turned up)"
    r" (?:is|was))\s+(?:(?:a|an|the|me|in)\s+)?"
    # (not "ordered a single item and got a double charge")
    rf"(?:(?:a|an|the)\s+)?(?P<came>{_SHADE_OR_SIZE})(?!\s*(?:charg|payment|refund|debit|bill))",
    re.IGNORECASE)


# not as described: "the curtains are about 20cm shorter than the listing says", "I was rather hoping the armchair
# would be the grey shown on the website. It's more of a beige.", "looks nothing like the picture"
_NOT_AS_DESCRIBED = re.compile(
    r"\b(?:shorter|longer|smaller|bigger|larger|darker|lighter|thinner|thicker|narrower|wider|tighter|looser)\b"
    r"[^.?!]{0,20}\b(?:than|from|to) (?:the|what|how|it (?:said|says|looked|looks|was|is) (?:on|in) the) (?:\w+ )?(?:listing"
    r"|website|site|pictures?|photos?|pics?|description|advert|ad|product page|app)\b"
    r"|\bnot as (?:described|advertised|pictured|shown)\b|\b(?:looks?|looked|is|was|are|were) nothing like (?:the|its|it did in"
    r" the) (?:pictures?|photos?|pics?|listing|description|website)\b",
    re.IGNORECASE)
_SHOWN_ONLINE = re.compile(r"\b(?:shown|pictured|advertised|described|in the (?:picture|photo)s?) on (?:the|your) "
                           r"(?:website|site|listing|app|page)\b", re.IGNORECASE)
_MORE_OF_A = re.compile(r"\b(?:it'?s|its|it is|they'?re|they are|it was|they were) more (?:of )?(?:a|an) \w+", re.IGNORECASE)
# the delivery or the price against what the site said is no item unlike its listing
_NOT_THE_ITEM = re.compile(r"\b(?:deliver\w*|took|take|price|cost|checkout|date|wait\w*)\b", re.IGNORECASE)


def not_as_described(text: str) -> bool:
    """Whether `text` says the item is not what the listing showed (see _NOT_AS_DESCRIBED)."""
    return (_NOT_AS_DESCRIBED.search(text) is not None or bool(_SHOWN_ONLINE.search(text) and _MORE_OF_A.search(text))
            ) and _NOT_THE_ITEM.search(text) is None


# "um so i ordered like the black curtains and these ones are kinda cream": one colour ordered, another come
_COLOUR = r"(?:black|white|red|blue|green|pink|purple|yellow|orange|gr[ae]y|brown|navy|beige|cream|silver|gold)"
_ORDERED_THEN_IS = re.compile(
    rf"\b(?:ordered|asked for|paid for|bought|chose|picked)\s+(?:\w+\s+){{0,3}}?(?P<ordered>{_COLOUR})\b[^.?!]{{0,40}}?"
    r"\b(?:these|this|it|they|them|the (?:one|ones|colou?r))(?: ones?)? (?:are|is|look|looks|came|come|turned up|arrived)"
    rf"(?: (?:kinda|kind of|sort of|more|like|actually|definitely|clearly|a|an|really))* (?P<came>{_COLOUR})\b"
    # "the blue jumper I ordered is green. not teal. GREEN"
    rf"|\bthe (?P<ordered2>{_COLOUR}) \w+(?: \w+)? (?:i|we) (?:ordered|bought|picked|chose) (?:is|are|was|were|came|arrived)"
    rf"(?: (?:in|as))? (?P<came2>{_COLOUR})\b",
    re.IGNORECASE)


# "ordred a kettle gt a toaster how do u evn do tht": one thing ordered, another come, typos and all
_ORDERED_GOT = re.compile(
    r"\b(?:ordered|ordred|orderd|odered|bought|paid for)\s+(?:a|an|the|some|sum)\s+(?P<ordered>[a-z]+)\b[\s,]*"
    r"(?:(?:and|but|n|&)\s+)?(?:i\s+)?(?:got|gt|received|recieved|recived|was sent|they sent|you sent)\s+(?:a|an|the|some|sum)\s+"
    r"(?P<came>[a-z]+)\b", re.IGNORECASE)
_NO_THING = frozenset({"email", "text", "message", "refund", "confirmation", "receipt", "call", "reply", "update", "one",
                       "new", "different", "wrong", "replacement", "notification", "tracking", "link", "voucher", "code",
                       "delivery", "dispatch", "shipping", "date", "delay", "automated", "partial", "full", "size", "missed",
                       "box", "lovely", "discount", "notice", "sms", "free", "bag", "card", "note", "invoice", "bill"})


# one colour chosen and another come, said anywhere in the message: "it's white. I've checked my confirmation email and
# I definitely selected black", "I choose the black colour and you send me the white colour"
_COLOUR_CHOSEN = re.compile(rf"\b(?:ordered|chose|choose|chosen|selected|select|picked|wanted|asked for|paid for|charged for"
                            r"|(?:meant|supposed) to be|should (?:have been|be))\s+"
                            rf"(?:\w+\s+){{0,3}}?(?P<colour>{_COLOUR})\b", re.IGNORECASE)
_COLOUR_CAME = re.compile(
    rf"\b(?:it'?s|its|it is|they'?re|they are|it was|they were|came|arrived|come)(?:,? (?:however|though|actually),?)?\s+"
    rf"(?:in\s+)?(?:actually\s+|definitely\s+|clearly\s+|bright\s+|plain\s+|just\s+)?(?:the\s+|a\s+)?(?P<colour>{_COLOUR})\b"
    r"(?!\s+(?:\w+\s+)?ones?\s+(?:i|we)\b)"
    rf"|\b(?:a|an|the)\s+(?P<colour2>{_COLOUR})\s+(?:one|\w+)\s+(?:arrived|came|turned up|was delivered|showed up)\b"
    rf"|\b(?:sent|send|gave|delivered|received|got)\s+(?:me\s+|us\s+)?(?:a\s+|an\s+|the\s+)?(?P<colour3>{_COLOUR})\b"
    # "What turned up last week was the white one."
    rf"|\b(?:turned up|arrived|came)\b[^.?!]{{0,20}}\b(?:it|they|what \w+(?: \w+){{0,3}}) (?:was|is) (?:the |a )?(?P<colour4>{_COLOUR})\b"
    rf"|\bwhat (?:turned up|arrived|came)\b[^.?!]{{0,20}}\b(?:was|is) (?:the |a )?(?P<colour5>{_COLOUR})\b",
    re.IGNORECASE)


# "it's white rather than the black one I ordered"
_COLOUR_CHOSEN_AFTER = re.compile(rf"\b(?P<colour>{_COLOUR})\s+(?:one|(?!(?:and|when|but|so|as|because|though|while|whereas"
                                  r"|if|cos|coz)\b)\w+)\s+(?:that\s+)?(?:i|we)\s+(?:ordered|chose|picked"
                                  r"|wanted|paid for|selected)\b", re.IGNORECASE)


def _colour_against(text: str) -> bool:
    chosen = {m.group("colour").lower() for m in (*_COLOUR_CHOSEN.finditer(text), *_COLOUR_CHOSEN_AFTER.finditer(text))}
    came = {(m.group("colour") or m.group("colour2") or m.group("colour3") or m.group("colour4") or m.group("colour5")).lower()
            for m in _COLOUR_CAME.finditer(text)}
    return bool(chosen) and bool(came) and not chosen & came


# a measure chosen against the one come: "it's the 4-litre one and I ordered the 6-litre", "ordered the 55 inch, got a 43"
_MEASURE = r"(?P<n>\d+(?:\.\d+)?)\s*-?\s*(?P<unit>litres?|liters?|ltr|l|inch(?:es)?|cm|mm|kg|gb|tb|ml|seaters?|cups?|watts?|w)\b"
_MEASURE_CHOSEN = re.compile(r"\b(?:ordered|chose|selected|picked|paid for|asked for|wanted|(?:meant|supposed) to be)\s+"
                             r"(?:(?:a|an|the)\s+)?" + _MEASURE, re.IGNORECASE)
_MEASURE_CAME = re.compile(r"\b(?:it'?s|its|it is|they'?re|it was|came|come|arrived|got|received|sent(?: me)?)\s+(?:as\s+|in\s+)?"
                           r"(?:(?:a|an|the)\s+)?" + _MEASURE, re.IGNORECASE)


def _measure_against(text: str) -> bool:
    def read(pattern: re.Pattern[str]) -> set[tuple[float, str]]:
        return {(float(m.group("n")), m.group("unit")[0].lower()) for m in pattern.finditer(text)}

    chosen, came = read(_MEASURE_CHOSEN), read(_MEASURE_CAME)
    # (only in the same unit: "ordered 2 litres of paint, got the 5kg tub" sets nothing against anything)
    return bool(chosen) and bool(came) and not chosen & came and not {u for _, u in chosen}.isdisjoint(u for _, u in came)


def _other_thing_came(text: str) -> bool:
    return any(m.group("ordered").lower() != m.group("came").lower()
               and not {m.group("ordered").lower(), m.group("came").lower()} & _NO_THING for m in _ORDERED_GOT.finditer(text))


def sent_not_ordered(text: str) -> bool:
    """Whether `text` sets what was sent against what was ordered (see _SENT_NOT_ORDERED), or one colour or size
    against another (see _TERSE: not "ordered white and received white"), or says the item is not as described."""
    return (_SENT_NOT_ORDERED.search(text) is not None or not_as_described(text) or _other_thing_came(text)
            or _colour_against(text) or _measure_against(text)) or any(
        (m.group("ordered") or m.group("ordered2")).lower() != (m.group("came") or m.group("came2")).lower()
        for m in _ORDERED_THEN_IS.finditer(text)) or any(
        " ".join(m.group("ordered").lower().split()) != " ".join(m.group("came").lower().split())
        and _same_kind(m.group("ordered"), m.group("came")) for m in _TERSE.finditer(text))


# "My last kettle broke so I ordered a new one from you. Has it been dispatched yet?": the customer's own old
# thing broken is why they ordered, not a fault with the order (which the model reads there)
_THEIR_OLD_ONE = re.compile(r"\bmy (?:old|previous|last|current|existing) (?!order|parcel|delivery|package|purchase|one from)\w+"
                            # "I dropped my phone in the bath so I ordered a new case": their own mishap
                            r"|\b(?:i|we|my (?:son|daughter|kid|husband|wife|partner|dog))\s+(?:dropped|smashed|broke"
                            r"|cracked|sat on|stood on|trod on|chewed)\s+(?:my|his|her|their|our)\s+"
                            r"(?!order|parcel|delivery|package|purchase)\w+[^.?!]{0,40}\b(?:so|and)\s+(?:i'?ve\s+|i\s+|we\s+)?"
                            r"(?:ordered|bought|got|need(?:ed)?)\s+(?:a\s+|some\s+)?(?:new|another|replacement)\b",
                            re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_GAVE_UP = re.compile(r"\b(?:broke|broken|died|dead|packed (?:in|up)|gave up|given up|stopped working|cracked|smashed|bust"
                      r"|dropped|chewed|sat on|stood on|trod on)\b",
                      re.IGNORECASE)


def only_their_old_thing_broken(text: str) -> bool:
    """Whether every sentence of `text` that says something is broken or faulty speaks of the customer's own
    old thing (see _THEIR_OLD_ONE), and one does."""
    broken = [m.group() for m in _SENTENCE.finditer(text)
              if damage_said(m.group()) or _FAULT.search(m.group()) or _GAVE_UP.search(m.group())]
    return bool(broken) and all(_THEIR_OLD_ONE.search(sentence) and not _WHAT_CAME_NOW.search(sentence) for sentence in broken)


# "The kettle you sent is broken just like my last one was": what came is broken too
_WHAT_CAME_NOW = re.compile(r"\byou sent\b|\b(?:arrived|came|turned up|received|delivered)\b", re.IGNORECASE)


def damage_said(text: str) -> bool:
    """Whether `text` says in so many words that something is damaged ("my air fryer turned up in
    bits"), and not that the item came through unharmed."""
    return _BROKEN.search(text) is not None and _UNHARMED.search(text) is None
