from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.otp_destination_channel import OtpDestinationChannel
from ..types import UNSET, Unset

T = TypeVar("T", bound="OtpDestination")


@_attrs_define
class OtpDestination:
    """Where a code goes, masked: enough to tell destinations apart, not to use one.

    Attributes:
        channel (OtpDestinationChannel):
        to (str):
        verified_number (bool | None | Unset): SMS only: whether the number is the one the signer's identification
            verified (the
            only one an `advanced` signer's code goes to).
    """

    channel: OtpDestinationChannel
    to: str
    verified_number: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        to = self.to

        verified_number: bool | None | Unset
        if isinstance(self.verified_number, Unset):
            verified_number = UNSET
        else:
            verified_number = self.verified_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channel": channel,
                "to": to,
            }
        )
        if verified_number is not UNSET:
            field_dict["verified_number"] = verified_number

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        channel = OtpDestinationChannel(d.pop("channel"))

        to = d.pop("to")

        def _parse_verified_number(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        verified_number = _parse_verified_number(d.pop("verified_number", UNSET))

        otp_destination = cls(
            channel=channel,
            to=to,
            verified_number=verified_number,
        )

        otp_destination.additional_properties = d
        return otp_destination

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
