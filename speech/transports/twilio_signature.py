"""Twilio's request signature (`X-Twilio-Signature`): is this request really from Twilio?

Base64 of HMAC-SHA1, keyed by the account's auth token, over the full URL Twilio requested
followed by each POST parameter's name and value, sorted by name. Written out here (a dozen
lines) rather than installing the whole Twilio SDK for its RequestValidator.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Mapping, Optional


def signature(auth_token: str, url: str, params: Mapping[str, str]) -> str:
    payload = url + "".join(f"{name}{params[name]}" for name in sorted(params))
    digest = hmac.new(auth_token.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def valid_signature(auth_token: str, url: str, params: Mapping[str, str], given: Optional[str]) -> bool:
    if not given:
        return False
    candidates = {url}
    # Twilio signs the URL as it was configured; a port the proxy added or dropped must not matter
    for scheme, port in (("https://", ":443"), ("http://", ":80")):
        if url.startswith(scheme):
            host, _, rest = url[len(scheme):].partition("/")
            candidates.add(f"{scheme}{host.removesuffix(port)}/{rest}" if host.endswith(port)
                           else f"{scheme}{host}{port}/{rest}")
    return any(hmac.compare_digest(signature(auth_token, u, params), given) for u in candidates)
