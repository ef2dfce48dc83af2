from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.approve_request_values import ApproveRequestValues


T = TypeVar("T", bound="ApproveRequest")


@_attrs_define
class ApproveRequest:
    """The optional body of an approval.

    Attributes:
        values (ApproveRequestValues | Unset): The signer's form fields by name: a string for `text`, `initials`,
            `email` and `select` (one of its `options`), a number for `number`, a boolean for `checkbox` (a required one
            must be `true`), a PNG or JPEG in base64 (at most 1 MB) for `image`. Not for prefilled fields nor `signature`,
            `name` and `date`, which Signet fills. Every required field the signer fills must be given.
    """

    values: ApproveRequestValues | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        values: dict[str, Any] | Unset = UNSET
        if not isinstance(self.values, Unset):
            values = self.values.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if values is not UNSET:
            field_dict["values"] = values

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.approve_request_values import ApproveRequestValues

        d = dict(src_dict)
        _values = d.pop("values", UNSET)
        values: ApproveRequestValues | Unset
        if isinstance(_values, Unset):
            values = UNSET
        else:
            values = ApproveRequestValues.from_dict(_values)

        approve_request = cls(
            values=values,
        )

        return approve_request
