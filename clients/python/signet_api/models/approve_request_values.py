from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ApproveRequestValues")


@_attrs_define
class ApproveRequestValues:
    """The signer's form fields by name: a string for `text`, `initials`, `email` and `select` (one of its `options`), a
    number for `number`, a boolean for `checkbox` (a required one must be `true`), a PNG or JPEG in base64 (at most 1
    MB) for `image`. Not for prefilled fields nor `signature`, `name` and `date`, which Signet fills. Every required
    field the signer fills must be given.

    """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        approve_request_values = cls()

        approve_request_values.additional_properties = d
        return approve_request_values

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
