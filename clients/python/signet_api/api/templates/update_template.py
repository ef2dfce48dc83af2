from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.template import Template
from ...models.update_template import UpdateTemplate
from ...types import Response


def _get_kwargs(
    id: str,
    *,
    body: UpdateTemplate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/templates/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | Template | None:
    if response.status_code == 200:
        response_200 = Template.from_dict(response.json())

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

    if response.status_code == 500:
        response_500 = ErrorBody.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | Template]:
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
    body: UpdateTemplate,
) -> Response[ErrorBody | Template]:
    """Update a template.

     Documents already sent from it keep what they have. Raises `template.updated`.

    Args:
        id (str):
        body (UpdateTemplate): Changes to a template; absent (or `null`) members stay as they are.
            A change of `file`,
            `html`, `roles` or `fields` checks the fields again on the (new) file, and puts the
            template back in review where the tenant requires review. With `html`, the template's
            fields are those of its `<signet-field>` tags and of `fields` (the ones it had are
            replaced).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Template]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateTemplate,
) -> ErrorBody | Template | None:
    """Update a template.

     Documents already sent from it keep what they have. Raises `template.updated`.

    Args:
        id (str):
        body (UpdateTemplate): Changes to a template; absent (or `null`) members stay as they are.
            A change of `file`,
            `html`, `roles` or `fields` checks the fields again on the (new) file, and puts the
            template back in review where the tenant requires review. With `html`, the template's
            fields are those of its `<signet-field>` tags and of `fields` (the ones it had are
            replaced).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Template
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateTemplate,
) -> Response[ErrorBody | Template]:
    """Update a template.

     Documents already sent from it keep what they have. Raises `template.updated`.

    Args:
        id (str):
        body (UpdateTemplate): Changes to a template; absent (or `null`) members stay as they are.
            A change of `file`,
            `html`, `roles` or `fields` checks the fields again on the (new) file, and puts the
            template back in review where the tenant requires review. With `html`, the template's
            fields are those of its `<signet-field>` tags and of `fields` (the ones it had are
            replaced).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Template]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateTemplate,
) -> ErrorBody | Template | None:
    """Update a template.

     Documents already sent from it keep what they have. Raises `template.updated`.

    Args:
        id (str):
        body (UpdateTemplate): Changes to a template; absent (or `null`) members stay as they are.
            A change of `file`,
            `html`, `roles` or `fields` checks the fields again on the (new) file, and puts the
            template back in review where the tenant requires review. With `html`, the template's
            fields are those of its `<signet-field>` tags and of `fields` (the ones it had are
            replaced).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Template
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
