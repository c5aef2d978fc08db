"""Product and negotiated-price shapes (SPEC Appendix A)."""

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict

from app.kit.money import TaxRate, UnitPrice
from app.kit.schemas import ExternalId, LongText, Name, NotNull, RequestModel


class ProductCreate(RequestModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"external_id": "HD-H", "code": "HD-H", "name": "Support", "description": "Remote support",
         "unit_price": "80.00"}]})

    external_id: ExternalId | None = None
    code: Name
    name: Name
    description: LongText | None = None
    unit: Name = "hour"
    unit_price: UnitPrice
    tax_rate: TaxRate | None = None


class ProductUpdate(RequestModel):
    """Only the fields sent change; null clears external_id, description or tax_rate (the tenant's
    or customer's rate applies), the others cannot be null."""

    external_id: ExternalId | None = None
    code: NotNull[Name] = None
    name: NotNull[Name] = None
    description: LongText | None = None
    unit: NotNull[Name] = None
    unit_price: NotNull[UnitPrice] = None
    tax_rate: TaxRate | None = None


class ProductOut(BaseModel):
    id: uuid.UUID
    external_id: str | None
    code: str
    name: str
    description: str | None
    unit: str
    unit_price: UnitPrice
    tax_rate: TaxRate | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row) -> "ProductOut":
        return cls.model_validate(row, from_attributes=True)


class PriceCreate(RequestModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"customer_id": "01936f0e-8a5c-7b6e-9a51-3c2f4d1e0a42", "product_id": "01936f0e-8a5c-7b6e-9a51-3c2f4d1e0b07",
         "unit_price": "70.00"}]})

    external_id: ExternalId | None = None
    customer_id: uuid.UUID
    product_id: uuid.UUID
    unit_price: UnitPrice


class PriceUpdate(RequestModel):
    external_id: ExternalId | None = None
    unit_price: NotNull[UnitPrice] = None


class PriceOut(BaseModel):
    id: uuid.UUID
    external_id: str | None
    customer_id: uuid.UUID
    product_id: uuid.UUID
    unit_price: UnitPrice
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row) -> "PriceOut":
        return cls.model_validate(row, from_attributes=True)


