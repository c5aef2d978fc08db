from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_out import CustomerOut
from ...models.customer_update import CustomerUpdate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    customer_id: str,
    *,
    body: CustomerUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/customers/{customer_id}".format(
            customer_id=quote(str(customer_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CustomerOut | Problem | None:
    if response.status_code == 200:
        response_200 = CustomerOut.from_dict(response.json())

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
) -> Response[CustomerOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: CustomerUpdate,
) -> Response[CustomerOut | Problem]:
    """Update Customer

     Change some of a customer's fields (only those sent); null clears the optional ones.

    Args:
        customer_id (str):
        body (CustomerUpdate): Only the fields sent change; null clears a field that may be empty
            (external_id, parent_id,
            billing_address, tax_rate, terms, default_contract_id, time_rounding), the others cannot
            be null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerOut | Problem]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: CustomerUpdate,
) -> CustomerOut | Problem | None:
    """Update Customer

     Change some of a customer's fields (only those sent); null clears the optional ones.

    Args:
        customer_id (str):
        body (CustomerUpdate): Only the fields sent change; null clears a field that may be empty
            (external_id, parent_id,
            billing_address, tax_rate, terms, default_contract_id, time_rounding), the others cannot
            be null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerOut | Problem
    """

    return sync_detailed(
        customer_id=customer_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: CustomerUpdate,
) -> Response[CustomerOut | Problem]:
    """Update Customer

     Change some of a customer's fields (only those sent); null clears the optional ones.

    Args:
        customer_id (str):
        body (CustomerUpdate): Only the fields sent change; null clears a field that may be empty
            (external_id, parent_id,
            billing_address, tax_rate, terms, default_contract_id, time_rounding), the others cannot
            be null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerOut | Problem]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: CustomerUpdate,
) -> CustomerOut | Problem | None:
    """Update Customer

     Change some of a customer's fields (only those sent); null clears the optional ones.

    Args:
        customer_id (str):
        body (CustomerUpdate): Only the fields sent change; null clears a field that may be empty
            (external_id, parent_id,
            billing_address, tax_rate, terms, default_contract_id, time_rounding), the others cannot
            be null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerOut | Problem
    """

    return (
        await asyncio_detailed(
            customer_id=customer_id,
            client=client,
            body=body,
        )
    ).parsed
