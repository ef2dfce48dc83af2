from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.document_to_approve import DocumentToApprove
    from ..models.otp_issued import OtpIssued
    from ..models.signer import Signer


T = TypeVar("T", bound="Approval")


@_attrs_define
class Approval:
    """The answer to an approval: the signer, the documents with their SHA-256, and where the
    code went.

        Attributes:
            documents (list[DocumentToApprove]):
            otp (OtpIssued): The one-time code an approval issued.
            signer (Signer): A signer as the API and the `signature.status_changed` webhook show it.
    """

    documents: list[DocumentToApprove]
    otp: OtpIssued
    signer: Signer
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        documents = []
        for documents_item_data in self.documents:
            documents_item = documents_item_data.to_dict()
            documents.append(documents_item)

        otp = self.otp.to_dict()

        signer = self.signer.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "documents": documents,
                "otp": otp,
                "signer": signer,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.document_to_approve import DocumentToApprove
        from ..models.otp_issued import OtpIssued
        from ..models.signer import Signer

        d = dict(src_dict)
        documents = []
        _documents = d.pop("documents")
        for documents_item_data in _documents:
            documents_item = DocumentToApprove.from_dict(documents_item_data)

            documents.append(documents_item)

        otp = OtpIssued.from_dict(d.pop("otp"))

        signer = Signer.from_dict(d.pop("signer"))

        approval = cls(
            documents=documents,
            otp=otp,
            signer=signer,
        )

        approval.additional_properties = d
        return approval

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
