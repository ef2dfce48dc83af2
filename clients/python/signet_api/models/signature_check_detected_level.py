from enum import StrEnum


class SignatureCheckDetectedLevel(StrEnum):
    DOCUMENT_TIMESTAMP = "document-timestamp"
    NONE = "none"
    PADES_B_B = "PAdES-B-B"
    PADES_B_LT = "PAdES-B-LT"
    PADES_B_LTA = "PAdES-B-LTA"
    PADES_B_T = "PAdES-B-T"
    PKCS7 = "PKCS7"

    def __str__(self) -> str:
        return str(self.value)
