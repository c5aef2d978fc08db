from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bulk_result import BulkResult
from ...models.bulk_upsert_contracts_on_error import BulkUpsertContractsOnError
from ...models.contract_bulk import ContractBulk
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ContractBulk,
    on_error: BulkUpsertContractsOnError | Unset = BulkUpsertContractsOnError.REJECT,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_on_error: str | Unset = UNSET
    if not isinstance(on_error, Unset):
        json_on_error = on_error.value

    params["on_error"] = json_on_error

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/contracts/bulk",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BulkResult | Problem | None:
    if response.status_code == 200:
        response_200 = BulkResult.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

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
) -> Response[BulkResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ContractBulk,
    on_error: BulkUpsertContractsOnError | Unset = BulkUpsertContractsOnError.REJECT,
) -> Response[BulkResult | Problem]:
    """Bulk Upsert Contracts

     Create or update up to 10,000 contracts keyed by `external_id`, in one transaction. Each names
    its company by `customer_id` or `customer_external_id`, and optionally its product by
    `product_id` or `product_external_id`. A stored contract's `kind` and customer cannot change.
    The answer gives each item's id and result in order; pushing the same data again changes
    nothing. One bad item rejects the whole push unless `on_error=skip`.

    Args:
        on_error (BulkUpsertContractsOnError | Unset): `reject` (the default): one bad item
            refuses the whole push (422, or 409 for a change to an invoiced time entry or an
            adjustment of time on a draft invoice, naming `items[i]...`) and nothing is written.
            `skip`: the valid items are stored and each bad one answers `"result": "error"` with its
            `errors`, with status 200. Default: BulkUpsertContractsOnError.REJECT.
        body (ContractBulk):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        on_error=on_error,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ContractBulk,
    on_error: BulkUpsertContractsOnError | Unset = BulkUpsertContractsOnError.REJECT,
) -> BulkResult | Problem | None:
    """Bulk Upsert Contracts

     Create or update up to 10,000 contracts keyed by `external_id`, in one transaction. Each names
    its company by `customer_id` or `customer_external_id`, and optionally its product by
    `product_id` or `product_external_id`. A stored contract's `kind` and customer cannot change.
    The answer gives each item's id and result in order; pushing the same data again changes
    nothing. One bad item rejects the whole push unless `on_error=skip`.

    Args:
        on_error (BulkUpsertContractsOnError | Unset): `reject` (the default): one bad item
            refuses the whole push (422, or 409 for a change to an invoiced time entry or an
            adjustment of time on a draft invoice, naming `items[i]...`) and nothing is written.
            `skip`: the valid items are stored and each bad one answers `"result": "error"` with its
            `errors`, with status 200. Default: BulkUpsertContractsOnError.REJECT.
        body (ContractBulk):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        on_error=on_error,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ContractBulk,
    on_error: BulkUpsertContractsOnError | Unset = BulkUpsertContractsOnError.REJECT,
) -> Response[BulkResult | Problem]:
    """Bulk Upsert Contracts

     Create or update up to 10,000 contracts keyed by `external_id`, in one transaction. Each names
    its company by `customer_id` or `customer_external_id`, and optionally its product by
    `product_id` or `product_external_id`. A stored contract's `kind` and customer cannot change.
    The answer gives each item's id and result in order; pushing the same data again changes
    nothing. One bad item rejects the whole push unless `on_error=skip`.

    Args:
        on_error (BulkUpsertContractsOnError | Unset): `reject` (the default): one bad item
            refuses the whole push (422, or 409 for a change to an invoiced time entry or an
            adjustment of time on a draft invoice, naming `items[i]...`) and nothing is written.
            `skip`: the valid items are stored and each bad one answers `"result": "error"` with its
            `errors`, with status 200. Default: BulkUpsertContractsOnError.REJECT.
        body (ContractBulk):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        on_error=on_error,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ContractBulk,
    on_error: BulkUpsertContractsOnError | Unset = BulkUpsertContractsOnError.REJECT,
) -> BulkResult | Problem | None:
    """Bulk Upsert Contracts

     Create or update up to 10,000 contracts keyed by `external_id`, in one transaction. Each names
    its company by `customer_id` or `customer_external_id`, and optionally its product by
    `product_id` or `product_external_id`. A stored contract's `kind` and customer cannot change.
    The answer gives each item's id and result in order; pushing the same data again changes
    nothing. One bad item rejects the whole push unless `on_error=skip`.

    Args:
        on_error (BulkUpsertContractsOnError | Unset): `reject` (the default): one bad item
            refuses the whole push (422, or 409 for a change to an invoiced time entry or an
            adjustment of time on a draft invoice, naming `items[i]...`) and nothing is written.
            `skip`: the valid items are stored and each bad one answers `"result": "error"` with its
            `errors`, with status 200. Default: BulkUpsertContractsOnError.REJECT.
        body (ContractBulk):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            on_error=on_error,
        )
    ).parsed
