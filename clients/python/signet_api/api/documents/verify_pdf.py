import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.verification_report import VerificationReport
from ...models.verify_parts import VerifyParts
from ...models.verify_pdf_anchor import VerifyPdfAnchor
from ...models.verify_pdf_revocation import VerifyPdfRevocation
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: File | VerifyParts | Unset = UNSET,
    anchor: VerifyPdfAnchor | Unset = UNSET,
    validation_time: datetime.datetime | Unset = UNSET,
    revocation: VerifyPdfRevocation | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_anchor: str | Unset = UNSET
    if not isinstance(anchor, Unset):
        json_anchor = anchor.value

    params["anchor"] = json_anchor

    json_validation_time: str | Unset = UNSET
    if not isinstance(validation_time, Unset):
        json_validation_time = validation_time.isoformat()
    params["validation_time"] = json_validation_time

    json_revocation: str | Unset = UNSET
    if not isinstance(revocation, Unset):
        json_revocation = revocation.value

    params["revocation"] = json_revocation

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/verify",
        "params": params,
    }

    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/pdf"
    if isinstance(body, VerifyParts):
        _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | VerificationReport | None:
    if response.status_code == 200:
        response_200 = VerificationReport.from_dict(response.json())

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
) -> Response[ErrorBody | VerificationReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: File | VerifyParts | Unset = UNSET,
    anchor: VerifyPdfAnchor | Unset = UNSET,
    validation_time: datetime.datetime | Unset = UNSET,
    revocation: VerifyPdfRevocation | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorBody | VerificationReport]:
    """Verify a signed PDF (the request body, `Content-Type: application/pdf`, or the `file` part
    of a `multipart/form-data` body).

     Each signature is reported with signer, time, claimed and detected PAdES level, the ETSI
    EN 319 102-1 indication and sub-indication, and whether it covers the whole file; the
    report says whether Signet produced the file. Signet's live root is the trust anchor, so a
    test-mode signature never passes (the report says it was made in test mode); `?anchor=test`
    judges against the test root instead, to check files made with a test key.

    Certificates are judged at `validation_time` (default: now), a timestamp proving when a
    signature existed (a certificate expired since then still passes). Revocation is checked
    from the data the file carries (its DSS and the CMS), never fetched online; each signature
    lists the evidence used. Missing data is a remark, or INDETERMINATE / TRY_LATER with
    `revocation=required`.

    Args:
        anchor (VerifyPdfAnchor | Unset):
        validation_time (datetime.datetime | Unset):
        revocation (VerifyPdfRevocation | Unset):
        idempotency_key (str | Unset):
        body (File):
        body (VerifyParts):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | VerificationReport]
    """

    kwargs = _get_kwargs(
        body=body,
        anchor=anchor,
        validation_time=validation_time,
        revocation=revocation,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: File | VerifyParts | Unset = UNSET,
    anchor: VerifyPdfAnchor | Unset = UNSET,
    validation_time: datetime.datetime | Unset = UNSET,
    revocation: VerifyPdfRevocation | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> ErrorBody | VerificationReport | None:
    """Verify a signed PDF (the request body, `Content-Type: application/pdf`, or the `file` part
    of a `multipart/form-data` body).

     Each signature is reported with signer, time, claimed and detected PAdES level, the ETSI
    EN 319 102-1 indication and sub-indication, and whether it covers the whole file; the
    report says whether Signet produced the file. Signet's live root is the trust anchor, so a
    test-mode signature never passes (the report says it was made in test mode); `?anchor=test`
    judges against the test root instead, to check files made with a test key.

    Certificates are judged at `validation_time` (default: now), a timestamp proving when a
    signature existed (a certificate expired since then still passes). Revocation is checked
    from the data the file carries (its DSS and the CMS), never fetched online; each signature
    lists the evidence used. Missing data is a remark, or INDETERMINATE / TRY_LATER with
    `revocation=required`.

    Args:
        anchor (VerifyPdfAnchor | Unset):
        validation_time (datetime.datetime | Unset):
        revocation (VerifyPdfRevocation | Unset):
        idempotency_key (str | Unset):
        body (File):
        body (VerifyParts):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | VerificationReport
    """

    return sync_detailed(
        client=client,
        body=body,
        anchor=anchor,
        validation_time=validation_time,
        revocation=revocation,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: File | VerifyParts | Unset = UNSET,
    anchor: VerifyPdfAnchor | Unset = UNSET,
    validation_time: datetime.datetime | Unset = UNSET,
    revocation: VerifyPdfRevocation | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorBody | VerificationReport]:
    """Verify a signed PDF (the request body, `Content-Type: application/pdf`, or the `file` part
    of a `multipart/form-data` body).

     Each signature is reported with signer, time, claimed and detected PAdES level, the ETSI
    EN 319 102-1 indication and sub-indication, and whether it covers the whole file; the
    report says whether Signet produced the file. Signet's live root is the trust anchor, so a
    test-mode signature never passes (the report says it was made in test mode); `?anchor=test`
    judges against the test root instead, to check files made with a test key.

    Certificates are judged at `validation_time` (default: now), a timestamp proving when a
    signature existed (a certificate expired since then still passes). Revocation is checked
    from the data the file carries (its DSS and the CMS), never fetched online; each signature
    lists the evidence used. Missing data is a remark, or INDETERMINATE / TRY_LATER with
    `revocation=required`.

    Args:
        anchor (VerifyPdfAnchor | Unset):
        validation_time (datetime.datetime | Unset):
        revocation (VerifyPdfRevocation | Unset):
        idempotency_key (str | Unset):
        body (File):
        body (VerifyParts):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | VerificationReport]
    """

    kwargs = _get_kwargs(
        body=body,
        anchor=anchor,
        validation_time=validation_time,
        revocation=revocation,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: File | VerifyParts | Unset = UNSET,
    anchor: VerifyPdfAnchor | Unset = UNSET,
    validation_time: datetime.datetime | Unset = UNSET,
    revocation: VerifyPdfRevocation | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> ErrorBody | VerificationReport | None:
    """Verify a signed PDF (the request body, `Content-Type: application/pdf`, or the `file` part
    of a `multipart/form-data` body).

     Each signature is reported with signer, time, claimed and detected PAdES level, the ETSI
    EN 319 102-1 indication and sub-indication, and whether it covers the whole file; the
    report says whether Signet produced the file. Signet's live root is the trust anchor, so a
    test-mode signature never passes (the report says it was made in test mode); `?anchor=test`
    judges against the test root instead, to check files made with a test key.

    Certificates are judged at `validation_time` (default: now), a timestamp proving when a
    signature existed (a certificate expired since then still passes). Revocation is checked
    from the data the file carries (its DSS and the CMS), never fetched online; each signature
    lists the evidence used. Missing data is a remark, or INDETERMINATE / TRY_LATER with
    `revocation=required`.

    Args:
        anchor (VerifyPdfAnchor | Unset):
        validation_time (datetime.datetime | Unset):
        revocation (VerifyPdfRevocation | Unset):
        idempotency_key (str | Unset):
        body (File):
        body (VerifyParts):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | VerificationReport
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            anchor=anchor,
            validation_time=validation_time,
            revocation=revocation,
            idempotency_key=idempotency_key,
        )
    ).parsed
