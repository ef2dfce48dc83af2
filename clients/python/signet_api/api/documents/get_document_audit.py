from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_trail import AuditTrail
from ...models.error_body import ErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page[number]"] = pagenumber

    params["page[size]"] = pagesize

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/documents/{id}/audit".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditTrail | ErrorBody | None:
    if response.status_code == 200:
        response_200 = AuditTrail.from_dict(response.json())

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

    if response.status_code == 500:
        response_500 = ErrorBody.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AuditTrail | ErrorBody]:
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
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Response[AuditTrail | ErrorBody]:
    """The audit trail: every event of the document, hash-chained. A deleted document's trail
    stays readable, its last entry `document.deleted`.

     `chain_valid` is false, and `first_broken_seq` names the entry, when an entry was edited,
    removed or reordered after it was written. `entries` is one page of the trail, oldest first
    (`page[number]`, `page[size]`); `chain_valid`, `head` and `entry_count` judge the whole.

    Args:
        id (str):
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditTrail | ErrorBody]
    """

    kwargs = _get_kwargs(
        id=id,
        pagenumber=pagenumber,
        pagesize=pagesize,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> AuditTrail | ErrorBody | None:
    """The audit trail: every event of the document, hash-chained. A deleted document's trail
    stays readable, its last entry `document.deleted`.

     `chain_valid` is false, and `first_broken_seq` names the entry, when an entry was edited,
    removed or reordered after it was written. `entries` is one page of the trail, oldest first
    (`page[number]`, `page[size]`); `chain_valid`, `head` and `entry_count` judge the whole.

    Args:
        id (str):
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditTrail | ErrorBody
    """

    return sync_detailed(
        id=id,
        client=client,
        pagenumber=pagenumber,
        pagesize=pagesize,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Response[AuditTrail | ErrorBody]:
    """The audit trail: every event of the document, hash-chained. A deleted document's trail
    stays readable, its last entry `document.deleted`.

     `chain_valid` is false, and `first_broken_seq` names the entry, when an entry was edited,
    removed or reordered after it was written. `entries` is one page of the trail, oldest first
    (`page[number]`, `page[size]`); `chain_valid`, `head` and `entry_count` judge the whole.

    Args:
        id (str):
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditTrail | ErrorBody]
    """

    kwargs = _get_kwargs(
        id=id,
        pagenumber=pagenumber,
        pagesize=pagesize,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> AuditTrail | ErrorBody | None:
    """The audit trail: every event of the document, hash-chained. A deleted document's trail
    stays readable, its last entry `document.deleted`.

     `chain_valid` is false, and `first_broken_seq` names the entry, when an entry was edited,
    removed or reordered after it was written. `entries` is one page of the trail, oldest first
    (`page[number]`, `page[size]`); `chain_valid`, `head` and `entry_count` judge the whole.

    Args:
        id (str):
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditTrail | ErrorBody
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            pagenumber=pagenumber,
            pagesize=pagesize,
        )
    ).parsed
