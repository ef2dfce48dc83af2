from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.supported_document import SupportedDocument
from ...types import Response


def _get_kwargs(
    person_id: str,
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/persons/{person_id}/identifications/{id}/supported_documents".format(
            person_id=quote(str(person_id), safe=""),
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | list[SupportedDocument] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = SupportedDocument.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

    if response.status_code == 408:
        response_408 = ErrorBody.from_dict(response.json())

        return response_408

    if response.status_code == 410:
        response_410 = ErrorBody.from_dict(response.json())

        return response_410

    if response.status_code == 500:
        response_500 = ErrorBody.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | list[SupportedDocument]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    person_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorBody | list[SupportedDocument]]:
    """The ID documents an applicant may use, with their issuing countries.

    Args:
        person_id (str):
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[SupportedDocument]]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    person_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorBody | list[SupportedDocument] | None:
    """The ID documents an applicant may use, with their issuing countries.

    Args:
        person_id (str):
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[SupportedDocument]
    """

    return sync_detailed(
        person_id=person_id,
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    person_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorBody | list[SupportedDocument]]:
    """The ID documents an applicant may use, with their issuing countries.

    Args:
        person_id (str):
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[SupportedDocument]]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    person_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorBody | list[SupportedDocument] | None:
    """The ID documents an applicant may use, with their issuing countries.

    Args:
        person_id (str):
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[SupportedDocument]
    """

    return (
        await asyncio_detailed(
            person_id=person_id,
            id=id,
            client=client,
        )
    ).parsed
