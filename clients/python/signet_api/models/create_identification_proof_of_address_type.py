from enum import StrEnum


class CreateIdentificationProofOfAddressType(StrEnum):
    BANK_STATEMENT = "BANK_STATEMENT"
    ELECTRICITY_BILL = "ELECTRICITY_BILL"
    GAS_BILL = "GAS_BILL"
    INTERNET_BILL = "INTERNET_BILL"
    OTHER_UTILITY_BILL = "OTHER_UTILITY_BILL"
    RESIDENCE_CERTIFICATE = "RESIDENCE_CERTIFICATE"
    TAX_STATEMENT = "TAX_STATEMENT"
    TELEPHONE_BILL = "TELEPHONE_BILL"
    WATER_BILL = "WATER_BILL"

    def __str__(self) -> str:
        return str(self.value)
