from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contract_out import ContractOut
from ...models.contract_update import ContractUpdate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    contract_id: str,
    *,
    body: ContractUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/contracts/{contract_id}".format(
            contract_id=quote(str(contract_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ContractOut | Problem | None:
    if response.status_code == 200:
        response_200 = ContractOut.from_dict(response.json())

        return response_200

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
    contract_id: str,
    *,
    client: AuthenticatedClient,
    body: ContractUpdate,
) -> Response[ContractOut | Problem]:
    """Update Contract

     Change some of a contract's fields (only those sent); null clears the optional ones. `kind`
    and `customer_id` cannot change (422 naming the field).

    Args:
        contract_id (str):
        body (ContractUpdate): Only the fields sent change; null clears the optional ones. `kind`
            and `customer_id` cannot
            change (422 naming them); sending their current value is fine.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContractOut | Problem]
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
    body: ContractUpdate,
) -> ContractOut | Problem | None:
    """Update Contract

     Change some of a contract's fields (only those sent); null clears the optional ones. `kind`
    and `customer_id` cannot change (422 naming the field).

    Args:
        contract_id (str):
        body (ContractUpdate): Only the fields sent change; null clears the optional ones. `kind`
            and `customer_id` cannot
            change (422 naming them); sending their current value is fine.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContractOut | Problem
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
    body: ContractUpdate,
) -> Response[ContractOut | Problem]:
    """Update Contract

     Change some of a contract's fields (only those sent); null clears the optional ones. `kind`
    and `customer_id` cannot change (422 naming the field).

    Args:
        contract_id (str):
        body (ContractUpdate): Only the fields sent change; null clears the optional ones. `kind`
            and `customer_id` cannot
            change (422 naming them); sending their current value is fine.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContractOut | Problem]
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
    body: ContractUpdate,
) -> ContractOut | Problem | None:
    """Update Contract

     Change some of a contract's fields (only those sent); null clears the optional ones. `kind`
    and `customer_id` cannot change (422 naming the field).

    Args:
        contract_id (str):
        body (ContractUpdate): Only the fields sent change; null clears the optional ones. `kind`
            and `customer_id` cannot
            change (422 naming them); sending their current value is fine.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContractOut | Problem
    """

    return (
        await asyncio_detailed(
            contract_id=contract_id,
            client=client,
            body=body,
        )
    ).parsed
