"""The stories run against a live Signet in test mode, named by the environment:

- `SIGNET_URL`: the server, e.g. `http://127.0.0.1:8080`
- `SIGNET_API_KEY`: a test-mode key (`sk_test_…`)
- `SIGNET_SAMPLE_PDF`: a PDF to send for signature
- a sanctions list naming Vladimir Putin imported (`signet lists import`)

Without `SIGNET_URL` the stories are skipped; the checks of the SDK itself still run.
"""

import os
from pathlib import Path

import pytest

from signet_api import AuthenticatedClient
from signet_client import connect


@pytest.fixture(scope="session")
def base_url() -> str:
    url = os.environ.get("SIGNET_URL")
    if not url:
        pytest.skip("SIGNET_URL is not set: no server to tell the stories to")
    return url


@pytest.fixture(scope="session")
def client(base_url: str) -> AuthenticatedClient:
    return connect(base_url, os.environ["SIGNET_API_KEY"])


@pytest.fixture(scope="session")
def sample_pdf() -> bytes:
    return Path(os.environ["SIGNET_SAMPLE_PDF"]).read_bytes()
