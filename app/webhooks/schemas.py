"""Webhook endpoint and delivery shapes (SPEC §5, Appendix A). The secret appears only in the
answers to create and rotate-secret."""

import re
import uuid
from datetime import datetime
from typing import Annotated, Literal, get_args
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, WithJsonSchema

from app.kit.schemas import Flag, LongText, NotNull, RequestModel

EventType = Literal["invoice_batch.completed", "invoice.validated", "invoice.sent", "credit_note.validated",
                    "invoice.paid"]
EVENT_TYPES: tuple[str, ...] = get_args(EventType)
DeliveryStatus = Literal["pending", "succeeded", "failed"]


def _url_pattern(schemes: str) -> str:
    """An absolute URL: a host name (ASCII labels), an IPv4 address or a bracketed IPv6 address (RFC
    3986), an optional port, then a path and query without spaces, control characters or #fragment."""
    octet = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
    ipv4 = rf"{octet}(\.{octet}){{3}}"
    h16 = "[0-9A-Fa-f]{1,4}"
    ls32 = rf"({h16}:{h16}|{ipv4})"
    tails = [rf"({h16}:){{{n}}}{ls32}" for n in (5, 4, 3, 2, 1)] + [ls32, h16, ""]
    ipv6 = "|".join([rf"({h16}:){{6}}{ls32}"] + [
        (rf"(({h16}:){{0,{k - 1}}}{h16})?" if k else "") + "::" + tail for k, tail in enumerate(tails)])
    label = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    host = rf"({label}(\.{label})*|\[({ipv6})\])"
    port = "(:(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4}))?"
    return rf"^{schemes}://{host}{port}([/?][^\x00-\x20\x7f#]*)?$"


# The document states what production accepts (https); WEBHOOK_ALLOW_PRIVATE_URLS also lets http in.
PUBLISHED_URL_PATTERN = _url_pattern("https")
_URL_FORM = re.compile(_url_pattern("https?"))


def _url_shape(value: str) -> str:
    """The URL's form; whether it may receive webhooks (https, public addresses) is judged with the
    settings and DNS by app/webhooks/urls.py."""
    if any(ord(c) <= 0x20 or ord(c) == 0x7F for c in value):
        raise ValueError("must not contain spaces or control characters")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018  (raises on a port that is not a number in 0-65535)
    except ValueError:
        raise ValueError("is not a valid URL") from None
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValueError("must be an absolute https URL such as https://helpdesk.example/hooks/rebill")
    if parts.username is not None or parts.password is not None:
        raise ValueError("must not carry credentials (user:password@)")
    if parts.fragment or "#" in value:
        raise ValueError("must not have a #fragment")
    if not _URL_FORM.fullmatch(value):
        raise ValueError("is not a valid URL (a host name or IP address, an optional port, a path)")
    return value


def _distinct(values: list[str]) -> list[str]:
    if len(set(values)) != len(values):
        raise ValueError("lists an event type twice")
    return values


WebhookUrl = Annotated[str, StringConstraints(min_length=1, max_length=2048), AfterValidator(_url_shape),
                       WithJsonSchema({"type": "string", "maxLength": 2048, "pattern": PUBLISHED_URL_PATTERN,
                                       "examples": ["https://helpdesk.example/hooks/rebill"]})]
EventTypes = Annotated[list[EventType], Field(min_length=1, max_length=len(EVENT_TYPES), json_schema_extra={"uniqueItems": True}),
                       AfterValidator(_distinct)]


class WebhookEndpointCreate(RequestModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"url": "https://helpdesk.example/hooks/rebill", "events": ["invoice_batch.completed", "invoice.sent"],
         "description": "Helpdesk sync"}]})

    url: WebhookUrl = Field(description="https, resolving to public addresses only; redirects are not followed.")
    events: EventTypes
    enabled: Flag = True
    description: LongText | None = None


class WebhookEndpointUpdate(RequestModel):
    """Only the fields sent change; null clears description, the others cannot be null."""

    url: NotNull[WebhookUrl] = None
    events: NotNull[EventTypes] = None
    enabled: NotNull[Flag] = Field(default=None, description="false: no new events; pending attempts are dropped.")
    description: LongText | None = None


class WebhookEndpointOut(BaseModel):
    id: uuid.UUID
    url: str
    events: list[EventType]
    enabled: bool
    description: str | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row) -> "WebhookEndpointOut":
        return cls.model_validate(row, from_attributes=True)


class WebhookEndpointWithSecret(WebhookEndpointOut):
    secret: str = Field(description="The signing key of `Rebill-Signature`; shown only in this answer.")


class WebhookDeliveryOut(BaseModel):
    id: uuid.UUID
    event_id: str
    event_type: EventType
    attempt: int
    status: DeliveryStatus
    response_status: int | None
    response_body: str | None = Field(description="The receiver's answer, truncated to 1 KiB.")
    error: str | None
    next_attempt_at: datetime | None = Field(
        description="Pending: when this attempt is due. Failed: when the next one is, null when none will be.")
    attempted_at: datetime | None
    created_at: datetime

    @classmethod
    def of(cls, row) -> "WebhookDeliveryOut":
        return cls.model_validate(row, from_attributes=True)
