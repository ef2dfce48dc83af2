from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SelfieRequest")


@_attrs_define
class SelfieRequest:
    """
    Attributes:
        image (str): A JPEG or PNG, base64, at most 10 MB.
    """

    image: str

    def to_dict(self) -> dict[str, Any]:
        image = self.image

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "image": image,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        image = d.pop("image")

        selfie_request = cls(
            image=image,
        )

        return selfie_request
