"""Webhook endpoints, the events sent to them, and one delivery row per event, endpoint and attempt.

PostgreSQL is the record of every delivery: an arq job only carries (event id, endpoint id), and a
pending row whose time has come is what a delivery job acts on (and what the sweeper re-queues)."""

import uuid
from datetime import datetime

from sqlalchemy import ARRAY, CheckConstraint, DateTime, Index, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from app.models._base import created_at_field, id_field, tenant_field, tenant_ref, tenant_unique_id, updated_at_field


class WebhookEndpoint(SQLModel, table=True):
    __tablename__ = "webhook_endpoints"
    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (tenant_unique_id("webhook_endpoints"),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    url: str = Field(nullable=False)
    events: list[str] = Field(sa_type=ARRAY(Text), nullable=False)
    enabled: bool = Field(default=True, nullable=False)
    description: str | None = None
    # Kept in clear: it is the HMAC key of every signature (shown to the client only on create/rotate).
    secret: str = Field(nullable=False)
    created_at: datetime = created_at_field()
    updated_at: datetime = updated_at_field()


class WebhookEvent(SQLModel, table=True):
    """What happened, as sent: `payload` is the body of every attempt of every delivery."""

    __tablename__ = "webhook_events"
    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        UniqueConstraint("tenant_id", "id", name="uq_webhook_events_tenant_id_id"),
        Index("ix_webhook_events_created_at", "created_at"),  # the purge of old events
    )

    id: str = Field(primary_key=True)  # "evt_<hex>", the id receivers deduplicate on
    tenant_id: uuid.UUID = tenant_field()
    type: str = Field(nullable=False)
    payload: dict = Field(sa_type=JSONB, nullable=False)
    created_at: datetime = created_at_field()


class WebhookDelivery(SQLModel, table=True):
    """One attempt to deliver one event to one endpoint. A failed attempt that will be retried
    carries `next_attempt_at`, and the next attempt's row exists already, `pending` until then."""

    __tablename__ = "webhook_deliveries"
    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        tenant_ref("endpoint_id", "webhook_endpoints", ondelete="CASCADE"),
        tenant_ref("event_id", "webhook_events", ondelete="CASCADE"),
        UniqueConstraint("endpoint_id", "event_id", "attempt"),
        CheckConstraint("status IN ('pending', 'succeeded', 'failed')", name="status"),
        CheckConstraint("attempt >= 1", name="attempt"),
        # At most one attempt in flight per event and endpoint: a manual retry cannot double one.
        Index("uq_webhook_deliveries_one_pending", "endpoint_id", "event_id", unique=True,
              postgresql_where="status = 'pending'"),
        # The sweeper's scan: pending attempts whose time has passed.
        Index("ix_webhook_deliveries_pending_due", "next_attempt_at", postgresql_where="status = 'pending'"),
        # The delivery log of an endpoint, newest first.
        Index("ix_webhook_deliveries_endpoint_id_id", "endpoint_id", "id"),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    endpoint_id: uuid.UUID = Field(nullable=False)
    event_id: str = Field(nullable=False, index=True)
    attempt: int = Field(nullable=False)
    status: str = Field(default="pending", nullable=False)
    response_status: int | None = None
    response_body: str | None = None
    error: str | None = None
    next_attempt_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    attempted_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    created_at: datetime = created_at_field()
