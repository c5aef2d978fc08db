"""Endpoint secrets and the `Rebill-Signature` header (SPEC §5):
`t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint's secret>`.

The key is the secret exactly as shown to the client, `whsec_` prefix included, as UTF-8 bytes.
How a receiver checks it is in README.md ("Webhooks"); the tests run that very snippet."""

import hashlib
import hmac
import secrets

SIGNATURE_HEADER = "Rebill-Signature"
SECRET_PREFIX = "whsec_"


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def signature_header(secret: str, body: bytes, timestamp: int) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"

