from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_endpoint_disabled_status import WebhookEndpointDisabledStatus

T = TypeVar("T", bound="WebhookEndpointDisabled")


@_attrs_define
class WebhookEndpointDisabled:
    """The `data` of `webhook.endpoint_disabled`.

    Attributes:
        disabled_reason (str):
        id (str): The endpoint's id.
        last_error (None | str): The failure of the attempt that disabled it.
        status (WebhookEndpointDisabledStatus):
        url (str):
    """

    disabled_reason: str
    id: str
    last_error: None | str
    status: WebhookEndpointDisabledStatus
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        disabled_reason = self.disabled_reason

        id = self.id

        last_error: None | str
        last_error = self.last_error

        status = self.status.value

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "disabled_reason": disabled_reason,
                "id": id,
                "last_error": last_error,
                "status": status,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        disabled_reason = d.pop("disabled_reason")

        id = d.pop("id")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        status = WebhookEndpointDisabledStatus(d.pop("status"))

        url = d.pop("url")

        webhook_endpoint_disabled = cls(
            disabled_reason=disabled_reason,
            id=id,
            last_error=last_error,
            status=status,
            url=url,
        )

        webhook_endpoint_disabled.additional_properties = d
        return webhook_endpoint_disabled

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
