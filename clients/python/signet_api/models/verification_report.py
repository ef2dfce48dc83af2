from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.verification_report_revocation_policy import (
    VerificationReportRevocationPolicy,
)

if TYPE_CHECKING:
    from ..models.signature_check import SignatureCheck


T = TypeVar("T", bound="VerificationReport")


@_attrs_define
class VerificationReport:
    """The report of `POST /v1/verify`.

    Attributes:
        online (bool): Whether missing revocation data was fetched online (never by `POST /v1/verify`).
        produced_by_signet (bool): Every signature was written by Signet and passed, and the last covers the whole file:
            the file is exactly as Signet left it (judged against Signet's roots).
        revocation_policy (VerificationReportRevocationPolicy):
        signatures (list[SignatureCheck]): Every signature and document timestamp, in file order.
        test_mode (bool): Some signature was made in Signet's test mode.
        validation_time (datetime.datetime | None): The time certificates were judged at.
    """

    online: bool
    produced_by_signet: bool
    revocation_policy: VerificationReportRevocationPolicy
    signatures: list[SignatureCheck]
    test_mode: bool
    validation_time: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        online = self.online

        produced_by_signet = self.produced_by_signet

        revocation_policy = self.revocation_policy.value

        signatures = []
        for signatures_item_data in self.signatures:
            signatures_item = signatures_item_data.to_dict()
            signatures.append(signatures_item)

        test_mode = self.test_mode

        validation_time: None | str
        if isinstance(self.validation_time, datetime.datetime):
            validation_time = self.validation_time.isoformat()
        else:
            validation_time = self.validation_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "online": online,
                "produced_by_signet": produced_by_signet,
                "revocation_policy": revocation_policy,
                "signatures": signatures,
                "test_mode": test_mode,
                "validation_time": validation_time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.signature_check import SignatureCheck

        d = dict(src_dict)
        online = d.pop("online")

        produced_by_signet = d.pop("produced_by_signet")

        revocation_policy = VerificationReportRevocationPolicy(
            d.pop("revocation_policy")
        )

        signatures = []
        _signatures = d.pop("signatures")
        for signatures_item_data in _signatures:
            signatures_item = SignatureCheck.from_dict(signatures_item_data)

            signatures.append(signatures_item)

        test_mode = d.pop("test_mode")

        def _parse_validation_time(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                validation_time_type_0 = datetime.datetime.fromisoformat(data)

                return validation_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        validation_time = _parse_validation_time(d.pop("validation_time"))

        verification_report = cls(
            online=online,
            produced_by_signet=produced_by_signet,
            revocation_policy=revocation_policy,
            signatures=signatures,
            test_mode=test_mode,
            validation_time=validation_time,
        )

        verification_report.additional_properties = d
        return verification_report

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
