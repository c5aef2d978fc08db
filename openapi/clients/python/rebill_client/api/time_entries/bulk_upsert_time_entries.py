from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bulk_result import BulkResult
from ...models.problem import Problem
from ...models.time_entry_bulk import TimeEntryBulk
from ...types import Response


def _get_kwargs(
    *,
    body: TimeEntryBulk,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/time-entries/bulk",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BulkResult | Problem | None:
    if response.status_code == 200:
        response_200 = BulkResult.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BulkResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TimeEntryBulk,
) -> Response[BulkResult | Problem]:
    """Bulk Upsert Time Entries

     Create or update up to 10,000 time entries keyed by `external_id`, in one transaction. Each names
    its work item (required) and product (optional) by id or by external id, not both. One bad item
    rejects the whole push; an item that would change an invoiced entry answers 409.

    Args:
        body (TimeEntryBulk):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: TimeEntryBulk,
) -> BulkResult | Problem | None:
    """Bulk Upsert Time Entries

     Create or update up to 10,000 time entries keyed by `external_id`, in one transaction. Each names
    its work item (required) and product (optional) by id or by external id, not both. One bad item
    rejects the whole push; an item that would change an invoiced entry answers 409.

    Args:
        body (TimeEntryBulk):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TimeEntryBulk,
) -> Response[BulkResult | Problem]:
    """Bulk Upsert Time Entries

     Create or update up to 10,000 time entries keyed by `external_id`, in one transaction. Each names
    its work item (required) and product (optional) by id or by external id, not both. One bad item
    rejects the whole push; an item that would change an invoiced entry answers 409.

    Args:
        body (TimeEntryBulk):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TimeEntryBulk,
) -> BulkResult | Problem | None:
    """Bulk Upsert Time Entries

     Create or update up to 10,000 time entries keyed by `external_id`, in one transaction. Each names
    its work item (required) and product (optional) by id or by external id, not both. One bad item
    rejects the whole push; an item that would change an invoiced entry answers 409.

    Args:
        body (TimeEntryBulk):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
