"""Checking the `Rebill-Signature` header of a webhook delivery, in Python (standard library only).

Call `verify` with the endpoint's secret (the whole string, `whsec_` included), the request body
exactly as it arrived (bytes, before any JSON parsing) and the header's value. Answer 2xx only when
it returns True; otherwise answer 400 and drop the request.

    from verify_signature import verify

    if not verify(SECRET, request.body, request.headers["Rebill-Signature"]):
        return 400
"""

import hashlib
import hmac
import time

# How old (or how far in the future) a signature's timestamp may be, in seconds. A bound on the age
# is what makes a captured request useless for a replay later on.
TOLERANCE_SECONDS = 300


def verify(secret: str, body: bytes, header: str, *, tolerance: int = TOLERANCE_SECONDS,
           now: float | None = None) -> bool:
    """True when `header` is a valid signature of `body` made with `secret` within `tolerance`
    seconds of `now` (default: the current time)."""
    fields = {}
    for part in header.split(","):
        name, sep, value = part.strip().partition("=")
        if sep:
            fields.setdefault(name, []).append(value)
    timestamps = fields.get("t", [])
    if len(timestamps) != 1 or not (timestamps[0].isascii() and timestamps[0].isdigit()):
        return False
    if abs((time.time() if now is None else now) - int(timestamps[0])) > tolerance:
        return False
    signed = f"{timestamps[0]}.".encode() + body
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    # Any v1 value may match: compare each in constant time.
    return any(hmac.compare_digest(expected, candidate) for candidate in fields.get("v1", []))
