"""Payments and refunds recorded against validated invoices (SPEC §12). A refund is a payment with a
negative amount. The invoice keeps the running sums (`amount_paid`, net of refunds, and
`amount_refunded`); PostgreSQL derives `amount_due` and `payment_status` from them (generated
columns, migration 0018), so no writer can leave them out of step."""

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, Index, Numeric
from sqlmodel import Field, SQLModel

from app.models._base import created_at_field, id_field, tenant_field, tenant_ref

PAYMENT_METHODS = ("bank_transfer", "card", "direct_debit", "cheque", "cash", "other")


class Payment(SQLModel, table=True):
    __tablename__ = "payments"
    __table_args__ = (
        tenant_ref("invoice_id", "invoices", ondelete="RESTRICT"),
        CheckConstraint("amount <> 0", name="amount_not_zero"),
        CheckConstraint("method IN ('bank_transfer', 'card', 'direct_debit', 'cheque', 'cash', 'other')",
                        name="method"),
        # An invoice's payments in the order they were recorded (GET /v1/invoices/{id}/payments).
        Index("ix_payments_tenant_id_invoice_id_created_at_id", "tenant_id", "invoice_id", "created_at", "id"),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    invoice_id: uuid.UUID = Field(nullable=False)
    amount: Decimal = Field(sa_type=Numeric(18, 4), nullable=False)
    paid_on: date = Field(sa_type=Date, nullable=False)
    method: str = Field(nullable=False)
    reference: str | None = None
    created_at: datetime = created_at_field()
