from enum import StrEnum


class RevocationEvidenceSource(StrEnum):
    CMS = "cms"
    DSS = "dss"
    ONLINE = "online"

    def __str__(self) -> str:
        return str(self.value)
