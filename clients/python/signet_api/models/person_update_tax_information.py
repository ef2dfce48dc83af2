from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.person_update_tax_information_marital_status import (
    PersonUpdateTaxInformationMaritalStatus,
)
from ..models.person_update_tax_information_tax_assessment import (
    PersonUpdateTaxInformationTaxAssessment,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonUpdateTaxInformation")


@_attrs_define
class PersonUpdateTaxInformation:
    """
    Attributes:
        marital_status (None | PersonUpdateTaxInformationMaritalStatus | Unset):
        tax_assessment (None | PersonUpdateTaxInformationTaxAssessment | Unset):
    """

    marital_status: None | PersonUpdateTaxInformationMaritalStatus | Unset = UNSET
    tax_assessment: None | PersonUpdateTaxInformationTaxAssessment | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        marital_status: None | str | Unset
        if isinstance(self.marital_status, Unset):
            marital_status = UNSET
        elif isinstance(self.marital_status, PersonUpdateTaxInformationMaritalStatus):
            marital_status = self.marital_status.value
        else:
            marital_status = self.marital_status

        tax_assessment: None | str | Unset
        if isinstance(self.tax_assessment, Unset):
            tax_assessment = UNSET
        elif isinstance(self.tax_assessment, PersonUpdateTaxInformationTaxAssessment):
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
        ) -> None | PersonUpdateTaxInformationMaritalStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                marital_status_marital_status = PersonUpdateTaxInformationMaritalStatus(
                    data
                )

                return marital_status_marital_status
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonUpdateTaxInformationMaritalStatus | Unset, data)

        marital_status = _parse_marital_status(d.pop("marital_status", UNSET))

        def _parse_tax_assessment(
            data: object,
        ) -> None | PersonUpdateTaxInformationTaxAssessment | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tax_assessment_tax_assessment = PersonUpdateTaxInformationTaxAssessment(
                    data
                )

                return tax_assessment_tax_assessment
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonUpdateTaxInformationTaxAssessment | Unset, data)

        tax_assessment = _parse_tax_assessment(d.pop("tax_assessment", UNSET))

        person_update_tax_information = cls(
            marital_status=marital_status,
            tax_assessment=tax_assessment,
        )

        return person_update_tax_information
