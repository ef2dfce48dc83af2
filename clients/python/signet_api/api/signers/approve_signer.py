from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.approval import Approval
from ...models.approve_request import ApproveRequest
from ...models.error_body import ErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    signer_id: str,
    *,
    body: ApproveRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/documents/{id}/signers/{signer_id}/approve".format(
            id=quote(str(id), safe=""),
            signer_id=quote(str(signer_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Approval | ErrorBody | None:
    if response.status_code == 200:
        response_200 = Approval.from_dict(response.json())

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

    if response.status_code == 415:
        response_415 = ErrorBody.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ErrorBody.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorBody.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorBody.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = ErrorBody.from_dict(response.json())

        return response_502

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Approval | ErrorBody]:
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
    body: ApproveRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Approval | ErrorBody]:
    """Approve the documents: `confirmation_required`, and a one-time code is sent (always
    123456 in test mode). Within 2 hours of being asked, else 422 until a resend. An
    `advanced` signer's code goes only to the mobile number their identification verified.

     A document with form fields takes the signer's `values`; a value that does not fit its
    field, or a required field of the signer left empty, is 422 `field_values_invalid` naming
    each (`values.NAME`). The values go into the PDF in the signer's own revision, with their
    signature. `signature_image` is the signer's signature picture (PNG or JPEG, base64),
    required where the tenant says so (`PUT /v1/settings/signature_picture`). The body is
    optional: without fields to fill and no picture, send none.

    Args:
        id (str):
        signer_id (str):
        idempotency_key (str | Unset):
        body (ApproveRequest | Unset): The optional body of an approval.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Approval | ErrorBody]
    """

    kwargs = _get_kwargs(
        id=id,
        signer_id=signer_id,
        body=body,
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
    body: ApproveRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Approval | ErrorBody | None:
    """Approve the documents: `confirmation_required`, and a one-time code is sent (always
    123456 in test mode). Within 2 hours of being asked, else 422 until a resend. An
    `advanced` signer's code goes only to the mobile number their identification verified.

     A document with form fields takes the signer's `values`; a value that does not fit its
    field, or a required field of the signer left empty, is 422 `field_values_invalid` naming
    each (`values.NAME`). The values go into the PDF in the signer's own revision, with their
    signature. `signature_image` is the signer's signature picture (PNG or JPEG, base64),
    required where the tenant says so (`PUT /v1/settings/signature_picture`). The body is
    optional: without fields to fill and no picture, send none.

    Args:
        id (str):
        signer_id (str):
        idempotency_key (str | Unset):
        body (ApproveRequest | Unset): The optional body of an approval.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Approval | ErrorBody
    """

    return sync_detailed(
        id=id,
        signer_id=signer_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    id: str,
    signer_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApproveRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Approval | ErrorBody]:
    """Approve the documents: `confirmation_required`, and a one-time code is sent (always
    123456 in test mode). Within 2 hours of being asked, else 422 until a resend. An
    `advanced` signer's code goes only to the mobile number their identification verified.

     A document with form fields takes the signer's `values`; a value that does not fit its
    field, or a required field of the signer left empty, is 422 `field_values_invalid` naming
    each (`values.NAME`). The values go into the PDF in the signer's own revision, with their
    signature. `signature_image` is the signer's signature picture (PNG or JPEG, base64),
    required where the tenant says so (`PUT /v1/settings/signature_picture`). The body is
    optional: without fields to fill and no picture, send none.

    Args:
        id (str):
        signer_id (str):
        idempotency_key (str | Unset):
        body (ApproveRequest | Unset): The optional body of an approval.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Approval | ErrorBody]
    """

    kwargs = _get_kwargs(
        id=id,
        signer_id=signer_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    signer_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApproveRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Approval | ErrorBody | None:
    """Approve the documents: `confirmation_required`, and a one-time code is sent (always
    123456 in test mode). Within 2 hours of being asked, else 422 until a resend. An
    `advanced` signer's code goes only to the mobile number their identification verified.

     A document with form fields takes the signer's `values`; a value that does not fit its
    field, or a required field of the signer left empty, is 422 `field_values_invalid` naming
    each (`values.NAME`). The values go into the PDF in the signer's own revision, with their
    signature. `signature_image` is the signer's signature picture (PNG or JPEG, base64),
    required where the tenant says so (`PUT /v1/settings/signature_picture`). The body is
    optional: without fields to fill and no picture, send none.

    Args:
        id (str):
        signer_id (str):
        idempotency_key (str | Unset):
        body (ApproveRequest | Unset): The optional body of an approval.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Approval | ErrorBody
    """

    return (
        await asyncio_detailed(
            id=id,
            signer_id=signer_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
