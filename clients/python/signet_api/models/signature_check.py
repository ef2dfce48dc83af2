from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.signature_check_detected_level import SignatureCheckDetectedLevel
from ..models.signature_check_indication import SignatureCheckIndication
from ..models.signature_check_later_changes import SignatureCheckLaterChanges

if TYPE_CHECKING:
    from ..models.revocation_evidence import RevocationEvidence


T = TypeVar("T", bound="SignatureCheck")


@_attrs_define
class SignatureCheck:
    """One signature or document timestamp of a verified file, as found and judged.

    Attributes:
        byte_range (list[int]): The signature's /ByteRange.
        certificate_subject (str): The signing certificate's subject (RFC 4514), empty if not found.
        claimed_level (str): The format /SubFilter claims: `PAdES`, `PKCS7`, `document-timestamp` or the SubFilter.
        claimed_time (datetime.datetime | None): The time claimed in /M.
        covers_whole_file (bool):
        details (list[str]): Human-readable reasons behind the indication.
        detected_level (SignatureCheckDetectedLevel):
        field (str): The signature field's full name.
        indication (SignatureCheckIndication): ETSI EN 319 102-1 indication.
        is_document_timestamp (bool):
        later_changes (SignatureCheckLaterChanges): What revisions after the signature changed.
        proof_of_existence (datetime.datetime | None): The earliest time a trusted timestamp proves the signature
            existed (its signature
            timestamp or a later document timestamp).
        revocation (list[RevocationEvidence]): The revocation evidence the verdict used, per certificate.
        signer (str): Who signed: the signature's /Name, else the certificate's common name.
        sub_indication (None | str): ETSI EN 319 102-1 sub-indication (`HASH_FAILURE`, `NO_CERTIFICATE_CHAIN_FOUND`, …).
        test_mode (bool): Made under Signet's test-mode CA: never a real signature, whatever name it carries.
        time (datetime.datetime | None): The best known signing time: the timestamp's if a valid one exists, else /M.
        timestamp_time (datetime.datetime | None): The time of the signature timestamp (or of the document timestamp
            itself).
        written_by_signet (bool): Whether the signature dictionary says Signet wrote it.
    """

    byte_range: list[int]
    certificate_subject: str
    claimed_level: str
    claimed_time: datetime.datetime | None
    covers_whole_file: bool
    details: list[str]
    detected_level: SignatureCheckDetectedLevel
    field: str
    indication: SignatureCheckIndication
    is_document_timestamp: bool
    later_changes: SignatureCheckLaterChanges
    proof_of_existence: datetime.datetime | None
    revocation: list[RevocationEvidence]
    signer: str
    sub_indication: None | str
    test_mode: bool
    time: datetime.datetime | None
    timestamp_time: datetime.datetime | None
    written_by_signet: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        byte_range = self.byte_range

        certificate_subject = self.certificate_subject

        claimed_level = self.claimed_level

        claimed_time: None | str
        if isinstance(self.claimed_time, datetime.datetime):
            claimed_time = self.claimed_time.isoformat()
        else:
            claimed_time = self.claimed_time

        covers_whole_file = self.covers_whole_file

        details = self.details

        detected_level = self.detected_level.value

        field = self.field

        indication = self.indication.value

        is_document_timestamp = self.is_document_timestamp

        later_changes = self.later_changes.value

        proof_of_existence: None | str
        if isinstance(self.proof_of_existence, datetime.datetime):
            proof_of_existence = self.proof_of_existence.isoformat()
        else:
            proof_of_existence = self.proof_of_existence

        revocation = []
        for revocation_item_data in self.revocation:
            revocation_item = revocation_item_data.to_dict()
            revocation.append(revocation_item)

        signer = self.signer

        sub_indication: None | str
        sub_indication = self.sub_indication

        test_mode = self.test_mode

        time: None | str
        if isinstance(self.time, datetime.datetime):
            time = self.time.isoformat()
        else:
            time = self.time

        timestamp_time: None | str
        if isinstance(self.timestamp_time, datetime.datetime):
            timestamp_time = self.timestamp_time.isoformat()
        else:
            timestamp_time = self.timestamp_time

        written_by_signet = self.written_by_signet

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "byte_range": byte_range,
                "certificate_subject": certificate_subject,
                "claimed_level": claimed_level,
                "claimed_time": claimed_time,
                "covers_whole_file": covers_whole_file,
                "details": details,
                "detected_level": detected_level,
                "field": field,
                "indication": indication,
                "is_document_timestamp": is_document_timestamp,
                "later_changes": later_changes,
                "proof_of_existence": proof_of_existence,
                "revocation": revocation,
                "signer": signer,
                "sub_indication": sub_indication,
                "test_mode": test_mode,
                "time": time,
                "timestamp_time": timestamp_time,
                "written_by_signet": written_by_signet,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.revocation_evidence import RevocationEvidence

        d = dict(src_dict)
        byte_range = cast(list[int], d.pop("byte_range"))

        certificate_subject = d.pop("certificate_subject")

        claimed_level = d.pop("claimed_level")

        def _parse_claimed_time(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                claimed_time_type_0 = datetime.datetime.fromisoformat(data)

                return claimed_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        claimed_time = _parse_claimed_time(d.pop("claimed_time"))

        covers_whole_file = d.pop("covers_whole_file")

        details = cast(list[str], d.pop("details"))

        detected_level = SignatureCheckDetectedLevel(d.pop("detected_level"))

        field = d.pop("field")

        indication = SignatureCheckIndication(d.pop("indication"))

        is_document_timestamp = d.pop("is_document_timestamp")

        later_changes = SignatureCheckLaterChanges(d.pop("later_changes"))

        def _parse_proof_of_existence(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                proof_of_existence_type_0 = datetime.datetime.fromisoformat(data)

                return proof_of_existence_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        proof_of_existence = _parse_proof_of_existence(d.pop("proof_of_existence"))

        revocation = []
        _revocation = d.pop("revocation")
        for revocation_item_data in _revocation:
            revocation_item = RevocationEvidence.from_dict(revocation_item_data)

            revocation.append(revocation_item)

        signer = d.pop("signer")

        def _parse_sub_indication(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sub_indication = _parse_sub_indication(d.pop("sub_indication"))

        test_mode = d.pop("test_mode")

        def _parse_time(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                time_type_0 = datetime.datetime.fromisoformat(data)

                return time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        time = _parse_time(d.pop("time"))

        def _parse_timestamp_time(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                timestamp_time_type_0 = datetime.datetime.fromisoformat(data)

                return timestamp_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        timestamp_time = _parse_timestamp_time(d.pop("timestamp_time"))

        written_by_signet = d.pop("written_by_signet")

        signature_check = cls(
            byte_range=byte_range,
            certificate_subject=certificate_subject,
            claimed_level=claimed_level,
            claimed_time=claimed_time,
            covers_whole_file=covers_whole_file,
            details=details,
            detected_level=detected_level,
            field=field,
            indication=indication,
            is_document_timestamp=is_document_timestamp,
            later_changes=later_changes,
            proof_of_existence=proof_of_existence,
            revocation=revocation,
            signer=signer,
            sub_indication=sub_indication,
            test_mode=test_mode,
            time=time,
            timestamp_time=timestamp_time,
            written_by_signet=written_by_signet,
        )

        signature_check.additional_properties = d
        return signature_check

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
