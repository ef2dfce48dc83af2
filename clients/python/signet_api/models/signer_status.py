from enum import StrEnum


class SignerStatus(StrEnum):
    BLOCKED = "blocked"
    CONFIRMATION_REQUIRED = "confirmation_required"
    ERROR = "error"
    INVALID_SIGNATURE = "invalid_signature"
    KYC_REQUIRED = "kyc_required"
    NEW = "new"
    PENDING = "pending"
    PENDING_VERIFICATION = "pending_verification"
    REJECTED = "rejected"
    SELFIE_REQUIRED = "selfie_required"
    SIGNED = "signed"
    USER_CONSENT_REQUIRED = "user_consent_required"

    def __str__(self) -> str:
        return str(self.value)
