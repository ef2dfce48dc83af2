from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.otp_issued_channels_item import OtpIssuedChannelsItem

if TYPE_CHECKING:
    from ..models.otp_destination import OtpDestination


T = TypeVar("T", bound="OtpIssued")


@_attrs_define
class OtpIssued:
    """The one-time code an approval issued.

    Attributes:
        channels (list[OtpIssuedChannelsItem]): The channels the code was handed to: `sandbox` in test mode (the code is
            123456 and goes nowhere); `provider` when a qualified signature's trust service provider sent its own code (CSC
            credentials/sendOTP), which the signer then confirms with.
        expires_at (datetime.datetime | None):
        to (list[OtpDestination]):
    """

    channels: list[OtpIssuedChannelsItem]
    expires_at: datetime.datetime | None
    to: list[OtpDestination]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channels = []
        for channels_item_data in self.channels:
            channels_item = channels_item_data.value
            channels.append(channels_item)

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        to = []
        for to_item_data in self.to:
            to_item = to_item_data.to_dict()
            to.append(to_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channels": channels,
                "expires_at": expires_at,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.otp_destination import OtpDestination

        d = dict(src_dict)
        channels = []
        _channels = d.pop("channels")
        for channels_item_data in _channels:
            channels_item = OtpIssuedChannelsItem(channels_item_data)

            channels.append(channels_item)

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        to = []
        _to = d.pop("to")
        for to_item_data in _to:
            to_item = OtpDestination.from_dict(to_item_data)

            to.append(to_item)

        otp_issued = cls(
            channels=channels,
            expires_at=expires_at,
            to=to,
        )

        otp_issued.additional_properties = d
        return otp_issued

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
