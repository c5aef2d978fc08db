from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.time_entry_out import TimeEntryOut
from ...types import Response


def _get_kwargs(
    time_entry_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/time-entries/{time_entry_id}".format(
            time_entry_id=quote(str(time_entry_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TimeEntryOut | None:
    if response.status_code == 200:
        response_200 = TimeEntryOut.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TimeEntryOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    time_entry_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | TimeEntryOut]:
    """Get Time Entry

     One time entry; `invoice_id` tells whether it is on an invoice.

    Args:
        time_entry_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TimeEntryOut]
    """

    kwargs = _get_kwargs(
        time_entry_id=time_entry_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    time_entry_id: str,
    *,
    client: AuthenticatedClient,
) -> Problem | TimeEntryOut | None:
    """Get Time Entry

     One time entry; `invoice_id` tells whether it is on an invoice.

    Args:
        time_entry_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TimeEntryOut
    """

    return sync_detailed(
        time_entry_id=time_entry_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    time_entry_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | TimeEntryOut]:
    """Get Time Entry

     One time entry; `invoice_id` tells whether it is on an invoice.

    Args:
        time_entry_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TimeEntryOut]
    """

    kwargs = _get_kwargs(
        time_entry_id=time_entry_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    time_entry_id: str,
    *,
    client: AuthenticatedClient,
) -> Problem | TimeEntryOut | None:
    """Get Time Entry

     One time entry; `invoice_id` tells whether it is on an invoice.

    Args:
        time_entry_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TimeEntryOut
    """

    return (
        await asyncio_detailed(
            time_entry_id=time_entry_id,
            client=client,
        )
    ).parsed
