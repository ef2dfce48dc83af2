from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SignaturePictureSetting")


@_attrs_define
class SignaturePictureSetting:
    """The tenant's signature picture setting in this mode.

    Attributes:
        require_signature_picture (bool): Whether every approval must carry a signature picture (`signature_image` on
            the API;
            drawn, typed or uploaded on the signer's page); without one it is 422
            `signature_image_missing` with 26. Default `false`.
    """

    require_signature_picture: bool

    def to_dict(self) -> dict[str, Any]:
        require_signature_picture = self.require_signature_picture

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "require_signature_picture": require_signature_picture,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        require_signature_picture = d.pop("require_signature_picture")

        signature_picture_setting = cls(
            require_signature_picture=require_signature_picture,
        )

        return signature_picture_setting
