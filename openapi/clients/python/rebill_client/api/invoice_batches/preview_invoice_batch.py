from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.invoice_batch_definition import InvoiceBatchDefinition
from ...models.invoice_batch_preview import InvoiceBatchPreview
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: InvoiceBatchDefinition,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/invoice-batches/preview",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InvoiceBatchPreview | Problem | None:
    if response.status_code == 200:
        response_200 = InvoiceBatchPreview.from_dict(response.json())

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
) -> Response[InvoiceBatchPreview | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: InvoiceBatchDefinition,
) -> Response[InvoiceBatchPreview | Problem]:
    """Preview Invoice Batch

     What the batch would produce right now: invoices with lines and totals, and the times that
    would stay unbilled with their reasons. Nothing is written.

    Args:
        body (InvoiceBatchDefinition): Exactly one of `selection_id` and `customer_ids`; exactly
            one of the period (`period_start`
            and `period_end`, the end not before the start) and `cutoff_date`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvoiceBatchPreview | Problem]
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
    body: InvoiceBatchDefinition,
) -> InvoiceBatchPreview | Problem | None:
    """Preview Invoice Batch

     What the batch would produce right now: invoices with lines and totals, and the times that
    would stay unbilled with their reasons. Nothing is written.

    Args:
        body (InvoiceBatchDefinition): Exactly one of `selection_id` and `customer_ids`; exactly
            one of the period (`period_start`
            and `period_end`, the end not before the start) and `cutoff_date`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvoiceBatchPreview | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: InvoiceBatchDefinition,
) -> Response[InvoiceBatchPreview | Problem]:
    """Preview Invoice Batch

     What the batch would produce right now: invoices with lines and totals, and the times that
    would stay unbilled with their reasons. Nothing is written.

    Args:
        body (InvoiceBatchDefinition): Exactly one of `selection_id` and `customer_ids`; exactly
            one of the period (`period_start`
            and `period_end`, the end not before the start) and `cutoff_date`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvoiceBatchPreview | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: InvoiceBatchDefinition,
) -> InvoiceBatchPreview | Problem | None:
    """Preview Invoice Batch

     What the batch would produce right now: invoices with lines and totals, and the times that
    would stay unbilled with their reasons. Nothing is written.

    Args:
        body (InvoiceBatchDefinition): Exactly one of `selection_id` and `customer_ids`; exactly
            one of the period (`period_start`
            and `period_end`, the end not before the start) and `cutoff_date`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvoiceBatchPreview | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
