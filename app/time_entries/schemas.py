"""Time entry shapes (SPEC Appendix A)."""

import uuid
from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from app.kit.bulk import items_checked_later
from app.kit.money import Hours
from app.kit.schemas import ExternalId, Flag, Instant, LongText, NotNull, RequestModel, ShortText

TimeEntryStatus = Literal["draft", "approved"]


class TimeEntryFields(RequestModel):
    employee_id: ShortText | None = None
    employee_name: ShortText | None = None
    started_at: Instant = Field(description="ISO 8601 with an offset.")
    hours: Hours
    status: TimeEntryStatus = "draft"
    billable: Flag | None = Field(default=None, description="Defaults to true for ticket time, false otherwise.")
    note: LongText | None = None


class TimeEntryCreate(TimeEntryFields):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"external_id": "te-9", "work_item_id": "01936f0e-8a5c-7b6e-9a51-3c2f4d1e0c11", "employee_id": "e-7", "employee_name": "Alice Martin", "started_at": "2026-11-05T14:30:00+01:00",
         "hours": "1.50", "status": "approved"}]})

    external_id: ExternalId | None = None
    work_item_id: uuid.UUID
    product_id: uuid.UUID | None = None


class TimeEntryUpdate(RequestModel):
    """Only the fields sent change; null clears external_id, employee_id, employee_name, product_id
    or note, the others cannot be null."""

    external_id: ExternalId | None = None
    work_item_id: NotNull[uuid.UUID] = None
    employee_id: ShortText | None = None
    employee_name: ShortText | None = None
    started_at: NotNull[Instant] = None
    hours: NotNull[Hours] = None
    product_id: uuid.UUID | None = None
    status: NotNull[TimeEntryStatus] = None
    billable: NotNull[Flag] = None
    note: LongText | None = None


class TimeEntryBulkItem(TimeEntryFields):
    """Names its work item by `work_item_id` or `work_item_external_id` (exactly one), and its product,
    if any, by `product_id` or `product_external_id` (not both)."""

    external_id: ExternalId
    work_item_id: uuid.UUID | None = None
    work_item_external_id: ExternalId | None = None
    product_id: uuid.UUID | None = None
    product_external_id: ExternalId | None = None


class TimeEntryBulk(RequestModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"items": [
        {"external_id": "te-9", "work_item_external_id": "T-100042", "product_external_id": "HD-H", "employee_id": "e-7", "employee_name": "Alice Martin", "started_at": "2026-11-05T14:30:00+01:00",
         "hours": "1.50", "status": "approved"}]}]})

    # Each item is a TimeEntryBulkItem, validated by the service a chunk at a time (BulkPush.check).
    items: items_checked_later(TimeEntryBulkItem)


class TimeEntryOut(BaseModel):
    id: uuid.UUID
    external_id: str | None
    work_item_id: uuid.UUID
    employee_id: str | None
    employee_name: str | None
    started_at: Annotated[datetime, AfterValidator(lambda value: value.astimezone(UTC))] = Field(
        description="Always given in UTC, whatever offset it was sent with.")
    hours: Hours
    product_id: uuid.UUID | None
    status: TimeEntryStatus
    billable: bool
    note: str | None
    invoice_id: uuid.UUID | None
    invoice_line_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row) -> "TimeEntryOut":
        return cls.model_validate(row, from_attributes=True)
