"""Work item shapes (SPEC Appendix A)."""

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from app.kit.bulk import items_checked_later
from app.kit.schemas import ExternalId, Name, RequestModel, ShortText

WorkItemType = Literal["ticket", "work_order", "delivery_note", "business_order", "contract"]


class WorkItemCreate(RequestModel):
    external_id: ExternalId | None = None
    type: WorkItemType
    reference: Name = Field(description="Shown to the customer, e.g. T-004211.")
    title: ShortText | None = None
    customer_id: uuid.UUID


class WorkItemUpdate(RequestModel):
    external_id: ExternalId | None = None
    type: WorkItemType | None = None
    reference: Name | None = None
    title: ShortText | None = None
    customer_id: uuid.UUID | None = None


class WorkItemBulkItem(RequestModel):
    external_id: ExternalId
    type: WorkItemType
    reference: Name
    title: ShortText | None = None
    customer_id: uuid.UUID | None = None
    customer_external_id: ExternalId | None = None


class WorkItemBulk(RequestModel):
    # Each item is a WorkItemBulkItem, validated by the service (BulkPush.check).
    items: items_checked_later(WorkItemBulkItem)


class WorkItemOut(BaseModel):
    id: uuid.UUID
    external_id: str | None
    type: WorkItemType
    reference: str
    title: str | None
    customer_id: uuid.UUID
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row) -> "WorkItemOut":
        return cls.model_validate(row, from_attributes=True)
