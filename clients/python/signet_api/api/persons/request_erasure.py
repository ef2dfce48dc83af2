from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.erasure_report import ErasureReport
from ...models.error_body import ErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/persons/{id}/erasure".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErasureReport | ErrorBody | None:
    if response.status_code == 200:
        response_200 = ErasureReport.from_dict(response.json())

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

    if response.status_code == 410:
        response_410 = ErrorBody.from_dict(response.json())

        return response_410

    if response.status_code == 413:
        response_413 = ErrorBody.from_dict(response.json())

        return response_413

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
) -> Response[ErasureReport | ErrorBody]:
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
    idempotency_key: str | Unset = UNSET,
) -> Response[ErasureReport | ErrorBody]:
    """Ask for the person's erasure (GDPR Art. 17). What no legal basis keeps goes at once: their
    contact data (email, mobile number, contact address, website) in this request, then, by
    a job due now, webhook payloads that name them and documents they were to sign that
    nobody signed. The answer lists what goes (`erased`) and what stays, why and until when
    (`retained`): customer due diligence records stay until the relationship's end plus the
    tenant's retention (the request ends the relationship today unless it ended before);
    signed documents stay with the document. From the request on, no new data about the
    person is taken (updates, identifications, documents to sign: 422). At the retention's
    end the person's rows go and their data key is destroyed, so what was sealed under it
    (their data, images and files, in backups too) never opens again; their routes answer
    410 `person_erased`. A person with nothing to keep is erased at once. Asking again
    answers the first request's report.

    Args:
        id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErasureReport | ErrorBody]
    """

    kwargs = _get_kwargs(
        id=id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> ErasureReport | ErrorBody | None:
    """Ask for the person's erasure (GDPR Art. 17). What no legal basis keeps goes at once: their
    contact data (email, mobile number, contact address, website) in this request, then, by
    a job due now, webhook payloads that name them and documents they were to sign that
    nobody signed. The answer lists what goes (`erased`) and what stays, why and until when
    (`retained`): customer due diligence records stay until the relationship's end plus the
    tenant's retention (the request ends the relationship today unless it ended before);
    signed documents stay with the document. From the request on, no new data about the
    person is taken (updates, identifications, documents to sign: 422). At the retention's
    end the person's rows go and their data key is destroyed, so what was sealed under it
    (their data, images and files, in backups too) never opens again; their routes answer
    410 `person_erased`. A person with nothing to keep is erased at once. Asking again
    answers the first request's report.

    Args:
        id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErasureReport | ErrorBody
    """

    return sync_detailed(
        id=id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErasureReport | ErrorBody]:
    """Ask for the person's erasure (GDPR Art. 17). What no legal basis keeps goes at once: their
    contact data (email, mobile number, contact address, website) in this request, then, by
    a job due now, webhook payloads that name them and documents they were to sign that
    nobody signed. The answer lists what goes (`erased`) and what stays, why and until when
    (`retained`): customer due diligence records stay until the relationship's end plus the
    tenant's retention (the request ends the relationship today unless it ended before);
    signed documents stay with the document. From the request on, no new data about the
    person is taken (updates, identifications, documents to sign: 422). At the retention's
    end the person's rows go and their data key is destroyed, so what was sealed under it
    (their data, images and files, in backups too) never opens again; their routes answer
    410 `person_erased`. A person with nothing to keep is erased at once. Asking again
    answers the first request's report.

    Args:
        id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErasureReport | ErrorBody]
    """

    kwargs = _get_kwargs(
        id=id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> ErasureReport | ErrorBody | None:
    """Ask for the person's erasure (GDPR Art. 17). What no legal basis keeps goes at once: their
    contact data (email, mobile number, contact address, website) in this request, then, by
    a job due now, webhook payloads that name them and documents they were to sign that
    nobody signed. The answer lists what goes (`erased`) and what stays, why and until when
    (`retained`): customer due diligence records stay until the relationship's end plus the
    tenant's retention (the request ends the relationship today unless it ended before);
    signed documents stay with the document. From the request on, no new data about the
    person is taken (updates, identifications, documents to sign: 422). At the retention's
    end the person's rows go and their data key is destroyed, so what was sealed under it
    (their data, images and files, in backups too) never opens again; their routes answer
    410 `person_erased`. A person with nothing to keep is erased at once. Asking again
    answers the first request's report.

    Args:
        id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErasureReport | ErrorBody
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
