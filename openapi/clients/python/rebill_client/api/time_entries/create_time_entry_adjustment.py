from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.adjustment_create import AdjustmentCreate
from ...models.problem import Problem
from ...models.time_entry_out import TimeEntryOut
from ...types import Response


def _get_kwargs(
    time_entry_id: str,
    *,
    body: AdjustmentCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/time-entries/{time_entry_id}/adjustments".format(
            time_entry_id=quote(str(time_entry_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TimeEntryOut | None:
    if response.status_code == 201:
        response_201 = TimeEntryOut.from_dict(response.json())

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
    body: AdjustmentCreate,
) -> Response[Problem | TimeEntryOut]:
    """Create Time Entry Adjustment

     Correct a time entry's hours with an adjustment (SPEC §10): a new approved time entry with
    `adjusts_id` = the original and `adjustment_status` `pending`; the fields it does not give are the
    original's. Adjusting an adjustment adjusts its original. If the original was never billed, the
    adjustment replaces it (the original becomes `superseded`) and the next batch bills the adjustment
    like any entry. If it was billed on a validated invoice, the next batch settles the difference
    at that line's unit price and tax rate (an extra line, or a credit note line). An adjustment
    still pending is replaced by a later one (`superseded`). An entry on a draft invoice cannot be
    adjusted: 409 `time_entry_on_draft` (validate or delete the draft first).

    Args:
        time_entry_id (str):
        body (AdjustmentCreate): An adjustment of a time entry (SPEC §10). The fields not given
            are the original's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TimeEntryOut]
    """

    kwargs = _get_kwargs(
        time_entry_id=time_entry_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    time_entry_id: str,
    *,
    client: AuthenticatedClient,
    body: AdjustmentCreate,
) -> Problem | TimeEntryOut | None:
    """Create Time Entry Adjustment

     Correct a time entry's hours with an adjustment (SPEC §10): a new approved time entry with
    `adjusts_id` = the original and `adjustment_status` `pending`; the fields it does not give are the
    original's. Adjusting an adjustment adjusts its original. If the original was never billed, the
    adjustment replaces it (the original becomes `superseded`) and the next batch bills the adjustment
    like any entry. If it was billed on a validated invoice, the next batch settles the difference
    at that line's unit price and tax rate (an extra line, or a credit note line). An adjustment
    still pending is replaced by a later one (`superseded`). An entry on a draft invoice cannot be
    adjusted: 409 `time_entry_on_draft` (validate or delete the draft first).

    Args:
        time_entry_id (str):
        body (AdjustmentCreate): An adjustment of a time entry (SPEC §10). The fields not given
            are the original's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TimeEntryOut
    """

    return sync_detailed(
        time_entry_id=time_entry_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    time_entry_id: str,
    *,
    client: AuthenticatedClient,
    body: AdjustmentCreate,
) -> Response[Problem | TimeEntryOut]:
    """Create Time Entry Adjustment

     Correct a time entry's hours with an adjustment (SPEC §10): a new approved time entry with
    `adjusts_id` = the original and `adjustment_status` `pending`; the fields it does not give are the
    original's. Adjusting an adjustment adjusts its original. If the original was never billed, the
    adjustment replaces it (the original becomes `superseded`) and the next batch bills the adjustment
    like any entry. If it was billed on a validated invoice, the next batch settles the difference
    at that line's unit price and tax rate (an extra line, or a credit note line). An adjustment
    still pending is replaced by a later one (`superseded`). An entry on a draft invoice cannot be
    adjusted: 409 `time_entry_on_draft` (validate or delete the draft first).

    Args:
        time_entry_id (str):
        body (AdjustmentCreate): An adjustment of a time entry (SPEC §10). The fields not given
            are the original's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TimeEntryOut]
    """

    kwargs = _get_kwargs(
        time_entry_id=time_entry_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    time_entry_id: str,
    *,
    client: AuthenticatedClient,
    body: AdjustmentCreate,
) -> Problem | TimeEntryOut | None:
    """Create Time Entry Adjustment

     Correct a time entry's hours with an adjustment (SPEC §10): a new approved time entry with
    `adjusts_id` = the original and `adjustment_status` `pending`; the fields it does not give are the
    original's. Adjusting an adjustment adjusts its original. If the original was never billed, the
    adjustment replaces it (the original becomes `superseded`) and the next batch bills the adjustment
    like any entry. If it was billed on a validated invoice, the next batch settles the difference
    at that line's unit price and tax rate (an extra line, or a credit note line). An adjustment
    still pending is replaced by a later one (`superseded`). An entry on a draft invoice cannot be
    adjusted: 409 `time_entry_on_draft` (validate or delete the draft first).

    Args:
        time_entry_id (str):
        body (AdjustmentCreate): An adjustment of a time entry (SPEC §10). The fields not given
            are the original's.

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
            body=body,
        )
    ).parsed
