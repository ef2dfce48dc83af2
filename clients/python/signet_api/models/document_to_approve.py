from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DocumentToApprove")


@_attrs_define
class DocumentToApprove:
    """A document the signer approves, with the hash of the file as it stands.

    Attributes:
        file_url (str):
        id (str):
        name (str):
        pages (int):
        sha256 (str): SHA-256 of the file as signed so far: what the signer approves.
        size (int):
    """

    file_url: str
    id: str
    name: str
    pages: int
    sha256: str
    size: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file_url = self.file_url

        id = self.id

        name = self.name

        pages = self.pages

        sha256 = self.sha256

        size = self.size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file_url": file_url,
                "id": id,
                "name": name,
                "pages": pages,
                "sha256": sha256,
                "size": size,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        file_url = d.pop("file_url")

        id = d.pop("id")

        name = d.pop("name")

        pages = d.pop("pages")

        sha256 = d.pop("sha256")

        size = d.pop("size")

        document_to_approve = cls(
            file_url=file_url,
            id=id,
            name=name,
            pages=pages,
            sha256=sha256,
            size=size,
        )

        document_to_approve.additional_properties = d
        return document_to_approve

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
