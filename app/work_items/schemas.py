"""Work item shapes (SPEC Appendix A)."""

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.kit.bulk import items_checked_later
from app.kit.schemas import ExternalId, Name, NotNull, RequestModel, ShortText

CONTRACT = ("The contract its time is billed under: one of its customer's contracts, or of a contact's parent "
            "company. Null: the customer's default contract, if any.")
WorkItemType = Literal["ticket", "work_order", "delivery_note", "business_order", "contract"]


class WorkItemCreate(RequestModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"external_id": "T-100042", "type": "ticket", "reference": "T-100042", "title": "Printer down",
         "customer_id": "01936f0e-8a5c-7b6e-9a51-3c2f4d1e0a42"}]})

    external_id: ExternalId | None = None
    type: WorkItemType
    reference: Name = Field(description="Shown to the customer, e.g. T-004211.")
    title: ShortText | None = None
    customer_id: uuid.UUID
    contract_id: uuid.UUID | None = Field(default=None, description=CONTRACT)


class WorkItemUpdate(RequestModel):
    """Only the fields sent change; null clears external_id, title or contract_id, the others cannot
    be null."""

    external_id: ExternalId | None = None
    type: NotNull[WorkItemType] = None
    reference: NotNull[Name] = None
    title: ShortText | None = None
    customer_id: NotNull[uuid.UUID] = None
    contract_id: uuid.UUID | None = Field(default=None, description=CONTRACT)


class WorkItemBulkItem(RequestModel):
    """Names its customer by `customer_id` or `customer_external_id`, exactly one of them, and
    optionally its contract by `contract_id` or `contract_external_id`."""

    external_id: ExternalId
    type: WorkItemType
    reference: Name
    title: ShortText | None = None
    customer_id: uuid.UUID | None = None
    customer_external_id: ExternalId | None = None
    contract_id: uuid.UUID | None = Field(default=None, description=CONTRACT)
    contract_external_id: ExternalId | None = None


class WorkItemBulk(RequestModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"items": [
        {"external_id": "T-100042", "type": "ticket", "reference": "T-100042", "title": "Printer down",
         "customer_external_id": "crm-42"}]}]})

    # Each item is a WorkItemBulkItem, validated by the service (BulkPush.check).
    items: items_checked_later(WorkItemBulkItem)


class WorkItemOut(BaseModel):
    id: uuid.UUID
    external_id: str | None
    type: WorkItemType
    reference: str
    title: str | None
    customer_id: uuid.UUID
    contract_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row) -> "WorkItemOut":
        return cls.model_validate(row, from_attributes=True)
