from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RelationshipView")


@_attrs_define
class RelationshipView:
    """A person's relationship and retention as the API shows it.

    Attributes:
        person_id (str):
        relationship_ended_on (str):
        retained_until (str): The date the person's records go.
        retention_years (int):
        erasure_requested_at (None | str | Unset):
    """

    person_id: str
    relationship_ended_on: str
    retained_until: str
    retention_years: int
    erasure_requested_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        person_id = self.person_id

        relationship_ended_on = self.relationship_ended_on

        retained_until = self.retained_until

        retention_years = self.retention_years

        erasure_requested_at: None | str | Unset
        if isinstance(self.erasure_requested_at, Unset):
            erasure_requested_at = UNSET
        else:
            erasure_requested_at = self.erasure_requested_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "person_id": person_id,
                "relationship_ended_on": relationship_ended_on,
                "retained_until": retained_until,
                "retention_years": retention_years,
            }
        )
        if erasure_requested_at is not UNSET:
            field_dict["erasure_requested_at"] = erasure_requested_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        person_id = d.pop("person_id")

        relationship_ended_on = d.pop("relationship_ended_on")

        retained_until = d.pop("retained_until")

        retention_years = d.pop("retention_years")

        def _parse_erasure_requested_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        erasure_requested_at = _parse_erasure_requested_at(
            d.pop("erasure_requested_at", UNSET)
        )

        relationship_view = cls(
            person_id=person_id,
            relationship_ended_on=relationship_ended_on,
            retained_until=retained_until,
            retention_years=retention_years,
            erasure_requested_at=erasure_requested_at,
        )

        relationship_view.additional_properties = d
        return relationship_view

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
