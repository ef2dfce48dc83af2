from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EndRelationship")


@_attrs_define
class EndRelationship:
    """When the business relationship ended.

    Attributes:
        ended_at (None | str | Unset): The day it ended (`YYYY-MM-DD`, not after today); absent: the tenant's today.
            Example: 2026-11-30.
    """

    ended_at: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ended_at: None | str | Unset
        if isinstance(self.ended_at, Unset):
            ended_at = UNSET
        else:
            ended_at = self.ended_at

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if ended_at is not UNSET:
            field_dict["ended_at"] = ended_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_ended_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ended_at = _parse_ended_at(d.pop("ended_at", UNSET))

        end_relationship = cls(
            ended_at=ended_at,
        )

        return end_relationship
