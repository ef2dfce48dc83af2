from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.signer_detail import SignerDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    signer_id: str,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/documents/{id}/signers/{signer_id}/remind".format(
            id=quote(str(id), safe=""),
            signer_id=quote(str(signer_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | SignerDetail | None:
    if response.status_code == 200:
        response_200 = SignerDetail.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = ErrorBody.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = ErrorBody.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorBody.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorBody.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | SignerDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    signer_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorBody | SignerDetail]:
    """Remind a signer now: one whose turn it is and who has not finished, at most once an hour
    (automatic reminders included; else 429 `reminder_too_soon` with 39 and `Retry-After`).
    The reminder is audited and sent as `document.signer_reminded`, with the signer's page
    `url` to send them again.

    Args:
        id (str):
        signer_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | SignerDetail]
    """

    kwargs = _get_kwargs(
        id=id,
        signer_id=signer_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    signer_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> ErrorBody | SignerDetail | None:
    """Remind a signer now: one whose turn it is and who has not finished, at most once an hour
    (automatic reminders included; else 429 `reminder_too_soon` with 39 and `Retry-After`).
    The reminder is audited and sent as `document.signer_reminded`, with the signer's page
    `url` to send them again.

    Args:
        id (str):
        signer_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | SignerDetail
    """

    return sync_detailed(
        id=id,
        signer_id=signer_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    id: str,
    signer_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorBody | SignerDetail]:
    """Remind a signer now: one whose turn it is and who has not finished, at most once an hour
    (automatic reminders included; else 429 `reminder_too_soon` with 39 and `Retry-After`).
    The reminder is audited and sent as `document.signer_reminded`, with the signer's page
    `url` to send them again.

    Args:
        id (str):
        signer_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | SignerDetail]
    """

    kwargs = _get_kwargs(
        id=id,
        signer_id=signer_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    signer_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> ErrorBody | SignerDetail | None:
    """Remind a signer now: one whose turn it is and who has not finished, at most once an hour
    (automatic reminders included; else 429 `reminder_too_soon` with 39 and `Retry-After`).
    The reminder is audited and sent as `document.signer_reminded`, with the signer's page
    `url` to send them again.

    Args:
        id (str):
        signer_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | SignerDetail
    """

    return (
        await asyncio_detailed(
            id=id,
            signer_id=signer_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
