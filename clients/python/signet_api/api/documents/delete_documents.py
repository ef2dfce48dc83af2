from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delete_documents import DeleteDocuments
from ...models.deleted_documents import DeletedDocuments
from ...models.error_body import ErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: DeleteDocuments,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/documents/delete",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeletedDocuments | ErrorBody | None:
    if response.status_code == 200:
        response_200 = DeletedDocuments.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 408:
        response_408 = ErrorBody.from_dict(response.json())

        return response_408

    if response.status_code == 409:
        response_409 = ErrorBody.from_dict(response.json())

        return response_409

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
) -> Response[DeletedDocuments | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DeleteDocuments,
    idempotency_key: str | Unset = UNSET,
) -> Response[DeletedDocuments | ErrorBody]:
    """Delete several documents no signer has signed, all or nothing.

     Each goes as with `DELETE /v1/documents/{id}`. If any cannot go (unknown, or a signer has
    signed), none is deleted: 409 `documents_not_deletable` (38) with one entry per document
    that cannot, `source.field` naming its place in `ids` (`ids[2]`).

    Args:
        idempotency_key (str | Unset):
        body (DeleteDocuments):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeletedDocuments | ErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: DeleteDocuments,
    idempotency_key: str | Unset = UNSET,
) -> DeletedDocuments | ErrorBody | None:
    """Delete several documents no signer has signed, all or nothing.

     Each goes as with `DELETE /v1/documents/{id}`. If any cannot go (unknown, or a signer has
    signed), none is deleted: 409 `documents_not_deletable` (38) with one entry per document
    that cannot, `source.field` naming its place in `ids` (`ids[2]`).

    Args:
        idempotency_key (str | Unset):
        body (DeleteDocuments):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeletedDocuments | ErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DeleteDocuments,
    idempotency_key: str | Unset = UNSET,
) -> Response[DeletedDocuments | ErrorBody]:
    """Delete several documents no signer has signed, all or nothing.

     Each goes as with `DELETE /v1/documents/{id}`. If any cannot go (unknown, or a signer has
    signed), none is deleted: 409 `documents_not_deletable` (38) with one entry per document
    that cannot, `source.field` naming its place in `ids` (`ids[2]`).

    Args:
        idempotency_key (str | Unset):
        body (DeleteDocuments):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeletedDocuments | ErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: DeleteDocuments,
    idempotency_key: str | Unset = UNSET,
) -> DeletedDocuments | ErrorBody | None:
    """Delete several documents no signer has signed, all or nothing.

     Each goes as with `DELETE /v1/documents/{id}`. If any cannot go (unknown, or a signer has
    signed), none is deleted: 409 `documents_not_deletable` (38) with one entry per document
    that cannot, `source.field` naming its place in `ids` (`ids[2]`).

    Args:
        idempotency_key (str | Unset):
        body (DeleteDocuments):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeletedDocuments | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
