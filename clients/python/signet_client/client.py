"""A generated client set up for Signet."""

import httpx

from signet_api import AuthenticatedClient


def connect(base_url: str, api_key: str, *, timeout: float = 60.0) -> AuthenticatedClient:
    """A client for the Signet at `base_url`, authenticated with `api_key`.

    `sk_test_…` keys act in test mode (the sandbox), `sk_live_…` keys in live mode. An answer
    with a status the document does not list raises `signet_api.errors.UnexpectedStatus`.
    """
    return AuthenticatedClient(
        base_url=base_url.rstrip("/"),
        token=api_key,
        timeout=httpx.Timeout(timeout),
        raise_on_unexpected_status=True,
    )
