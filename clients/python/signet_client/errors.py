"""Signet's errors as an exception carrying the typed error model."""

from typing import TypeVar

from signet_api.models import ErrorBody, ErrorObject
from signet_api.types import Response

T = TypeVar("T")


class SignetError(Exception):
    """An answer of 4xx or 5xx: `status` and the `errors` of its body (`ErrorObject`, whose
    `code` is an `ErrorObjectCode`; `GET /v1/codes` lists every code)."""

    def __init__(self, status: int, errors: list[ErrorObject]):
        self.status = status
        self.errors = errors
        detail = "; ".join(f"{e.code.value}: {e.detail}" for e in errors) or "no error body"
        super().__init__(f"Signet answered {status}: {detail}")

    @property
    def code(self) -> str | None:
        """The first error's code, as its string."""
        return self.errors[0].code.value if self.errors else None


def ok(response: Response[T | ErrorBody]) -> T:
    """The parsed answer of a generated `sync_detailed`/`asyncio_detailed` call, or
    `SignetError` with the typed error body when Signet refused the request."""
    parsed = response.parsed
    if isinstance(parsed, ErrorBody):
        raise SignetError(int(response.status_code), list(parsed.errors))
    if int(response.status_code) >= 400:
        raise SignetError(int(response.status_code), [])
    return parsed  # type: ignore[return-value]  # None only for answers without a body (204)
