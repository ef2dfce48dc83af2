from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.country_code import CountryCode
from ..models.person_create_employment_status import PersonCreateEmploymentStatus
from ..models.person_create_salutation import PersonCreateSalutation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.person_create_address import PersonCreateAddress
    from ..models.person_create_contact_address import PersonCreateContactAddress
    from ..models.person_create_tax_information import PersonCreateTaxInformation


T = TypeVar("T", bound="PersonCreate")


@_attrs_define
class PersonCreate:
    """
    Attributes:
        first_name (str): Letters of any script, spaces, hyphens, apostrophes and dots; at least one letter; not
            starting with whitespace.
        last_name (str): Letters of any script, spaces, hyphens, apostrophes and dots; at least one letter; not starting
            with whitespace.
        address (None | PersonCreateAddress | Unset): Members given are merged into the current value.
        aml_confirmed_on (datetime.date | None | Unset):
        annual_income_range (None | str | Unset):
        birth_city (None | str | Unset):
        birth_country (CountryCode | None | Unset):
        birth_date (datetime.date | None | Unset):
        birth_name (None | str | Unset): Letters of any script, spaces, hyphens, apostrophes and dots; at least one
            letter; not starting with whitespace.
        birth_post_code (None | str | Unset):
        birth_province (None | str | Unset):
        branch (None | str | Unset):
        business_address_line_1 (None | str | Unset):
        business_address_line_2 (None | str | Unset):
        business_city (None | str | Unset):
        business_country (CountryCode | None | Unset):
        business_postal_code (None | str | Unset):
        business_purpose (None | str | Unset):
        business_state (None | str | Unset):
        business_trading_name (None | str | Unset):
        contact_address (None | PersonCreateContactAddress | Unset): Members given are merged into the current value.
        data_terms_signed_at (datetime.datetime | None | Unset):
        email (None | str | Unset):
        employment_status (None | PersonCreateEmploymentStatus | Unset):
        expected_monthly_revenue_cents (int | None | Unset):
        fatca_crs_confirmed_at (datetime.datetime | None | Unset):
        fatca_relevant (bool | None | Unset):
        industry (None | str | Unset):
        industry_key (None | str | Unset):
        international_operativity_expectation (list[CountryCode] | None | Unset): `null` empties the list.
        job_title (None | str | Unset):
        main_income_source (None | str | Unset):
        mobile_number (None | str | Unset):
        nace_code (None | str | Unset): A NACE Rev. 2 code such as `62`, `62.01` or `J62.01`.
        nationality (CountryCode | None | Unset):
        own_economic_interest_signed_at (datetime.datetime | None | Unset):
        purpose_of_account_opening (None | str | Unset):
        registration_number (None | str | Unset):
        salutation (None | PersonCreateSalutation | Unset):
        self_declared_as_pep (bool | None | Unset):
        socioprofessional_category (None | str | Unset):
        tax_information (None | PersonCreateTaxInformation | Unset): Members given are merged into the current value.
        terms_conditions_signed_at (datetime.datetime | None | Unset):
        title (None | str | Unset):
        vat_number (None | str | Unset):
        website_social_media (None | str | Unset):
        work_country (CountryCode | None | Unset):
        work_province (None | str | Unset):
    """

    first_name: str
    last_name: str
    address: None | PersonCreateAddress | Unset = UNSET
    aml_confirmed_on: datetime.date | None | Unset = UNSET
    annual_income_range: None | str | Unset = UNSET
    birth_city: None | str | Unset = UNSET
    birth_country: CountryCode | None | Unset = UNSET
    birth_date: datetime.date | None | Unset = UNSET
    birth_name: None | str | Unset = UNSET
    birth_post_code: None | str | Unset = UNSET
    birth_province: None | str | Unset = UNSET
    branch: None | str | Unset = UNSET
    business_address_line_1: None | str | Unset = UNSET
    business_address_line_2: None | str | Unset = UNSET
    business_city: None | str | Unset = UNSET
    business_country: CountryCode | None | Unset = UNSET
    business_postal_code: None | str | Unset = UNSET
    business_purpose: None | str | Unset = UNSET
    business_state: None | str | Unset = UNSET
    business_trading_name: None | str | Unset = UNSET
    contact_address: None | PersonCreateContactAddress | Unset = UNSET
    data_terms_signed_at: datetime.datetime | None | Unset = UNSET
    email: None | str | Unset = UNSET
    employment_status: None | PersonCreateEmploymentStatus | Unset = UNSET
    expected_monthly_revenue_cents: int | None | Unset = UNSET
    fatca_crs_confirmed_at: datetime.datetime | None | Unset = UNSET
    fatca_relevant: bool | None | Unset = UNSET
    industry: None | str | Unset = UNSET
    industry_key: None | str | Unset = UNSET
    international_operativity_expectation: list[CountryCode] | None | Unset = UNSET
    job_title: None | str | Unset = UNSET
    main_income_source: None | str | Unset = UNSET
    mobile_number: None | str | Unset = UNSET
    nace_code: None | str | Unset = UNSET
    nationality: CountryCode | None | Unset = UNSET
    own_economic_interest_signed_at: datetime.datetime | None | Unset = UNSET
    purpose_of_account_opening: None | str | Unset = UNSET
    registration_number: None | str | Unset = UNSET
    salutation: None | PersonCreateSalutation | Unset = UNSET
    self_declared_as_pep: bool | None | Unset = UNSET
    socioprofessional_category: None | str | Unset = UNSET
    tax_information: None | PersonCreateTaxInformation | Unset = UNSET
    terms_conditions_signed_at: datetime.datetime | None | Unset = UNSET
    title: None | str | Unset = UNSET
    vat_number: None | str | Unset = UNSET
    website_social_media: None | str | Unset = UNSET
    work_country: CountryCode | None | Unset = UNSET
    work_province: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.person_create_address import PersonCreateAddress
        from ..models.person_create_contact_address import PersonCreateContactAddress
        from ..models.person_create_tax_information import PersonCreateTaxInformation

        first_name = self.first_name

        last_name = self.last_name

        address: dict[str, Any] | None | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        elif isinstance(self.address, PersonCreateAddress):
            address = self.address.to_dict()
        else:
            address = self.address

        aml_confirmed_on: None | str | Unset
        if isinstance(self.aml_confirmed_on, Unset):
            aml_confirmed_on = UNSET
        elif isinstance(self.aml_confirmed_on, datetime.date):
            aml_confirmed_on = self.aml_confirmed_on.isoformat()
        else:
            aml_confirmed_on = self.aml_confirmed_on

        annual_income_range: None | str | Unset
        if isinstance(self.annual_income_range, Unset):
            annual_income_range = UNSET
        else:
            annual_income_range = self.annual_income_range

        birth_city: None | str | Unset
        if isinstance(self.birth_city, Unset):
            birth_city = UNSET
        else:
            birth_city = self.birth_city

        birth_country: None | str | Unset
        if isinstance(self.birth_country, Unset):
            birth_country = UNSET
        elif isinstance(self.birth_country, CountryCode):
            birth_country = self.birth_country.value
        else:
            birth_country = self.birth_country

        birth_date: None | str | Unset
        if isinstance(self.birth_date, Unset):
            birth_date = UNSET
        elif isinstance(self.birth_date, datetime.date):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

        birth_name: None | str | Unset
        if isinstance(self.birth_name, Unset):
            birth_name = UNSET
        else:
            birth_name = self.birth_name

        birth_post_code: None | str | Unset
        if isinstance(self.birth_post_code, Unset):
            birth_post_code = UNSET
        else:
            birth_post_code = self.birth_post_code

        birth_province: None | str | Unset
        if isinstance(self.birth_province, Unset):
            birth_province = UNSET
        else:
            birth_province = self.birth_province

        branch: None | str | Unset
        if isinstance(self.branch, Unset):
            branch = UNSET
        else:
            branch = self.branch

        business_address_line_1: None | str | Unset
        if isinstance(self.business_address_line_1, Unset):
            business_address_line_1 = UNSET
        else:
            business_address_line_1 = self.business_address_line_1

        business_address_line_2: None | str | Unset
        if isinstance(self.business_address_line_2, Unset):
            business_address_line_2 = UNSET
        else:
            business_address_line_2 = self.business_address_line_2

        business_city: None | str | Unset
        if isinstance(self.business_city, Unset):
            business_city = UNSET
        else:
            business_city = self.business_city

        business_country: None | str | Unset
        if isinstance(self.business_country, Unset):
            business_country = UNSET
        elif isinstance(self.business_country, CountryCode):
            business_country = self.business_country.value
        else:
            business_country = self.business_country

        business_postal_code: None | str | Unset
        if isinstance(self.business_postal_code, Unset):
            business_postal_code = UNSET
        else:
            business_postal_code = self.business_postal_code

        business_purpose: None | str | Unset
        if isinstance(self.business_purpose, Unset):
            business_purpose = UNSET
        else:
            business_purpose = self.business_purpose

        business_state: None | str | Unset
        if isinstance(self.business_state, Unset):
            business_state = UNSET
        else:
            business_state = self.business_state

        business_trading_name: None | str | Unset
        if isinstance(self.business_trading_name, Unset):
            business_trading_name = UNSET
        else:
            business_trading_name = self.business_trading_name

        contact_address: dict[str, Any] | None | Unset
        if isinstance(self.contact_address, Unset):
            contact_address = UNSET
        elif isinstance(self.contact_address, PersonCreateContactAddress):
            contact_address = self.contact_address.to_dict()
        else:
            contact_address = self.contact_address

        data_terms_signed_at: None | str | Unset
        if isinstance(self.data_terms_signed_at, Unset):
            data_terms_signed_at = UNSET
        elif isinstance(self.data_terms_signed_at, datetime.datetime):
            data_terms_signed_at = self.data_terms_signed_at.isoformat()
        else:
            data_terms_signed_at = self.data_terms_signed_at

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        employment_status: None | str | Unset
        if isinstance(self.employment_status, Unset):
            employment_status = UNSET
        elif isinstance(self.employment_status, PersonCreateEmploymentStatus):
            employment_status = self.employment_status.value
        else:
            employment_status = self.employment_status

        expected_monthly_revenue_cents: int | None | Unset
        if isinstance(self.expected_monthly_revenue_cents, Unset):
            expected_monthly_revenue_cents = UNSET
        else:
            expected_monthly_revenue_cents = self.expected_monthly_revenue_cents

        fatca_crs_confirmed_at: None | str | Unset
        if isinstance(self.fatca_crs_confirmed_at, Unset):
            fatca_crs_confirmed_at = UNSET
        elif isinstance(self.fatca_crs_confirmed_at, datetime.datetime):
            fatca_crs_confirmed_at = self.fatca_crs_confirmed_at.isoformat()
        else:
            fatca_crs_confirmed_at = self.fatca_crs_confirmed_at

        fatca_relevant: bool | None | Unset
        if isinstance(self.fatca_relevant, Unset):
            fatca_relevant = UNSET
        else:
            fatca_relevant = self.fatca_relevant

        industry: None | str | Unset
        if isinstance(self.industry, Unset):
            industry = UNSET
        else:
            industry = self.industry

        industry_key: None | str | Unset
        if isinstance(self.industry_key, Unset):
            industry_key = UNSET
        else:
            industry_key = self.industry_key

        international_operativity_expectation: list[str] | None | Unset
        if isinstance(self.international_operativity_expectation, Unset):
            international_operativity_expectation = UNSET
        elif isinstance(self.international_operativity_expectation, list):
            international_operativity_expectation = []
            for (
                international_operativity_expectation_type_0_item_data
            ) in self.international_operativity_expectation:
                international_operativity_expectation_type_0_item = (
                    international_operativity_expectation_type_0_item_data.value
                )
                international_operativity_expectation.append(
                    international_operativity_expectation_type_0_item
                )

        else:
            international_operativity_expectation = (
                self.international_operativity_expectation
            )

        job_title: None | str | Unset
        if isinstance(self.job_title, Unset):
            job_title = UNSET
        else:
            job_title = self.job_title

        main_income_source: None | str | Unset
        if isinstance(self.main_income_source, Unset):
            main_income_source = UNSET
        else:
            main_income_source = self.main_income_source

        mobile_number: None | str | Unset
        if isinstance(self.mobile_number, Unset):
            mobile_number = UNSET
        else:
            mobile_number = self.mobile_number

        nace_code: None | str | Unset
        if isinstance(self.nace_code, Unset):
            nace_code = UNSET
        else:
            nace_code = self.nace_code

        nationality: None | str | Unset
        if isinstance(self.nationality, Unset):
            nationality = UNSET
        elif isinstance(self.nationality, CountryCode):
            nationality = self.nationality.value
        else:
            nationality = self.nationality

        own_economic_interest_signed_at: None | str | Unset
        if isinstance(self.own_economic_interest_signed_at, Unset):
            own_economic_interest_signed_at = UNSET
        elif isinstance(self.own_economic_interest_signed_at, datetime.datetime):
            own_economic_interest_signed_at = (
                self.own_economic_interest_signed_at.isoformat()
            )
        else:
            own_economic_interest_signed_at = self.own_economic_interest_signed_at

        purpose_of_account_opening: None | str | Unset
        if isinstance(self.purpose_of_account_opening, Unset):
            purpose_of_account_opening = UNSET
        else:
            purpose_of_account_opening = self.purpose_of_account_opening

        registration_number: None | str | Unset
        if isinstance(self.registration_number, Unset):
            registration_number = UNSET
        else:
            registration_number = self.registration_number

        salutation: None | str | Unset
        if isinstance(self.salutation, Unset):
            salutation = UNSET
        elif isinstance(self.salutation, PersonCreateSalutation):
            salutation = self.salutation.value
        else:
            salutation = self.salutation

        self_declared_as_pep: bool | None | Unset
        if isinstance(self.self_declared_as_pep, Unset):
            self_declared_as_pep = UNSET
        else:
            self_declared_as_pep = self.self_declared_as_pep

        socioprofessional_category: None | str | Unset
        if isinstance(self.socioprofessional_category, Unset):
            socioprofessional_category = UNSET
        else:
            socioprofessional_category = self.socioprofessional_category

        tax_information: dict[str, Any] | None | Unset
        if isinstance(self.tax_information, Unset):
            tax_information = UNSET
        elif isinstance(self.tax_information, PersonCreateTaxInformation):
            tax_information = self.tax_information.to_dict()
        else:
            tax_information = self.tax_information

        terms_conditions_signed_at: None | str | Unset
        if isinstance(self.terms_conditions_signed_at, Unset):
            terms_conditions_signed_at = UNSET
        elif isinstance(self.terms_conditions_signed_at, datetime.datetime):
            terms_conditions_signed_at = self.terms_conditions_signed_at.isoformat()
        else:
            terms_conditions_signed_at = self.terms_conditions_signed_at

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        vat_number: None | str | Unset
        if isinstance(self.vat_number, Unset):
            vat_number = UNSET
        else:
            vat_number = self.vat_number

        website_social_media: None | str | Unset
        if isinstance(self.website_social_media, Unset):
            website_social_media = UNSET
        else:
            website_social_media = self.website_social_media

        work_country: None | str | Unset
        if isinstance(self.work_country, Unset):
            work_country = UNSET
        elif isinstance(self.work_country, CountryCode):
            work_country = self.work_country.value
        else:
            work_country = self.work_country

        work_province: None | str | Unset
        if isinstance(self.work_province, Unset):
            work_province = UNSET
        else:
            work_province = self.work_province

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "first_name": first_name,
                "last_name": last_name,
            }
        )
        if address is not UNSET:
            field_dict["address"] = address
        if aml_confirmed_on is not UNSET:
            field_dict["aml_confirmed_on"] = aml_confirmed_on
        if annual_income_range is not UNSET:
            field_dict["annual_income_range"] = annual_income_range
        if birth_city is not UNSET:
            field_dict["birth_city"] = birth_city
        if birth_country is not UNSET:
            field_dict["birth_country"] = birth_country
        if birth_date is not UNSET:
            field_dict["birth_date"] = birth_date
        if birth_name is not UNSET:
            field_dict["birth_name"] = birth_name
        if birth_post_code is not UNSET:
            field_dict["birth_post_code"] = birth_post_code
        if birth_province is not UNSET:
            field_dict["birth_province"] = birth_province
        if branch is not UNSET:
            field_dict["branch"] = branch
        if business_address_line_1 is not UNSET:
            field_dict["business_address_line_1"] = business_address_line_1
        if business_address_line_2 is not UNSET:
            field_dict["business_address_line_2"] = business_address_line_2
        if business_city is not UNSET:
            field_dict["business_city"] = business_city
        if business_country is not UNSET:
            field_dict["business_country"] = business_country
        if business_postal_code is not UNSET:
            field_dict["business_postal_code"] = business_postal_code
        if business_purpose is not UNSET:
            field_dict["business_purpose"] = business_purpose
        if business_state is not UNSET:
            field_dict["business_state"] = business_state
        if business_trading_name is not UNSET:
            field_dict["business_trading_name"] = business_trading_name
        if contact_address is not UNSET:
            field_dict["contact_address"] = contact_address
        if data_terms_signed_at is not UNSET:
            field_dict["data_terms_signed_at"] = data_terms_signed_at
        if email is not UNSET:
            field_dict["email"] = email
        if employment_status is not UNSET:
            field_dict["employment_status"] = employment_status
        if expected_monthly_revenue_cents is not UNSET:
            field_dict["expected_monthly_revenue_cents"] = (
                expected_monthly_revenue_cents
            )
        if fatca_crs_confirmed_at is not UNSET:
            field_dict["fatca_crs_confirmed_at"] = fatca_crs_confirmed_at
        if fatca_relevant is not UNSET:
            field_dict["fatca_relevant"] = fatca_relevant
        if industry is not UNSET:
            field_dict["industry"] = industry
        if industry_key is not UNSET:
            field_dict["industry_key"] = industry_key
        if international_operativity_expectation is not UNSET:
            field_dict["international_operativity_expectation"] = (
                international_operativity_expectation
            )
        if job_title is not UNSET:
            field_dict["job_title"] = job_title
        if main_income_source is not UNSET:
            field_dict["main_income_source"] = main_income_source
        if mobile_number is not UNSET:
            field_dict["mobile_number"] = mobile_number
        if nace_code is not UNSET:
            field_dict["nace_code"] = nace_code
        if nationality is not UNSET:
            field_dict["nationality"] = nationality
        if own_economic_interest_signed_at is not UNSET:
            field_dict["own_economic_interest_signed_at"] = (
                own_economic_interest_signed_at
            )
        if purpose_of_account_opening is not UNSET:
            field_dict["purpose_of_account_opening"] = purpose_of_account_opening
        if registration_number is not UNSET:
            field_dict["registration_number"] = registration_number
        if salutation is not UNSET:
            field_dict["salutation"] = salutation
        if self_declared_as_pep is not UNSET:
            field_dict["self_declared_as_pep"] = self_declared_as_pep
        if socioprofessional_category is not UNSET:
            field_dict["socioprofessional_category"] = socioprofessional_category
        if tax_information is not UNSET:
            field_dict["tax_information"] = tax_information
        if terms_conditions_signed_at is not UNSET:
            field_dict["terms_conditions_signed_at"] = terms_conditions_signed_at
        if title is not UNSET:
            field_dict["title"] = title
        if vat_number is not UNSET:
            field_dict["vat_number"] = vat_number
        if website_social_media is not UNSET:
            field_dict["website_social_media"] = website_social_media
        if work_country is not UNSET:
            field_dict["work_country"] = work_country
        if work_province is not UNSET:
            field_dict["work_province"] = work_province

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.person_create_address import PersonCreateAddress
        from ..models.person_create_contact_address import PersonCreateContactAddress
        from ..models.person_create_tax_information import PersonCreateTaxInformation

        d = dict(src_dict)
        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        def _parse_address(data: object) -> None | PersonCreateAddress | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                address_address = PersonCreateAddress.from_dict(data)

                return address_address
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonCreateAddress | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_aml_confirmed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                aml_confirmed_on_type_0 = datetime.date.fromisoformat(data)

                return aml_confirmed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        aml_confirmed_on = _parse_aml_confirmed_on(d.pop("aml_confirmed_on", UNSET))

        def _parse_annual_income_range(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        annual_income_range = _parse_annual_income_range(
            d.pop("annual_income_range", UNSET)
        )

        def _parse_birth_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        birth_city = _parse_birth_city(d.pop("birth_city", UNSET))

        def _parse_birth_country(data: object) -> CountryCode | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birth_country_type_0 = CountryCode(data)

                return birth_country_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CountryCode | None | Unset, data)

        birth_country = _parse_birth_country(d.pop("birth_country", UNSET))

        def _parse_birth_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birth_date_type_0 = datetime.date.fromisoformat(data)

                return birth_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        birth_date = _parse_birth_date(d.pop("birth_date", UNSET))

        def _parse_birth_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        birth_name = _parse_birth_name(d.pop("birth_name", UNSET))

        def _parse_birth_post_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        birth_post_code = _parse_birth_post_code(d.pop("birth_post_code", UNSET))

        def _parse_birth_province(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        birth_province = _parse_birth_province(d.pop("birth_province", UNSET))

        def _parse_branch(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        branch = _parse_branch(d.pop("branch", UNSET))

        def _parse_business_address_line_1(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        business_address_line_1 = _parse_business_address_line_1(
            d.pop("business_address_line_1", UNSET)
        )

        def _parse_business_address_line_2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        business_address_line_2 = _parse_business_address_line_2(
            d.pop("business_address_line_2", UNSET)
        )

        def _parse_business_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        business_city = _parse_business_city(d.pop("business_city", UNSET))

        def _parse_business_country(data: object) -> CountryCode | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                business_country_type_0 = CountryCode(data)

                return business_country_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CountryCode | None | Unset, data)

        business_country = _parse_business_country(d.pop("business_country", UNSET))

        def _parse_business_postal_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        business_postal_code = _parse_business_postal_code(
            d.pop("business_postal_code", UNSET)
        )

        def _parse_business_purpose(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        business_purpose = _parse_business_purpose(d.pop("business_purpose", UNSET))

        def _parse_business_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        business_state = _parse_business_state(d.pop("business_state", UNSET))

        def _parse_business_trading_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        business_trading_name = _parse_business_trading_name(
            d.pop("business_trading_name", UNSET)
        )

        def _parse_contact_address(
            data: object,
        ) -> None | PersonCreateContactAddress | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_address_contact_address = PersonCreateContactAddress.from_dict(
                    data
                )

                return contact_address_contact_address
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonCreateContactAddress | Unset, data)

        contact_address = _parse_contact_address(d.pop("contact_address", UNSET))

        def _parse_data_terms_signed_at(
            data: object,
        ) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                data_terms_signed_at_type_0 = datetime.datetime.fromisoformat(data)

                return data_terms_signed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        data_terms_signed_at = _parse_data_terms_signed_at(
            d.pop("data_terms_signed_at", UNSET)
        )

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_employment_status(
            data: object,
        ) -> None | PersonCreateEmploymentStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                employment_status_employment_status = PersonCreateEmploymentStatus(data)

                return employment_status_employment_status
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonCreateEmploymentStatus | Unset, data)

        employment_status = _parse_employment_status(d.pop("employment_status", UNSET))

        def _parse_expected_monthly_revenue_cents(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expected_monthly_revenue_cents = _parse_expected_monthly_revenue_cents(
            d.pop("expected_monthly_revenue_cents", UNSET)
        )

        def _parse_fatca_crs_confirmed_at(
            data: object,
        ) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                fatca_crs_confirmed_at_type_0 = datetime.datetime.fromisoformat(data)

                return fatca_crs_confirmed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        fatca_crs_confirmed_at = _parse_fatca_crs_confirmed_at(
            d.pop("fatca_crs_confirmed_at", UNSET)
        )

        def _parse_fatca_relevant(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        fatca_relevant = _parse_fatca_relevant(d.pop("fatca_relevant", UNSET))

        def _parse_industry(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        industry = _parse_industry(d.pop("industry", UNSET))

        def _parse_industry_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        industry_key = _parse_industry_key(d.pop("industry_key", UNSET))

        def _parse_international_operativity_expectation(
            data: object,
        ) -> list[CountryCode] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                international_operativity_expectation_type_0 = []
                _international_operativity_expectation_type_0 = data
                for (
                    international_operativity_expectation_type_0_item_data
                ) in _international_operativity_expectation_type_0:
                    international_operativity_expectation_type_0_item = CountryCode(
                        international_operativity_expectation_type_0_item_data
                    )

                    international_operativity_expectation_type_0.append(
                        international_operativity_expectation_type_0_item
                    )

                return international_operativity_expectation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CountryCode] | None | Unset, data)

        international_operativity_expectation = (
            _parse_international_operativity_expectation(
                d.pop("international_operativity_expectation", UNSET)
            )
        )

        def _parse_job_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_title = _parse_job_title(d.pop("job_title", UNSET))

        def _parse_main_income_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        main_income_source = _parse_main_income_source(
            d.pop("main_income_source", UNSET)
        )

        def _parse_mobile_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mobile_number = _parse_mobile_number(d.pop("mobile_number", UNSET))

        def _parse_nace_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nace_code = _parse_nace_code(d.pop("nace_code", UNSET))

        def _parse_nationality(data: object) -> CountryCode | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                nationality_type_0 = CountryCode(data)

                return nationality_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CountryCode | None | Unset, data)

        nationality = _parse_nationality(d.pop("nationality", UNSET))

        def _parse_own_economic_interest_signed_at(
            data: object,
        ) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
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
            return cast(datetime.datetime | None | Unset, data)

        own_economic_interest_signed_at = _parse_own_economic_interest_signed_at(
            d.pop("own_economic_interest_signed_at", UNSET)
        )

        def _parse_purpose_of_account_opening(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        purpose_of_account_opening = _parse_purpose_of_account_opening(
            d.pop("purpose_of_account_opening", UNSET)
        )

        def _parse_registration_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        registration_number = _parse_registration_number(
            d.pop("registration_number", UNSET)
        )

        def _parse_salutation(data: object) -> None | PersonCreateSalutation | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                salutation_salutation = PersonCreateSalutation(data)

                return salutation_salutation
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonCreateSalutation | Unset, data)

        salutation = _parse_salutation(d.pop("salutation", UNSET))

        def _parse_self_declared_as_pep(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        self_declared_as_pep = _parse_self_declared_as_pep(
            d.pop("self_declared_as_pep", UNSET)
        )

        def _parse_socioprofessional_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        socioprofessional_category = _parse_socioprofessional_category(
            d.pop("socioprofessional_category", UNSET)
        )

        def _parse_tax_information(
            data: object,
        ) -> None | PersonCreateTaxInformation | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tax_information_tax_information = PersonCreateTaxInformation.from_dict(
                    data
                )

                return tax_information_tax_information
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonCreateTaxInformation | Unset, data)

        tax_information = _parse_tax_information(d.pop("tax_information", UNSET))

        def _parse_terms_conditions_signed_at(
            data: object,
        ) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
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
            return cast(datetime.datetime | None | Unset, data)

        terms_conditions_signed_at = _parse_terms_conditions_signed_at(
            d.pop("terms_conditions_signed_at", UNSET)
        )

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_vat_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vat_number = _parse_vat_number(d.pop("vat_number", UNSET))

        def _parse_website_social_media(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website_social_media = _parse_website_social_media(
            d.pop("website_social_media", UNSET)
        )

        def _parse_work_country(data: object) -> CountryCode | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                work_country_type_0 = CountryCode(data)

                return work_country_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CountryCode | None | Unset, data)

        work_country = _parse_work_country(d.pop("work_country", UNSET))

        def _parse_work_province(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        work_province = _parse_work_province(d.pop("work_province", UNSET))

        person_create = cls(
            first_name=first_name,
            last_name=last_name,
            address=address,
            aml_confirmed_on=aml_confirmed_on,
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
            data_terms_signed_at=data_terms_signed_at,
            email=email,
            employment_status=employment_status,
            expected_monthly_revenue_cents=expected_monthly_revenue_cents,
            fatca_crs_confirmed_at=fatca_crs_confirmed_at,
            fatca_relevant=fatca_relevant,
            industry=industry,
            industry_key=industry_key,
            international_operativity_expectation=international_operativity_expectation,
            job_title=job_title,
            main_income_source=main_income_source,
            mobile_number=mobile_number,
            nace_code=nace_code,
            nationality=nationality,
            own_economic_interest_signed_at=own_economic_interest_signed_at,
            purpose_of_account_opening=purpose_of_account_opening,
            registration_number=registration_number,
            salutation=salutation,
            self_declared_as_pep=self_declared_as_pep,
            socioprofessional_category=socioprofessional_category,
            tax_information=tax_information,
            terms_conditions_signed_at=terms_conditions_signed_at,
            title=title,
            vat_number=vat_number,
            website_social_media=website_social_media,
            work_country=work_country,
            work_province=work_province,
        )

        return person_create
