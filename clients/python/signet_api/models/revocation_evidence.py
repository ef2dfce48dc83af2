from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.revocation_evidence_kind import RevocationEvidenceKind
from ..models.revocation_evidence_source import RevocationEvidenceSource
from ..models.revocation_evidence_status import RevocationEvidenceStatus

T = TypeVar("T", bound="RevocationEvidence")


@_attrs_define
class RevocationEvidence:
    """One OCSP response or CRL a verdict used.

    Attributes:
        certificate (str): The certificate it is about (subject, RFC 4514).
        issued_at (datetime.datetime): OCSP producedAt or CRL thisUpdate.
        kind (RevocationEvidenceKind):
        next_update (datetime.datetime | None): OCSP or CRL nextUpdate.
        reason (None | str): When revoked: the reason, in RFC 5280's names in snake case (`key_compromise`, …).
        revoked_at (datetime.datetime | None): When revoked: the revocation time.
        serial (str): Its serial number in lowercase hex.
        source (RevocationEvidenceSource):
        status (RevocationEvidenceStatus):
    """

    certificate: str
    issued_at: datetime.datetime
    kind: RevocationEvidenceKind
    next_update: datetime.datetime | None
    reason: None | str
    revoked_at: datetime.datetime | None
    serial: str
    source: RevocationEvidenceSource
    status: RevocationEvidenceStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        certificate = self.certificate

        issued_at = self.issued_at.isoformat()

        kind = self.kind.value

        next_update: None | str
        if isinstance(self.next_update, datetime.datetime):
            next_update = self.next_update.isoformat()
        else:
            next_update = self.next_update

        reason: None | str
        reason = self.reason

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        serial = self.serial

        source = self.source.value

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "certificate": certificate,
                "issued_at": issued_at,
                "kind": kind,
                "next_update": next_update,
                "reason": reason,
                "revoked_at": revoked_at,
                "serial": serial,
                "source": source,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        certificate = d.pop("certificate")

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        kind = RevocationEvidenceKind(d.pop("kind"))

        def _parse_next_update(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_update_type_0 = datetime.datetime.fromisoformat(data)

                return next_update_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_update = _parse_next_update(d.pop("next_update"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)

                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))

        serial = d.pop("serial")

        source = RevocationEvidenceSource(d.pop("source"))

        status = RevocationEvidenceStatus(d.pop("status"))

        revocation_evidence = cls(
            certificate=certificate,
            issued_at=issued_at,
            kind=kind,
            next_update=next_update,
            reason=reason,
            revoked_at=revoked_at,
            serial=serial,
            source=source,
            status=status,
        )

        revocation_evidence.additional_properties = d
        return revocation_evidence

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
