from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.payment_create import PaymentCreate
from ...models.payment_out import PaymentOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    invoice_id: str,
    *,
    body: PaymentCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/invoices/{invoice_id}/payments".format(
            invoice_id=quote(str(invoice_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaymentOut | Problem | None:
    if response.status_code == 201:
        response_201 = PaymentOut.from_dict(response.json())

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
) -> Response[PaymentOut | Problem]:
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
    body: PaymentCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[PaymentOut | Problem]:
    """Record Payment

     Record a payment of a validated invoice, or a refund (negative amount). The invoice's `amount_paid`,
    `amount_due` and `payment_status` follow; event `invoice.paid` when nothing is due any more. A draft
    answers 409 `invoice_not_validated`, a credit note 409 `credit_note_not_payable`; more than is due
    422
    `overpayment`; a refund of more than was paid 422 `refund_exceeds_paid`. The same Idempotency-Key
    with
    the same body answers the first response and records nothing; with another body, 409.

    Args:
        invoice_id (str):
        idempotency_key (None | str | Unset):
        body (PaymentCreate): `POST /v1/invoices/{id}/payments`: a payment received, or (negative
            amount) a refund made.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaymentOut | Problem]
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
    body: PaymentCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> PaymentOut | Problem | None:
    """Record Payment

     Record a payment of a validated invoice, or a refund (negative amount). The invoice's `amount_paid`,
    `amount_due` and `payment_status` follow; event `invoice.paid` when nothing is due any more. A draft
    answers 409 `invoice_not_validated`, a credit note 409 `credit_note_not_payable`; more than is due
    422
    `overpayment`; a refund of more than was paid 422 `refund_exceeds_paid`. The same Idempotency-Key
    with
    the same body answers the first response and records nothing; with another body, 409.

    Args:
        invoice_id (str):
        idempotency_key (None | str | Unset):
        body (PaymentCreate): `POST /v1/invoices/{id}/payments`: a payment received, or (negative
            amount) a refund made.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaymentOut | Problem
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
    body: PaymentCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[PaymentOut | Problem]:
    """Record Payment

     Record a payment of a validated invoice, or a refund (negative amount). The invoice's `amount_paid`,
    `amount_due` and `payment_status` follow; event `invoice.paid` when nothing is due any more. A draft
    answers 409 `invoice_not_validated`, a credit note 409 `credit_note_not_payable`; more than is due
    422
    `overpayment`; a refund of more than was paid 422 `refund_exceeds_paid`. The same Idempotency-Key
    with
    the same body answers the first response and records nothing; with another body, 409.

    Args:
        invoice_id (str):
        idempotency_key (None | str | Unset):
        body (PaymentCreate): `POST /v1/invoices/{id}/payments`: a payment received, or (negative
            amount) a refund made.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaymentOut | Problem]
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
    body: PaymentCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> PaymentOut | Problem | None:
    """Record Payment

     Record a payment of a validated invoice, or a refund (negative amount). The invoice's `amount_paid`,
    `amount_due` and `payment_status` follow; event `invoice.paid` when nothing is due any more. A draft
    answers 409 `invoice_not_validated`, a credit note 409 `credit_note_not_payable`; more than is due
    422
    `overpayment`; a refund of more than was paid 422 `refund_exceeds_paid`. The same Idempotency-Key
    with
    the same body answers the first response and records nothing; with another body, 409.

    Args:
        invoice_id (str):
        idempotency_key (None | str | Unset):
        body (PaymentCreate): `POST /v1/invoices/{id}/payments`: a payment received, or (negative
            amount) a refund made.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaymentOut | Problem
    """

    return (
        await asyncio_detailed(
            invoice_id=invoice_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
