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
    name: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/trust/crl/{name}".format(
            name=quote(str(name), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | File | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

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
    name: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorBody | File]:
    """A CA's certificate revocation list

     The DER CRL of `live-issuing.crl`, `live-root.crl`, `test-issuing.crl` or `test-root.crl`, re-signed
    before its `nextUpdate` and whenever a certificate is revoked (a signer whose signature became
    `invalid_signature`). After the issuing CA rolled over, each generation has its own lists (`live-
    issuing-2.crl`, and the list the root keeps for that CA, `live-root-2.crl`), served until that CA
    ends.

    Args:
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | File]
    """

    kwargs = _get_kwargs(
        name=name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    name: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorBody | File | None:
    """A CA's certificate revocation list

     The DER CRL of `live-issuing.crl`, `live-root.crl`, `test-issuing.crl` or `test-root.crl`, re-signed
    before its `nextUpdate` and whenever a certificate is revoked (a signer whose signature became
    `invalid_signature`). After the issuing CA rolled over, each generation has its own lists (`live-
    issuing-2.crl`, and the list the root keeps for that CA, `live-root-2.crl`), served until that CA
    ends.

    Args:
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | File
    """

    return sync_detailed(
        name=name,
        client=client,
    ).parsed


async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorBody | File]:
    """A CA's certificate revocation list

     The DER CRL of `live-issuing.crl`, `live-root.crl`, `test-issuing.crl` or `test-root.crl`, re-signed
    before its `nextUpdate` and whenever a certificate is revoked (a signer whose signature became
    `invalid_signature`). After the issuing CA rolled over, each generation has its own lists (`live-
    issuing-2.crl`, and the list the root keeps for that CA, `live-root-2.crl`), served until that CA
    ends.

    Args:
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | File]
    """

    kwargs = _get_kwargs(
        name=name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorBody | File | None:
    """A CA's certificate revocation list

     The DER CRL of `live-issuing.crl`, `live-root.crl`, `test-issuing.crl` or `test-root.crl`, re-signed
    before its `nextUpdate` and whenever a certificate is revoked (a signer whose signature became
    `invalid_signature`). After the issuing CA rolled over, each generation has its own lists (`live-
    issuing-2.crl`, and the list the root keeps for that CA, `live-root-2.crl`), served until that CA
    ends.

    Args:
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | File
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
        )
    ).parsed
