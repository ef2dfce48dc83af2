from enum import StrEnum


class WebhookEndpointDisabledStatus(StrEnum):
    DISABLED = "disabled"

    def __str__(self) -> str:
        return str(self.value)
