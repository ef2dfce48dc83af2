from enum import StrEnum


class OtpIssuedChannelsItem(StrEnum):
    EMAIL = "email"
    SANDBOX = "sandbox"
    SMS = "sms"

    def __str__(self) -> str:
        return str(self.value)
