from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ScreeningList")


@_attrs_define
class ScreeningList:
    """An imported sanctions list.

    Attributes:
        entry_count (int):
        format_ (str): The file format it was last imported from (`ofac-sdn-xml`, …).
        id (str): The publisher: `ofac-sdn`, `eu-fsf`, `un-sc`, `uk-sanctions-list` or `opensanctions`.
        imported_at (datetime.datetime): Wall clock.
        source (str):
        version (str): The publication date or content hash the file declared.
    """

    entry_count: int
    format_: str
    id: str
    imported_at: datetime.datetime
    source: str
    version: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entry_count = self.entry_count

        format_ = self.format_

        id = self.id

        imported_at = self.imported_at.isoformat()

        source = self.source

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entry_count": entry_count,
                "format": format_,
                "id": id,
                "imported_at": imported_at,
                "source": source,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        entry_count = d.pop("entry_count")

        format_ = d.pop("format")

        id = d.pop("id")

        imported_at = datetime.datetime.fromisoformat(d.pop("imported_at"))

        source = d.pop("source")

        version = d.pop("version")

        screening_list = cls(
            entry_count=entry_count,
            format_=format_,
            id=id,
            imported_at=imported_at,
            source=source,
            version=version,
        )

        screening_list.additional_properties = d
        return screening_list

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
