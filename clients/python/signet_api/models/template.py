from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.template_status import TemplateStatus

if TYPE_CHECKING:
    from ..models.template_field import TemplateField


T = TypeVar("T", bound="Template")


@_attrs_define
class Template:
    """A document template (also the `data` of the `template.*` events).

    Attributes:
        created_at (datetime.datetime):
        fields (list[TemplateField]):
        id (str):  Example: 5f0c1f2a9d3b4e6f8a7b6c5d4e3f2a1btpl.
        name (str): 1 to 100 letters, digits, spaces and `.-_@`, unique among the tenant's templates in
            this mode. Example: Loan agreement.
        pages (int): The PDF's page count.
        reviewed_at (datetime.datetime | None): When a reviewer approved it; `null` for a draft, and where no review was
            required.
        roles (list[str]): The roles a document's signers take, each by one signer (`signers[i].role`). Example:
            ['Client', 'Bank'].
        sha256 (str): SHA-256 of the PDF, hex.
        size (int): The PDF's size in bytes.
        status (TemplateStatus): `approved`: documents may be sent from it; `draft`: it waits for a reviewer's approval
            (the tenant requires review), and a document from it is 422 `template_not_approved` (94).
        updated_at (datetime.datetime):
    """

    created_at: datetime.datetime
    fields: list[TemplateField]
    id: str
    name: str
    pages: int
    reviewed_at: datetime.datetime | None
    roles: list[str]
    sha256: str
    size: int
    status: TemplateStatus
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)

        id = self.id

        name = self.name

        pages = self.pages

        reviewed_at: None | str
        if isinstance(self.reviewed_at, datetime.datetime):
            reviewed_at = self.reviewed_at.isoformat()
        else:
            reviewed_at = self.reviewed_at

        roles = self.roles

        sha256 = self.sha256

        size = self.size

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "fields": fields,
                "id": id,
                "name": name,
                "pages": pages,
                "reviewed_at": reviewed_at,
                "roles": roles,
                "sha256": sha256,
                "size": size,
                "status": status,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.template_field import TemplateField

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = TemplateField.from_dict(fields_item_data)

            fields.append(fields_item)

        id = d.pop("id")

        name = d.pop("name")

        pages = d.pop("pages")

        def _parse_reviewed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reviewed_at_type_0 = datetime.datetime.fromisoformat(data)

                return reviewed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        reviewed_at = _parse_reviewed_at(d.pop("reviewed_at"))

        roles = cast(list[str], d.pop("roles"))

        sha256 = d.pop("sha256")

        size = d.pop("size")

        status = TemplateStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        template = cls(
            created_at=created_at,
            fields=fields,
            id=id,
            name=name,
            pages=pages,
            reviewed_at=reviewed_at,
            roles=roles,
            sha256=sha256,
            size=size,
            status=status,
            updated_at=updated_at,
        )

        template.additional_properties = d
        return template

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
