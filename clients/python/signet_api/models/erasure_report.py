from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.retained import Retained


T = TypeVar("T", bound="ErasureReport")


@_attrs_define
class ErasureReport:
    """What an erasure request did and kept.

    Attributes:
        erased (list[str]): What went at once.
        person_id (str):
        relationship_ended_on (str):
        requested_at (str):
        retained (list[Retained]):
        erased_at (None | str | Unset):
        erasure_due_at (None | str | Unset): When the person's key is destroyed and their records go (`null` once done).
    """

    erased: list[str]
    person_id: str
    relationship_ended_on: str
    requested_at: str
    retained: list[Retained]
    erased_at: None | str | Unset = UNSET
    erasure_due_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        erased = self.erased

        person_id = self.person_id

        relationship_ended_on = self.relationship_ended_on

        requested_at = self.requested_at

        retained = []
        for retained_item_data in self.retained:
            retained_item = retained_item_data.to_dict()
            retained.append(retained_item)

        erased_at: None | str | Unset
        if isinstance(self.erased_at, Unset):
            erased_at = UNSET
        else:
            erased_at = self.erased_at

        erasure_due_at: None | str | Unset
        if isinstance(self.erasure_due_at, Unset):
            erasure_due_at = UNSET
        else:
            erasure_due_at = self.erasure_due_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "erased": erased,
                "person_id": person_id,
                "relationship_ended_on": relationship_ended_on,
                "requested_at": requested_at,
                "retained": retained,
            }
        )
        if erased_at is not UNSET:
            field_dict["erased_at"] = erased_at
        if erasure_due_at is not UNSET:
            field_dict["erasure_due_at"] = erasure_due_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.retained import Retained

        d = dict(src_dict)
        erased = cast(list[str], d.pop("erased"))

        person_id = d.pop("person_id")

        relationship_ended_on = d.pop("relationship_ended_on")

        requested_at = d.pop("requested_at")

        retained = []
        _retained = d.pop("retained")
        for retained_item_data in _retained:
            retained_item = Retained.from_dict(retained_item_data)

            retained.append(retained_item)

        def _parse_erased_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        erased_at = _parse_erased_at(d.pop("erased_at", UNSET))

        def _parse_erasure_due_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        erasure_due_at = _parse_erasure_due_at(d.pop("erasure_due_at", UNSET))

        erasure_report = cls(
            erased=erased,
            person_id=person_id,
            relationship_ended_on=relationship_ended_on,
            requested_at=requested_at,
            retained=retained,
            erased_at=erased_at,
            erasure_due_at=erasure_due_at,
        )

        erasure_report.additional_properties = d
        return erasure_report

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
