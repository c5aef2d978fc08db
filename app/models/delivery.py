"""What reaches the customer: the stored PDF of a validated invoice, and the email outbox.

A validated invoice's PDF is rendered once and kept (`invoice_documents`), so the document sent is
the document stored. Every email (an invoice, a batch summary) is an outbox row written in the
transaction that asks for it and sent only after that transaction commits; the row records every
attempt, the server's answer and the Message-ID. An invoice is called sent only when its row is.
Delivery is at least once: a sender that dies after the server accepted a message and before
recording it leaves the row to be sent again, with the same Message-ID."""

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Index, LargeBinary
from sqlmodel import Field, SQLModel

from app.models._base import created_at_field, id_field, tenant_field, tenant_ref, updated_at_field


class InvoiceDocument(SQLModel, table=True):
    __tablename__ = "invoice_documents"
    __table_args__ = (tenant_ref("invoice_id", "invoices", ondelete="CASCADE"),)

    invoice_id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = tenant_field()
    pdf: bytes = Field(sa_type=LargeBinary, nullable=False)
    sha256: str = Field(nullable=False)
    created_at: datetime = created_at_field()


class EmailOutbox(SQLModel, table=True):
    __tablename__ = "email_outbox"
    __mapper_args__ = {"eager_defaults": True}
    __table_args__ = (
        tenant_ref("invoice_id", "invoices", ondelete="CASCADE"),
        tenant_ref("batch_id", "invoice_batches", ondelete="CASCADE"),
        CheckConstraint("kind IN ('invoice', 'batch_summary')", name="kind"),
        CheckConstraint("status IN ('pending', 'sent', 'failed')", name="status"),
        CheckConstraint("(kind = 'invoice') = (invoice_id IS NOT NULL)", name="invoice_mail_has_invoice"),
        Index("ix_email_outbox_pending", "created_at", postgresql_where="status = 'pending'"),
        Index("ix_email_outbox_invoice_id", "invoice_id"),
        Index("ix_email_outbox_batch_id", "batch_id"),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    kind: str = Field(nullable=False)
    invoice_id: uuid.UUID | None = None
    batch_id: uuid.UUID | None = None
    recipient: str = Field(nullable=False)
    # Chosen when the row is written: a message sent twice (a crash after the server accepted it,
    # before we recorded it) carries the same Message-ID, for receivers that deduplicate on it.
    message_id: str = Field(nullable=False, unique=True)
    status: str = Field(default="pending", nullable=False)
    attempts: int = Field(default=0, nullable=False)
    # Set (and committed) before talking to the mail server, cleared when its answer is recorded:
    # no transaction stays open across SMTP. A claim older than outbox.LOST_AFTER belongs to a
    # sender that died; the row is then sent again (at least once, with the same Message-ID).
    sending_since: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    server_answer: str | None = None
    last_error: str | None = None
    sent_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    created_at: datetime = created_at_field()
    updated_at: datetime = updated_at_field()
