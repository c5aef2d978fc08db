"""Time entry shapes (SPEC Appendix A)."""

import uuid
from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from app.kit.bulk import items_checked_later
from app.kit.money import AdjustmentHours, BulkHours, Hours
from app.kit.schemas import ExternalId, Flag, Instant, LongText, NotNull, RequestModel, ShortText

TimeEntryStatus = Literal["draft", "approved"]
AdjustmentStatus = Literal["pending", "settled", "superseded"]


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


class AdjustmentCreate(RequestModel):
    """An adjustment of a time entry (SPEC §10). The fields not given are the original's."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"hours": "0.75", "note": "Half of it was a training session", "external_id": "te-9-adj-1"}]})

    hours: AdjustmentHours = Field(description="The hours that should have been recorded, up to 2 places; "
                                               "\"0.00\": the time should not have been billed at all.")
    note: LongText | None = Field(default=None, description="Absent: the original's note.")
    external_id: ExternalId | None = None
    employee_id: ShortText | None = Field(default=None, description="Absent: the original's.")
    employee_name: ShortText | None = Field(default=None, description="Absent: the original's.")
    started_at: Instant | None = Field(default=None, description="Absent: the original's.")
    product_id: uuid.UUID | None = Field(
        default=None, description="Absent: the original's. Time already billed is settled at the price and tax "
                                  "rate of the line that billed it, whatever the product.")


class TimeEntryBulkItem(TimeEntryFields):
    """Names its work item by `work_item_id` or `work_item_external_id` (exactly one), and its product,
    if any, by `product_id` or `product_external_id` (not both). An item with `adjusts_external_id` or
    `adjusts_id` is an adjustment of that entry (SPEC §10): the fields it does not give are the
    original's (work item, started_at, employee, product, billable, note), it is approved, and its
    hours may be 0."""

    external_id: ExternalId
    started_at: Instant | None = Field(default=None, description="ISO 8601 with an offset. Required, except on "
                                                                 "an adjustment (default: the original's).")
    hours: BulkHours = Field(description="More than 0; 0 is allowed on an adjustment only.")
    adjusts_id: uuid.UUID | None = Field(default=None, description="The entry this item adjusts, by id.")
    adjusts_external_id: ExternalId | None = Field(
        default=None, description="The entry this item adjusts, by external_id (an earlier item of the same push "
                                  "counts).")
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
    hours: AdjustmentHours = Field(description="More than 0, except on an adjustment (0: the time should not "
                                               "have been billed).")
    product_id: uuid.UUID | None
    status: TimeEntryStatus
    billable: bool
    note: str | None
    invoice_id: uuid.UUID | None
    invoice_line_id: uuid.UUID | None
    adjusts_id: uuid.UUID | None = Field(description="For an adjustment: the entry it adjusts (always an original, "
                                                     "never another adjustment).")
    adjustment_status: AdjustmentStatus | None = Field(description=(
        "null on ordinary entries. On an adjustment: `pending` until a batch bills or settles it, then `settled`; "
        "`superseded` when a later adjustment of the same entry replaced it before that (never billed)."))
    superseded: bool = Field(description="Replaced by an adjustment before being billed: never billed.")
    corrected_invoice_id: uuid.UUID | None = Field(description=(
        "For an adjustment of time billed on a validated invoice: that invoice. A batch settles the adjustment "
        "against the line that billed the time instead of billing it as an ordinary entry. null when the "
        "adjustment replaces time never billed."))
    corrected_invoice_line_id: uuid.UUID | None = Field(description="The line of `corrected_invoice_id` corrected.")
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row) -> "TimeEntryOut":
        return cls.model_validate(row, from_attributes=True)
