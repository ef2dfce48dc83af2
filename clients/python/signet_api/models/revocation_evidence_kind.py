from enum import StrEnum


class RevocationEvidenceKind(StrEnum):
    CRL = "crl"
    OCSP = "ocsp"

    def __str__(self) -> str:
        return str(self.value)
