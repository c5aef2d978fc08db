import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_invoices_payment_status_type_0 import ListInvoicesPaymentStatusType0
from ...models.list_invoices_status_type_0 import ListInvoicesStatusType0
from ...models.list_invoices_type_type_0 import ListInvoicesTypeType0
from ...models.page_invoice_out import PageInvoiceOut
from ...models.problem import Problem
from ...models.sort_order import SortOrder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    batch_id: None | Unset | UUID = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    status: ListInvoicesStatusType0 | None | Unset = UNSET,
    type_: ListInvoicesTypeType0 | None | Unset = UNSET,
    payment_status: ListInvoicesPaymentStatusType0 | None | Unset = UNSET,
    exported: bool | None | Unset = UNSET,
    issued_from: datetime.date | None | Unset = UNSET,
    issued_to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_batch_id: None | str | Unset
    if isinstance(batch_id, Unset):
        json_batch_id = UNSET
    elif isinstance(batch_id, UUID):
        json_batch_id = str(batch_id)
    else:
        json_batch_id = batch_id
    params["batch_id"] = json_batch_id

    json_customer_id: None | str | Unset
    if isinstance(customer_id, Unset):
        json_customer_id = UNSET
    elif isinstance(customer_id, UUID):
        json_customer_id = str(customer_id)
    else:
        json_customer_id = customer_id
    params["customer_id"] = json_customer_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListInvoicesStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_type_: None | str | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, ListInvoicesTypeType0):
        json_type_ = type_.value
    else:
        json_type_ = type_
    params["type"] = json_type_

    json_payment_status: None | str | Unset
    if isinstance(payment_status, Unset):
        json_payment_status = UNSET
    elif isinstance(payment_status, ListInvoicesPaymentStatusType0):
        json_payment_status = payment_status.value
    else:
        json_payment_status = payment_status
    params["payment_status"] = json_payment_status

    json_exported: bool | None | Unset
    if isinstance(exported, Unset):
        json_exported = UNSET
    else:
        json_exported = exported
    params["exported"] = json_exported

    json_issued_from: None | str | Unset
    if isinstance(issued_from, Unset):
        json_issued_from = UNSET
    elif isinstance(issued_from, datetime.date):
        json_issued_from = issued_from.isoformat()
    else:
        json_issued_from = issued_from
    params["issued_from"] = json_issued_from

    json_issued_to: None | str | Unset
    if isinstance(issued_to, Unset):
        json_issued_to = UNSET
    elif isinstance(issued_to, datetime.date):
        json_issued_to = issued_to.isoformat()
    else:
        json_issued_to = issued_to
    params["issued_to"] = json_issued_to

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order.value

    params["order"] = json_order

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/invoices",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageInvoiceOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageInvoiceOut.from_dict(response.json())

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
) -> Response[PageInvoiceOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    batch_id: None | Unset | UUID = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    status: ListInvoicesStatusType0 | None | Unset = UNSET,
    type_: ListInvoicesTypeType0 | None | Unset = UNSET,
    payment_status: ListInvoicesPaymentStatusType0 | None | Unset = UNSET,
    exported: bool | None | Unset = UNSET,
    issued_from: datetime.date | None | Unset = UNSET,
    issued_to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
) -> Response[PageInvoiceOut | Problem]:
    """List Invoices

     Invoices and credit notes, a page at a time, newest first (by `created_at`) unless `order=asc`,
    optionally of one batch, one customer, one status, one type, one payment status, exported or not,
    issued within dates (drafts have no issue date: a date filter leaves them out).

    Args:
        batch_id (None | Unset | UUID):
        customer_id (None | Unset | UUID):
        status (ListInvoicesStatusType0 | None | Unset):
        type_ (ListInvoicesTypeType0 | None | Unset): `invoice` or `credit_note`: one kind of
            document only.
        payment_status (ListInvoicesPaymentStatusType0 | None | Unset):
        exported (bool | None | Unset): true: only invoices an export carried; false: only the
            others.
        issued_from (datetime.date | None | Unset): First issue date, inclusive.
        issued_to (datetime.date | None | Unset): Last issue date, inclusive.
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        order (SortOrder | Unset): Which end of a list comes first: `desc`, the newest; `asc`, the
            oldest.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageInvoiceOut | Problem]
    """

    kwargs = _get_kwargs(
        batch_id=batch_id,
        customer_id=customer_id,
        status=status,
        type_=type_,
        payment_status=payment_status,
        exported=exported,
        issued_from=issued_from,
        issued_to=issued_to,
        limit=limit,
        cursor=cursor,
        order=order,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    batch_id: None | Unset | UUID = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    status: ListInvoicesStatusType0 | None | Unset = UNSET,
    type_: ListInvoicesTypeType0 | None | Unset = UNSET,
    payment_status: ListInvoicesPaymentStatusType0 | None | Unset = UNSET,
    exported: bool | None | Unset = UNSET,
    issued_from: datetime.date | None | Unset = UNSET,
    issued_to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
) -> PageInvoiceOut | Problem | None:
    """List Invoices

     Invoices and credit notes, a page at a time, newest first (by `created_at`) unless `order=asc`,
    optionally of one batch, one customer, one status, one type, one payment status, exported or not,
    issued within dates (drafts have no issue date: a date filter leaves them out).

    Args:
        batch_id (None | Unset | UUID):
        customer_id (None | Unset | UUID):
        status (ListInvoicesStatusType0 | None | Unset):
        type_ (ListInvoicesTypeType0 | None | Unset): `invoice` or `credit_note`: one kind of
            document only.
        payment_status (ListInvoicesPaymentStatusType0 | None | Unset):
        exported (bool | None | Unset): true: only invoices an export carried; false: only the
            others.
        issued_from (datetime.date | None | Unset): First issue date, inclusive.
        issued_to (datetime.date | None | Unset): Last issue date, inclusive.
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        order (SortOrder | Unset): Which end of a list comes first: `desc`, the newest; `asc`, the
            oldest.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageInvoiceOut | Problem
    """

    return sync_detailed(
        client=client,
        batch_id=batch_id,
        customer_id=customer_id,
        status=status,
        type_=type_,
        payment_status=payment_status,
        exported=exported,
        issued_from=issued_from,
        issued_to=issued_to,
        limit=limit,
        cursor=cursor,
        order=order,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    batch_id: None | Unset | UUID = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    status: ListInvoicesStatusType0 | None | Unset = UNSET,
    type_: ListInvoicesTypeType0 | None | Unset = UNSET,
    payment_status: ListInvoicesPaymentStatusType0 | None | Unset = UNSET,
    exported: bool | None | Unset = UNSET,
    issued_from: datetime.date | None | Unset = UNSET,
    issued_to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
) -> Response[PageInvoiceOut | Problem]:
    """List Invoices

     Invoices and credit notes, a page at a time, newest first (by `created_at`) unless `order=asc`,
    optionally of one batch, one customer, one status, one type, one payment status, exported or not,
    issued within dates (drafts have no issue date: a date filter leaves them out).

    Args:
        batch_id (None | Unset | UUID):
        customer_id (None | Unset | UUID):
        status (ListInvoicesStatusType0 | None | Unset):
        type_ (ListInvoicesTypeType0 | None | Unset): `invoice` or `credit_note`: one kind of
            document only.
        payment_status (ListInvoicesPaymentStatusType0 | None | Unset):
        exported (bool | None | Unset): true: only invoices an export carried; false: only the
            others.
        issued_from (datetime.date | None | Unset): First issue date, inclusive.
        issued_to (datetime.date | None | Unset): Last issue date, inclusive.
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        order (SortOrder | Unset): Which end of a list comes first: `desc`, the newest; `asc`, the
            oldest.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageInvoiceOut | Problem]
    """

    kwargs = _get_kwargs(
        batch_id=batch_id,
        customer_id=customer_id,
        status=status,
        type_=type_,
        payment_status=payment_status,
        exported=exported,
        issued_from=issued_from,
        issued_to=issued_to,
        limit=limit,
        cursor=cursor,
        order=order,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    batch_id: None | Unset | UUID = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    status: ListInvoicesStatusType0 | None | Unset = UNSET,
    type_: ListInvoicesTypeType0 | None | Unset = UNSET,
    payment_status: ListInvoicesPaymentStatusType0 | None | Unset = UNSET,
    exported: bool | None | Unset = UNSET,
    issued_from: datetime.date | None | Unset = UNSET,
    issued_to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
) -> PageInvoiceOut | Problem | None:
    """List Invoices

     Invoices and credit notes, a page at a time, newest first (by `created_at`) unless `order=asc`,
    optionally of one batch, one customer, one status, one type, one payment status, exported or not,
    issued within dates (drafts have no issue date: a date filter leaves them out).

    Args:
        batch_id (None | Unset | UUID):
        customer_id (None | Unset | UUID):
        status (ListInvoicesStatusType0 | None | Unset):
        type_ (ListInvoicesTypeType0 | None | Unset): `invoice` or `credit_note`: one kind of
            document only.
        payment_status (ListInvoicesPaymentStatusType0 | None | Unset):
        exported (bool | None | Unset): true: only invoices an export carried; false: only the
            others.
        issued_from (datetime.date | None | Unset): First issue date, inclusive.
        issued_to (datetime.date | None | Unset): Last issue date, inclusive.
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        order (SortOrder | Unset): Which end of a list comes first: `desc`, the newest; `asc`, the
            oldest.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageInvoiceOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            batch_id=batch_id,
            customer_id=customer_id,
            status=status,
            type_=type_,
            payment_status=payment_status,
            exported=exported,
            issued_from=issued_from,
            issued_to=issued_to,
            limit=limit,
            cursor=cursor,
            order=order,
        )
    ).parsed
