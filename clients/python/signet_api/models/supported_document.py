from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.supported_document_type import SupportedDocumentType

T = TypeVar("T", bound="SupportedDocument")


@_attrs_define
class SupportedDocument:
    """An ID document an applicant may use, with its issuing countries.

    Attributes:
        issuing_countries (list[str]): ISO 3166-1 alpha-2 codes.
        type_ (SupportedDocumentType):
    """

    issuing_countries: list[str]
    type_: SupportedDocumentType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        issuing_countries = self.issuing_countries

        type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "issuing_countries": issuing_countries,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        issuing_countries = cast(list[str], d.pop("issuing_countries"))

        type_ = SupportedDocumentType(d.pop("type"))

        supported_document = cls(
            issuing_countries=issuing_countries,
            type_=type_,
        )

        supported_document.additional_properties = d
        return supported_document

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
