from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.person_customer_vetting_status import PersonCustomerVettingStatus
from ..models.person_employment_status import PersonEmploymentStatus
from ..models.person_risk_classification_status import PersonRiskClassificationStatus
from ..models.person_salutation import PersonSalutation
from ..models.person_screening_progress import PersonScreeningProgress

if TYPE_CHECKING:
    from ..models.person_address import PersonAddress
    from ..models.person_contact_address import PersonContactAddress
    from ..models.person_tax_information import PersonTaxInformation


T = TypeVar("T", bound="Person")


@_attrs_define
class Person:
    """
    Attributes:
        address (PersonAddress): Writable on creation and by PATCH.
        aml_confirmed_on (datetime.date | None): Writable on creation and by PATCH.
        aml_follow_up_date (datetime.date | None): Read-only.
        annual_income_range (None | str): Writable on creation and by PATCH.
        birth_city (None | str): Writable on creation only.
        birth_country (None | str): Writable on creation only.
        birth_date (datetime.date | None): Writable on creation only.
        birth_name (None | str): Writable on creation only.
        birth_post_code (None | str): Writable on creation and by PATCH.
        birth_province (None | str): Writable on creation and by PATCH.
        branch (None | str): Writable on creation and by PATCH.
        business_address_line_1 (None | str): Writable on creation and by PATCH.
        business_address_line_2 (None | str): Writable on creation and by PATCH.
        business_city (None | str): Writable on creation and by PATCH.
        business_country (None | str): Writable on creation and by PATCH.
        business_postal_code (None | str): Writable on creation and by PATCH.
        business_purpose (None | str): Writable on creation and by PATCH.
        business_state (None | str): Writable on creation only.
        business_trading_name (None | str): Writable on creation and by PATCH.
        contact_address (PersonContactAddress): Writable on creation and by PATCH.
        created_at (datetime.datetime): Read-only.
        customer_vetting_status (PersonCustomerVettingStatus): Read-only.
        data_terms_signed_at (datetime.datetime | None): Writable on creation and by PATCH.
        email (None | str): Writable on creation and by PATCH.
        employment_status (None | PersonEmploymentStatus): Writable on creation and by PATCH.
        expected_monthly_revenue_cents (int | None): Writable on creation and by PATCH.
        fatca_crs_confirmed_at (datetime.datetime | None): Writable on creation and by PATCH.
        fatca_relevant (bool | None): Writable on creation and by PATCH.
        first_name (str): Writable on creation only.
        flagged_by_compliance (bool): Read-only.
        id (str): Read-only.
        industry (None | str): Writable on creation and by PATCH.
        industry_key (None | str): Writable on creation and by PATCH.
        international_operativity_expectation (list[str]):
        job_title (None | str): Writable on creation and by PATCH.
        last_name (str): Writable on creation only.
        legitimation_valid_until (datetime.date | None): Read-only.
        main_income_source (None | str): Writable on creation and by PATCH.
        mobile_number (None | str): Writable on creation only.
        nace_code (None | str): Writable on creation and by PATCH.
        nationality (None | str): Writable on creation only.
        own_economic_interest_signed_at (datetime.datetime | None): Writable on creation and by PATCH.
        purpose_of_account_opening (None | str): Writable on creation and by PATCH.
        registration_number (None | str): Writable on creation and by PATCH.
        risk_classification_status (PersonRiskClassificationStatus): Read-only.
        salutation (None | PersonSalutation): Writable on creation and by PATCH.
        screening_progress (PersonScreeningProgress): Read-only.
        self_declared_as_pep (bool | None): Writable on creation and by PATCH.
        socioprofessional_category (None | str): Writable on creation and by PATCH.
        tax_information (PersonTaxInformation): Writable on creation and by PATCH.
        terms_conditions_signed_at (datetime.datetime | None): Writable on creation only.
        title (None | str): Writable on creation and by PATCH.
        updated_at (datetime.datetime): Read-only.
        vat_number (None | str): Writable on creation and by PATCH.
        verified_mobile_number (None | str): Read-only.
        website_social_media (None | str): Writable on creation and by PATCH.
        work_country (None | str): Writable on creation and by PATCH.
        work_province (None | str): Writable on creation and by PATCH.
    """

    address: PersonAddress
    aml_confirmed_on: datetime.date | None
    aml_follow_up_date: datetime.date | None
    annual_income_range: None | str
    birth_city: None | str
    birth_country: None | str
    birth_date: datetime.date | None
    birth_name: None | str
    birth_post_code: None | str
    birth_province: None | str
    branch: None | str
    business_address_line_1: None | str
    business_address_line_2: None | str
    business_city: None | str
    business_country: None | str
    business_postal_code: None | str
    business_purpose: None | str
    business_state: None | str
    business_trading_name: None | str
    contact_address: PersonContactAddress
    created_at: datetime.datetime
    customer_vetting_status: PersonCustomerVettingStatus
    data_terms_signed_at: datetime.datetime | None
    email: None | str
    employment_status: None | PersonEmploymentStatus
    expected_monthly_revenue_cents: int | None
    fatca_crs_confirmed_at: datetime.datetime | None
    fatca_relevant: bool | None
    first_name: str
    flagged_by_compliance: bool
    id: str
    industry: None | str
    industry_key: None | str
    international_operativity_expectation: list[str]
    job_title: None | str
    last_name: str
    legitimation_valid_until: datetime.date | None
    main_income_source: None | str
    mobile_number: None | str
    nace_code: None | str
    nationality: None | str
    own_economic_interest_signed_at: datetime.datetime | None
    purpose_of_account_opening: None | str
    registration_number: None | str
    risk_classification_status: PersonRiskClassificationStatus
    salutation: None | PersonSalutation
    screening_progress: PersonScreeningProgress
    self_declared_as_pep: bool | None
    socioprofessional_category: None | str
    tax_information: PersonTaxInformation
    terms_conditions_signed_at: datetime.datetime | None
    title: None | str
    updated_at: datetime.datetime
    vat_number: None | str
    verified_mobile_number: None | str
    website_social_media: None | str
    work_country: None | str
    work_province: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address = self.address.to_dict()

        aml_confirmed_on: None | str
        if isinstance(self.aml_confirmed_on, datetime.date):
            aml_confirmed_on = self.aml_confirmed_on.isoformat()
        else:
            aml_confirmed_on = self.aml_confirmed_on

        aml_follow_up_date: None | str
        if isinstance(self.aml_follow_up_date, datetime.date):
            aml_follow_up_date = self.aml_follow_up_date.isoformat()
        else:
            aml_follow_up_date = self.aml_follow_up_date

        annual_income_range: None | str
        annual_income_range = self.annual_income_range

        birth_city: None | str
        birth_city = self.birth_city

        birth_country: None | str
        birth_country = self.birth_country

        birth_date: None | str
        if isinstance(self.birth_date, datetime.date):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

        birth_name: None | str
        birth_name = self.birth_name

        birth_post_code: None | str
        birth_post_code = self.birth_post_code

        birth_province: None | str
        birth_province = self.birth_province

        branch: None | str
        branch = self.branch

        business_address_line_1: None | str
        business_address_line_1 = self.business_address_line_1

        business_address_line_2: None | str
        business_address_line_2 = self.business_address_line_2

        business_city: None | str
        business_city = self.business_city

        business_country: None | str
        business_country = self.business_country

        business_postal_code: None | str
        business_postal_code = self.business_postal_code

        business_purpose: None | str
        business_purpose = self.business_purpose

        business_state: None | str
        business_state = self.business_state

        business_trading_name: None | str
        business_trading_name = self.business_trading_name

        contact_address = self.contact_address.to_dict()

        created_at = self.created_at.isoformat()

        customer_vetting_status = self.customer_vetting_status.value

        data_terms_signed_at: None | str
        if isinstance(self.data_terms_signed_at, datetime.datetime):
            data_terms_signed_at = self.data_terms_signed_at.isoformat()
        else:
            data_terms_signed_at = self.data_terms_signed_at

        email: None | str
        email = self.email

        employment_status: None | str
        if isinstance(self.employment_status, PersonEmploymentStatus):
            employment_status = self.employment_status.value
        else:
            employment_status = self.employment_status

        expected_monthly_revenue_cents: int | None
        expected_monthly_revenue_cents = self.expected_monthly_revenue_cents

        fatca_crs_confirmed_at: None | str
        if isinstance(self.fatca_crs_confirmed_at, datetime.datetime):
            fatca_crs_confirmed_at = self.fatca_crs_confirmed_at.isoformat()
        else:
            fatca_crs_confirmed_at = self.fatca_crs_confirmed_at

        fatca_relevant: bool | None
        fatca_relevant = self.fatca_relevant

        first_name = self.first_name

        flagged_by_compliance = self.flagged_by_compliance

        id = self.id

        industry: None | str
        industry = self.industry

        industry_key: None | str
        industry_key = self.industry_key

        international_operativity_expectation = (
            self.international_operativity_expectation
        )

        job_title: None | str
        job_title = self.job_title

        last_name = self.last_name

        legitimation_valid_until: None | str
        if isinstance(self.legitimation_valid_until, datetime.date):
            legitimation_valid_until = self.legitimation_valid_until.isoformat()
        else:
            legitimation_valid_until = self.legitimation_valid_until

        main_income_source: None | str
        main_income_source = self.main_income_source

        mobile_number: None | str
        mobile_number = self.mobile_number

        nace_code: None | str
        nace_code = self.nace_code

        nationality: None | str
        nationality = self.nationality

        own_economic_interest_signed_at: None | str
        if isinstance(self.own_economic_interest_signed_at, datetime.datetime):
            own_economic_interest_signed_at = (
                self.own_economic_interest_signed_at.isoformat()
            )
        else:
            own_economic_interest_signed_at = self.own_economic_interest_signed_at

        purpose_of_account_opening: None | str
        purpose_of_account_opening = self.purpose_of_account_opening

        registration_number: None | str
        registration_number = self.registration_number

        risk_classification_status = self.risk_classification_status.value

        salutation: None | str
        if isinstance(self.salutation, PersonSalutation):
            salutation = self.salutation.value
        else:
            salutation = self.salutation

        screening_progress = self.screening_progress.value

        self_declared_as_pep: bool | None
        self_declared_as_pep = self.self_declared_as_pep

        socioprofessional_category: None | str
        socioprofessional_category = self.socioprofessional_category

        tax_information = self.tax_information.to_dict()

        terms_conditions_signed_at: None | str
        if isinstance(self.terms_conditions_signed_at, datetime.datetime):
            terms_conditions_signed_at = self.terms_conditions_signed_at.isoformat()
        else:
            terms_conditions_signed_at = self.terms_conditions_signed_at

        title: None | str
        title = self.title

        updated_at = self.updated_at.isoformat()

        vat_number: None | str
        vat_number = self.vat_number

        verified_mobile_number: None | str
        verified_mobile_number = self.verified_mobile_number

        website_social_media: None | str
        website_social_media = self.website_social_media

        work_country: None | str
        work_country = self.work_country

        work_province: None | str
        work_province = self.work_province

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "aml_confirmed_on": aml_confirmed_on,
                "aml_follow_up_date": aml_follow_up_date,
                "annual_income_range": annual_income_range,
                "birth_city": birth_city,
                "birth_country": birth_country,
                "birth_date": birth_date,
                "birth_name": birth_name,
                "birth_post_code": birth_post_code,
                "birth_province": birth_province,
                "branch": branch,
                "business_address_line_1": business_address_line_1,
                "business_address_line_2": business_address_line_2,
                "business_city": business_city,
                "business_country": business_country,
                "business_postal_code": business_postal_code,
                "business_purpose": business_purpose,
                "business_state": business_state,
                "business_trading_name": business_trading_name,
                "contact_address": contact_address,
                "created_at": created_at,
                "customer_vetting_status": customer_vetting_status,
                "data_terms_signed_at": data_terms_signed_at,
                "email": email,
                "employment_status": employment_status,
                "expected_monthly_revenue_cents": expected_monthly_revenue_cents,
                "fatca_crs_confirmed_at": fatca_crs_confirmed_at,
                "fatca_relevant": fatca_relevant,
                "first_name": first_name,
                "flagged_by_compliance": flagged_by_compliance,
                "id": id,
                "industry": industry,
                "industry_key": industry_key,
                "international_operativity_expectation": international_operativity_expectation,
                "job_title": job_title,
                "last_name": last_name,
                "legitimation_valid_until": legitimation_valid_until,
                "main_income_source": main_income_source,
                "mobile_number": mobile_number,
                "nace_code": nace_code,
                "nationality": nationality,
                "own_economic_interest_signed_at": own_economic_interest_signed_at,
                "purpose_of_account_opening": purpose_of_account_opening,
                "registration_number": registration_number,
                "risk_classification_status": risk_classification_status,
                "salutation": salutation,
                "screening_progress": screening_progress,
                "self_declared_as_pep": self_declared_as_pep,
                "socioprofessional_category": socioprofessional_category,
                "tax_information": tax_information,
                "terms_conditions_signed_at": terms_conditions_signed_at,
                "title": title,
                "updated_at": updated_at,
                "vat_number": vat_number,
                "verified_mobile_number": verified_mobile_number,
                "website_social_media": website_social_media,
                "work_country": work_country,
                "work_province": work_province,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.person_address import PersonAddress
        from ..models.person_contact_address import PersonContactAddress
        from ..models.person_tax_information import PersonTaxInformation

        d = dict(src_dict)
        address = PersonAddress.from_dict(d.pop("address"))

        def _parse_aml_confirmed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                aml_confirmed_on_type_0 = datetime.date.fromisoformat(data)

                return aml_confirmed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        aml_confirmed_on = _parse_aml_confirmed_on(d.pop("aml_confirmed_on"))

        def _parse_aml_follow_up_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                aml_follow_up_date_type_0 = datetime.date.fromisoformat(data)

                return aml_follow_up_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        aml_follow_up_date = _parse_aml_follow_up_date(d.pop("aml_follow_up_date"))

        def _parse_annual_income_range(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        annual_income_range = _parse_annual_income_range(d.pop("annual_income_range"))

        def _parse_birth_city(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        birth_city = _parse_birth_city(d.pop("birth_city"))

        def _parse_birth_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        birth_country = _parse_birth_country(d.pop("birth_country"))

        def _parse_birth_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birth_date_type_0 = datetime.date.fromisoformat(data)

                return birth_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        birth_date = _parse_birth_date(d.pop("birth_date"))

        def _parse_birth_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        birth_name = _parse_birth_name(d.pop("birth_name"))

        def _parse_birth_post_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        birth_post_code = _parse_birth_post_code(d.pop("birth_post_code"))

        def _parse_birth_province(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        birth_province = _parse_birth_province(d.pop("birth_province"))

        def _parse_branch(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        branch = _parse_branch(d.pop("branch"))

        def _parse_business_address_line_1(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        business_address_line_1 = _parse_business_address_line_1(
            d.pop("business_address_line_1")
        )

        def _parse_business_address_line_2(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        business_address_line_2 = _parse_business_address_line_2(
            d.pop("business_address_line_2")
        )

        def _parse_business_city(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        business_city = _parse_business_city(d.pop("business_city"))

        def _parse_business_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        business_country = _parse_business_country(d.pop("business_country"))

        def _parse_business_postal_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        business_postal_code = _parse_business_postal_code(
            d.pop("business_postal_code")
        )

        def _parse_business_purpose(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        business_purpose = _parse_business_purpose(d.pop("business_purpose"))

        def _parse_business_state(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        business_state = _parse_business_state(d.pop("business_state"))

        def _parse_business_trading_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        business_trading_name = _parse_business_trading_name(
            d.pop("business_trading_name")
        )

        contact_address = PersonContactAddress.from_dict(d.pop("contact_address"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        customer_vetting_status = PersonCustomerVettingStatus(
            d.pop("customer_vetting_status")
        )

        def _parse_data_terms_signed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                data_terms_signed_at_type_0 = datetime.datetime.fromisoformat(data)

                return data_terms_signed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        data_terms_signed_at = _parse_data_terms_signed_at(
            d.pop("data_terms_signed_at")
        )

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_employment_status(data: object) -> None | PersonEmploymentStatus:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                employment_status_employment_status = PersonEmploymentStatus(data)

                return employment_status_employment_status
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonEmploymentStatus, data)

        employment_status = _parse_employment_status(d.pop("employment_status"))

        def _parse_expected_monthly_revenue_cents(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        expected_monthly_revenue_cents = _parse_expected_monthly_revenue_cents(
            d.pop("expected_monthly_revenue_cents")
        )

        def _parse_fatca_crs_confirmed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                fatca_crs_confirmed_at_type_0 = datetime.datetime.fromisoformat(data)

                return fatca_crs_confirmed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        fatca_crs_confirmed_at = _parse_fatca_crs_confirmed_at(
            d.pop("fatca_crs_confirmed_at")
        )

        def _parse_fatca_relevant(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        fatca_relevant = _parse_fatca_relevant(d.pop("fatca_relevant"))

        first_name = d.pop("first_name")

        flagged_by_compliance = d.pop("flagged_by_compliance")

        id = d.pop("id")

        def _parse_industry(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        industry = _parse_industry(d.pop("industry"))

        def _parse_industry_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        industry_key = _parse_industry_key(d.pop("industry_key"))

        international_operativity_expectation = cast(
            list[str], d.pop("international_operativity_expectation")
        )

        def _parse_job_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        job_title = _parse_job_title(d.pop("job_title"))

        last_name = d.pop("last_name")

        def _parse_legitimation_valid_until(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                legitimation_valid_until_type_0 = datetime.date.fromisoformat(data)

                return legitimation_valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        legitimation_valid_until = _parse_legitimation_valid_until(
            d.pop("legitimation_valid_until")
        )

        def _parse_main_income_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        main_income_source = _parse_main_income_source(d.pop("main_income_source"))

        def _parse_mobile_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        mobile_number = _parse_mobile_number(d.pop("mobile_number"))

        def _parse_nace_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nace_code = _parse_nace_code(d.pop("nace_code"))

        def _parse_nationality(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nationality = _parse_nationality(d.pop("nationality"))

        def _parse_own_economic_interest_signed_at(
            data: object,
        ) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                own_economic_interest_signed_at_type_0 = (
                    datetime.datetime.fromisoformat(data)
                )

                return own_economic_interest_signed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        own_economic_interest_signed_at = _parse_own_economic_interest_signed_at(
            d.pop("own_economic_interest_signed_at")
        )

        def _parse_purpose_of_account_opening(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        purpose_of_account_opening = _parse_purpose_of_account_opening(
            d.pop("purpose_of_account_opening")
        )

        def _parse_registration_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        registration_number = _parse_registration_number(d.pop("registration_number"))

        risk_classification_status = PersonRiskClassificationStatus(
            d.pop("risk_classification_status")
        )

        def _parse_salutation(data: object) -> None | PersonSalutation:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                salutation_salutation = PersonSalutation(data)

                return salutation_salutation
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonSalutation, data)

        salutation = _parse_salutation(d.pop("salutation"))

        screening_progress = PersonScreeningProgress(d.pop("screening_progress"))

        def _parse_self_declared_as_pep(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        self_declared_as_pep = _parse_self_declared_as_pep(
            d.pop("self_declared_as_pep")
        )

        def _parse_socioprofessional_category(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        socioprofessional_category = _parse_socioprofessional_category(
            d.pop("socioprofessional_category")
        )

        tax_information = PersonTaxInformation.from_dict(d.pop("tax_information"))

        def _parse_terms_conditions_signed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                terms_conditions_signed_at_type_0 = datetime.datetime.fromisoformat(
                    data
                )

                return terms_conditions_signed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        terms_conditions_signed_at = _parse_terms_conditions_signed_at(
            d.pop("terms_conditions_signed_at")
        )

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_vat_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        vat_number = _parse_vat_number(d.pop("vat_number"))

        def _parse_verified_mobile_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        verified_mobile_number = _parse_verified_mobile_number(
            d.pop("verified_mobile_number")
        )

        def _parse_website_social_media(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        website_social_media = _parse_website_social_media(
            d.pop("website_social_media")
        )

        def _parse_work_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        work_country = _parse_work_country(d.pop("work_country"))

        def _parse_work_province(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        work_province = _parse_work_province(d.pop("work_province"))

        person = cls(
            address=address,
            aml_confirmed_on=aml_confirmed_on,
            aml_follow_up_date=aml_follow_up_date,
            annual_income_range=annual_income_range,
            birth_city=birth_city,
            birth_country=birth_country,
            birth_date=birth_date,
            birth_name=birth_name,
            birth_post_code=birth_post_code,
            birth_province=birth_province,
            branch=branch,
            business_address_line_1=business_address_line_1,
            business_address_line_2=business_address_line_2,
            business_city=business_city,
            business_country=business_country,
            business_postal_code=business_postal_code,
            business_purpose=business_purpose,
            business_state=business_state,
            business_trading_name=business_trading_name,
            contact_address=contact_address,
            created_at=created_at,
            customer_vetting_status=customer_vetting_status,
            data_terms_signed_at=data_terms_signed_at,
            email=email,
            employment_status=employment_status,
            expected_monthly_revenue_cents=expected_monthly_revenue_cents,
            fatca_crs_confirmed_at=fatca_crs_confirmed_at,
            fatca_relevant=fatca_relevant,
            first_name=first_name,
            flagged_by_compliance=flagged_by_compliance,
            id=id,
            industry=industry,
            industry_key=industry_key,
            international_operativity_expectation=international_operativity_expectation,
            job_title=job_title,
            last_name=last_name,
            legitimation_valid_until=legitimation_valid_until,
            main_income_source=main_income_source,
            mobile_number=mobile_number,
            nace_code=nace_code,
            nationality=nationality,
            own_economic_interest_signed_at=own_economic_interest_signed_at,
            purpose_of_account_opening=purpose_of_account_opening,
            registration_number=registration_number,
            risk_classification_status=risk_classification_status,
            salutation=salutation,
            screening_progress=screening_progress,
            self_declared_as_pep=self_declared_as_pep,
            socioprofessional_category=socioprofessional_category,
            tax_information=tax_information,
            terms_conditions_signed_at=terms_conditions_signed_at,
            title=title,
            updated_at=updated_at,
            vat_number=vat_number,
            verified_mobile_number=verified_mobile_number,
            website_social_media=website_social_media,
            work_country=work_country,
            work_province=work_province,
        )

        person.additional_properties = d
        return person

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
