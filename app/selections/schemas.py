"""Selection shapes (SPEC Appendix A)."""

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from app.kit.schemas import ExternalId, Name, NotNull, RequestModel

MAX_SELECTION_SIZE = 100_000


class SelectionCreate(RequestModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"name": "Monthly support customers", "customer_ids": ["01936f0e-8a5c-7b6e-9a51-3c2f4d1e0a42"]}]})

    external_id: ExternalId | None = None
    name: Name
    customer_ids: list[uuid.UUID] = Field(default_factory=list, max_length=MAX_SELECTION_SIZE)


class SelectionUpdate(RequestModel):
    """Only the fields sent change; null clears external_id, the others cannot be null."""

    external_id: ExternalId | None = None
    name: NotNull[Name] = None
    customer_ids: NotNull[list[uuid.UUID]] = Field(default=None, max_length=MAX_SELECTION_SIZE,
                                                   description="Replaces the whole list ([] empties it).")


class SelectionOut(BaseModel):
    id: uuid.UUID
    external_id: str | None
    name: str
    customer_ids: list[uuid.UUID]
    created_at: datetime
    updated_at: datetime
