"""What careline's services share, in one place.

- `contracts.ports`: the default port of each service.
- `contracts.limits`: the message-length limit every channel and the NLU enforce.
- `contracts.redis_keys`: every Redis key of every service, what it holds, how long it lives.
- `contracts.redaction`: finding and redacting personal data (cards, IBANs, emails, phone
  numbers, digits spoken or spaced by speech recognition, a customer's own name).
- `contracts.identity`: the customer token a website issues, the identity claim our channel
  passes to actions, and the rules a secret must meet.
- `contracts.signals`: call events (connected, no input, not understood) sent to Rasa as intents.
- `contracts.encoders`: where the bundled sentence encoder (MiniLM) is, for the NLU and VoC.
- `contracts.records`: typed records of the NLU's parse result and of the Rasa events other
  services read.
- `contracts.dismissal`, `contracts.follow_up`, `contracts.remedies`, `contracts.languages`,
  `contracts.addresses`, `contracts.order_numbers`, `contracts.delivery_terms`, `contracts.returns_policy`:
  wordings that both the NLU and the dialogue must read alike ("never mind", "and the other one?",
  a replacement chosen, a message in another language, an address to change, no order number to
  give, a question about the delivery terms or the returns policy).

Standard library, pyjwt and phonenumbers only: both Python environments install it.
"""
