from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="FieldAreaInput")


@_attrs_define
class FieldAreaInput:
    """Where a field is: page from 1; x, y, w, h fractions of the page from its top-left corner
    (x + w and y + h at most 1).

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

    def to_dict(self) -> dict[str, Any]:
        h = self.h

        page = self.page

        w = self.w

        x = self.x

        y = self.y

        field_dict: dict[str, Any] = {}

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

        field_area_input = cls(
            h=h,
            page=page,
            w=w,
            x=x,
            y=y,
        )

        return field_area_input
