from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FieldArea")


@_attrs_define
class FieldArea:
    """Where a field is: page from 1; x, y, w, h fractions of the page from its top-left corner.

    Attributes:
        h (float):  Example: 0.05.
        page (int):  Example: 1.
        w (float):  Example: 0.3.
        x (float):  Example: 0.1.
        y (float):  Example: 0.8.
    """

    h: float
    page: int
    w: float
    x: float
    y: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        h = self.h

        page = self.page

        w = self.w

        x = self.x

        y = self.y

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "h": h,
                "page": page,
                "w": w,
                "x": x,
                "y": y,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        h = d.pop("h")

        page = d.pop("page")

        w = d.pop("w")

        x = d.pop("x")

        y = d.pop("y")

        field_area = cls(
            h=h,
            page=page,
            w=w,
            x=x,
            y=y,
        )

        field_area.additional_properties = d
        return field_area

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
