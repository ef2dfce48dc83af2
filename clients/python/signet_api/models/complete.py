from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Complete")


@_attrs_define
class Complete:
    """
    Attributes:
        ident_code (str): The static sandbox ident code, `123456`.
        mobile_number (None | str | Unset): The number the applicant verifies (the sandbox also accepts seed 002's
            `+15550101`).
    """

    ident_code: str
    mobile_number: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ident_code = self.ident_code

        mobile_number: None | str | Unset
        if isinstance(self.mobile_number, Unset):
            mobile_number = UNSET
        else:
            mobile_number = self.mobile_number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ident_code": ident_code,
            }
        )
        if mobile_number is not UNSET:
            field_dict["mobile_number"] = mobile_number

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ident_code = d.pop("ident_code")

        def _parse_mobile_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mobile_number = _parse_mobile_number(d.pop("mobile_number", UNSET))

        complete = cls(
            ident_code=ident_code,
            mobile_number=mobile_number,
        )

        return complete
