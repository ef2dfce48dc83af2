from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.signer_detail_document_status import SignerDetailDocumentStatus
from ..models.signer_status import SignerStatus

if TYPE_CHECKING:
    from ..models.document_to_approve import DocumentToApprove
    from ..models.selfie import Selfie


T = TypeVar("T", bound="SignerDetail")


@_attrs_define
class SignerDetail:
    """A signer with their document's status and the documents to approve (the API's answer to
    the signer's actions).

        Attributes:
            approve_by (datetime.datetime | None): The end of the 2-hour approval window.
            approved_at (datetime.datetime | None):
            asked_at (datetime.datetime | None):
            certificate_subject (None | str): The subject of the certificate that signed (advanced), or the seal's.
            confirm_by (datetime.datetime | None):
            created_at (datetime.datetime):
            document_id (str):
            email (None | str):
            expires_at (datetime.datetime | None): 24 hours after the signer was asked.
            failed_validations (int): Failed identity validations (killed codes, rejected selfies); the third blocks.
            id (str):
            message (None | str): The signer's message on rejection, or why they were blocked.
            name (str):
            person_id (None | str):
            phone (None | str): E.164.
            position (int): 0-based place in the signing order.
            rejected_at (datetime.datetime | None):
            selfie (None | Selfie):
            signed_at (datetime.datetime | None):
            status (SignerStatus):
            status_codes (list[int]): Seed 000's status codes of `status` (`GET /v1/codes?kind=signature_status_code`).
            updated_at (datetime.datetime):
            url (str): The signer's hosted page.
            document_status (SignerDetailDocumentStatus):
            documents (list[DocumentToApprove]):
    """

    approve_by: datetime.datetime | None
    approved_at: datetime.datetime | None
    asked_at: datetime.datetime | None
    certificate_subject: None | str
    confirm_by: datetime.datetime | None
    created_at: datetime.datetime
    document_id: str
    email: None | str
    expires_at: datetime.datetime | None
    failed_validations: int
    id: str
    message: None | str
    name: str
    person_id: None | str
    phone: None | str
    position: int
    rejected_at: datetime.datetime | None
    selfie: None | Selfie
    signed_at: datetime.datetime | None
    status: SignerStatus
    status_codes: list[int]
    updated_at: datetime.datetime
    url: str
    document_status: SignerDetailDocumentStatus
    documents: list[DocumentToApprove]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.selfie import Selfie

        approve_by: None | str
        if isinstance(self.approve_by, datetime.datetime):
            approve_by = self.approve_by.isoformat()
        else:
            approve_by = self.approve_by

        approved_at: None | str
        if isinstance(self.approved_at, datetime.datetime):
            approved_at = self.approved_at.isoformat()
        else:
            approved_at = self.approved_at

        asked_at: None | str
        if isinstance(self.asked_at, datetime.datetime):
            asked_at = self.asked_at.isoformat()
        else:
            asked_at = self.asked_at

        certificate_subject: None | str
        certificate_subject = self.certificate_subject

        confirm_by: None | str
        if isinstance(self.confirm_by, datetime.datetime):
            confirm_by = self.confirm_by.isoformat()
        else:
            confirm_by = self.confirm_by

        created_at = self.created_at.isoformat()

        document_id = self.document_id

        email: None | str
        email = self.email

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        failed_validations = self.failed_validations

        id = self.id

        message: None | str
        message = self.message

        name = self.name

        person_id: None | str
        person_id = self.person_id

        phone: None | str
        phone = self.phone

        position = self.position

        rejected_at: None | str
        if isinstance(self.rejected_at, datetime.datetime):
            rejected_at = self.rejected_at.isoformat()
        else:
            rejected_at = self.rejected_at

        selfie: dict[str, Any] | None
        if isinstance(self.selfie, Selfie):
            selfie = self.selfie.to_dict()
        else:
            selfie = self.selfie

        signed_at: None | str
        if isinstance(self.signed_at, datetime.datetime):
            signed_at = self.signed_at.isoformat()
        else:
            signed_at = self.signed_at

        status = self.status.value

        status_codes = self.status_codes

        updated_at = self.updated_at.isoformat()

        url = self.url

        document_status = self.document_status.value

        documents = []
        for documents_item_data in self.documents:
            documents_item = documents_item_data.to_dict()
            documents.append(documents_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approve_by": approve_by,
                "approved_at": approved_at,
                "asked_at": asked_at,
                "certificate_subject": certificate_subject,
                "confirm_by": confirm_by,
                "created_at": created_at,
                "document_id": document_id,
                "email": email,
                "expires_at": expires_at,
                "failed_validations": failed_validations,
                "id": id,
                "message": message,
                "name": name,
                "person_id": person_id,
                "phone": phone,
                "position": position,
                "rejected_at": rejected_at,
                "selfie": selfie,
                "signed_at": signed_at,
                "status": status,
                "status_codes": status_codes,
                "updated_at": updated_at,
                "url": url,
                "document_status": document_status,
                "documents": documents,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.document_to_approve import DocumentToApprove
        from ..models.selfie import Selfie

        d = dict(src_dict)

        def _parse_approve_by(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approve_by_type_0 = datetime.datetime.fromisoformat(data)

                return approve_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        approve_by = _parse_approve_by(d.pop("approve_by"))

        def _parse_approved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_at_type_0 = datetime.datetime.fromisoformat(data)

                return approved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        approved_at = _parse_approved_at(d.pop("approved_at"))

        def _parse_asked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                asked_at_type_0 = datetime.datetime.fromisoformat(data)

                return asked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        asked_at = _parse_asked_at(d.pop("asked_at"))

        def _parse_certificate_subject(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        certificate_subject = _parse_certificate_subject(d.pop("certificate_subject"))

        def _parse_confirm_by(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                confirm_by_type_0 = datetime.datetime.fromisoformat(data)

                return confirm_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        confirm_by = _parse_confirm_by(d.pop("confirm_by"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        document_id = d.pop("document_id")

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        failed_validations = d.pop("failed_validations")

        id = d.pop("id")

        def _parse_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        message = _parse_message(d.pop("message"))

        name = d.pop("name")

        def _parse_person_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        person_id = _parse_person_id(d.pop("person_id"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        position = d.pop("position")

        def _parse_rejected_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rejected_at_type_0 = datetime.datetime.fromisoformat(data)

                return rejected_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        rejected_at = _parse_rejected_at(d.pop("rejected_at"))

        def _parse_selfie(data: object) -> None | Selfie:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                selfie_type_1 = Selfie.from_dict(data)

                return selfie_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Selfie, data)

        selfie = _parse_selfie(d.pop("selfie"))

        def _parse_signed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_at_type_0 = datetime.datetime.fromisoformat(data)

                return signed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        signed_at = _parse_signed_at(d.pop("signed_at"))

        status = SignerStatus(d.pop("status"))

        status_codes = cast(list[int], d.pop("status_codes"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        url = d.pop("url")

        document_status = SignerDetailDocumentStatus(d.pop("document_status"))

        documents = []
        _documents = d.pop("documents")
        for documents_item_data in _documents:
            documents_item = DocumentToApprove.from_dict(documents_item_data)

            documents.append(documents_item)

        signer_detail = cls(
            approve_by=approve_by,
            approved_at=approved_at,
            asked_at=asked_at,
            certificate_subject=certificate_subject,
            confirm_by=confirm_by,
            created_at=created_at,
            document_id=document_id,
            email=email,
            expires_at=expires_at,
            failed_validations=failed_validations,
            id=id,
            message=message,
            name=name,
            person_id=person_id,
            phone=phone,
            position=position,
            rejected_at=rejected_at,
            selfie=selfie,
            signed_at=signed_at,
            status=status,
            status_codes=status_codes,
            updated_at=updated_at,
            url=url,
            document_status=document_status,
            documents=documents,
        )

        signer_detail.additional_properties = d
        return signer_detail

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
