from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_create import ExportCreate
from ...models.export_out import ExportOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ExportCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/exports",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ExportOut | Problem | None:
    if response.status_code == 202:
        response_202 = ExportOut.from_dict(response.json())

        return response_202

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ExportOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ExportCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ExportOut | Problem]:
    """Create Export

     Export invoices for accounting software: those of a batch, a list of invoices, or those issued
    within dates. Drafts are skipped (reason `draft`); `xero` and `quickbooks` skip credit notes (reason
    `credit_note_not_supported_by_format`). A worker writes the file: follow `status` until `ready`,
    then
    download `file_url`. Every exported invoice gets `exported_at` (its first export). The same
    Idempotency-Key with the same body answers the first response and creates nothing; with another
    body, 409 `idempotency_key_reused`.

    Args:
        idempotency_key (None | str | Unset):
        body (ExportCreate): What to export: exactly one of `batch_id`, `invoice_ids`, or a range
            of issue dates
            (`issued_from` and/or `issued_to`, inclusive).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExportOut | Problem]
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
    body: ExportCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> ExportOut | Problem | None:
    """Create Export

     Export invoices for accounting software: those of a batch, a list of invoices, or those issued
    within dates. Drafts are skipped (reason `draft`); `xero` and `quickbooks` skip credit notes (reason
    `credit_note_not_supported_by_format`). A worker writes the file: follow `status` until `ready`,
    then
    download `file_url`. Every exported invoice gets `exported_at` (its first export). The same
    Idempotency-Key with the same body answers the first response and creates nothing; with another
    body, 409 `idempotency_key_reused`.

    Args:
        idempotency_key (None | str | Unset):
        body (ExportCreate): What to export: exactly one of `batch_id`, `invoice_ids`, or a range
            of issue dates
            (`issued_from` and/or `issued_to`, inclusive).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExportOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ExportCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ExportOut | Problem]:
    """Create Export

     Export invoices for accounting software: those of a batch, a list of invoices, or those issued
    within dates. Drafts are skipped (reason `draft`); `xero` and `quickbooks` skip credit notes (reason
    `credit_note_not_supported_by_format`). A worker writes the file: follow `status` until `ready`,
    then
    download `file_url`. Every exported invoice gets `exported_at` (its first export). The same
    Idempotency-Key with the same body answers the first response and creates nothing; with another
    body, 409 `idempotency_key_reused`.

    Args:
        idempotency_key (None | str | Unset):
        body (ExportCreate): What to export: exactly one of `batch_id`, `invoice_ids`, or a range
            of issue dates
            (`issued_from` and/or `issued_to`, inclusive).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExportOut | Problem]
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
    body: ExportCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> ExportOut | Problem | None:
    """Create Export

     Export invoices for accounting software: those of a batch, a list of invoices, or those issued
    within dates. Drafts are skipped (reason `draft`); `xero` and `quickbooks` skip credit notes (reason
    `credit_note_not_supported_by_format`). A worker writes the file: follow `status` until `ready`,
    then
    download `file_url`. Every exported invoice gets `exported_at` (its first export). The same
    Idempotency-Key with the same body answers the first response and creates nothing; with another
    body, 409 `idempotency_key_reused`.

    Args:
        idempotency_key (None | str | Unset):
        body (ExportCreate): What to export: exactly one of `batch_id`, `invoice_ids`, or a range
            of issue dates
            (`issued_from` and/or `issued_to`, inclusive).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExportOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
