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
    request: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/trust/ocsp/{request}".format(
            request=quote(str(request), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | File | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

    if response.status_code == 408:
        response_408 = ErrorBody.from_dict(response.json())

        return response_408

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
    request: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorBody | File]:
    """The status of a certificate Signet issued (OCSP over GET)

     RFC 6960 appendix A.1: the path is the base64 (standard or URL-safe) of a DER OCSPRequest.

    Args:
        request (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | File]
    """

    kwargs = _get_kwargs(
        request=request,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    request: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorBody | File | None:
    """The status of a certificate Signet issued (OCSP over GET)

     RFC 6960 appendix A.1: the path is the base64 (standard or URL-safe) of a DER OCSPRequest.

    Args:
        request (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | File
    """

    return sync_detailed(
        request=request,
        client=client,
    ).parsed


async def asyncio_detailed(
    request: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorBody | File]:
    """The status of a certificate Signet issued (OCSP over GET)

     RFC 6960 appendix A.1: the path is the base64 (standard or URL-safe) of a DER OCSPRequest.

    Args:
        request (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | File]
    """

    kwargs = _get_kwargs(
        request=request,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    request: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorBody | File | None:
    """The status of a certificate Signet issued (OCSP over GET)

     RFC 6960 appendix A.1: the path is the base64 (standard or URL-safe) of a DER OCSPRequest.

    Args:
        request (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | File
    """

    return (
        await asyncio_detailed(
            request=request,
            client=client,
        )
    ).parsed
