from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.invoice_batch_definition import InvoiceBatchDefinition
from ...models.invoice_batch_out import InvoiceBatchOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: InvoiceBatchDefinition,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/invoice-batches",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InvoiceBatchOut | Problem | None:
    if response.status_code == 202:
        response_202 = InvoiceBatchOut.from_dict(response.json())

        return response_202

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
) -> Response[InvoiceBatchOut | Problem]:
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
    idempotency_key: None | str | Unset = UNSET,
) -> Response[InvoiceBatchOut | Problem]:
    """Create Invoice Batch

     Schedule a batch (now, or at `run_at`, at most 24 hours ahead). The same Idempotency-Key with
    the same body answers the first response and creates nothing; with another body, 409.

    Args:
        idempotency_key (None | str | Unset):
        body (InvoiceBatchDefinition): Exactly one of `selection_id` and `customer_ids`; exactly
            one of the period (`period_start`
            and `period_end`, the end not before the start) and `cutoff_date`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvoiceBatchOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: InvoiceBatchDefinition,
    idempotency_key: None | str | Unset = UNSET,
) -> InvoiceBatchOut | Problem | None:
    """Create Invoice Batch

     Schedule a batch (now, or at `run_at`, at most 24 hours ahead). The same Idempotency-Key with
    the same body answers the first response and creates nothing; with another body, 409.

    Args:
        idempotency_key (None | str | Unset):
        body (InvoiceBatchDefinition): Exactly one of `selection_id` and `customer_ids`; exactly
            one of the period (`period_start`
            and `period_end`, the end not before the start) and `cutoff_date`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvoiceBatchOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: InvoiceBatchDefinition,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[InvoiceBatchOut | Problem]:
    """Create Invoice Batch

     Schedule a batch (now, or at `run_at`, at most 24 hours ahead). The same Idempotency-Key with
    the same body answers the first response and creates nothing; with another body, 409.

    Args:
        idempotency_key (None | str | Unset):
        body (InvoiceBatchDefinition): Exactly one of `selection_id` and `customer_ids`; exactly
            one of the period (`period_start`
            and `period_end`, the end not before the start) and `cutoff_date`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvoiceBatchOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: InvoiceBatchDefinition,
    idempotency_key: None | str | Unset = UNSET,
) -> InvoiceBatchOut | Problem | None:
    """Create Invoice Batch

     Schedule a batch (now, or at `run_at`, at most 24 hours ahead). The same Idempotency-Key with
    the same body answers the first response and creates nothing; with another body, 409.

    Args:
        idempotency_key (None | str | Unset):
        body (InvoiceBatchDefinition): Exactly one of `selection_id` and `customer_ids`; exactly
            one of the period (`period_start`
            and `period_end`, the end not before the start) and `cutoff_date`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvoiceBatchOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
