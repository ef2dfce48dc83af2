from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.person_tax_information_marital_status import (
    PersonTaxInformationMaritalStatus,
)
from ..models.person_tax_information_tax_assessment import (
    PersonTaxInformationTaxAssessment,
)

T = TypeVar("T", bound="PersonTaxInformation")


@_attrs_define
class PersonTaxInformation:
    """Writable on creation and by PATCH.

    Attributes:
        marital_status (None | PersonTaxInformationMaritalStatus):
        tax_assessment (None | PersonTaxInformationTaxAssessment):
    """

    marital_status: None | PersonTaxInformationMaritalStatus
    tax_assessment: None | PersonTaxInformationTaxAssessment
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        marital_status: None | str
        if isinstance(self.marital_status, PersonTaxInformationMaritalStatus):
            marital_status = self.marital_status.value
        else:
            marital_status = self.marital_status

        tax_assessment: None | str
        if isinstance(self.tax_assessment, PersonTaxInformationTaxAssessment):
            tax_assessment = self.tax_assessment.value
        else:
            tax_assessment = self.tax_assessment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "marital_status": marital_status,
                "tax_assessment": tax_assessment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_marital_status(
            data: object,
        ) -> None | PersonTaxInformationMaritalStatus:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                marital_status_marital_status = PersonTaxInformationMaritalStatus(data)

                return marital_status_marital_status
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonTaxInformationMaritalStatus, data)

        marital_status = _parse_marital_status(d.pop("marital_status"))

        def _parse_tax_assessment(
            data: object,
        ) -> None | PersonTaxInformationTaxAssessment:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tax_assessment_tax_assessment = PersonTaxInformationTaxAssessment(data)

                return tax_assessment_tax_assessment
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonTaxInformationTaxAssessment, data)

        tax_assessment = _parse_tax_assessment(d.pop("tax_assessment"))

        person_tax_information = cls(
            marital_status=marital_status,
            tax_assessment=tax_assessment,
        )

        person_tax_information.additional_properties = d
        return person_tax_information

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
