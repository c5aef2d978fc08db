"""Export shapes (SPEC §12, Appendix B)."""

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.kit.schemas import CalendarDate, RequestModel

ExportFormat = Literal["csv", "xero", "quickbooks"]
ExportStatus = Literal["pending", "ready", "failed"]
SkipReason = Literal["draft", "credit_note_not_supported_by_format"]
MAX_INVOICE_IDS = 10000


class ExportCreate(RequestModel):
    """What to export: exactly one of `batch_id`, `invoice_ids`, or a range of issue dates
    (`issued_from` and/or `issued_to`, inclusive)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"format": "xero", "issued_from": "2026-11-01", "issued_to": "2026-11-30"},
        {"format": "csv", "batch_id": "0a7c1f3e-2b4d-4e6f-8a9b-0c1d2e3f4a5b"}]})

    format: ExportFormat = Field(description=(
        "`csv` (Rebill's columns, invoices and credit notes), `xero` (Xero's sales-invoice import template) or "
        "`quickbooks` (QuickBooks Online's invoice import); the last two carry invoices only."))
    batch_id: uuid.UUID | None = Field(default=None, description="The invoices and credit notes of this batch.")
    invoice_ids: Annotated[list[uuid.UUID], Field(min_length=1, max_length=MAX_INVOICE_IDS)] | None = Field(
        default=None, description="These invoices, in this order.")
    issued_from: CalendarDate | None = Field(default=None, description="First issue date, inclusive.")
    issued_to: CalendarDate | None = Field(default=None, description="Last issue date, inclusive.")


class Skipped(BaseModel):
    invoice_id: uuid.UUID
    reason: SkipReason = Field(description=(
        "`draft`: not validated, never exported; `credit_note_not_supported_by_format`: a credit note, which "
        "`xero` and `quickbooks` files do not carry."))


class ExportOut(BaseModel):
    id: uuid.UUID
    format: ExportFormat
    status: ExportStatus = Field(description=(
        "`pending` while a worker writes the file, then `ready` (download it from `file_url`) or `failed`."))
    invoice_count: int = Field(description="The invoices (and credit notes) the file carries.")
    skipped: list[Skipped]
    batch_id: uuid.UUID | None
    invoice_ids: list[uuid.UUID] | None = Field(description="The invoice ids asked for, when they were.")
    issued_from: CalendarDate | None
    issued_to: CalendarDate | None
    line_count: int | None = Field(description="Rows of the file below its header, once ready.")
    error: str | None = Field(description="Why it failed, when it did.")
    created_at: datetime
    finished_at: datetime | None
    file_url: str = Field(description="Where the file is downloaded once ready.")

    @classmethod
    def of(cls, export) -> "ExportOut":
        return cls(id=export.id, format=export.format, status=export.status, invoice_count=export.invoice_count,
                   skipped=export.skipped, batch_id=export.batch_id, invoice_ids=export.requested_invoice_ids,
                   issued_from=export.issued_from, issued_to=export.issued_to, line_count=export.line_count,
                   error=export.error, created_at=export.created_at, finished_at=export.finished_at,
                   file_url=f"/v1/exports/{export.id}/file")
