"""Verifying Signet's webhooks (Standard Webhooks) and reading them as typed events.

Signet signs every delivery with the endpoint's `whsec_…` secret: `webhook-id`,
`webhook-timestamp` and `webhook-signature` headers over the raw body. Verify the raw bytes
as received, before parsing them, and drop a `webhook-id` already handled (a delivery may be
repeated).
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from signet_api.models import (
    DocumentDeleted,
    DocumentEvent,
    Identification,
    Person,
    Screening,
    ScreeningHit,
    Signer,
    SignerReminded,
    Template,
    WebhookEndpointDisabled,
)

Payload = (
    Person
    | Identification
    | Signer
    | DocumentEvent
    | SignerReminded
    | DocumentDeleted
    | Screening
    | ScreeningHit
    | WebhookEndpointDisabled
    | Template
)

#: Each event type and the model of its `data`, as the document's `webhooks` section lists
#: them (the SDK's tests check the two agree).
EVENT_PAYLOADS: dict[str, type[Payload]] = {
    "person.created": Person,
    "person.updated": Person,
    "identification.status_changed": Identification,
    "signature.status_changed": Signer,
    "document.created": DocumentEvent,
    "document.signer_signed": DocumentEvent,
    "document.signer_rejected": DocumentEvent,
    "document.rejected": DocumentEvent,
    "document.blocked": DocumentEvent,
    "document.expired": DocumentEvent,
    "document.finished": DocumentEvent,
    "document.signer_reminded": SignerReminded,
    "document.deleted": DocumentDeleted,
    "screening.completed": Screening,
    "screening.hit_created": ScreeningHit,
    "screening.hit_decided": ScreeningHit,
    "webhook.endpoint_disabled": WebhookEndpointDisabled,
    "template.created": Template,
    "template.updated": Template,
    "template.deleted": Template,
}


@dataclass(frozen=True)
class WebhookEvent:
    """One verified event: `data` is the model `EVENT_PAYLOADS` names for its `type`, or the
    plain JSON object for a type this SDK does not know yet."""

    id: str
    type: str
    created_at: datetime.datetime
    data: Payload | dict[str, Any]


def verify_webhook(
    secret: str, body: bytes | str, headers: Mapping[str, str]
) -> WebhookEvent:
    """Checks the delivery's signature and age with the endpoint's `secret` and returns the
    event; raises `WebhookVerificationError` when it is not Signet's or too old (5 minutes
    either way)."""
    if isinstance(body, bytes):
        body = body.decode("utf-8")
    lowered = {k.lower(): v for k, v in headers.items()}
    envelope = Webhook(secret).verify(body, lowered)
    kind = envelope["type"]
    model = EVENT_PAYLOADS.get(kind)
    data: Payload | dict[str, Any] = (
        model.from_dict(envelope["data"]) if model else envelope["data"]
    )
    return WebhookEvent(
        id=envelope["id"],
        type=kind,
        created_at=datetime.datetime.fromisoformat(envelope["created_at"]),
        data=data,
    )


__all__ = ["EVENT_PAYLOADS", "WebhookEvent", "WebhookVerificationError", "verify_webhook"]
