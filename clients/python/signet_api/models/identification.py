from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.identification_failure_reason import IdentificationFailureReason
from ..models.identification_language import IdentificationLanguage
from ..models.identification_method import IdentificationMethod
from ..models.identification_proof_of_address_type import (
    IdentificationProofOfAddressType,
)
from ..models.identification_status import IdentificationStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.identification_address import IdentificationAddress
    from ..models.person_document import PersonDocument


T = TypeVar("T", bound="Identification")


@_attrs_define
class Identification:
    """An identification (seed 002): every field present, `null` where unknown.

    Attributes:
        authorization_expires_at (datetime.datetime | None):
        completed_at (datetime.datetime | None):
        confirmation_expires_at (datetime.datetime | None):
        created_at (datetime.datetime):
        estimated_waiting_time (int | None): Seconds; while `pending`.
        failure_reason (IdentificationFailureReason | None): A reason of seed 002's table (`GET
            /v1/codes?kind=identification_reason`).
        iban (None | str):
        id (str):
        language (IdentificationLanguage | None):
        method (IdentificationMethod):
        person_id (str):
        proof_of_address_issued_at (datetime.date | None):
        proof_of_address_type (IdentificationProofOfAddressType | None):
        reference (None | str):
        status (IdentificationStatus):
        terms_and_conditions_signed_at (datetime.datetime | None):
        updated_at (datetime.datetime):
        url (None | str): The hosted page the applicant opens; valid 14 days from the request.
        url_expires_at (datetime.datetime | None):
        address (IdentificationAddress | None | Unset): The person's address as it stood when the identification was
            read.
        documents (list[PersonDocument] | None | Unset): Only with `include_documents=true`: the files collected during
            the identification.
    """

    authorization_expires_at: datetime.datetime | None
    completed_at: datetime.datetime | None
    confirmation_expires_at: datetime.datetime | None
    created_at: datetime.datetime
    estimated_waiting_time: int | None
    failure_reason: IdentificationFailureReason | None
    iban: None | str
    id: str
    language: IdentificationLanguage | None
    method: IdentificationMethod
    person_id: str
    proof_of_address_issued_at: datetime.date | None
    proof_of_address_type: IdentificationProofOfAddressType | None
    reference: None | str
    status: IdentificationStatus
    terms_and_conditions_signed_at: datetime.datetime | None
    updated_at: datetime.datetime
    url: None | str
    url_expires_at: datetime.datetime | None
    address: IdentificationAddress | None | Unset = UNSET
    documents: list[PersonDocument] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.identification_address import IdentificationAddress

        authorization_expires_at: None | str
        if isinstance(self.authorization_expires_at, datetime.datetime):
            authorization_expires_at = self.authorization_expires_at.isoformat()
        else:
            authorization_expires_at = self.authorization_expires_at

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        confirmation_expires_at: None | str
        if isinstance(self.confirmation_expires_at, datetime.datetime):
            confirmation_expires_at = self.confirmation_expires_at.isoformat()
        else:
            confirmation_expires_at = self.confirmation_expires_at

        created_at = self.created_at.isoformat()

        estimated_waiting_time: int | None
        estimated_waiting_time = self.estimated_waiting_time

        failure_reason: None | str
        if isinstance(self.failure_reason, IdentificationFailureReason):
            failure_reason = self.failure_reason.value
        else:
            failure_reason = self.failure_reason

        iban: None | str
        iban = self.iban

        id = self.id

        language: None | str
        if isinstance(self.language, IdentificationLanguage):
            language = self.language.value
        else:
            language = self.language

        method = self.method.value

        person_id = self.person_id

        proof_of_address_issued_at: None | str
        if isinstance(self.proof_of_address_issued_at, datetime.date):
            proof_of_address_issued_at = self.proof_of_address_issued_at.isoformat()
        else:
            proof_of_address_issued_at = self.proof_of_address_issued_at

        proof_of_address_type: None | str
        if isinstance(self.proof_of_address_type, IdentificationProofOfAddressType):
            proof_of_address_type = self.proof_of_address_type.value
        else:
            proof_of_address_type = self.proof_of_address_type

        reference: None | str
        reference = self.reference

        status = self.status.value

        terms_and_conditions_signed_at: None | str
        if isinstance(self.terms_and_conditions_signed_at, datetime.datetime):
            terms_and_conditions_signed_at = (
                self.terms_and_conditions_signed_at.isoformat()
            )
        else:
            terms_and_conditions_signed_at = self.terms_and_conditions_signed_at

        updated_at = self.updated_at.isoformat()

        url: None | str
        url = self.url

        url_expires_at: None | str
        if isinstance(self.url_expires_at, datetime.datetime):
            url_expires_at = self.url_expires_at.isoformat()
        else:
            url_expires_at = self.url_expires_at

        address: dict[str, Any] | None | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        elif isinstance(self.address, IdentificationAddress):
            address = self.address.to_dict()
        else:
            address = self.address

        documents: list[dict[str, Any]] | None | Unset
        if isinstance(self.documents, Unset):
            documents = UNSET
        elif isinstance(self.documents, list):
            documents = []
            for documents_type_0_item_data in self.documents:
                documents_type_0_item = documents_type_0_item_data.to_dict()
                documents.append(documents_type_0_item)

        else:
            documents = self.documents

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "authorization_expires_at": authorization_expires_at,
                "completed_at": completed_at,
                "confirmation_expires_at": confirmation_expires_at,
                "created_at": created_at,
                "estimated_waiting_time": estimated_waiting_time,
                "failure_reason": failure_reason,
                "iban": iban,
                "id": id,
                "language": language,
                "method": method,
                "person_id": person_id,
                "proof_of_address_issued_at": proof_of_address_issued_at,
                "proof_of_address_type": proof_of_address_type,
                "reference": reference,
                "status": status,
                "terms_and_conditions_signed_at": terms_and_conditions_signed_at,
                "updated_at": updated_at,
                "url": url,
                "url_expires_at": url_expires_at,
            }
        )
        if address is not UNSET:
            field_dict["address"] = address
        if documents is not UNSET:
            field_dict["documents"] = documents

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.identification_address import IdentificationAddress
        from ..models.person_document import PersonDocument

        d = dict(src_dict)

        def _parse_authorization_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                authorization_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return authorization_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        authorization_expires_at = _parse_authorization_expires_at(
            d.pop("authorization_expires_at")
        )

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        def _parse_confirmation_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                confirmation_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return confirmation_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        confirmation_expires_at = _parse_confirmation_expires_at(
            d.pop("confirmation_expires_at")
        )

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_estimated_waiting_time(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        estimated_waiting_time = _parse_estimated_waiting_time(
            d.pop("estimated_waiting_time")
        )

        def _parse_failure_reason(data: object) -> IdentificationFailureReason | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                failure_reason_failure_reason = IdentificationFailureReason(data)

                return failure_reason_failure_reason
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IdentificationFailureReason | None, data)

        failure_reason = _parse_failure_reason(d.pop("failure_reason"))

        def _parse_iban(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        iban = _parse_iban(d.pop("iban"))

        id = d.pop("id")

        def _parse_language(data: object) -> IdentificationLanguage | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                language_language = IdentificationLanguage(data)

                return language_language
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IdentificationLanguage | None, data)

        language = _parse_language(d.pop("language"))

        method = IdentificationMethod(d.pop("method"))

        person_id = d.pop("person_id")

        def _parse_proof_of_address_issued_at(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                proof_of_address_issued_at_type_0 = datetime.date.fromisoformat(data)

                return proof_of_address_issued_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        proof_of_address_issued_at = _parse_proof_of_address_issued_at(
            d.pop("proof_of_address_issued_at")
        )

        def _parse_proof_of_address_type(
            data: object,
        ) -> IdentificationProofOfAddressType | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                proof_of_address_type_proof_of_address_type = (
                    IdentificationProofOfAddressType(data)
                )

                return proof_of_address_type_proof_of_address_type
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IdentificationProofOfAddressType | None, data)

        proof_of_address_type = _parse_proof_of_address_type(
            d.pop("proof_of_address_type")
        )

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))

        status = IdentificationStatus(d.pop("status"))

        def _parse_terms_and_conditions_signed_at(
            data: object,
        ) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                terms_and_conditions_signed_at_type_0 = datetime.datetime.fromisoformat(
                    data
                )

                return terms_and_conditions_signed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        terms_and_conditions_signed_at = _parse_terms_and_conditions_signed_at(
            d.pop("terms_and_conditions_signed_at")
        )

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        def _parse_url_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                url_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return url_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        url_expires_at = _parse_url_expires_at(d.pop("url_expires_at"))

        def _parse_address(data: object) -> IdentificationAddress | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                address_address = IdentificationAddress.from_dict(data)

                return address_address
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IdentificationAddress | None | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_documents(data: object) -> list[PersonDocument] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                documents_type_0 = []
                _documents_type_0 = data
                for documents_type_0_item_data in _documents_type_0:
                    documents_type_0_item = PersonDocument.from_dict(
                        documents_type_0_item_data
                    )

                    documents_type_0.append(documents_type_0_item)

                return documents_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PersonDocument] | None | Unset, data)

        documents = _parse_documents(d.pop("documents", UNSET))

        identification = cls(
            authorization_expires_at=authorization_expires_at,
            completed_at=completed_at,
            confirmation_expires_at=confirmation_expires_at,
            created_at=created_at,
            estimated_waiting_time=estimated_waiting_time,
            failure_reason=failure_reason,
            iban=iban,
            id=id,
            language=language,
            method=method,
            person_id=person_id,
            proof_of_address_issued_at=proof_of_address_issued_at,
            proof_of_address_type=proof_of_address_type,
            reference=reference,
            status=status,
            terms_and_conditions_signed_at=terms_and_conditions_signed_at,
            updated_at=updated_at,
            url=url,
            url_expires_at=url_expires_at,
            address=address,
            documents=documents,
        )

        identification.additional_properties = d
        return identification

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
