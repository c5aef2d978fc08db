from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_customers_kind_type_0 import ListCustomersKindType0
from ...models.page_customer_out import PageCustomerOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: ListCustomersKindType0 | None | Unset = UNSET,
    parent_id: None | Unset | UUID = UNSET,
    external_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, ListCustomersKindType0):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_parent_id: None | str | Unset
    if isinstance(parent_id, Unset):
        json_parent_id = UNSET
    elif isinstance(parent_id, UUID):
        json_parent_id = str(parent_id)
    else:
        json_parent_id = parent_id
    params["parent_id"] = json_parent_id

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
        "url": "/v1/customers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageCustomerOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageCustomerOut.from_dict(response.json())

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
) -> Response[PageCustomerOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: ListCustomersKindType0 | None | Unset = UNSET,
    parent_id: None | Unset | UUID = UNSET,
    external_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageCustomerOut | Problem]:
    """List Customers

     Customers in creation order, a page at a time (`limit`, then `cursor` = the previous page's
    `next_cursor`), optionally filtered by kind, parent or external id.

    Args:
        kind (ListCustomersKindType0 | None | Unset):
        parent_id (None | Unset | UUID):
        external_id (None | str | Unset):
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCustomerOut | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        parent_id=parent_id,
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
    kind: ListCustomersKindType0 | None | Unset = UNSET,
    parent_id: None | Unset | UUID = UNSET,
    external_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageCustomerOut | Problem | None:
    """List Customers

     Customers in creation order, a page at a time (`limit`, then `cursor` = the previous page's
    `next_cursor`), optionally filtered by kind, parent or external id.

    Args:
        kind (ListCustomersKindType0 | None | Unset):
        parent_id (None | Unset | UUID):
        external_id (None | str | Unset):
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCustomerOut | Problem
    """

    return sync_detailed(
        client=client,
        kind=kind,
        parent_id=parent_id,
        external_id=external_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: ListCustomersKindType0 | None | Unset = UNSET,
    parent_id: None | Unset | UUID = UNSET,
    external_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageCustomerOut | Problem]:
    """List Customers

     Customers in creation order, a page at a time (`limit`, then `cursor` = the previous page's
    `next_cursor`), optionally filtered by kind, parent or external id.

    Args:
        kind (ListCustomersKindType0 | None | Unset):
        parent_id (None | Unset | UUID):
        external_id (None | str | Unset):
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCustomerOut | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        parent_id=parent_id,
        external_id=external_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    kind: ListCustomersKindType0 | None | Unset = UNSET,
    parent_id: None | Unset | UUID = UNSET,
    external_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageCustomerOut | Problem | None:
    """List Customers

     Customers in creation order, a page at a time (`limit`, then `cursor` = the previous page's
    `next_cursor`), optionally filtered by kind, parent or external id.

    Args:
        kind (ListCustomersKindType0 | None | Unset):
        parent_id (None | Unset | UUID):
        external_id (None | str | Unset):
        limit (int | Unset): Items per page. Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCustomerOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            parent_id=parent_id,
            external_id=external_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
