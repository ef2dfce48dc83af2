from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ConfirmRequest")


@_attrs_define
class ConfirmRequest:
    """
    Attributes:
        otp (str): The 6-digit one-time code (123456 in test mode); spaces around it are ignored.
    """

    otp: str

    def to_dict(self) -> dict[str, Any]:
        otp = self.otp

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "otp": otp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        otp = d.pop("otp")

        confirm_request = cls(
            otp=otp,
        )

        return confirm_request
