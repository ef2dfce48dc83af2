from enum import StrEnum


class OtpIssuedChannelsItem(StrEnum):
    EMAIL = "email"
    PROVIDER = "provider"
    SANDBOX = "sandbox"
    SMS = "sms"

    def __str__(self) -> str:
        return str(self.value)
