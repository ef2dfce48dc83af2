from enum import StrEnum


class TemplateFieldInputType(StrEnum):
    CHECKBOX = "checkbox"
    DATE = "date"
    EMAIL = "email"
    IMAGE = "image"
    INITIALS = "initials"
    NAME = "name"
    NUMBER = "number"
    SELECT = "select"
    SIGNATURE = "signature"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
