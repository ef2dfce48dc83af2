from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.person_create_tax_information_marital_status import (
    PersonCreateTaxInformationMaritalStatus,
)
from ..models.person_create_tax_information_tax_assessment import (
    PersonCreateTaxInformationTaxAssessment,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonCreateTaxInformation")


@_attrs_define
class PersonCreateTaxInformation:
    """
    Attributes:
        marital_status (None | PersonCreateTaxInformationMaritalStatus | Unset):
        tax_assessment (None | PersonCreateTaxInformationTaxAssessment | Unset):
    """

    marital_status: None | PersonCreateTaxInformationMaritalStatus | Unset = UNSET
    tax_assessment: None | PersonCreateTaxInformationTaxAssessment | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        marital_status: None | str | Unset
        if isinstance(self.marital_status, Unset):
            marital_status = UNSET
        elif isinstance(self.marital_status, PersonCreateTaxInformationMaritalStatus):
            marital_status = self.marital_status.value
        else:
            marital_status = self.marital_status

        tax_assessment: None | str | Unset
        if isinstance(self.tax_assessment, Unset):
            tax_assessment = UNSET
        elif isinstance(self.tax_assessment, PersonCreateTaxInformationTaxAssessment):
            tax_assessment = self.tax_assessment.value
        else:
            tax_assessment = self.tax_assessment

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if marital_status is not UNSET:
            field_dict["marital_status"] = marital_status
        if tax_assessment is not UNSET:
            field_dict["tax_assessment"] = tax_assessment

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_marital_status(
            data: object,
        ) -> None | PersonCreateTaxInformationMaritalStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                marital_status_marital_status = PersonCreateTaxInformationMaritalStatus(
                    data
                )

                return marital_status_marital_status
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonCreateTaxInformationMaritalStatus | Unset, data)

        marital_status = _parse_marital_status(d.pop("marital_status", UNSET))

        def _parse_tax_assessment(
            data: object,
        ) -> None | PersonCreateTaxInformationTaxAssessment | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tax_assessment_tax_assessment = PersonCreateTaxInformationTaxAssessment(
                    data
                )

                return tax_assessment_tax_assessment
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonCreateTaxInformationTaxAssessment | Unset, data)

        tax_assessment = _parse_tax_assessment(d.pop("tax_assessment", UNSET))

        person_create_tax_information = cls(
            marital_status=marital_status,
            tax_assessment=tax_assessment,
        )

        return person_create_tax_information
