"""Selection shapes (SPEC Appendix A)."""

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from app.kit.schemas import ExternalId, Name, RequestModel

MAX_SELECTION_SIZE = 100_000


class SelectionCreate(RequestModel):
    external_id: ExternalId | None = None
    name: Name
    customer_ids: list[uuid.UUID] = Field(default_factory=list, max_length=MAX_SELECTION_SIZE)


class SelectionUpdate(RequestModel):
    external_id: ExternalId | None = None
    name: Name | None = None
    customer_ids: list[uuid.UUID] | None = Field(default=None, max_length=MAX_SELECTION_SIZE,
                                                 description="Replaces the whole list.")


class SelectionOut(BaseModel):
    id: uuid.UUID
    external_id: str | None
    name: str
    customer_ids: list[uuid.UUID]
    created_at: datetime
    updated_at: datetime
