from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/trust/anchors.pem",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

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
) -> Response[ErrorBody | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorBody | str]:
    """Trust anchors for validating a file years on: every CA certificate of the live mode, the
    issuing CAs (current and those it replaced) and the roots, newest first. A validator that
    judges a chain at the current time rejects one whose issuing CA has ended, while it does
    not check an anchor's own validity; with these as anchors a file's embedded revocation
    data and archive timestamps carry it past the end of every certificate in it, as an EU
    trusted list, which names a service's issuing CA, does.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | str]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ErrorBody | str | None:
    """Trust anchors for validating a file years on: every CA certificate of the live mode, the
    issuing CAs (current and those it replaced) and the roots, newest first. A validator that
    judges a chain at the current time rejects one whose issuing CA has ended, while it does
    not check an anchor's own validity; with these as anchors a file's embedded revocation
    data and archive timestamps carry it past the end of every certificate in it, as an EU
    trusted list, which names a service's issuing CA, does.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | str
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorBody | str]:
    """Trust anchors for validating a file years on: every CA certificate of the live mode, the
    issuing CAs (current and those it replaced) and the roots, newest first. A validator that
    judges a chain at the current time rejects one whose issuing CA has ended, while it does
    not check an anchor's own validity; with these as anchors a file's embedded revocation
    data and archive timestamps carry it past the end of every certificate in it, as an EU
    trusted list, which names a service's issuing CA, does.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | str]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ErrorBody | str | None:
    """Trust anchors for validating a file years on: every CA certificate of the live mode, the
    issuing CAs (current and those it replaced) and the roots, newest first. A validator that
    judges a chain at the current time rejects one whose issuing CA has ended, while it does
    not check an anchor's own validity; with these as anchors a file's embedded revocation
    data and archive timestamps carry it past the end of every certificate in it, as an EU
    trusted list, which names a service's issuing CA, does.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | str
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
