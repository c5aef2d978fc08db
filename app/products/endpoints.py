"""HTTP routes for products and negotiated prices."""

import uuid
from typing import Annotated

from fastapi import Depends, Response, status

from app.deps import SessionDep, TenantDep
from app.errors import problems
from app.kit.pagination import FilterText, Page, PageParams, make_page, page_params
from app.kit.repository import get_owned
from app.kit.routing import ResourceRouter
from app.models import Price, Product
from app.products import service
from app.products.schemas import PriceCreate, PriceOut, PriceUpdate, ProductCreate, ProductOut, ProductUpdate

router = ResourceRouter(prefix="/v1/products", tags=["products"])
prices_router = ResourceRouter(prefix="/v1/prices", tags=["prices"])
NO_CONTENT = status.HTTP_204_NO_CONTENT


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems(409, 422))
async def create_product(body: ProductCreate, session: SessionDep, tenant_id: TenantDep) -> ProductOut:
    """Create a product (a service billed by the unit, usually the hour) with its list price and,
    optionally, its own tax rate. 409 when `code` or `external_id` is taken."""
    return ProductOut.of(await service.create_product(session, tenant_id=tenant_id, data=body))


@router.get("", responses=problems(422))
async def list_products(session: SessionDep, tenant_id: TenantDep, page: Annotated[PageParams, Depends(page_params)],
                        code: FilterText = None,
                        external_id: FilterText = None) -> Page[ProductOut]:
    """Products in creation order, a page at a time, optionally filtered by code or external id."""
    rows = await service.list_products(session, tenant_id=tenant_id, page=page, code=code, external_id=external_id)
    return make_page(rows, page, ProductOut.of)


@router.get("/{product_id}", responses=problems(404))
async def get_product(product_id: str, session: SessionDep, tenant_id: TenantDep) -> ProductOut:
    """One product."""
    return ProductOut.of(await get_owned(session, Product, tenant_id, product_id))


@router.patch("/{product_id}", responses=problems(404, 409, 422))
async def update_product(product_id: str, body: ProductUpdate, session: SessionDep, tenant_id: TenantDep) -> ProductOut:
    """Change some of a product's fields (only those sent); null clears external_id, description
    or tax_rate."""
    return ProductOut.of(await service.update_product(session, tenant_id=tenant_id, product_id=product_id, data=body))


@router.delete("/{product_id}", status_code=NO_CONTENT, responses=problems(404, 409))
async def delete_product(product_id: str, session: SessionDep, tenant_id: TenantDep) -> Response:
    """Delete a product; 409 while time entries use it or it is the settings' default product."""
    await service.delete_product(session, tenant_id=tenant_id, product_id=product_id)
    return Response(status_code=NO_CONTENT)


@prices_router.post("", status_code=status.HTTP_201_CREATED, responses=problems(409, 422))
async def create_price(body: PriceCreate, session: SessionDep, tenant_id: TenantDep) -> PriceOut:
    """A negotiated price: what one customer pays for one product instead of its list price. 409 when
    the customer already has a price for that product."""
    return PriceOut.of(await service.create_price(session, tenant_id=tenant_id, data=body))


@prices_router.get("", responses=problems(422))
async def list_prices(session: SessionDep, tenant_id: TenantDep, page: Annotated[PageParams, Depends(page_params)],
                      customer_id: uuid.UUID | None = None, product_id: uuid.UUID | None = None) -> Page[PriceOut]:
    """Negotiated prices, a page at a time, optionally those of one customer or one product."""
    rows = await service.list_prices(session, tenant_id=tenant_id, page=page, customer_id=customer_id,
                                     product_id=product_id)
    return make_page(rows, page, PriceOut.of)


@prices_router.get("/{price_id}", responses=problems(404))
async def get_price(price_id: str, session: SessionDep, tenant_id: TenantDep) -> PriceOut:
    """One negotiated price."""
    return PriceOut.of(await get_owned(session, Price, tenant_id, price_id))


@prices_router.patch("/{price_id}", responses=problems(404, 409, 422))
async def update_price(price_id: str, body: PriceUpdate, session: SessionDep, tenant_id: TenantDep) -> PriceOut:
    """Change a negotiated price (only the fields sent)."""
    return PriceOut.of(await service.update_price(session, tenant_id=tenant_id, price_id=price_id, data=body))


@prices_router.delete("/{price_id}", status_code=NO_CONTENT, responses=problems(404))
async def delete_price(price_id: str, session: SessionDep, tenant_id: TenantDep) -> Response:
    """Delete a negotiated price: the product's list price applies again."""
    await service.delete_price(session, tenant_id=tenant_id, price_id=price_id)
    return Response(status_code=NO_CONTENT)
