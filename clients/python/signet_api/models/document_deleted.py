from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.document_deleted_status import DocumentDeletedStatus

T = TypeVar("T", bound="DocumentDeleted")


@_attrs_define
class DocumentDeleted:
    """`document.deleted`'s `data`: what is left of a document deleted before anyone signed.
    Its file, signers and links are gone; its audit trail stays, closed by the deletion.

        Attributes:
            audit_head (str): The hash of the audit trail's last entry, the deletion
                (`GET /v1/documents/{id}/audit` still answers).
            custom (list[str]): Free strings returned in every document webhook (seed 004).
            deleted_at (datetime.datetime): Tenant clock.
            deleted_by (str): Who deleted it, as the audit trail names them (`api_key:…`, `operator:…`).
            id (str):
            name (str):
            number (None | str):
            status (DocumentDeletedStatus):
            tags (list[str]):
    """

    audit_head: str
    custom: list[str]
    deleted_at: datetime.datetime
    deleted_by: str
    id: str
    name: str
    number: None | str
    status: DocumentDeletedStatus
    tags: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        audit_head = self.audit_head

        custom = self.custom

        deleted_at = self.deleted_at.isoformat()

        deleted_by = self.deleted_by

        id = self.id

        name = self.name

        number: None | str
        number = self.number

        status = self.status.value

        tags = self.tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "audit_head": audit_head,
                "custom": custom,
                "deleted_at": deleted_at,
                "deleted_by": deleted_by,
                "id": id,
                "name": name,
                "number": number,
                "status": status,
                "tags": tags,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        audit_head = d.pop("audit_head")

        custom = cast(list[str], d.pop("custom"))

        deleted_at = datetime.datetime.fromisoformat(d.pop("deleted_at"))

        deleted_by = d.pop("deleted_by")

        id = d.pop("id")

        name = d.pop("name")

        def _parse_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        number = _parse_number(d.pop("number"))

        status = DocumentDeletedStatus(d.pop("status"))

        tags = cast(list[str], d.pop("tags"))

        document_deleted = cls(
            audit_head=audit_head,
            custom=custom,
            deleted_at=deleted_at,
            deleted_by=deleted_by,
            id=id,
            name=name,
            number=number,
            status=status,
            tags=tags,
        )

        document_deleted.additional_properties = d
        return document_deleted

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
