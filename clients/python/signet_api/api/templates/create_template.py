from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_template import CreateTemplate
from ...models.create_template_parts import CreateTemplateParts
from ...models.error_body import ErrorBody
from ...models.template import Template
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CreateTemplate | CreateTemplateParts | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/templates",
    }

    if isinstance(body, CreateTemplate):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, CreateTemplateParts):
        _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | Template | None:
    if response.status_code == 201:
        response_201 = Template.from_dict(response.json())

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
    *,
    client: AuthenticatedClient | Client,
    body: CreateTemplate | CreateTemplateParts | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorBody | Template]:
    """Create a template.

     The PDF is checked as a document's (422 `template_file_invalid` with 69 when it cannot be
    read) and the fields are placed on it as a document's are (95). The name is checked (80)
    and unique among your templates in this mode (409 with 70); the tenant keeps at most its
    limit of templates (`signet tenant limits --templates`; 403 with 77 beyond). Where the
    tenant requires review, the template is a `draft` until a reviewer approves it. Raises
    `template.created`.

    Args:
        idempotency_key (str | Unset):
        body (CreateTemplate): A new template.
        body (CreateTemplateParts):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Template]
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
    body: CreateTemplate | CreateTemplateParts | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> ErrorBody | Template | None:
    """Create a template.

     The PDF is checked as a document's (422 `template_file_invalid` with 69 when it cannot be
    read) and the fields are placed on it as a document's are (95). The name is checked (80)
    and unique among your templates in this mode (409 with 70); the tenant keeps at most its
    limit of templates (`signet tenant limits --templates`; 403 with 77 beyond). Where the
    tenant requires review, the template is a `draft` until a reviewer approves it. Raises
    `template.created`.

    Args:
        idempotency_key (str | Unset):
        body (CreateTemplate): A new template.
        body (CreateTemplateParts):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Template
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateTemplate | CreateTemplateParts | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorBody | Template]:
    """Create a template.

     The PDF is checked as a document's (422 `template_file_invalid` with 69 when it cannot be
    read) and the fields are placed on it as a document's are (95). The name is checked (80)
    and unique among your templates in this mode (409 with 70); the tenant keeps at most its
    limit of templates (`signet tenant limits --templates`; 403 with 77 beyond). Where the
    tenant requires review, the template is a `draft` until a reviewer approves it. Raises
    `template.created`.

    Args:
        idempotency_key (str | Unset):
        body (CreateTemplate): A new template.
        body (CreateTemplateParts):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Template]
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
    body: CreateTemplate | CreateTemplateParts | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> ErrorBody | Template | None:
    """Create a template.

     The PDF is checked as a document's (422 `template_file_invalid` with 69 when it cannot be
    read) and the fields are placed on it as a document's are (95). The name is checked (80)
    and unique among your templates in this mode (409 with 70); the tenant keeps at most its
    limit of templates (`signet tenant limits --templates`; 403 with 77 beyond). Where the
    tenant requires review, the template is a `draft` until a reviewer approves it. Raises
    `template.created`.

    Args:
        idempotency_key (str | Unset):
        body (CreateTemplate): A new template.
        body (CreateTemplateParts):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Template
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
