from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.work_item_out import WorkItemOut
from ...models.work_item_update import WorkItemUpdate
from ...types import Response


def _get_kwargs(
    work_item_id: str,
    *,
    body: WorkItemUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/work-items/{work_item_id}".format(
            work_item_id=quote(str(work_item_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WorkItemOut | None:
    if response.status_code == 200:
        response_200 = WorkItemOut.from_dict(response.json())

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
) -> Response[Problem | WorkItemOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    work_item_id: str,
    *,
    client: AuthenticatedClient,
    body: WorkItemUpdate,
) -> Response[Problem | WorkItemOut]:
    """Update Work Item

     Change some of a work item's fields (only those sent); null clears external_id or title.

    Args:
        work_item_id (str):
        body (WorkItemUpdate): Only the fields sent change; null clears external_id, title or
            contract_id, the others cannot
            be null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkItemOut]
    """

    kwargs = _get_kwargs(
        work_item_id=work_item_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    work_item_id: str,
    *,
    client: AuthenticatedClient,
    body: WorkItemUpdate,
) -> Problem | WorkItemOut | None:
    """Update Work Item

     Change some of a work item's fields (only those sent); null clears external_id or title.

    Args:
        work_item_id (str):
        body (WorkItemUpdate): Only the fields sent change; null clears external_id, title or
            contract_id, the others cannot
            be null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkItemOut
    """

    return sync_detailed(
        work_item_id=work_item_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    work_item_id: str,
    *,
    client: AuthenticatedClient,
    body: WorkItemUpdate,
) -> Response[Problem | WorkItemOut]:
    """Update Work Item

     Change some of a work item's fields (only those sent); null clears external_id or title.

    Args:
        work_item_id (str):
        body (WorkItemUpdate): Only the fields sent change; null clears external_id, title or
            contract_id, the others cannot
            be null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkItemOut]
    """

    kwargs = _get_kwargs(
        work_item_id=work_item_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    work_item_id: str,
    *,
    client: AuthenticatedClient,
    body: WorkItemUpdate,
) -> Problem | WorkItemOut | None:
    """Update Work Item

     Change some of a work item's fields (only those sent); null clears external_id or title.

    Args:
        work_item_id (str):
        body (WorkItemUpdate): Only the fields sent change; null clears external_id, title or
            contract_id, the others cannot
            be null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkItemOut
    """

    return (
        await asyncio_detailed(
            work_item_id=work_item_id,
            client=client,
            body=body,
        )
    ).parsed
