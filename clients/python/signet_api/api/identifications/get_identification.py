from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.identification import Identification
from ...types import UNSET, Response, Unset


def _get_kwargs(
    person_id: str,
    id: str,
    *,
    include_documents: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["include_documents"] = include_documents

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/persons/{person_id}/identifications/{id}".format(
            person_id=quote(str(person_id), safe=""),
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | Identification | None:
    if response.status_code == 200:
        response_200 = Identification.from_dict(response.json())

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
) -> Response[ErrorBody | Identification]:
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
    include_documents: bool | Unset = UNSET,
) -> Response[ErrorBody | Identification]:
    """Retrieve an identification; `include_documents=true` adds the files
    collected during it.

    Args:
        person_id (str):
        id (str):
        include_documents (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Identification]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
        id=id,
        include_documents=include_documents,
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
    include_documents: bool | Unset = UNSET,
) -> ErrorBody | Identification | None:
    """Retrieve an identification; `include_documents=true` adds the files
    collected during it.

    Args:
        person_id (str):
        id (str):
        include_documents (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Identification
    """

    return sync_detailed(
        person_id=person_id,
        id=id,
        client=client,
        include_documents=include_documents,
    ).parsed


async def asyncio_detailed(
    person_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    include_documents: bool | Unset = UNSET,
) -> Response[ErrorBody | Identification]:
    """Retrieve an identification; `include_documents=true` adds the files
    collected during it.

    Args:
        person_id (str):
        id (str):
        include_documents (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Identification]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
        id=id,
        include_documents=include_documents,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    person_id: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    include_documents: bool | Unset = UNSET,
) -> ErrorBody | Identification | None:
    """Retrieve an identification; `include_documents=true` adds the files
    collected during it.

    Args:
        person_id (str):
        id (str):
        include_documents (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Identification
    """

    return (
        await asyncio_detailed(
            person_id=person_id,
            id=id,
            client=client,
            include_documents=include_documents,
        )
    ).parsed
