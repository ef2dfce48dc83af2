from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.person_document_document_type import PersonDocumentDocumentType

T = TypeVar("T", bound="PersonDocument")


@_attrs_define
class PersonDocument:
    """A file kept for a person: a KYC report, an ID image, a signed contract.

    Attributes:
        content_type (str):
        created_at (datetime.datetime):
        document_type (PersonDocumentDocumentType): Seed 002's document type (`GET
            /v1/codes?kind=person_document_type`).
        id (str):
        identification_id (None | str):
        name (str):
        sha256 (str):
        size (int):
    """

    content_type: str
    created_at: datetime.datetime
    document_type: PersonDocumentDocumentType
    id: str
    identification_id: None | str
    name: str
    sha256: str
    size: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type

        created_at = self.created_at.isoformat()

        document_type = self.document_type.value

        id = self.id

        identification_id: None | str
        identification_id = self.identification_id

        name = self.name

        sha256 = self.sha256

        size = self.size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content_type": content_type,
                "created_at": created_at,
                "document_type": document_type,
                "id": id,
                "identification_id": identification_id,
                "name": name,
                "sha256": sha256,
                "size": size,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        content_type = d.pop("content_type")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        document_type = PersonDocumentDocumentType(d.pop("document_type"))

        id = d.pop("id")

        def _parse_identification_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        identification_id = _parse_identification_id(d.pop("identification_id"))

        name = d.pop("name")

        sha256 = d.pop("sha256")

        size = d.pop("size")

        person_document = cls(
            content_type=content_type,
            created_at=created_at,
            document_type=document_type,
            id=id,
            identification_id=identification_id,
            name=name,
            sha256=sha256,
            size=size,
        )

        person_document.additional_properties = d
        return person_document

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
