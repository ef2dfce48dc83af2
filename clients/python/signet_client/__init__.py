"""Signet's Python SDK.

`signet_api` is generated from Signet's OpenAPI document (every operation, model and enum);
this package adds only what generation cannot give: a client configured for Signet, typed
errors, pagination and webhook verification.

    from signet_client import connect, ok
    from signet_api.api.persons import create_person
    from signet_api.models import PersonCreate

    client = connect("https://signet.example.com", "sk_test_...")
    person = ok(create_person.sync_detailed(client=client, body=PersonCreate(first_name="Ada", last_name="Lovelace")))
"""

from .client import connect
from .errors import SignetError, ok
from .pagination import paginate
from .webhooks import EVENT_PAYLOADS, WebhookEvent, WebhookVerificationError, verify_webhook

__all__ = [
    "EVENT_PAYLOADS",
    "SignetError",
    "WebhookEvent",
    "WebhookVerificationError",
    "connect",
    "ok",
    "paginate",
    "verify_webhook",
]
