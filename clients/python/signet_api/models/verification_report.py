from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.signature_check import SignatureCheck


T = TypeVar("T", bound="VerificationReport")


@_attrs_define
class VerificationReport:
    """The report of `POST /v1/verify`.

    Attributes:
        produced_by_signet (bool): Every signature was written by Signet and passed, and the last covers the whole file:
            the file is exactly as Signet left it (judged against Signet's roots).
        signatures (list[SignatureCheck]): Every signature and document timestamp, in file order.
        test_mode (bool): Some signature was made in Signet's test mode.
    """

    produced_by_signet: bool
    signatures: list[SignatureCheck]
    test_mode: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        produced_by_signet = self.produced_by_signet

        signatures = []
        for signatures_item_data in self.signatures:
            signatures_item = signatures_item_data.to_dict()
            signatures.append(signatures_item)

        test_mode = self.test_mode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "produced_by_signet": produced_by_signet,
                "signatures": signatures,
                "test_mode": test_mode,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.signature_check import SignatureCheck

        d = dict(src_dict)
        produced_by_signet = d.pop("produced_by_signet")

        signatures = []
        _signatures = d.pop("signatures")
        for signatures_item_data in _signatures:
            signatures_item = SignatureCheck.from_dict(signatures_item_data)

            signatures.append(signatures_item)

        test_mode = d.pop("test_mode")

        verification_report = cls(
            produced_by_signet=produced_by_signet,
            signatures=signatures,
            test_mode=test_mode,
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
