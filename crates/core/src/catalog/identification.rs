//! Identification statuses and reasons, and the person document types (seed 002).

use super::{AttemptResponseCode, CodeEntry, CodeKind, code_enum};

const fn status(code: &'static str, description: &'static str) -> CodeEntry {
    CodeEntry::new(CodeKind::IdentificationStatus, code, description)
}

/// Seed 002's IDnow statuses, descriptions verbatim (a stray emphasis mark in `failed` removed).
/// `retryable` follows the SPEC: `aborted` and `canceled` can be retried with the same URL,
/// `failed` is final.
pub(crate) const IDENTIFICATION_STATUSES: &[CodeEntry] = &[
    status("created", "The identification resource has been created for the customer."),
    status(
        "pending",
        "The identification process has been triggered and the video identification URL and reference are generated. You must redirect the customer to the URL to complete the identification process with IDnow.",
    ),
    status(
        "pending_successful",
        "The video identification was successful, but will be reviewed by the identification provider. You can already offer banking services to the customer at this stage. Once reviewed by the provider, the identification will be marked either as resolved positively (successful) or negatively (failed or canceled). A bank account will be automatically blocked if the identification is eventually marked as failed or canceled.",
    ),
    status(
        "pending_failed",
        "The identification is currently under review. You cannot offer banking services to the customer at this stage. The identification might eventually turn to successful, but it is unlikely.",
    ),
    status(
        "successful",
        "The video identification was successful. The customer can be onboarded. Please note that the customer's data might have been updated during the identification session.",
    ),
    status(
        "aborted",
        "The customer aborted the identification process. The customer can still video-identify using the same URL.",
    )
    .retryable(true),
    status(
        "canceled",
        "The provider canceled the video identification. The customer should video-identify again using the same URL.",
    )
    .retryable(true),
    status(
        "failed",
        "The identification was unsuccessful. You cannot onboard the customer or offer any banking services to them.",
    )
    .retryable(false),
];

/// A row of seed 002's failure-code table. The category keeps the seed's word (`DATA`,
/// `Technical`, `User`, `Other`); `caused_by_user` is `None` where the seed says "-".
const fn reason(
    code: &'static str,
    category: &'static str,
    permanent: bool,
    caused_by_user: Option<bool>,
    description: &'static str,
) -> CodeEntry {
    CodeEntry::new(CodeKind::IdentificationReason, code, description)
        .category(category)
        .permanent(permanent)
        .caused_by_user(caused_by_user)
}

code_enum! {
    /// Why an identification was canceled, aborted or failed: every row of seed 002's "IDnow
    /// failure codes" table, in the seed's order, with its category and flags; descriptions are
    /// the seed's words, typos included, so integrators can match them against the source.
    ///
    /// Two Signet additions close the table: seed 002's `NO_ESIGN_FRAUD` says a suspected fraud
    /// "will then be submitted for review with the status FRAUD_SUSPICION_PENDING", and the
    /// sandbox cases FRAUDOK and FRAUDIDENT need a reason for `pending_failed` and `failed`, so
    /// `FRAUD_SUSPICION_PENDING` and `FRAUD_SUSPICION_CONFIRMED` exist with category `Fraud`.
    pub enum IdentificationReason ("identification reason", REASON_ENTRIES) {
        DataApplicationAddress = reason("DATA_APPLICATION_ADDRESS", "DATA", true, Some(true), "Address from application does not match address from ID document and cannot be corrected."),
        DataApplicationData = reason("DATA_APPLICATION_DATA", "DATA", true, Some(true), "Data from application and data from the ID document do not match and cannot be corrected."),
        DataIdExpired = reason("DATA_ID_EXPIRED", "DATA", false, Some(true), "The validity date of the ID document has expired. User must use a different document."),
        TechAudio = reason("TECH_AUDIO", "Technical", false, Some(true), "Poor audio quality. Audio quality is poor or user/agent inaudible."),
        TechDisconnectedVideo = reason("TECH_DISCONNECTED_VIDEO", "Technical", false, Some(true), "The video stream has disconnected during the identification."),
        TechDisconnectedWebsocket = reason("TECH_DISCONNECTED_WEBSOCKET", "Technical", false, Some(true), "The websocket connection is disconnected during the identification. Normally caused by loss of internet connection by the user."),
        TechHologram = reason("TECH_HOLOGRAM", "Technical", false, Some(true), "Security features not visible or broken. No suspicion of fraud."),
        TechIdType = reason("TECH_ID_TYPE", "Technical", false, Some(true), "ID document is not allowed or is not supported."),
        TechIdentCodeDelivery = reason("TECH_IDENT_CODE_DELIVERY", "Technical", false, Some(true), "User was unable to receive the ident code SMS."),
        TechInternalServerError = reason("TECH_INTERNAL_SERVER_ERROR", "Technical", false, Some(false), "An error occurred on server."),
        TechInternetConnection = reason("TECH_INTERNET_CONNECTION", "Technical", false, Some(true), "Internet connection of the user is not fast enough."),
        TechLighting = reason("TECH_LIGHTING", "Technical", false, Some(true), "Poor lighting. Person or ID document not sufficiently visible."),
        TechPhoto = reason("TECH_PHOTO", "Technical", false, Some(true), "Poor photo quality. Person or ID document not sufficiently sharp and recognizable."),
        TechTimeout = reason("TECH_TIMEOUT", "Technical", false, Some(true), "The identification request was open too long. Identification requests get aborted after 30 minutes."),
        TechVideo = reason("TECH_VIDEO", "Technical", false, Some(true), "Poor video quality or camera not good enough. Person or ID document not sufficiently sharp and recognizable."),
        NoVideo = reason("NO_VIDEO", "Technical", false, Some(true), "Video call could not established. User and Agent do not see each other."),
        BadVideo = reason("BAD_VIDEO", "Technical", false, Some(true), "Video call established, but is not of enough quality to continue."),
        VideoEnvironment = reason("VIDEO_ENVIRONMENT", "Technical", false, Some(true), "User is not in ideal conditions to perform the video call."),
        VideoOther = reason("VIDEO_OTHER", "Technical", false, Some(true), "Any other problem with video not covered by other reasons."),
        NoAudio = reason("NO_AUDIO", "Technical", false, Some(true), "No audio established between Agent and User."),
        BadAudio = reason("BAD_AUDIO", "Technical", false, Some(true), "Audio is not of enough quality to continue with the call."),
        BadAudioEnvironment = reason("BAD_AUDIO_ENVIRONMENT", "Technical", false, Some(true), "Audio disturabce in the call."),
        AudioOther = reason("AUDIO_OTHER", "Technical", false, Some(true), "Any other audio issues not covered by other reasons."),
        BadPhotoQuality = reason("BAD_PHOTO_QUALITY", "Technical", false, Some(true), "ID and/or User photo is not of good quality to successfully conclude the identification."),
        PhotoOther = reason("PHOTO_OTHER", "Technical", false, Some(true), "Other problems related to the photo."),
        ConnectionLost = reason("CONNECTION_LOST", "Technical", false, Some(true), "Call connection lost."),
        ConnectionBad = reason("CONNECTION_BAD", "Technical", false, Some(true), "Connection is not good quality to continue."),
        NoConnection = reason("NO_CONNECTION", "Technical", false, Some(true), "Connection between Agent and User not established due to network issues."),
        ConnectionOther = reason("CONNECTION_OTHER", "Technical", false, Some(true), "Any Other issues with connection not covered by other reasons."),
        IdentCodeNotReceived = reason("IDENT_CODE_NOT_RECEIVED", "Technical", false, Some(false), "Ident code SMS/email not received by the user."),
        IdentCodeRepeatedlyIncorrect = reason("IDENT_CODE_REPEATEDLY_INCORRECT", "Technical", false, Some(true), "User entered wrong Ident Id multiple times."),
        UserAbortWhileWaiting = reason("USER_ABORT_WHILE_WAITING", "User", false, Some(true), "User has aborted the identification while he was waiting for an available agent."),
        UserStartedNewRequest = reason("USER_STARTED_NEW_REQUEST", "User", false, Some(true), "User has started another ident attempt from different channel (web/app)."),
        UserCancellation = reason("USER_CANCELLATION", "User", false, Some(true), "User has aborted the identification."),
        EnrolledToWaitingList = reason("ENROLLED_TO_WAITING_LIST", "User", true, Some(true), "User has been put on the waiting-list. Depending on the configuration, this can be voluntary or mandatory, or a mix of both. Users cannot remove themselves from the waiting-list, restarting the Ident will lead to a warning message."),
        IdNotSupported = reason("ID_NOT_SUPPORTED", "User", false, Some(true), "User is using an ID document that is not supported for the online identification process."),
        IdDamaged = reason("ID_DAMAGED", "User", false, Some(true), "User is using an ID document that is damaged and not fit for the online identification process."),
        IdOther = reason("ID_OTHER", "User", false, Some(true), "Any other ID related issue not covered by other reasons."),
        DisagreeWithVideoRecording = reason("DISAGREE_WITH_VIDEO_RECORDING", "User", false, Some(true), "User disagrees with Video Recording of the call."),
        IncorrectIdNumber = reason("INCORRECT_ID_NUMBER", "User", false, Some(false), "ID number is wrongly entered during identification"),
        IncorrectNameInQes = reason("INCORRECT_NAME_IN_QES", "User", false, Some(false), "Only for eSigning. Name mismatch found after QES generation."),
        WrongPhoneNumber = reason("WRONG_PHONE_NUMBER", "User", false, Some(true), "Only for eSigning. User entered wrong phone number."),
        UserIdNumber = reason("USER_ID_NUMBER", "User", false, Some(true), "User repeatedly reads the wrong ID document number."),
        UserIdentCode = reason("USER_IDENT_CODE", "User", false, Some(true), "Ident code repeatedly entered incorrectly."),
        UserLanguage = reason("USER_LANGUAGE", "User", true, Some(true), "User speaks unsupported language."),
        UserNoId = reason("USER_NO_ID", "User", false, Some(true), "User has currently no ID card available."),
        UserWrongPerson = reason("USER_WRONG_PERSON", "User", false, Some(true), "The person of application and identification do not match. For example, husband has opened bank account, but wife is in the identification call. No suspicion of fraud."),
        IndecentBehaviour = reason("INDECENT_BEHAVIOUR", "User", true, Some(true), "User exhibited behavior towards agent that is indecent."),
        OtherAbuse = reason("OTHER_ABUSE", "Other", false, Some(true), "Abuse of the procedure. Inappropriate behavior."),
        OtherMiscellaneousPermanent = reason("OTHER_MISCELLANEOUS_PERMANENT", "Other", true, None, "Other error, which is not covered by specific error. Cannot be solved."),
        OtherMiscellaneousTemporary = reason("OTHER_MISCELLANEOUS_TEMPORARY", "Other", false, None, "Other error, which is not covered by specific error. Can be solved by a retry."),
        OtherTest = reason("OTHER_TEST", "Other", false, Some(true), "Identification was a test call."),
        OtherError = reason("OTHER_ERROR", "Other", false, Some(true), "Any other error, not further defined."),
        StalledTimeout = reason("STALLED_TIMEOUT", "Other", false, None, "When an identification process is running for too long, then the identification request will be cancelled with this reason."),
        NoSecurityQuestionAsked = reason("NO_SECURITY_QUESTION_ASKED", "Other", false, None, "If enough security questions are not asked during an ident, reviewer/supervisor may cancel the ident with this reason."),
        SecurityQuestionNotCorrectAnswered = reason("SECURITY_QUESTION_NOT_CORRECT_ANSWERED", "Other", false, None, "If reviewer/supervisor is not satisfied with the answers to security question, they may cancel the ident with this reason."),
        SecurityQuestion = reason("SECURITY_QUESTION", "Other", false, None, "If a supervisor is not satisfied with the answers to security question, they may cancel the ident with this reason."),
        CallQualityFail = reason("CALL_QUALITY_FAIL", "Other", false, Some(true), "During network pre-check; the network bandwidth is found to be lower than expected to conduct a successful video call."),
        NoEsignFraud = reason("NO_ESIGN_FRAUD", "Other", false, Some(true), "For eSign transactions, agents must cancel a call if they believe it is fraudulent before it comes to the signing step. It will then be submitted for review with the status FRAUD_SUSPICION_PENDING"),
        /// Signet addition: the agent suspected fraud and the identification awaits review
        /// (`pending_failed`). Named after the status seed 002's `NO_ESIGN_FRAUD` mentions.
        FraudSuspicionPending = reason("FRAUD_SUSPICION_PENDING", "Fraud", false, Some(true), "Signet addition: the agent reported a suspicion of fraud and the identification is submitted for review."),
        /// Signet addition: the review confirmed the suspected fraud (`failed`).
        FraudSuspicionConfirmed = reason("FRAUD_SUSPICION_CONFIRMED", "Fraud", true, Some(true), "Signet addition: the review confirmed the suspicion of fraud. The identification failed."),
    }
}

impl IdentificationReason {
    /// The seed's category: `DATA`, `Technical`, `User`, `Other`, or Signet's `Fraud`.
    pub fn category(&self) -> &'static str {
        // Every row is built by `reason`, which always sets the category.
        self.entry().category.unwrap_or("Other")
    }

    /// Whether the seed says the failure cannot be solved by a retry.
    pub fn permanent(&self) -> bool {
        self.entry().permanent == Some(true)
    }

    /// Whether the user caused it; `None` where the seed says "-".
    pub fn caused_by_user(&self) -> Option<bool> {
        self.entry().caused_by_user
    }

    /// The attempt response code (seed 003) that an identification ended with this reason
    /// gets, and with it the code's group and check status. Seed 002's technical reasons
    /// (audio, video, connection, the ident code's delivery) are seed 003's technical issues
    /// and retried, never suspicious behaviour; a photo or lighting problem is a capture issue;
    /// security features "not visible or broken" with "no suspicion of fraud" (TECH_HOLOGRAM)
    /// is a document that was not moved so its holograms show, not a copy; a confirmed fraud
    /// (the sandbox's FRAUDIDENT) is identity fraud. Only a mismatch between the person and
    /// the applicant or the answers they gave is suspicious behaviour, and only the applicant
    /// disagreeing with the recording is a refusal.
    pub fn response_code(self) -> AttemptResponseCode {
        use AttemptResponseCode as C;
        use IdentificationReason as R;
        match self {
            R::DataApplicationAddress | R::DataApplicationData => C::IdentityDetailsMismatch,
            R::DataIdExpired => C::DocumentExpired,
            R::TechAudio
            | R::TechDisconnectedVideo
            | R::TechDisconnectedWebsocket
            | R::TechInternetConnection
            | R::TechVideo
            | R::BadVideo
            | R::VideoOther
            | R::NoAudio
            | R::BadAudio
            | R::BadAudioEnvironment
            | R::AudioOther
            | R::ConnectionLost
            | R::ConnectionBad
            | R::NoConnection
            | R::ConnectionOther
            | R::CallQualityFail => C::PoorConnection,
            R::NoVideo => C::BrowserNotSupported,
            R::TechHologram => C::DocumentNotMoved,
            R::TechIdType | R::IdNotSupported | R::IdOther => C::DocumentUnsupported,
            R::TechIdentCodeDelivery | R::IdentCodeNotReceived | R::WrongPhoneNumber => {
                C::SmsNotReceived
            }
            R::TechInternalServerError
            | R::IncorrectIdNumber
            | R::IncorrectNameInQes
            | R::OtherMiscellaneousPermanent
            | R::OtherMiscellaneousTemporary
            | R::OtherTest
            | R::OtherError
            | R::NoSecurityQuestionAsked => C::InternalError,
            R::TechLighting => C::DocumentPoorLight,
            R::VideoEnvironment => C::FacePoorLight,
            R::TechPhoto | R::BadPhotoQuality | R::PhotoOther => C::DocumentVideoBlurry,
            R::TechTimeout
            | R::StalledTimeout
            | R::IdentCodeRepeatedlyIncorrect
            | R::UserIdentCode
            | R::EnrolledToWaitingList
            | R::UserLanguage => C::FlowNotStarted,
            R::UserAbortWhileWaiting | R::UserCancellation => C::PostponedByUser,
            R::UserStartedNewRequest => C::AttemptClosed,
            R::IdDamaged => C::DocumentDamaged,
            R::DisagreeWithVideoRecording => C::UserRefused,
            R::UserNoId => C::DocumentNotAtHand,
            R::UserIdNumber
            | R::UserWrongPerson
            | R::IndecentBehaviour
            | R::OtherAbuse
            | R::SecurityQuestionNotCorrectAnswered
            | R::SecurityQuestion
            | R::NoEsignFraud
            | R::FraudSuspicionPending => C::IdentityDetailsMismatch,
            R::FraudSuspicionConfirmed => C::DocumentCounterfeit,
        }
    }
}

const fn doc_type(code: &'static str, description: &'static str) -> CodeEntry {
    CodeEntry::new(CodeKind::PersonDocumentType, code, description)
}

code_enum! {
    /// The `document_type` of a person's file: every value of seed 002's Appendix I, in order,
    /// descriptions verbatim (including the seed's "KYC report generate" and "An person's").
    pub enum PersonDocumentType ("person document type", DOCUMENT_TYPE_ENTRIES) {
        AnnualFinancialStatement = doc_type("ANNUAL_FINANCIAL_STATEMENT", "A business or a company's annual financial statement."),
        KycReport = doc_type("KYC_REPORT", "The KYC report generate after a successful customer identification."),
        IdDocument = doc_type("ID_DOCUMENT", "An person's identification document, such as passport or ID."),
        Signature = doc_type("SIGNATURE", "A signature example."),
        Picture = doc_type("PICTURE", "A picture or a scanned document of any other type."),
        QesDocument = doc_type("QES_DOCUMENT", "A document related to a Qualified Electronic Signature (QES)."),
        SignedContract = doc_type("SIGNED_CONTRACT", "A signed contract of any kind."),
        SignedQesDocument = doc_type("SIGNED_QES_DOCUMENT", "A document signed by a Qualified Electronic Signature (QES)."),
        RegisterCheck = doc_type("REGISTER_CHECK", "A register check."),
        RegisterExtract = doc_type("REGISTER_EXTRACT", "A business or a company's commercial register excerpt or a similar document."),
        FoundationDocument = doc_type("FOUNDATION_DOCUMENT", "The foundation document of a company or business."),
        SchufaCompactReport = doc_type("SCHUFA_COMPACT_REPORT", "A compact SCHUFA report."),
        SchufaGwgReport = doc_type("SCHUFA_GWG_REPORT", "A GWG SCHUFA report."),
        SchufaFullReport = doc_type("SCHUFA_FULL_REPORT", "A full SCHUFA report about a person."),
        SchufaShortReport = doc_type("SCHUFA_SHORT_REPORT", "A short SCHUFA report about a person."),
        CreditAgencyReport = doc_type("CREDIT_AGENCY_REPORT", "A report issued by a credit agency."),
        ShareHoldersAgreement = doc_type("SHARE_HOLDERS_AGREEMENT", "A business or a company's shareholders agreement."),
        ShareholdersList = doc_type("SHAREHOLDERS_LIST", "A business or a company's shareholders list."),
        TradingLicense = doc_type("TRADING_LICENSE", "A business or a company's trading license."),
        TransparencyRegisterExtract = doc_type("TRANSPARENCY_REGISTER_EXTRACT", "An extract of a transparency register."),
        Invoice = doc_type("INVOICE", "An invoice of any kind."),
        Other = doc_type("OTHER", "Any other type of document."),
        Video = doc_type("VIDEO", "A video of any kind."),
        VatCertificate = doc_type("VAT_CERTIFICATE", "VAT registration certificate"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every failure reason of seed 002's table, in the seed's order.
    const SEED_REASONS: &[&str] = &[
        "DATA_APPLICATION_ADDRESS",
        "DATA_APPLICATION_DATA",
        "DATA_ID_EXPIRED",
        "TECH_AUDIO",
        "TECH_DISCONNECTED_VIDEO",
        "TECH_DISCONNECTED_WEBSOCKET",
        "TECH_HOLOGRAM",
        "TECH_ID_TYPE",
        "TECH_IDENT_CODE_DELIVERY",
        "TECH_INTERNAL_SERVER_ERROR",
        "TECH_INTERNET_CONNECTION",
        "TECH_LIGHTING",
        "TECH_PHOTO",
        "TECH_TIMEOUT",
        "TECH_VIDEO",
        "NO_VIDEO",
        "BAD_VIDEO",
        "VIDEO_ENVIRONMENT",
        "VIDEO_OTHER",
        "NO_AUDIO",
        "BAD_AUDIO",
        "BAD_AUDIO_ENVIRONMENT",
        "AUDIO_OTHER",
        "BAD_PHOTO_QUALITY",
        "PHOTO_OTHER",
        "CONNECTION_LOST",
        "CONNECTION_BAD",
        "NO_CONNECTION",
        "CONNECTION_OTHER",
        "IDENT_CODE_NOT_RECEIVED",
        "IDENT_CODE_REPEATEDLY_INCORRECT",
        "USER_ABORT_WHILE_WAITING",
        "USER_STARTED_NEW_REQUEST",
        "USER_CANCELLATION",
        "ENROLLED_TO_WAITING_LIST",
        "ID_NOT_SUPPORTED",
        "ID_DAMAGED",
        "ID_OTHER",
        "DISAGREE_WITH_VIDEO_RECORDING",
        "INCORRECT_ID_NUMBER",
        "INCORRECT_NAME_IN_QES",
        "WRONG_PHONE_NUMBER",
        "USER_ID_NUMBER",
        "USER_IDENT_CODE",
        "USER_LANGUAGE",
        "USER_NO_ID",
        "USER_WRONG_PERSON",
        "INDECENT_BEHAVIOUR",
        "OTHER_ABUSE",
        "OTHER_MISCELLANEOUS_PERMANENT",
        "OTHER_MISCELLANEOUS_TEMPORARY",
        "OTHER_TEST",
        "OTHER_ERROR",
        "STALLED_TIMEOUT",
        "NO_SECURITY_QUESTION_ASKED",
        "SECURITY_QUESTION_NOT_CORRECT_ANSWERED",
        "SECURITY_QUESTION",
        "CALL_QUALITY_FAIL",
        "NO_ESIGN_FRAUD",
    ];

    #[test]
    fn every_seed_002_reason_is_present_in_the_seeds_order() {
        assert_eq!(SEED_REASONS.len(), 59);
        let ours: Vec<&str> = IdentificationReason::ALL
            .iter()
            .map(|r| r.as_str())
            .collect();
        assert_eq!(&ours[..59], SEED_REASONS);
        assert_eq!(
            &ours[59..],
            ["FRAUD_SUSPICION_PENDING", "FRAUD_SUSPICION_CONFIRMED"]
        );
    }

    #[test]
    fn every_seed_reason_is_present_with_the_seeds_flags() {
        // 59 rows in seed 002's table plus the two fraud additions.
        assert_eq!(IdentificationReason::ALL.len(), 61);
        let tech_timeout: IdentificationReason = "TECH_TIMEOUT".parse().unwrap();
        assert!(!tech_timeout.permanent());
        assert_eq!(tech_timeout.caused_by_user(), Some(true));
        assert_eq!(tech_timeout.category(), "Technical");

        let waiting = IdentificationReason::EnrolledToWaitingList;
        assert!(waiting.permanent());
        assert_eq!(waiting.category(), "User");

        let misc = IdentificationReason::OtherMiscellaneousPermanent;
        assert!(misc.permanent());
        assert_eq!(misc.caused_by_user(), None);
        assert_eq!(misc.category(), "Other");

        let server = IdentificationReason::TechInternalServerError;
        assert_eq!(server.caused_by_user(), Some(false));
        assert_eq!(
            IdentificationReason::DataApplicationAddress.category(),
            "DATA"
        );
        // "No yes" in the seed: not permanent, caused by the user.
        assert!(!IdentificationReason::CallQualityFail.permanent());
        assert_eq!(
            IdentificationReason::OtherError.caused_by_user(),
            Some(true)
        );
    }

    #[test]
    fn permanent_and_unknown_cause_rows_match_the_seed() {
        let permanent: Vec<&str> = IdentificationReason::ALL
            .iter()
            .filter(|r| r.permanent())
            .map(|r| r.as_str())
            .collect();
        assert_eq!(
            permanent,
            [
                "DATA_APPLICATION_ADDRESS",
                "DATA_APPLICATION_DATA",
                "ENROLLED_TO_WAITING_LIST",
                "USER_LANGUAGE",
                "INDECENT_BEHAVIOUR",
                "OTHER_MISCELLANEOUS_PERMANENT",
                "FRAUD_SUSPICION_CONFIRMED",
            ]
        );
        let unknown_cause: Vec<&str> = IdentificationReason::ALL
            .iter()
            .filter(|r| r.caused_by_user().is_none())
            .map(|r| r.as_str())
            .collect();
        assert_eq!(
            unknown_cause,
            [
                "OTHER_MISCELLANEOUS_PERMANENT",
                "OTHER_MISCELLANEOUS_TEMPORARY",
                "STALLED_TIMEOUT",
                "NO_SECURITY_QUESTION_ASKED",
                "SECURITY_QUESTION_NOT_CORRECT_ANSWERED",
                "SECURITY_QUESTION",
            ]
        );
        let not_by_user: Vec<&str> = IdentificationReason::ALL
            .iter()
            .filter(|r| r.caused_by_user() == Some(false))
            .map(|r| r.as_str())
            .collect();
        assert_eq!(
            not_by_user,
            [
                "TECH_INTERNAL_SERVER_ERROR",
                "IDENT_CODE_NOT_RECEIVED",
                "INCORRECT_ID_NUMBER",
                "INCORRECT_NAME_IN_QES",
            ]
        );
    }

    #[test]
    fn every_reason_has_a_category_of_the_seed_or_fraud() {
        for reason in IdentificationReason::ALL {
            let category = reason.entry().category.unwrap();
            assert!(
                ["DATA", "Technical", "User", "Other", "Fraud"].contains(&category),
                "{reason}"
            );
            assert!(reason.entry().permanent.is_some(), "{reason}");
        }
        assert_eq!(
            IdentificationReason::FraudSuspicionPending.category(),
            "Fraud"
        );
        assert_eq!(
            IdentificationReason::FraudSuspicionConfirmed.category(),
            "Fraud"
        );
    }

    #[test]
    fn reasons_and_document_types_round_trip_through_strings_and_serde() {
        for reason in IdentificationReason::ALL {
            assert_eq!(
                IdentificationReason::parse(reason.as_str()).unwrap(),
                *reason
            );
            let json = serde_json::to_string(reason).unwrap();
            assert_eq!(json, format!("\"{}\"", reason.as_str()));
            assert_eq!(
                serde_json::from_str::<IdentificationReason>(&json).unwrap(),
                *reason
            );
            assert_eq!(reason.to_string(), reason.as_str());
        }
        for doc in PersonDocumentType::ALL {
            assert_eq!(PersonDocumentType::parse(doc.as_str()).unwrap(), *doc);
            let json = serde_json::to_string(doc).unwrap();
            assert_eq!(
                serde_json::from_str::<PersonDocumentType>(&json).unwrap(),
                *doc
            );
        }
        assert_eq!(PersonDocumentType::KycReport.as_str(), "KYC_REPORT");
        assert_eq!(
            PersonDocumentType::VatCertificate.as_str(),
            "VAT_CERTIFICATE"
        );
    }

    #[test]
    fn unknown_or_differently_cased_words_are_refused() {
        let err = "tech_timeout".parse::<IdentificationReason>().unwrap_err();
        assert_eq!(err.value, "tech_timeout");
        assert!(err.to_string().contains("identification reason"));
        assert!(serde_json::from_str::<PersonDocumentType>("\"PASSPORT\"").is_err());
        assert!(serde_json::from_str::<PersonDocumentType>("42").is_err());
    }

    #[test]
    fn person_document_types_are_every_value_of_the_seed_appendix() {
        assert_eq!(PersonDocumentType::ALL.len(), 24);
        for word in [
            "ID_DOCUMENT",
            "KYC_REPORT",
            "SIGNATURE",
            "PICTURE",
            "QES_DOCUMENT",
            "SIGNED_QES_DOCUMENT",
            "SHARE_HOLDERS_AGREEMENT",
            "SHAREHOLDERS_LIST",
            "OTHER",
        ] {
            assert!(word.parse::<PersonDocumentType>().is_ok(), "{word}");
        }
    }

    #[test]
    fn identification_statuses_are_the_eight_of_seed_002() {
        let codes: Vec<&str> = IDENTIFICATION_STATUSES.iter().map(|e| e.code).collect();
        assert_eq!(
            codes,
            [
                "created",
                "pending",
                "pending_successful",
                "pending_failed",
                "successful",
                "aborted",
                "canceled",
                "failed"
            ]
        );
    }

    #[test]
    fn reasons_map_to_the_response_code_group_of_their_meaning() {
        use crate::catalog::AttemptResponseCode as C;
        let group = |code: &str| {
            IdentificationReason::parse(code)
                .unwrap()
                .response_code()
                .category()
                .unwrap()
        };
        // Technical and connection problems are technical (or capture) issues, retried.
        for reason in REASON_ENTRIES.iter().filter(|e| {
            e.category == Some("Technical")
                || e.code.starts_with("CONNECTION_")
                || e.code.starts_with("TECH_")
        }) {
            let g = group(reason.code);
            assert!(
                !matches!(g, "suspicious_behaviour" | "identity_fraud" | "copy_issue"),
                "{}: {g}",
                reason.code
            );
            let check = IdentificationReason::parse(reason.code)
                .unwrap()
                .response_code()
                .check_status();
            if !matches!(reason.code, "TECH_ID_TYPE") {
                assert_eq!(check, Some("retry_required"), "{}", reason.code);
            }
        }
        for code in [
            "TECH_INTERNET_CONNECTION",
            "CONNECTION_LOST",
            "NO_CONNECTION",
            "TECH_AUDIO",
        ] {
            assert_eq!(group(code), "technical", "{code}");
        }
        // "Security features not visible or broken. No suspicion of fraud.": not a copy.
        assert_eq!(
            IdentificationReason::TechHologram.response_code(),
            C::DocumentNotMoved
        );
        assert_eq!(group("TECH_HOLOGRAM"), "document_capture");
        // The sandbox's FRAUDIDENT ends with a confirmed fraud: identity fraud, declined.
        assert_eq!(group("FRAUD_SUSPICION_CONFIRMED"), "identity_fraud");
        assert_eq!(
            IdentificationReason::FraudSuspicionConfirmed
                .response_code()
                .check_status(),
            Some("declined")
        );
        assert_eq!(group("DATA_ID_EXPIRED"), "document_issue");
        assert_eq!(group("USER_WRONG_PERSON"), "suspicious_behaviour");
        assert_eq!(group("DISAGREE_WITH_VIDEO_RECORDING"), "user_refusal");
        assert_eq!(group("USER_NO_ID"), "user_engagement");
        // Only the two Fraud rows and the mismatches may be suspicious or fraud.
        for e in REASON_ENTRIES {
            let g = group(e.code);
            if g == "identity_fraud" {
                assert_eq!(e.code, "FRAUD_SUSPICION_CONFIRMED");
            }
        }
    }
}
