from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audit_entry import AuditEntry


T = TypeVar("T", bound="AuditTrail")


@_attrs_define
class AuditTrail:
    """A document's audit trail: one page of its entries, and the verdict on the whole chain.

    Attributes:
        chain_valid (bool): False when an entry was edited, removed or reordered after it was written.
        document_id (str):
        entries (list[AuditEntry]): This page of the trail, oldest first.
        entry_count (int):
        first_broken_seq (int | None): The first entry that does not chain, when `chain_valid` is false.
        head (None | str): The last entry's `hash`.
    """

    chain_valid: bool
    document_id: str
    entries: list[AuditEntry]
    entry_count: int
    first_broken_seq: int | None
    head: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chain_valid = self.chain_valid

        document_id = self.document_id

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

        entry_count = self.entry_count

        first_broken_seq: int | None
        first_broken_seq = self.first_broken_seq

        head: None | str
        head = self.head

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "chain_valid": chain_valid,
                "document_id": document_id,
                "entries": entries,
                "entry_count": entry_count,
                "first_broken_seq": first_broken_seq,
                "head": head,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audit_entry import AuditEntry

        d = dict(src_dict)
        chain_valid = d.pop("chain_valid")

        document_id = d.pop("document_id")

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = AuditEntry.from_dict(entries_item_data)

            entries.append(entries_item)

        entry_count = d.pop("entry_count")

        def _parse_first_broken_seq(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        first_broken_seq = _parse_first_broken_seq(d.pop("first_broken_seq"))

        def _parse_head(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        head = _parse_head(d.pop("head"))

        audit_trail = cls(
            chain_valid=chain_valid,
            document_id=document_id,
            entries=entries,
            entry_count=entry_count,
            first_broken_seq=first_broken_seq,
            head=head,
        )

        audit_trail.additional_properties = d
        return audit_trail

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
