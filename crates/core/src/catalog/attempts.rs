//! Attempt statuses and response codes (seed 003).
//!
//! Seed 003 lost its code words in extraction: the status column and the response-code column
//! are empty. The SPEC names the attempt statuses; Signet names the response codes itself, in
//! snake_case by meaning, and publishes them here. Descriptions keep the seed's sentences with
//! one substitution: the seed's vendor name ("Checkout.com") reads "Signet", because in Signet's
//! catalog Signet is the service that runs the checks.

use super::{CodeEntry, CodeKind, code_enum};

const fn status(code: &'static str, description: &'static str) -> CodeEntry {
    CodeEntry::new(CodeKind::AttemptStatus, code, description)
}

/// The attempt statuses of seed 003's table, in the seed's order, named as the SPEC names them.
/// The seed's rows map by meaning (created but not redirected = `pending_redirection`, URL
/// expired = `expired`, and so on). `checks_inconclusive` has no row in the seed's attempt table;
/// its description is the seed's check-status row "could not complete the check. Create a new
/// attempt.", which is the case the SPEC gives it.
pub(crate) const ATTEMPT_STATUSES: &[CodeEntry] = &[
    status(
        "pending_redirection",
        "The attempt is created, but the applicant has not yet been redirected to the verification/authentication URL.",
    ),
    status("expired", "The verification/authentication URL expired.").retryable(true),
    status(
        "capture_in_progress",
        "The applicant is capturing their document and/or face.",
    ),
    status("checks_in_progress", "Signet is processing the check."),
    status(
        "completed",
        "The applicant successfully completed the flow in this attempt.",
    ),
    status(
        "checks_inconclusive",
        "Signet could not complete the check.",
    )
    .action("Create a new attempt.")
    .retryable(true),
    status(
        "terminated",
        "Signet could not complete the check and you can no longer retry.",
    )
    .action("No action is available.")
    .retryable(false),
    status(
        "abandoned",
        "The applicant dropped out of the flow without capturing their document and/or face.",
    )
    .retryable(true),
    status(
        "capture_refused",
        "The applicant explicitly refused to perform the capture.",
    )
    .retryable(true),
    status(
        "closed",
        "You created a new attempt and this attempt is closed.",
    ),
];

/// One group of seed 003's response-code table: its heading in snake_case and the check status
/// (seed 003's check-status table) its codes lead to. The seed lists the groups beside the check
/// statuses: a document issue (and with it a copy issue, identity fraud and suspicious
/// behaviour) declines the applicant; user engagement, technical, capture issues and internal
/// errors leave the check to be tried again (`retry_required`: "create a new attempt"); a user
/// refusal is `refused` ("the applicant refused to start the flow"). Closing an attempt
/// decides nothing about the check, so `attempts` leads to no check status.
#[derive(Clone, Copy)]
struct Group {
    category: &'static str,
    check_status: Option<&'static str>,
}

const fn group(category: &'static str, check_status: &'static str) -> Group {
    Group {
        category,
        check_status: Some(check_status),
    }
}

const USER_ENGAGEMENT: Group = group("user_engagement", RETRY_REQUIRED);
const TECHNICAL: Group = group("technical", RETRY_REQUIRED);
const DOCUMENT_CAPTURE: Group = group("document_capture", RETRY_REQUIRED);
const FACE_CAPTURE: Group = group("face_capture", RETRY_REQUIRED);
const INTERNAL_ERROR: Group = group("internal_error", RETRY_REQUIRED);
const DOCUMENT_ISSUE: Group = group("document_issue", DECLINED);
const COPY_ISSUE: Group = group("copy_issue", DECLINED);
const IDENTITY_FRAUD: Group = group("identity_fraud", DECLINED);
const SUSPICIOUS_BEHAVIOUR: Group = group("suspicious_behaviour", DECLINED);
const USER_REFUSAL: Group = group("user_refusal", REFUSED);
const ATTEMPTS: Group = Group {
    category: "attempts",
    check_status: None,
};

// Seed 003's check statuses that response codes lead to.
const APPROVED: &str = "approved";
const DECLINED: &str = "declined";
const RETRY_REQUIRED: &str = "retry_required";
const REFUSED: &str = "refused";

/// A response-code row: its group gives the category and, as the entry's `status`, the check
/// status it leads to.
const fn rc(code: &'static str, group: Group, description: &'static str) -> CodeEntry {
    let entry =
        CodeEntry::new(CodeKind::AttemptResponseCode, code, description).category(group.category);
    match group.check_status {
        Some(status) => entry.status(status),
        None => entry,
    }
}

code_enum! {
    /// The response codes of an attempt's checks: every row of seed 003's response-code table,
    /// in the seed's order, plus the success code first. The seed's code words were lost, so
    /// each row has a stable name by its meaning; the category is the seed's group heading in
    /// snake_case (`user_engagement`, `technical`, `document_capture`, `face_capture`,
    /// `internal_error`, `document_issue`, `copy_issue`, `identity_fraud`,
    /// `suspicious_behaviour`, `user_refusal`, `attempts`); the success code has none. The
    /// entry's `status` is the check status the code leads to (see [`Group`]): `approved` for
    /// the success code.
    pub enum AttemptResponseCode ("attempt response code", RESPONSE_CODE_ENTRIES) {
        Approved = CodeEntry::new(CodeKind::AttemptResponseCode, "approved", "The check was successful and the applicant is approved.").status(APPROVED),
        // User engagement issue
        FlowNotStarted = rc("flow_not_started", USER_ENGAGEMENT, "The applicant was not redirected to or did not start the flow."),
        PostponedByUser = rc("postponed_by_user", USER_ENGAGEMENT, "The applicant clicked a button to state they wanted to perform the flow later."),
        DocumentNotAtHand = rc("document_not_at_hand", USER_ENGAGEMENT, "The applicant clicked a button to state they did not have their document with them."),
        CameraAccessDenied = rc("camera_access_denied", USER_ENGAGEMENT, "The applicant did not give access to their device camera when instructed."),
        AbandonedUrlExpired = rc("abandoned_url_expired", USER_ENGAGEMENT, "The applicant dropped out of the flow before capturing their document and/or face and the verification/authentication URL expired."),
        // Technical issue
        PoorConnection = rc("poor_connection", TECHNICAL, "The applicant's connection was too poor to capture their document and/or face."),
        BrowserNotSupported = rc("browser_not_supported", TECHNICAL, "The applicant's browser was not suitable for video streaming."),
        NoCamera = rc("no_camera", TECHNICAL, "The applicant's device did not have a camera."),
        SwitchedTabOrApp = rc("switched_tab_or_app", TECHNICAL, "The applicant switched tabs or applications during the flow."),
        SmsNotReceived = rc("sms_not_received", TECHNICAL, "The applicant did not receive the SMS."),
        // Document capture issue
        DocumentVideoBlurry = rc("document_video_blurry", DOCUMENT_CAPTURE, "The applicant's document video was too blurry."),
        DocumentPoorLight = rc("document_poor_light", DOCUMENT_CAPTURE, "The applicant performed the document capture in poor light."),
        DocumentFrontMissing = rc("document_front_missing", DOCUMENT_CAPTURE, "The applicant did not capture the front of the document."),
        DocumentBackMissing = rc("document_back_missing", DOCUMENT_CAPTURE, "The applicant did not capture the back of the document."),
        DocumentPartlyHidden = rc("document_partly_hidden", DOCUMENT_CAPTURE, "Part of the document was hidden in the capture."),
        DocumentNotMoved = rc("document_not_moved", DOCUMENT_CAPTURE, "The applicant did not move the document dynamically."),
        BarcodeUnreadable = rc("barcode_unreadable", DOCUMENT_CAPTURE, "The document's barcode was not readable."),
        // Face capture issue
        FaceVideoBlurry = rc("face_video_blurry", FACE_CAPTURE, "The face video was too blurry."),
        FacePoorLight = rc("face_poor_light", FACE_CAPTURE, "The applicant captured the face video in poor light."),
        FaceNotPresented = rc("face_not_presented", FACE_CAPTURE, "The applicant did not present their face to the camera."),
        FaceNotFrontal = rc("face_not_frontal", FACE_CAPTURE, "The applicant did not present a full-frontal view of their face."),
        FaceLivenessFailed = rc("face_liveness_failed", FACE_CAPTURE, "The applicant did not move enough to prove liveness."),
        MultipleFaces = rc("multiple_faces", FACE_CAPTURE, "The applicant also captured another person's face."),
        // Internal error
        InternalError = rc("internal_error", INTERNAL_ERROR, "Signet could not complete the check due to an internal error."),
        VideoUnplayable = rc("video_unplayable", INTERNAL_ERROR, "The videos received could not be played."),
        // Document issue
        DocumentExpired = rc("document_expired", DOCUMENT_ISSUE, "The applicant presented an expired document."),
        DocumentUnsupported = rc("document_unsupported", DOCUMENT_ISSUE, "The applicant presented an unsupported document."),
        DocumentDamaged = rc("document_damaged", DOCUMENT_ISSUE, "The applicant presented a damaged document."),
        // Copy issue
        DocumentPhotocopy = rc("document_photocopy", COPY_ISSUE, "The applicant presented a photocopy of the document."),
        DocumentScreenshot = rc("document_screenshot", COPY_ISSUE, "The applicant presented a screenshot of the document."),
        // Identity fraud
        DocumentCounterfeit = rc("document_counterfeit", IDENTITY_FRAUD, "The applicant presented a counterfeit or falsified document."),
        DocumentLostOrStolen = rc("document_lost_or_stolen", IDENTITY_FRAUD, "The applicant presented a document that has been declared lost or stolen."),
        DocumentSidesMismatch = rc("document_sides_mismatch", IDENTITY_FRAUD, "The applicant presented the front and back of two different documents."),
        FaceMismatch = rc("face_mismatch", IDENTITY_FRAUD, "The applicant's face in the face video did not match the document portrait."),
        FaceSpoofing = rc("face_spoofing", IDENTITY_FRAUD, "The applicant presented a physical or digital photo or video of another person's face."),
        AppearanceAltered = rc("appearance_altered", IDENTITY_FRAUD, "The applicant altered their appearance."),
        VideoTampered = rc("video_tampered", IDENTITY_FRAUD, "The document and/or face videos are digitally altered."),
        FaceNotPreviouslyVerified = rc("face_not_previously_verified", IDENTITY_FRAUD, "The face video does not match any previous identity verification or face authentication for this applicant."),
        // Suspicious behavior
        IdentityDetailsMismatch = rc("identity_details_mismatch", SUSPICIOUS_BEHAVIOUR, "The applicant's identity did not match the details they provided."),
        DeviceTampered = rc("device_tampered", SUSPICIOUS_BEHAVIOUR, "The applicant used a device that has been technically altered."),
        CoercionSuspected = rc("coercion_suspected", SUSPICIOUS_BEHAVIOUR, "The applicant appears to have captured their document and/or face under coercion."),
        MultipleDocuments = rc("multiple_documents", SUSPICIOUS_BEHAVIOUR, "The applicant presented multiple documents."),
        // User refusal
        UserRefused = rc("user_refused", USER_REFUSAL, "The applicant clicked a button to refuse to perform the flow."),
        // Attempts
        AttemptClosed = rc("attempt_closed", ATTEMPTS, "You closed the attempt and the verification/authentication URL is no longer valid."),
    }
}

impl AttemptResponseCode {
    /// The seed's group in snake_case; `None` for the success code `approved`, which the seed
    /// lists above every group.
    pub fn category(&self) -> Option<&'static str> {
        self.entry().category
    }

    /// Every check status a response code can lead to, in seed 003's order.
    pub const CHECK_STATUSES: [&'static str; 4] = [APPROVED, DECLINED, RETRY_REQUIRED, REFUSED];

    /// The check status (seed 003) the code leads to: `approved`, `declined`, `retry_required`
    /// or `refused`; `None` for `attempt_closed`, which decides nothing about the check.
    pub fn check_status(&self) -> Option<&'static str> {
        self.entry().status
    }

    /// Whether the code reports success.
    pub fn is_success(&self) -> bool {
        *self == AttemptResponseCode::Approved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seed_response_code_row_has_a_code_with_a_seed_category() {
        // 1 success code and the seed's rows per category.
        let expected = [
            ("user_engagement", 5),
            ("technical", 5),
            ("document_capture", 7),
            ("face_capture", 6),
            ("internal_error", 2),
            ("document_issue", 3),
            ("copy_issue", 2),
            ("identity_fraud", 8),
            ("suspicious_behaviour", 4),
            ("user_refusal", 1),
            ("attempts", 1),
        ];
        for (category, n) in expected {
            let got = AttemptResponseCode::ALL
                .iter()
                .filter(|c| c.category() == Some(category))
                .count();
            assert_eq!(got, n, "{category}");
        }
        let total: usize = expected.iter().map(|(_, n)| n).sum();
        assert_eq!(AttemptResponseCode::ALL.len(), total + 1);
        assert!(AttemptResponseCode::Approved.is_success());
        assert_eq!(AttemptResponseCode::Approved.category(), None);
    }

    #[test]
    fn each_group_leads_to_the_check_status_seed_003_gives_it() {
        let expected = [
            ("user_engagement", Some("retry_required")),
            ("technical", Some("retry_required")),
            ("document_capture", Some("retry_required")),
            ("face_capture", Some("retry_required")),
            ("internal_error", Some("retry_required")),
            ("document_issue", Some("declined")),
            ("copy_issue", Some("declined")),
            ("identity_fraud", Some("declined")),
            ("suspicious_behaviour", Some("declined")),
            ("user_refusal", Some("refused")),
            ("attempts", None),
        ];
        for code in AttemptResponseCode::ALL {
            let Some(category) = code.category() else {
                assert_eq!(code.check_status(), Some("approved"), "{code}");
                continue;
            };
            let (_, check) = expected
                .iter()
                .find(|(c, _)| *c == category)
                .unwrap_or_else(|| panic!("{code}: unknown group {category}"));
            assert_eq!(code.check_status(), *check, "{code}");
            if let Some(check) = check {
                assert!(AttemptResponseCode::CHECK_STATUSES.contains(check));
            }
        }
        // What `/v1/codes` serves: the check status is the entry's `status`.
        let entry =
            crate::catalog::lookup(CodeKind::AttemptResponseCode, "camera_access_denied").unwrap();
        assert_eq!(entry.status, Some("retry_required"));
        assert_eq!(
            AttemptResponseCode::UserRefused.check_status(),
            Some("refused")
        );
        assert_eq!(
            AttemptResponseCode::DocumentPhotocopy.check_status(),
            Some("declined")
        );
        assert_eq!(AttemptResponseCode::AttemptClosed.check_status(), None);
    }

    #[test]
    fn response_codes_round_trip_through_strings_and_serde() {
        for code in AttemptResponseCode::ALL {
            assert_eq!(code.as_str().parse::<AttemptResponseCode>().unwrap(), *code);
            let json = serde_json::to_string(code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(
                serde_json::from_str::<AttemptResponseCode>(&json).unwrap(),
                *code
            );
        }
        assert_eq!(
            AttemptResponseCode::DocumentExpired.as_str(),
            "document_expired"
        );
        assert_eq!(
            AttemptResponseCode::FaceLivenessFailed.category(),
            Some("face_capture")
        );
        assert!("DOCUMENT_EXPIRED".parse::<AttemptResponseCode>().is_err());
    }

    #[test]
    fn attempt_statuses_are_the_ten_the_spec_names() {
        let codes: Vec<&str> = ATTEMPT_STATUSES.iter().map(|e| e.code).collect();
        for name in [
            "pending_redirection",
            "capture_in_progress",
            "checks_in_progress",
            "completed",
            "checks_inconclusive",
            "expired",
            "abandoned",
            "capture_refused",
            "terminated",
            "closed",
        ] {
            assert!(codes.contains(&name), "{name}");
        }
        assert_eq!(codes.len(), 10);
    }

    #[test]
    fn no_description_names_the_seed_vendor() {
        for entry in ATTEMPT_STATUSES.iter().chain(RESPONSE_CODE_ENTRIES) {
            assert!(!entry.description.contains("Checkout.com"), "{entry:?}");
        }
    }
}
