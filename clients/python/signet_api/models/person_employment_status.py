from enum import StrEnum


class PersonEmploymentStatus(StrEnum):
    CIVIL_SERVANT = "CIVIL_SERVANT"
    EMPLOYED = "EMPLOYED"
    EXECUTIVE = "EXECUTIVE"
    FREELANCER = "FREELANCER"
    HOUSEWORK_CHILDCARE = "HOUSEWORK_CHILDCARE"
    MANAGER = "MANAGER"
    PUPIL = "PUPIL"
    RETIRED = "RETIRED"
    SELF_EMPLOYED = "SELF_EMPLOYED"
    STUDENT = "STUDENT"
    UNEMPLOYED = "UNEMPLOYED"

    def __str__(self) -> str:
        return str(self.value)
