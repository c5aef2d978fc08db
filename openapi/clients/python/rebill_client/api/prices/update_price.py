from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.price_out import PriceOut
from ...models.price_update import PriceUpdate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    price_id: str,
    *,
    body: PriceUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/prices/{price_id}".format(
            price_id=quote(str(price_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PriceOut | Problem | None:
    if response.status_code == 200:
        response_200 = PriceOut.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PriceOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    price_id: str,
    *,
    client: AuthenticatedClient,
    body: PriceUpdate,
) -> Response[PriceOut | Problem]:
    """Update Price

     Change a negotiated price (only the fields sent).

    Args:
        price_id (str):
        body (PriceUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PriceOut | Problem]
    """

    kwargs = _get_kwargs(
        price_id=price_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    price_id: str,
    *,
    client: AuthenticatedClient,
    body: PriceUpdate,
) -> PriceOut | Problem | None:
    """Update Price

     Change a negotiated price (only the fields sent).

    Args:
        price_id (str):
        body (PriceUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PriceOut | Problem
    """

    return sync_detailed(
        price_id=price_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    price_id: str,
    *,
    client: AuthenticatedClient,
    body: PriceUpdate,
) -> Response[PriceOut | Problem]:
    """Update Price

     Change a negotiated price (only the fields sent).

    Args:
        price_id (str):
        body (PriceUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PriceOut | Problem]
    """

    kwargs = _get_kwargs(
        price_id=price_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    price_id: str,
    *,
    client: AuthenticatedClient,
    body: PriceUpdate,
) -> PriceOut | Problem | None:
    """Update Price

     Change a negotiated price (only the fields sent).

    Args:
        price_id (str):
        body (PriceUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PriceOut | Problem
    """

    return (
        await asyncio_detailed(
            price_id=price_id,
            client=client,
            body=body,
        )
    ).parsed
