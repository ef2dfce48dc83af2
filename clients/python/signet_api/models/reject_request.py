from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RejectRequest")


@_attrs_define
class RejectRequest:
    """
    Attributes:
        message (str): Why the signer rejects (sent in the REJECTED webhook): 1 to 2000 characters once trimmed.
    """

    message: str

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        message = d.pop("message")

        reject_request = cls(
            message=message,
        )

        return reject_request
