"""Products and negotiated prices. Services never commit."""

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.kit.pagination import PageParams
from app.kit.repository import (apply_changes, check_references, delete_owned, fetch_page, flush_unique, get_owned,
                                where_given)
from app.models import Customer, Price, Product
from app.products.schemas import PriceCreate, PriceUpdate, ProductCreate, ProductUpdate


async def list_products(session: AsyncSession, *, tenant_id: uuid.UUID, page: PageParams,
                        code: str | None = None, external_id: str | None = None) -> list[Product]:
    stmt = where_given(select(Product).where(Product.tenant_id == tenant_id), (Product.code, code),
                       (Product.external_id, external_id))
    return await fetch_page(session, stmt, Product, page)


async def create_product(session: AsyncSession, *, tenant_id: uuid.UUID, data: ProductCreate) -> Product:
    product = Product(tenant_id=tenant_id, **data.model_dump())
    session.add(product)
    await flush_unique(session, external_id="external_id", code="code")
    return product


async def update_product(session: AsyncSession, *, tenant_id: uuid.UUID, product_id: str,
                         data: ProductUpdate) -> Product:
    product = await get_owned(session, Product, tenant_id, product_id, for_update=True)
    apply_changes(product, data.model_dump(exclude_unset=True), not_null=("code", "name", "unit", "unit_price"))
    await flush_unique(session, external_id="external_id", code="code")
    return product


async def delete_product(session: AsyncSession, *, tenant_id: uuid.UUID, product_id: str) -> None:
    await delete_owned(session, Product, tenant_id, product_id, code="product_in_use",
                       in_use="The product is used by time entries or is the default product; it cannot be deleted.")


async def list_prices(session: AsyncSession, *, tenant_id: uuid.UUID, page: PageParams,
                      customer_id: uuid.UUID | None = None, product_id: uuid.UUID | None = None) -> list[Price]:
    stmt = where_given(select(Price).where(Price.tenant_id == tenant_id), (Price.customer_id, customer_id),
                       (Price.product_id, product_id))
    return await fetch_page(session, stmt, Price, page)


async def create_price(session: AsyncSession, *, tenant_id: uuid.UUID, data: PriceCreate) -> Price:
    await check_references(session, tenant_id, [("customer_id", Customer, data.customer_id),
                                                ("product_id", Product, data.product_id)])
    price = Price(tenant_id=tenant_id, **data.model_dump())
    session.add(price)
    await flush_unique(session, external_id="external_id", product_id="product_id")
    return price


async def update_price(session: AsyncSession, *, tenant_id: uuid.UUID, price_id: str, data: PriceUpdate) -> Price:
    price = await get_owned(session, Price, tenant_id, price_id, for_update=True)
    apply_changes(price, data.model_dump(exclude_unset=True), not_null=("unit_price",))
    await flush_unique(session, external_id="external_id")
    return price


async def delete_price(session: AsyncSession, *, tenant_id: uuid.UUID, price_id: str) -> None:
    await delete_owned(session, Price, tenant_id, price_id, code="price_in_use", in_use="The price is in use.")
