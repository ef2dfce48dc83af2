from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.screening_evidence_kind import ScreeningEvidenceKind

T = TypeVar("T", bound="ScreeningEvidence")


@_attrs_define
class ScreeningEvidence:
    """What a birth date or a nationality says of a match.

    Attributes:
        detail (str): A sentence for the reviewer.
        kind (ScreeningEvidenceKind):
    """

    detail: str
    kind: ScreeningEvidenceKind
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        detail = self.detail

        kind = self.kind.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "detail": detail,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        detail = d.pop("detail")

        kind = ScreeningEvidenceKind(d.pop("kind"))

        screening_evidence = cls(
            detail=detail,
            kind=kind,
        )

        screening_evidence.additional_properties = d
        return screening_evidence

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
