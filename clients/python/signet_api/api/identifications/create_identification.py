from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_identification import CreateIdentification
from ...models.error_body import ErrorBody
from ...models.identification import Identification
from ...types import UNSET, Response, Unset


def _get_kwargs(
    person_id: str,
    *,
    body: CreateIdentification,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/persons/{person_id}/identifications".format(
            person_id=quote(str(person_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | Identification | None:
    if response.status_code == 201:
        response_201 = Identification.from_dict(response.json())

        return response_201

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
) -> Response[ErrorBody | Identification]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    person_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateIdentification,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorBody | Identification]:
    """Create an identification for a person (status `created`).

     This does not start the identification; `PATCH …/request` does.

    Args:
        person_id (str):
        idempotency_key (str | Unset):
        body (CreateIdentification):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Identification]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    person_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateIdentification,
    idempotency_key: str | Unset = UNSET,
) -> ErrorBody | Identification | None:
    """Create an identification for a person (status `created`).

     This does not start the identification; `PATCH …/request` does.

    Args:
        person_id (str):
        idempotency_key (str | Unset):
        body (CreateIdentification):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Identification
    """

    return sync_detailed(
        person_id=person_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    person_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateIdentification,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorBody | Identification]:
    """Create an identification for a person (status `created`).

     This does not start the identification; `PATCH …/request` does.

    Args:
        person_id (str):
        idempotency_key (str | Unset):
        body (CreateIdentification):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Identification]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    person_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateIdentification,
    idempotency_key: str | Unset = UNSET,
) -> ErrorBody | Identification | None:
    """Create an identification for a person (status `created`).

     This does not start the identification; `PATCH …/request` does.

    Args:
        person_id (str):
        idempotency_key (str | Unset):
        body (CreateIdentification):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Identification
    """

    return (
        await asyncio_detailed(
            person_id=person_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
