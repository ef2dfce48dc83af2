from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audit_entry_details import AuditEntryDetails


T = TypeVar("T", bound="AuditEntry")


@_attrs_define
class AuditEntry:
    """One entry of a document's audit trail.

    Attributes:
        action (str): What happened: `document.created`, `signer.approved`, `signature.created`, …
        actor (str): Who acted: `api_key:…`, `signer:…`, `operator:…`, `system`.
        at (datetime.datetime): Tenant clock.
        details (AuditEntryDetails): What the action recorded; its keys depend on `action`.
        document_sha256 (str): SHA-256 of the file as it stood.
        hash_ (str): SHA-256 over `prev_hash` and the entry's canonical JSON.
        ip (None | str):
        prev_hash (str): The previous entry's `hash` (empty for the first).
        seq (int): 1 for the first entry, then one more each.
        signer_id (None | str):
        user_agent (None | str):
    """

    action: str
    actor: str
    at: datetime.datetime
    details: AuditEntryDetails
    document_sha256: str
    hash_: str
    ip: None | str
    prev_hash: str
    seq: int
    signer_id: None | str
    user_agent: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        actor = self.actor

        at = self.at.isoformat()

        details = self.details.to_dict()

        document_sha256 = self.document_sha256

        hash_ = self.hash_

        ip: None | str
        ip = self.ip

        prev_hash = self.prev_hash

        seq = self.seq

        signer_id: None | str
        signer_id = self.signer_id

        user_agent: None | str
        user_agent = self.user_agent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actor": actor,
                "at": at,
                "details": details,
                "document_sha256": document_sha256,
                "hash": hash_,
                "ip": ip,
                "prev_hash": prev_hash,
                "seq": seq,
                "signer_id": signer_id,
                "user_agent": user_agent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audit_entry_details import AuditEntryDetails

        d = dict(src_dict)
        action = d.pop("action")

        actor = d.pop("actor")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        details = AuditEntryDetails.from_dict(d.pop("details"))

        document_sha256 = d.pop("document_sha256")

        hash_ = d.pop("hash")

        def _parse_ip(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ip = _parse_ip(d.pop("ip"))

        prev_hash = d.pop("prev_hash")

        seq = d.pop("seq")

        def _parse_signer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        signer_id = _parse_signer_id(d.pop("signer_id"))

        def _parse_user_agent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_agent = _parse_user_agent(d.pop("user_agent"))

        audit_entry = cls(
            action=action,
            actor=actor,
            at=at,
            details=details,
            document_sha256=document_sha256,
            hash_=hash_,
            ip=ip,
            prev_hash=prev_hash,
            seq=seq,
            signer_id=signer_id,
            user_agent=user_agent,
        )

        audit_entry.additional_properties = d
        return audit_entry

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
