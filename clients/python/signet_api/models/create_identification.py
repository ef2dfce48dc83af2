from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.create_identification_language import CreateIdentificationLanguage
from ..models.create_identification_method import CreateIdentificationMethod
from ..models.create_identification_proof_of_address_type import (
    CreateIdentificationProofOfAddressType,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateIdentification")


@_attrs_define
class CreateIdentification:
    """
    Attributes:
        method (CreateIdentificationMethod):
        language (CreateIdentificationLanguage | None | Unset):
        proof_of_address_issued_at (datetime.date | None | Unset): The proof's date (`YYYY-MM-DD`): not older than 6
            months.
        proof_of_address_type (CreateIdentificationProofOfAddressType | None | Unset):
    """

    method: CreateIdentificationMethod
    language: CreateIdentificationLanguage | None | Unset = UNSET
    proof_of_address_issued_at: datetime.date | None | Unset = UNSET
    proof_of_address_type: CreateIdentificationProofOfAddressType | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        method = self.method.value

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        elif isinstance(self.language, CreateIdentificationLanguage):
            language = self.language.value
        else:
            language = self.language

        proof_of_address_issued_at: None | str | Unset
        if isinstance(self.proof_of_address_issued_at, Unset):
            proof_of_address_issued_at = UNSET
        elif isinstance(self.proof_of_address_issued_at, datetime.date):
            proof_of_address_issued_at = self.proof_of_address_issued_at.isoformat()
        else:
            proof_of_address_issued_at = self.proof_of_address_issued_at

        proof_of_address_type: None | str | Unset
        if isinstance(self.proof_of_address_type, Unset):
            proof_of_address_type = UNSET
        elif isinstance(
            self.proof_of_address_type, CreateIdentificationProofOfAddressType
        ):
            proof_of_address_type = self.proof_of_address_type.value
        else:
            proof_of_address_type = self.proof_of_address_type

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "method": method,
            }
        )
        if language is not UNSET:
            field_dict["language"] = language
        if proof_of_address_issued_at is not UNSET:
            field_dict["proof_of_address_issued_at"] = proof_of_address_issued_at
        if proof_of_address_type is not UNSET:
            field_dict["proof_of_address_type"] = proof_of_address_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        method = CreateIdentificationMethod(d.pop("method"))

        def _parse_language(
            data: object,
        ) -> CreateIdentificationLanguage | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                language_language = CreateIdentificationLanguage(data)

                return language_language
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateIdentificationLanguage | None | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        def _parse_proof_of_address_issued_at(
            data: object,
        ) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                proof_of_address_issued_at_type_0 = datetime.date.fromisoformat(data)

                return proof_of_address_issued_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        proof_of_address_issued_at = _parse_proof_of_address_issued_at(
            d.pop("proof_of_address_issued_at", UNSET)
        )

        def _parse_proof_of_address_type(
            data: object,
        ) -> CreateIdentificationProofOfAddressType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                proof_of_address_type_proof_of_address_type = (
                    CreateIdentificationProofOfAddressType(data)
                )

                return proof_of_address_type_proof_of_address_type
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateIdentificationProofOfAddressType | None | Unset, data)

        proof_of_address_type = _parse_proof_of_address_type(
            d.pop("proof_of_address_type", UNSET)
        )

        create_identification = cls(
            method=method,
            language=language,
            proof_of_address_issued_at=proof_of_address_issued_at,
            proof_of_address_type=proof_of_address_type,
        )

        return create_identification
