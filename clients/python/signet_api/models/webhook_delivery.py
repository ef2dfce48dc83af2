from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_delivery_event_type import WebhookDeliveryEventType
from ..models.webhook_delivery_outcome import WebhookDeliveryOutcome

T = TypeVar("T", bound="WebhookDelivery")


@_attrs_define
class WebhookDelivery:
    """One delivery attempt.

    Attributes:
        attempt (int): Position in the message's schedule (1 to 8).
        attempted_at (datetime.datetime): Tenant clock.
        error (None | str):
        event_type (WebhookDeliveryEventType):
        id (str):
        latency_ms (float):
        message_id (str): The event id, sent as `webhook-id` on every attempt.
        outcome (WebhookDeliveryOutcome):
        response_excerpt (None | str): The start of the receiver's answer.
        status_code (int | None): The receiver's status, if it answered.
        webhook_timestamp (int): The `webhook-timestamp` sent (wall-clock Unix seconds).
    """

    attempt: int
    attempted_at: datetime.datetime
    error: None | str
    event_type: WebhookDeliveryEventType
    id: str
    latency_ms: float
    message_id: str
    outcome: WebhookDeliveryOutcome
    response_excerpt: None | str
    status_code: int | None
    webhook_timestamp: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempt = self.attempt

        attempted_at = self.attempted_at.isoformat()

        error: None | str
        error = self.error

        event_type = self.event_type.value

        id = self.id

        latency_ms = self.latency_ms

        message_id = self.message_id

        outcome = self.outcome.value

        response_excerpt: None | str
        response_excerpt = self.response_excerpt

        status_code: int | None
        status_code = self.status_code

        webhook_timestamp = self.webhook_timestamp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempt": attempt,
                "attempted_at": attempted_at,
                "error": error,
                "event_type": event_type,
                "id": id,
                "latency_ms": latency_ms,
                "message_id": message_id,
                "outcome": outcome,
                "response_excerpt": response_excerpt,
                "status_code": status_code,
                "webhook_timestamp": webhook_timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        attempt = d.pop("attempt")

        attempted_at = datetime.datetime.fromisoformat(d.pop("attempted_at"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        event_type = WebhookDeliveryEventType(d.pop("event_type"))

        id = d.pop("id")

        latency_ms = d.pop("latency_ms")

        message_id = d.pop("message_id")

        outcome = WebhookDeliveryOutcome(d.pop("outcome"))

        def _parse_response_excerpt(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        response_excerpt = _parse_response_excerpt(d.pop("response_excerpt"))

        def _parse_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        status_code = _parse_status_code(d.pop("status_code"))

        webhook_timestamp = d.pop("webhook_timestamp")

        webhook_delivery = cls(
            attempt=attempt,
            attempted_at=attempted_at,
            error=error,
            event_type=event_type,
            id=id,
            latency_ms=latency_ms,
            message_id=message_id,
            outcome=outcome,
            response_excerpt=response_excerpt,
            status_code=status_code,
            webhook_timestamp=webhook_timestamp,
        )

        webhook_delivery.additional_properties = d
        return webhook_delivery

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
