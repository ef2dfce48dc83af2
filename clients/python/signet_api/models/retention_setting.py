from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RetentionSetting")


@_attrs_define
class RetentionSetting:
    """The tenant's retention in the key's mode.

    Attributes:
        years (int): Whole years customer due diligence records are kept after a business relationship
            ends, 1 to 30. Default 5 (AMLD4 Art. 40, AMLR Art. 77). Example: 5.
    """

    years: int

    def to_dict(self) -> dict[str, Any]:
        years = self.years

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "years": years,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        years = d.pop("years")

        retention_setting = cls(
            years=years,
        )

        return retention_setting
