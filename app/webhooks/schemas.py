"""Webhook endpoint and delivery shapes (SPEC §5, Appendix A). The secret appears only in the
answers to create and rotate-secret."""

import uuid
from datetime import datetime
from typing import Annotated, Literal, get_args
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, Field, StringConstraints

from app.kit.schemas import Flag, LongText, RequestModel

EventType = Literal["invoice_batch.completed", "invoice.validated", "invoice.sent"]
EVENT_TYPES: tuple[str, ...] = get_args(EventType)
DeliveryStatus = Literal["pending", "succeeded", "failed"]


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
    if parts.fragment:
        raise ValueError("must not have a #fragment")
    return value


def _distinct(values: list[str]) -> list[str]:
    if len(set(values)) != len(values):
        raise ValueError("lists an event type twice")
    return values


WebhookUrl = Annotated[str, StringConstraints(min_length=1, max_length=2048), AfterValidator(_url_shape)]
EventTypes = Annotated[list[EventType], Field(min_length=1, max_length=len(EVENT_TYPES)), AfterValidator(_distinct)]


class WebhookEndpointCreate(RequestModel):
    url: WebhookUrl = Field(description="https, resolving to public addresses only; redirects are not followed.")
    events: EventTypes
    enabled: Flag = True
    description: LongText | None = None


class WebhookEndpointUpdate(RequestModel):
    url: WebhookUrl | None = None
    events: EventTypes | None = None
    enabled: Flag | None = Field(default=None, description="false: no new events; pending attempts are dropped.")
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
