from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_work_items_type_type_0 import ListWorkItemsTypeType0
from ...models.page_work_item_out import PageWorkItemOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    customer_id: None | Unset | UUID = UNSET,
    type_: ListWorkItemsTypeType0 | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
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

    json_type_: None | str | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, ListWorkItemsTypeType0):
        json_type_ = type_.value
    else:
        json_type_ = type_
    params["type"] = json_type_

    json_external_id: None | str | Unset
    if isinstance(external_id, Unset):
        json_external_id = UNSET
    else:
        json_external_id = external_id
    params["external_id"] = json_external_id

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
        "url": "/v1/work-items",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageWorkItemOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageWorkItemOut.from_dict(response.json())

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
) -> Response[PageWorkItemOut | Problem]:
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
    type_: ListWorkItemsTypeType0 | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageWorkItemOut | Problem]:
    """List Work Items

     Work items in creation order, a page at a time, optionally filtered by customer, type or
    external id.

    Args:
        customer_id (None | Unset | UUID):
        type_ (ListWorkItemsTypeType0 | None | Unset):
        external_id (None | str | Unset):
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageWorkItemOut | Problem]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        type_=type_,
        external_id=external_id,
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
    type_: ListWorkItemsTypeType0 | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageWorkItemOut | Problem | None:
    """List Work Items

     Work items in creation order, a page at a time, optionally filtered by customer, type or
    external id.

    Args:
        customer_id (None | Unset | UUID):
        type_ (ListWorkItemsTypeType0 | None | Unset):
        external_id (None | str | Unset):
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageWorkItemOut | Problem
    """

    return sync_detailed(
        client=client,
        customer_id=customer_id,
        type_=type_,
        external_id=external_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    customer_id: None | Unset | UUID = UNSET,
    type_: ListWorkItemsTypeType0 | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageWorkItemOut | Problem]:
    """List Work Items

     Work items in creation order, a page at a time, optionally filtered by customer, type or
    external id.

    Args:
        customer_id (None | Unset | UUID):
        type_ (ListWorkItemsTypeType0 | None | Unset):
        external_id (None | str | Unset):
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageWorkItemOut | Problem]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        type_=type_,
        external_id=external_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    customer_id: None | Unset | UUID = UNSET,
    type_: ListWorkItemsTypeType0 | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageWorkItemOut | Problem | None:
    """List Work Items

     Work items in creation order, a page at a time, optionally filtered by customer, type or
    external id.

    Args:
        customer_id (None | Unset | UUID):
        type_ (ListWorkItemsTypeType0 | None | Unset):
        external_id (None | str | Unset):
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageWorkItemOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            customer_id=customer_id,
            type_=type_,
            external_id=external_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
