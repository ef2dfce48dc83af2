from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...types import File, Response


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/persons/{id}/export".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | File | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

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
) -> Response[ErrorBody | File]:
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
) -> Response[ErrorBody | File]:
    """Export everything Signet holds about a person (GDPR Art. 15 and 20).

     A ZIP, streamed as it is written: `person.json`; `identifications/<id>/identification.json`
    and `attempts.json`; the files kept for the person (ID images, selfies, reports, signed
    copies) under `files/`, listed in `files/index.json`; each document the person is a signer
    of under `documents/<id>/` (the PDF as signed so far, `document.json` with their signer
    records, their selfies, `audit.json` with the trail's entries about them);
    `screening/screenings.json` and `screening/hits.json`; `audit.json`, who saw or exported
    the person's data; and last `manifest.json`: `schema_version`, `created_at` and each
    entry's `path`, `content_type`, `size` and `sha256`. Links that act for the person (hosted
    pages) are left out. The export is on the person's access trail (`person.exported`, by
    this API key) before the first byte is sent. Should a read fail half-way, the response
    ends without its last chunk, so a partial archive is never taken for a whole one.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | File]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorBody | File | None:
    """Export everything Signet holds about a person (GDPR Art. 15 and 20).

     A ZIP, streamed as it is written: `person.json`; `identifications/<id>/identification.json`
    and `attempts.json`; the files kept for the person (ID images, selfies, reports, signed
    copies) under `files/`, listed in `files/index.json`; each document the person is a signer
    of under `documents/<id>/` (the PDF as signed so far, `document.json` with their signer
    records, their selfies, `audit.json` with the trail's entries about them);
    `screening/screenings.json` and `screening/hits.json`; `audit.json`, who saw or exported
    the person's data; and last `manifest.json`: `schema_version`, `created_at` and each
    entry's `path`, `content_type`, `size` and `sha256`. Links that act for the person (hosted
    pages) are left out. The export is on the person's access trail (`person.exported`, by
    this API key) before the first byte is sent. Should a read fail half-way, the response
    ends without its last chunk, so a partial archive is never taken for a whole one.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | File
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorBody | File]:
    """Export everything Signet holds about a person (GDPR Art. 15 and 20).

     A ZIP, streamed as it is written: `person.json`; `identifications/<id>/identification.json`
    and `attempts.json`; the files kept for the person (ID images, selfies, reports, signed
    copies) under `files/`, listed in `files/index.json`; each document the person is a signer
    of under `documents/<id>/` (the PDF as signed so far, `document.json` with their signer
    records, their selfies, `audit.json` with the trail's entries about them);
    `screening/screenings.json` and `screening/hits.json`; `audit.json`, who saw or exported
    the person's data; and last `manifest.json`: `schema_version`, `created_at` and each
    entry's `path`, `content_type`, `size` and `sha256`. Links that act for the person (hosted
    pages) are left out. The export is on the person's access trail (`person.exported`, by
    this API key) before the first byte is sent. Should a read fail half-way, the response
    ends without its last chunk, so a partial archive is never taken for a whole one.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | File]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorBody | File | None:
    """Export everything Signet holds about a person (GDPR Art. 15 and 20).

     A ZIP, streamed as it is written: `person.json`; `identifications/<id>/identification.json`
    and `attempts.json`; the files kept for the person (ID images, selfies, reports, signed
    copies) under `files/`, listed in `files/index.json`; each document the person is a signer
    of under `documents/<id>/` (the PDF as signed so far, `document.json` with their signer
    records, their selfies, `audit.json` with the trail's entries about them);
    `screening/screenings.json` and `screening/hits.json`; `audit.json`, who saw or exported
    the person's data; and last `manifest.json`: `schema_version`, `created_at` and each
    entry's `path`, `content_type`, `size` and `sha256`. Links that act for the person (hosted
    pages) are left out. The export is on the person's access trail (`person.exported`, by
    this API key) before the first byte is sent. Should a read fail half-way, the response
    ends without its last chunk, so a partial archive is never taken for a whole one.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | File
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
