from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contract_create import ContractCreate
from ...models.contract_out import ContractOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: ContractCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/contracts",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ContractOut | Problem | None:
    if response.status_code == 201:
        response_201 = ContractOut.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContractOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ContractCreate,
) -> Response[ContractOut | Problem]:
    """Create Contract

     Create a company's contract: `hourly`, `block_hours` (add prepaid blocks with
    `POST /v1/contracts/{id}/blocks`) or `retainer` (with `retainer_amount` and `included_hours`).
    A contact's contract is refused (422 naming `customer_id`): a contact's time is billed under its
    parent company's contracts. 409 when `external_id` is taken.

    Args:
        body (ContractCreate): A company's contract. `retainer_amount` and `included_hours` belong
            to retainers,
            `overage_unit_price` to block_hours contracts.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContractOut | Problem]
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
    body: ContractCreate,
) -> ContractOut | Problem | None:
    """Create Contract

     Create a company's contract: `hourly`, `block_hours` (add prepaid blocks with
    `POST /v1/contracts/{id}/blocks`) or `retainer` (with `retainer_amount` and `included_hours`).
    A contact's contract is refused (422 naming `customer_id`): a contact's time is billed under its
    parent company's contracts. 409 when `external_id` is taken.

    Args:
        body (ContractCreate): A company's contract. `retainer_amount` and `included_hours` belong
            to retainers,
            `overage_unit_price` to block_hours contracts.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContractOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ContractCreate,
) -> Response[ContractOut | Problem]:
    """Create Contract

     Create a company's contract: `hourly`, `block_hours` (add prepaid blocks with
    `POST /v1/contracts/{id}/blocks`) or `retainer` (with `retainer_amount` and `included_hours`).
    A contact's contract is refused (422 naming `customer_id`): a contact's time is billed under its
    parent company's contracts. 409 when `external_id` is taken.

    Args:
        body (ContractCreate): A company's contract. `retainer_amount` and `included_hours` belong
            to retainers,
            `overage_unit_price` to block_hours contracts.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContractOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ContractCreate,
) -> ContractOut | Problem | None:
    """Create Contract

     Create a company's contract: `hourly`, `block_hours` (add prepaid blocks with
    `POST /v1/contracts/{id}/blocks`) or `retainer` (with `retainer_amount` and `included_hours`).
    A contact's contract is refused (422 naming `customer_id`): a contact's time is billed under its
    parent company's contracts. 409 when `external_id` is taken.

    Args:
        body (ContractCreate): A company's contract. `retainer_amount` and `included_hours` belong
            to retainers,
            `overage_unit_price` to block_hours contracts.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContractOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
