from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.end_relationship import EndRelationship
from ...models.error_body import ErrorBody
from ...models.relationship_view import RelationshipView
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: EndRelationship | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/persons/{id}/relationship/end".format(
            id=quote(str(id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | RelationshipView | None:
    if response.status_code == 200:
        response_200 = RelationshipView.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

    if response.status_code == 408:
        response_408 = ErrorBody.from_dict(response.json())

        return response_408

    if response.status_code == 409:
        response_409 = ErrorBody.from_dict(response.json())

        return response_409

    if response.status_code == 410:
        response_410 = ErrorBody.from_dict(response.json())

        return response_410

    if response.status_code == 413:
        response_413 = ErrorBody.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ErrorBody.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ErrorBody.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = ErrorBody.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | RelationshipView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: EndRelationship | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorBody | RelationshipView]:
    """Record the day the business relationship with the person ended: their customer due
    diligence records are kept from then for the tenant's retention (`GET
    /v1/settings/retention`, default 5 years). The body is optional (the tenant's today).
    Once erasure was asked for, the end it recorded stays (422 `invalid_state`).

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (EndRelationship | Unset): When the business relationship ended.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | RelationshipView]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: EndRelationship | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> ErrorBody | RelationshipView | None:
    """Record the day the business relationship with the person ended: their customer due
    diligence records are kept from then for the tenant's retention (`GET
    /v1/settings/retention`, default 5 years). The body is optional (the tenant's today).
    Once erasure was asked for, the end it recorded stays (422 `invalid_state`).

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (EndRelationship | Unset): When the business relationship ended.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | RelationshipView
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: EndRelationship | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorBody | RelationshipView]:
    """Record the day the business relationship with the person ended: their customer due
    diligence records are kept from then for the tenant's retention (`GET
    /v1/settings/retention`, default 5 years). The body is optional (the tenant's today).
    Once erasure was asked for, the end it recorded stays (422 `invalid_state`).

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (EndRelationship | Unset): When the business relationship ended.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | RelationshipView]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: EndRelationship | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> ErrorBody | RelationshipView | None:
    """Record the day the business relationship with the person ended: their customer due
    diligence records are kept from then for the tenant's retention (`GET
    /v1/settings/retention`, default 5 years). The body is optional (the tenant's today).
    Once erasure was asked for, the end it recorded stays (422 `invalid_state`).

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (EndRelationship | Unset): When the business relationship ended.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | RelationshipView
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
