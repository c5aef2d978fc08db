"""Contract, block and time-rounding shapes (SPEC §11, Appendix B)."""

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from app.invoicing.rounding import INCREMENTS
from app.kit.bulk import items_checked_later
from app.kit.money import (Amount, AmountOut, Hours, HoursOrZero, HoursOrZeroOut, HoursOut, HoursTotalOut, UnitPrice,
                           UnitPriceOut)
from app.kit.schemas import CalendarDate, ExternalId, Flag, Name, NotNull, RequestModel, _json_integer, integer

ContractKind = Literal["hourly", "block_hours", "retainer"]
RoundingMode = Literal["up", "nearest", "down"]


def _an_increment(value: int) -> int:
    if value not in INCREMENTS:
        raise ValueError(f"must be one of {', '.join(map(str, INCREMENTS))}")
    return value


Increment = Annotated[int, BeforeValidator(_json_integer), AfterValidator(_an_increment),
                      WithJsonSchema({"type": "integer", "enum": list(INCREMENTS)})]


class TimeRounding(RequestModel):
    """How each time entry's billed quantity is rounded; `hours_worked` keeps what was worked."""

    increment_minutes: Increment
    mode: RoundingMode = Field(description="`up`, `down`, or `nearest` (a half goes up).")
    minimum_minutes: integer(ge=0, le=1440) = Field(
        default=0, description="Applied after rounding: an entry is billed at least this long.")


class TimeRoundingOut(BaseModel):
    increment_minutes: int
    mode: RoundingMode
    minimum_minutes: int


ROUNDING = "How each time entry's hours are rounded; null: not rounded (a contract's rule wins over its customer's)."
KIND = ("`hourly`: time at its price; `block_hours`: time consumes prepaid blocks, the rest at `overage_unit_price`; "
        "`retainer`: `retainer_amount` each billing cycle covers up to `included_hours`. Fixed once set.")
OVERAGE = "block_hours only: the unit price of hours beyond the blocks' balance (null: the usual price)."
RETAINER = "Required on a retainer, refused on the other kinds."


class ContractCreate(RequestModel):
    """A company's contract. `retainer_amount` and `included_hours` belong to retainers,
    `overage_unit_price` to block_hours contracts."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"external_id": "ct-7", "customer_id": "01936f0e-8a5c-7b6e-9a51-3c2f4d1e0a42", "name": "Support 10 h",
         "kind": "block_hours", "starts_on": "2026-11-01", "overage_unit_price": "85.00",
         "time_rounding": {"increment_minutes": 15, "mode": "up", "minimum_minutes": 0}}]})

    external_id: ExternalId | None = None
    customer_id: uuid.UUID = Field(description="A company (not a contact).")
    name: Name
    kind: ContractKind = Field(description=KIND)
    product_id: uuid.UUID | None = Field(default=None, description="The product of its time that has none.")
    starts_on: CalendarDate
    ends_on: CalendarDate | None = Field(default=None, description="Not before starts_on; null: open-ended.")
    taxable: Flag = Field(default=True, description="false: the contract's lines carry no tax.")
    time_rounding: TimeRounding | None = Field(default=None, description=ROUNDING)
    overage_unit_price: UnitPrice | None = Field(default=None, description=OVERAGE)
    retainer_amount: Amount | None = Field(default=None, description="Billed once per billing cycle. " + RETAINER)
    included_hours: HoursOrZero | None = Field(default=None, description="Covered per cycle. " + RETAINER)


class ContractUpdate(RequestModel):
    """Only the fields sent change; null clears the optional ones. `kind` and `customer_id` cannot
    change (422 naming them); sending their current value is fine."""

    external_id: ExternalId | None = None
    customer_id: NotNull[uuid.UUID] = None
    name: NotNull[Name] = None
    kind: NotNull[ContractKind] = None
    product_id: uuid.UUID | None = None
    starts_on: NotNull[CalendarDate] = None
    ends_on: CalendarDate | None = None
    taxable: NotNull[Flag] = None
    time_rounding: TimeRounding | None = Field(default=None, description=ROUNDING)
    overage_unit_price: UnitPrice | None = Field(default=None, description=OVERAGE)
    retainer_amount: Amount | None = Field(default=None, description=RETAINER)
    included_hours: HoursOrZero | None = Field(default=None, description=RETAINER)


class ContractBulkItem(RequestModel):
    """Names its customer by `customer_id` or `customer_external_id` (exactly one), its product by
    `product_id` or `product_external_id` (at most one)."""

    external_id: ExternalId
    customer_id: uuid.UUID | None = None
    customer_external_id: ExternalId | None = None
    name: Name
    kind: ContractKind
    product_id: uuid.UUID | None = None
    product_external_id: ExternalId | None = None
    starts_on: CalendarDate
    ends_on: CalendarDate | None = None
    taxable: Flag = True
    time_rounding: TimeRounding | None = None
    overage_unit_price: UnitPrice | None = None
    retainer_amount: Amount | None = None
    included_hours: HoursOrZero | None = None


class ContractBulk(RequestModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"items": [
        {"external_id": "ct-7", "customer_external_id": "crm-42", "name": "Support 10 h", "kind": "block_hours",
         "starts_on": "2026-11-01", "product_external_id": "HD-H"}]}]})

    # Each item is a ContractBulkItem, validated by the service (BulkPush.check).
    items: items_checked_later(ContractBulkItem)


class BlockCreate(RequestModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"hours": "10.00", "price": "700.00", "purchased_on": "2026-11-01"}]})

    hours: Hours
    price: Amount
    purchased_on: CalendarDate = Field(description="The first batch whose period ends on or after it invoices it.")


class BlockOut(BaseModel):
    id: uuid.UUID
    hours: HoursOut
    price: AmountOut
    purchased_on: date
    invoice_id: uuid.UUID | None = Field(description="The invoice that billed the block; null until a batch does.")
    created_at: datetime

    @classmethod
    def of(cls, row) -> "BlockOut":
        return cls.model_validate(row, from_attributes=True)


class ContractOut(BaseModel):
    id: uuid.UUID
    external_id: str | None
    customer_id: uuid.UUID
    name: str
    kind: ContractKind
    product_id: uuid.UUID | None
    starts_on: date
    ends_on: date | None
    taxable: bool
    time_rounding: TimeRoundingOut | None
    overage_unit_price: UnitPriceOut | None
    retainer_amount: AmountOut | None
    included_hours: HoursOrZeroOut | None
    blocks: list[BlockOut] = Field(description="block_hours only (empty otherwise), in the order they were added.")
    hours_purchased: HoursTotalOut = Field(description="The sum of the blocks' hours.")
    hours_used: HoursTotalOut = Field(description="Block hours consumed by invoices (overage is not counted).")
    hours_remaining: HoursTotalOut = Field(description="hours_purchased − hours_used.")
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row, blocks: list) -> "ContractOut":
        return cls(**{name: getattr(row, name) for name in (
            "id", "external_id", "customer_id", "name", "kind", "product_id", "starts_on", "ends_on", "taxable",
            "time_rounding", "overage_unit_price", "retainer_amount", "included_hours", "hours_purchased",
            "hours_used", "created_at", "updated_at")},
            hours_remaining=row.hours_purchased - row.hours_used, blocks=[BlockOut.of(b) for b in blocks])
