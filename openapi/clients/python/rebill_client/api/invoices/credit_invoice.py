from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.credit_request import CreditRequest
from ...models.invoice_out import InvoiceOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    invoice_id: str,
    *,
    body: CreditRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/invoices/{invoice_id}/credit".format(
            invoice_id=quote(str(invoice_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> InvoiceOut | Problem | None:
    if response.status_code == 201:
        response_201 = InvoiceOut.from_dict(response.json())

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
) -> Response[InvoiceOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    invoice_id: str,
    *,
    client: AuthenticatedClient,
    body: CreditRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[InvoiceOut | Problem]:
    """Credit Invoice

     Credit what remains uncredited of a validated invoice, in full: the answer is the validated credit
    note (type `credit_note`, numbered in its own sequence), whose lines repeat the invoice's lines less
    what earlier credit notes credited. The invoice's `credited_amount` grows and its status becomes
    `credited`. A draft, a credit note, or an invoice with nothing left to credit answers 409
    (`invoice_not_validated`, `credit_note_not_creditable`, `nothing_to_credit`). With `release_time`,
    the invoice's time entries become billable again. The same Idempotency-Key with the same body
    answers the first response and creates nothing; with another body, 409.

    Args:
        invoice_id (str):
        idempotency_key (None | str | Unset):
        body (CreditRequest): `POST /v1/invoices/{id}/credit`: credit what remains uncredited of a
            validated invoice.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvoiceOut | Problem]
    """

    kwargs = _get_kwargs(
        invoice_id=invoice_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    invoice_id: str,
    *,
    client: AuthenticatedClient,
    body: CreditRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> InvoiceOut | Problem | None:
    """Credit Invoice

     Credit what remains uncredited of a validated invoice, in full: the answer is the validated credit
    note (type `credit_note`, numbered in its own sequence), whose lines repeat the invoice's lines less
    what earlier credit notes credited. The invoice's `credited_amount` grows and its status becomes
    `credited`. A draft, a credit note, or an invoice with nothing left to credit answers 409
    (`invoice_not_validated`, `credit_note_not_creditable`, `nothing_to_credit`). With `release_time`,
    the invoice's time entries become billable again. The same Idempotency-Key with the same body
    answers the first response and creates nothing; with another body, 409.

    Args:
        invoice_id (str):
        idempotency_key (None | str | Unset):
        body (CreditRequest): `POST /v1/invoices/{id}/credit`: credit what remains uncredited of a
            validated invoice.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvoiceOut | Problem
    """

    return sync_detailed(
        invoice_id=invoice_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    invoice_id: str,
    *,
    client: AuthenticatedClient,
    body: CreditRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[InvoiceOut | Problem]:
    """Credit Invoice

     Credit what remains uncredited of a validated invoice, in full: the answer is the validated credit
    note (type `credit_note`, numbered in its own sequence), whose lines repeat the invoice's lines less
    what earlier credit notes credited. The invoice's `credited_amount` grows and its status becomes
    `credited`. A draft, a credit note, or an invoice with nothing left to credit answers 409
    (`invoice_not_validated`, `credit_note_not_creditable`, `nothing_to_credit`). With `release_time`,
    the invoice's time entries become billable again. The same Idempotency-Key with the same body
    answers the first response and creates nothing; with another body, 409.

    Args:
        invoice_id (str):
        idempotency_key (None | str | Unset):
        body (CreditRequest): `POST /v1/invoices/{id}/credit`: credit what remains uncredited of a
            validated invoice.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvoiceOut | Problem]
    """

    kwargs = _get_kwargs(
        invoice_id=invoice_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    invoice_id: str,
    *,
    client: AuthenticatedClient,
    body: CreditRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> InvoiceOut | Problem | None:
    """Credit Invoice

     Credit what remains uncredited of a validated invoice, in full: the answer is the validated credit
    note (type `credit_note`, numbered in its own sequence), whose lines repeat the invoice's lines less
    what earlier credit notes credited. The invoice's `credited_amount` grows and its status becomes
    `credited`. A draft, a credit note, or an invoice with nothing left to credit answers 409
    (`invoice_not_validated`, `credit_note_not_creditable`, `nothing_to_credit`). With `release_time`,
    the invoice's time entries become billable again. The same Idempotency-Key with the same body
    answers the first response and creates nothing; with another body, 409.

    Args:
        invoice_id (str):
        idempotency_key (None | str | Unset):
        body (CreditRequest): `POST /v1/invoices/{id}/credit`: credit what remains uncredited of a
            validated invoice.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvoiceOut | Problem
    """

    return (
        await asyncio_detailed(
            invoice_id=invoice_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
