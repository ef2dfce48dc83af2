from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_document import CreateDocument
from ...models.create_document_parts import CreateDocumentParts
from ...models.document import Document
from ...models.error_body import ErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CreateDocument | CreateDocumentParts | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/documents",
    }

    if isinstance(body, CreateDocument):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, CreateDocumentParts):
        _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Document | ErrorBody | None:
    if response.status_code == 201:
        response_201 = Document.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorBody.from_dict(response.json())

        return response_403

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
) -> Response[Document | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateDocument | CreateDocumentParts | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Document | ErrorBody]:
    """Send a document for signature.

     The PDF is checked (a real PDF within the size limit, not encrypted; 92, 93 or 91
    otherwise). Each signer gets a hosted-page `url`; in parallel order all are asked at once,
    in sequential order the next one only after the previous signed. `advanced` and `qualified`
    signers must be identified persons (`person_id`). `qualified` signatures are made by a
    qualified trust service provider through the Cloud Signature Consortium API: in live mode
    only when one is configured (else 422 `provider_not_configured`); in test mode by Signet's
    stand-in with the test CA, which is no qualified signature. The tenant's limits apply: at
    most its signers per document (20 unless set otherwise; 400 with 75 beyond), and a file
    that would take its stored documents past its stored bytes is 403 `storage_limit_reached`
    (112).

    Args:
        idempotency_key (str | Unset):
        body (CreateDocument):
        body (CreateDocumentParts):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Document | ErrorBody]
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
    body: CreateDocument | CreateDocumentParts | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Document | ErrorBody | None:
    """Send a document for signature.

     The PDF is checked (a real PDF within the size limit, not encrypted; 92, 93 or 91
    otherwise). Each signer gets a hosted-page `url`; in parallel order all are asked at once,
    in sequential order the next one only after the previous signed. `advanced` and `qualified`
    signers must be identified persons (`person_id`). `qualified` signatures are made by a
    qualified trust service provider through the Cloud Signature Consortium API: in live mode
    only when one is configured (else 422 `provider_not_configured`); in test mode by Signet's
    stand-in with the test CA, which is no qualified signature. The tenant's limits apply: at
    most its signers per document (20 unless set otherwise; 400 with 75 beyond), and a file
    that would take its stored documents past its stored bytes is 403 `storage_limit_reached`
    (112).

    Args:
        idempotency_key (str | Unset):
        body (CreateDocument):
        body (CreateDocumentParts):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Document | ErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateDocument | CreateDocumentParts | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Document | ErrorBody]:
    """Send a document for signature.

     The PDF is checked (a real PDF within the size limit, not encrypted; 92, 93 or 91
    otherwise). Each signer gets a hosted-page `url`; in parallel order all are asked at once,
    in sequential order the next one only after the previous signed. `advanced` and `qualified`
    signers must be identified persons (`person_id`). `qualified` signatures are made by a
    qualified trust service provider through the Cloud Signature Consortium API: in live mode
    only when one is configured (else 422 `provider_not_configured`); in test mode by Signet's
    stand-in with the test CA, which is no qualified signature. The tenant's limits apply: at
    most its signers per document (20 unless set otherwise; 400 with 75 beyond), and a file
    that would take its stored documents past its stored bytes is 403 `storage_limit_reached`
    (112).

    Args:
        idempotency_key (str | Unset):
        body (CreateDocument):
        body (CreateDocumentParts):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Document | ErrorBody]
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
    body: CreateDocument | CreateDocumentParts | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Document | ErrorBody | None:
    """Send a document for signature.

     The PDF is checked (a real PDF within the size limit, not encrypted; 92, 93 or 91
    otherwise). Each signer gets a hosted-page `url`; in parallel order all are asked at once,
    in sequential order the next one only after the previous signed. `advanced` and `qualified`
    signers must be identified persons (`person_id`). `qualified` signatures are made by a
    qualified trust service provider through the Cloud Signature Consortium API: in live mode
    only when one is configured (else 422 `provider_not_configured`); in test mode by Signet's
    stand-in with the test CA, which is no qualified signature. The tenant's limits apply: at
    most its signers per document (20 unless set otherwise; 400 with 75 beyond), and a file
    that would take its stored documents past its stored bytes is 403 `storage_limit_reached`
    (112).

    Args:
        idempotency_key (str | Unset):
        body (CreateDocument):
        body (CreateDocumentParts):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Document | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
