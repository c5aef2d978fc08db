from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.block_create import BlockCreate
from ...models.block_out import BlockOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    contract_id: str,
    *,
    body: BlockCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/contracts/{contract_id}/blocks".format(
            contract_id=quote(str(contract_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BlockOut | Problem | None:
    if response.status_code == 201:
        response_201 = BlockOut.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[BlockOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    contract_id: str,
    *,
    client: AuthenticatedClient,
    body: BlockCreate,
) -> Response[BlockOut | Problem]:
    """Add Contract Block

     Add a prepaid block of hours to a `block_hours` contract (409 `not_block_hours` on another
    kind): its hours join the contract's balance at once; the first batch over the customer whose
    period ends on or after `purchased_on` invoices its price.

    Args:
        contract_id (str):
        body (BlockCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BlockOut | Problem]
    """

    kwargs = _get_kwargs(
        contract_id=contract_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    contract_id: str,
    *,
    client: AuthenticatedClient,
    body: BlockCreate,
) -> BlockOut | Problem | None:
    """Add Contract Block

     Add a prepaid block of hours to a `block_hours` contract (409 `not_block_hours` on another
    kind): its hours join the contract's balance at once; the first batch over the customer whose
    period ends on or after `purchased_on` invoices its price.

    Args:
        contract_id (str):
        body (BlockCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BlockOut | Problem
    """

    return sync_detailed(
        contract_id=contract_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    contract_id: str,
    *,
    client: AuthenticatedClient,
    body: BlockCreate,
) -> Response[BlockOut | Problem]:
    """Add Contract Block

     Add a prepaid block of hours to a `block_hours` contract (409 `not_block_hours` on another
    kind): its hours join the contract's balance at once; the first batch over the customer whose
    period ends on or after `purchased_on` invoices its price.

    Args:
        contract_id (str):
        body (BlockCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BlockOut | Problem]
    """

    kwargs = _get_kwargs(
        contract_id=contract_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contract_id: str,
    *,
    client: AuthenticatedClient,
    body: BlockCreate,
) -> BlockOut | Problem | None:
    """Add Contract Block

     Add a prepaid block of hours to a `block_hours` contract (409 `not_block_hours` on another
    kind): its hours join the contract's balance at once; the first batch over the customer whose
    period ends on or after `purchased_on` invoices its price.

    Args:
        contract_id (str):
        body (BlockCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BlockOut | Problem
    """

    return (
        await asyncio_detailed(
            contract_id=contract_id,
            client=client,
            body=body,
        )
    ).parsed
