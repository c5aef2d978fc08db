import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_time_entries_status_type_0 import ListTimeEntriesStatusType0
from ...models.page_time_entry_out import PageTimeEntryOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    customer_id: None | Unset | UUID = UNSET,
    work_item_id: None | Unset | UUID = UNSET,
    product_id: None | Unset | UUID = UNSET,
    status: ListTimeEntriesStatusType0 | None | Unset = UNSET,
    billable: bool | None | Unset = UNSET,
    invoiced: bool | None | Unset = UNSET,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    adjusts_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_customer_id: None | str | Unset
    if isinstance(customer_id, Unset):
        json_customer_id = UNSET
    elif isinstance(customer_id, UUID):
        json_customer_id = str(customer_id)
    else:
        json_customer_id = customer_id
    params["customer_id"] = json_customer_id

    json_work_item_id: None | str | Unset
    if isinstance(work_item_id, Unset):
        json_work_item_id = UNSET
    elif isinstance(work_item_id, UUID):
        json_work_item_id = str(work_item_id)
    else:
        json_work_item_id = work_item_id
    params["work_item_id"] = json_work_item_id

    json_product_id: None | str | Unset
    if isinstance(product_id, Unset):
        json_product_id = UNSET
    elif isinstance(product_id, UUID):
        json_product_id = str(product_id)
    else:
        json_product_id = product_id
    params["product_id"] = json_product_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListTimeEntriesStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_billable: bool | None | Unset
    if isinstance(billable, Unset):
        json_billable = UNSET
    else:
        json_billable = billable
    params["billable"] = json_billable

    json_invoiced: bool | None | Unset
    if isinstance(invoiced, Unset):
        json_invoiced = UNSET
    else:
        json_invoiced = invoiced
    params["invoiced"] = json_invoiced

    json_date_from: None | str | Unset
    if isinstance(date_from, Unset):
        json_date_from = UNSET
    elif isinstance(date_from, datetime.date):
        json_date_from = date_from.isoformat()
    else:
        json_date_from = date_from
    params["date_from"] = json_date_from

    json_date_to: None | str | Unset
    if isinstance(date_to, Unset):
        json_date_to = UNSET
    elif isinstance(date_to, datetime.date):
        json_date_to = date_to.isoformat()
    else:
        json_date_to = date_to
    params["date_to"] = json_date_to

    json_external_id: None | str | Unset
    if isinstance(external_id, Unset):
        json_external_id = UNSET
    else:
        json_external_id = external_id
    params["external_id"] = json_external_id

    json_adjusts_id: None | str | Unset
    if isinstance(adjusts_id, Unset):
        json_adjusts_id = UNSET
    elif isinstance(adjusts_id, UUID):
        json_adjusts_id = str(adjusts_id)
    else:
        json_adjusts_id = adjusts_id
    params["adjusts_id"] = json_adjusts_id

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/time-entries",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageTimeEntryOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageTimeEntryOut.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageTimeEntryOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    customer_id: None | Unset | UUID = UNSET,
    work_item_id: None | Unset | UUID = UNSET,
    product_id: None | Unset | UUID = UNSET,
    status: ListTimeEntriesStatusType0 | None | Unset = UNSET,
    billable: bool | None | Unset = UNSET,
    invoiced: bool | None | Unset = UNSET,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    adjusts_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageTimeEntryOut | Problem]:
    """List Time Entries

     Time entries in creation order, a page at a time, filtered by customer, work item, product,
    status, billable, invoiced, local dates in the tenant's time zone, or the entry they adjust.

    Args:
        customer_id (None | Unset | UUID):
        work_item_id (None | Unset | UUID):
        product_id (None | Unset | UUID):
        status (ListTimeEntriesStatusType0 | None | Unset):
        billable (bool | None | Unset):
        invoiced (bool | None | Unset): true: only invoiced entries; false: only the others
        date_from (datetime.date | None | Unset): First local date (tenant time zone), inclusive.
        date_to (datetime.date | None | Unset): Last local date (tenant time zone), inclusive.
        external_id (None | str | Unset):
        adjusts_id (None | Unset | UUID): Only the adjustments of this entry.
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTimeEntryOut | Problem]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        work_item_id=work_item_id,
        product_id=product_id,
        status=status,
        billable=billable,
        invoiced=invoiced,
        date_from=date_from,
        date_to=date_to,
        external_id=external_id,
        adjusts_id=adjusts_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    customer_id: None | Unset | UUID = UNSET,
    work_item_id: None | Unset | UUID = UNSET,
    product_id: None | Unset | UUID = UNSET,
    status: ListTimeEntriesStatusType0 | None | Unset = UNSET,
    billable: bool | None | Unset = UNSET,
    invoiced: bool | None | Unset = UNSET,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    adjusts_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageTimeEntryOut | Problem | None:
    """List Time Entries

     Time entries in creation order, a page at a time, filtered by customer, work item, product,
    status, billable, invoiced, local dates in the tenant's time zone, or the entry they adjust.

    Args:
        customer_id (None | Unset | UUID):
        work_item_id (None | Unset | UUID):
        product_id (None | Unset | UUID):
        status (ListTimeEntriesStatusType0 | None | Unset):
        billable (bool | None | Unset):
        invoiced (bool | None | Unset): true: only invoiced entries; false: only the others
        date_from (datetime.date | None | Unset): First local date (tenant time zone), inclusive.
        date_to (datetime.date | None | Unset): Last local date (tenant time zone), inclusive.
        external_id (None | str | Unset):
        adjusts_id (None | Unset | UUID): Only the adjustments of this entry.
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTimeEntryOut | Problem
    """

    return sync_detailed(
        client=client,
        customer_id=customer_id,
        work_item_id=work_item_id,
        product_id=product_id,
        status=status,
        billable=billable,
        invoiced=invoiced,
        date_from=date_from,
        date_to=date_to,
        external_id=external_id,
        adjusts_id=adjusts_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    customer_id: None | Unset | UUID = UNSET,
    work_item_id: None | Unset | UUID = UNSET,
    product_id: None | Unset | UUID = UNSET,
    status: ListTimeEntriesStatusType0 | None | Unset = UNSET,
    billable: bool | None | Unset = UNSET,
    invoiced: bool | None | Unset = UNSET,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    adjusts_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageTimeEntryOut | Problem]:
    """List Time Entries

     Time entries in creation order, a page at a time, filtered by customer, work item, product,
    status, billable, invoiced, local dates in the tenant's time zone, or the entry they adjust.

    Args:
        customer_id (None | Unset | UUID):
        work_item_id (None | Unset | UUID):
        product_id (None | Unset | UUID):
        status (ListTimeEntriesStatusType0 | None | Unset):
        billable (bool | None | Unset):
        invoiced (bool | None | Unset): true: only invoiced entries; false: only the others
        date_from (datetime.date | None | Unset): First local date (tenant time zone), inclusive.
        date_to (datetime.date | None | Unset): Last local date (tenant time zone), inclusive.
        external_id (None | str | Unset):
        adjusts_id (None | Unset | UUID): Only the adjustments of this entry.
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTimeEntryOut | Problem]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        work_item_id=work_item_id,
        product_id=product_id,
        status=status,
        billable=billable,
        invoiced=invoiced,
        date_from=date_from,
        date_to=date_to,
        external_id=external_id,
        adjusts_id=adjusts_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    customer_id: None | Unset | UUID = UNSET,
    work_item_id: None | Unset | UUID = UNSET,
    product_id: None | Unset | UUID = UNSET,
    status: ListTimeEntriesStatusType0 | None | Unset = UNSET,
    billable: bool | None | Unset = UNSET,
    invoiced: bool | None | Unset = UNSET,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    adjusts_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageTimeEntryOut | Problem | None:
    """List Time Entries

     Time entries in creation order, a page at a time, filtered by customer, work item, product,
    status, billable, invoiced, local dates in the tenant's time zone, or the entry they adjust.

    Args:
        customer_id (None | Unset | UUID):
        work_item_id (None | Unset | UUID):
        product_id (None | Unset | UUID):
        status (ListTimeEntriesStatusType0 | None | Unset):
        billable (bool | None | Unset):
        invoiced (bool | None | Unset): true: only invoiced entries; false: only the others
        date_from (datetime.date | None | Unset): First local date (tenant time zone), inclusive.
        date_to (datetime.date | None | Unset): Last local date (tenant time zone), inclusive.
        external_id (None | str | Unset):
        adjusts_id (None | Unset | UUID): Only the adjustments of this entry.
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTimeEntryOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            customer_id=customer_id,
            work_item_id=work_item_id,
            product_id=product_id,
            status=status,
            billable=billable,
            invoiced=invoiced,
            date_from=date_from,
            date_to=date_to,
            external_id=external_id,
            adjusts_id=adjusts_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
