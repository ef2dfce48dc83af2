"""The SDK's own parts, without a server."""

import datetime
import json
from pathlib import Path

import pytest
from standardwebhooks.webhooks import Webhook

from signet_client import EVENT_PAYLOADS, WebhookVerificationError, verify_webhook

DOCUMENT = Path(__file__).resolve().parents[3] / "docs" / "openapi.json"


def test_every_event_type_of_the_document_has_its_payload_model() -> None:
    webhooks = json.loads(DOCUMENT.read_text())["webhooks"]
    documented = {
        name: item["post"]["requestBody"]["content"]["application/json"]["schema"][
            "properties"
        ]["data"]["$ref"].rsplit("/", 1)[-1]
        for name, item in webhooks.items()
    }
    assert {name: model.__name__ for name, model in EVENT_PAYLOADS.items()} == documented


def test_the_standard_webhooks_vector_verifies_and_a_forgery_does_not() -> None:
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    msg_id = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    payload = '{"test": 2432232314}'
    # The specification's vector, at its own time.
    signature = Webhook(secret).sign(msg_id, _at(1614265330), payload)
    assert signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="

    import time

    now = int(time.time())
    body = json.dumps(
        {
            "id": msg_id,
            "type": "person.created",
            "created_at": "2026-01-02T03:04:05Z",
            "data": {"id": "per_x"},
        }
    )
    headers = {
        "Webhook-Id": msg_id,
        "Webhook-Timestamp": str(now),
        "Webhook-Signature": Webhook(secret).sign(msg_id, _at(now), body),
    }
    with pytest.raises(WebhookVerificationError):
        verify_webhook("whsec_" + "A" * 32, body, headers)
    with pytest.raises(WebhookVerificationError):
        verify_webhook(secret, body.replace("per_x", "per_y"), headers)


def _at(seconds: int) -> "datetime.datetime":


    return datetime.datetime.fromtimestamp(seconds, tz=datetime.timezone.utc)
