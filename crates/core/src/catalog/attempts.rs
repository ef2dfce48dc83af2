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
    ),
    status(
        "closed",
        "You created a new attempt and this attempt is closed.",
    ),
];

/// A response-code row; `category` is the snake_case form of the seed's group heading.
const fn rc(code: &'static str, category: &'static str, description: &'static str) -> CodeEntry {
    CodeEntry::new(CodeKind::AttemptResponseCode, code, description).category(category)
}

code_enum! {
    /// The response codes of an attempt's checks: every row of seed 003's response-code table,
    /// in the seed's order, plus the success code first. The seed's code words were lost, so
    /// each row has a stable name by its meaning; the category is the seed's group heading in
    /// snake_case (`user_engagement`, `technical`, `document_capture`, `face_capture`,
    /// `internal_error`, `document_issue`, `copy_issue`, `identity_fraud`,
    /// `suspicious_behaviour`, `user_refusal`, `attempts`); the success code has none.
    pub enum AttemptResponseCode ("attempt response code", RESPONSE_CODE_ENTRIES) {
        Approved = CodeEntry::new(CodeKind::AttemptResponseCode, "approved", "The check was successful and the applicant is approved."),
        // User engagement issue
        FlowNotStarted = rc("flow_not_started", "user_engagement", "The applicant was not redirected to or did not start the flow."),
        PostponedByUser = rc("postponed_by_user", "user_engagement", "The applicant clicked a button to state they wanted to perform the flow later."),
        DocumentNotAtHand = rc("document_not_at_hand", "user_engagement", "The applicant clicked a button to state they did not have their document with them."),
        CameraAccessDenied = rc("camera_access_denied", "user_engagement", "The applicant did not give access to their device camera when instructed."),
        AbandonedUrlExpired = rc("abandoned_url_expired", "user_engagement", "The applicant dropped out of the flow before capturing their document and/or face and the verification/authentication URL expired."),
        // Technical issue
        PoorConnection = rc("poor_connection", "technical", "The applicant's connection was too poor to capture their document and/or face."),
        BrowserNotSupported = rc("browser_not_supported", "technical", "The applicant's browser was not suitable for video streaming."),
        NoCamera = rc("no_camera", "technical", "The applicant's device did not have a camera."),
        SwitchedTabOrApp = rc("switched_tab_or_app", "technical", "The applicant switched tabs or applications during the flow."),
        SmsNotReceived = rc("sms_not_received", "technical", "The applicant did not receive the SMS."),
        // Document capture issue
        DocumentVideoBlurry = rc("document_video_blurry", "document_capture", "The applicant's document video was too blurry."),
        DocumentPoorLight = rc("document_poor_light", "document_capture", "The applicant performed the document capture in poor light."),
        DocumentFrontMissing = rc("document_front_missing", "document_capture", "The applicant did not capture the front of the document."),
        DocumentBackMissing = rc("document_back_missing", "document_capture", "The applicant did not capture the back of the document."),
        DocumentPartlyHidden = rc("document_partly_hidden", "document_capture", "Part of the document was hidden in the capture."),
        DocumentNotMoved = rc("document_not_moved", "document_capture", "The applicant did not move the document dynamically."),
        BarcodeUnreadable = rc("barcode_unreadable", "document_capture", "The document's barcode was not readable."),
        // Face capture issue
        FaceVideoBlurry = rc("face_video_blurry", "face_capture", "The face video was too blurry."),
        FacePoorLight = rc("face_poor_light", "face_capture", "The applicant captured the face video in poor light."),
        FaceNotPresented = rc("face_not_presented", "face_capture", "The applicant did not present their face to the camera."),
        FaceNotFrontal = rc("face_not_frontal", "face_capture", "The applicant did not present a full-frontal view of their face."),
        FaceLivenessFailed = rc("face_liveness_failed", "face_capture", "The applicant did not move enough to prove liveness."),
        MultipleFaces = rc("multiple_faces", "face_capture", "The applicant also captured another person's face."),
        // Internal error
        InternalError = rc("internal_error", "internal_error", "Signet could not complete the check due to an internal error."),
        VideoUnplayable = rc("video_unplayable", "internal_error", "The videos received could not be played."),
        // Document issue
        DocumentExpired = rc("document_expired", "document_issue", "The applicant presented an expired document."),
        DocumentUnsupported = rc("document_unsupported", "document_issue", "The applicant presented an unsupported document."),
        DocumentDamaged = rc("document_damaged", "document_issue", "The applicant presented a damaged document."),
        // Copy issue
        DocumentPhotocopy = rc("document_photocopy", "copy_issue", "The applicant presented a photocopy of the document."),
        DocumentScreenshot = rc("document_screenshot", "copy_issue", "The applicant presented a screenshot of the document."),
        // Identity fraud
        DocumentCounterfeit = rc("document_counterfeit", "identity_fraud", "The applicant presented a counterfeit or falsified document."),
        DocumentLostOrStolen = rc("document_lost_or_stolen", "identity_fraud", "The applicant presented a document that has been declared lost or stolen."),
        DocumentSidesMismatch = rc("document_sides_mismatch", "identity_fraud", "The applicant presented the front and back of two different documents."),
        FaceMismatch = rc("face_mismatch", "identity_fraud", "The applicant's face in the face video did not match the document portrait."),
        FaceSpoofing = rc("face_spoofing", "identity_fraud", "The applicant presented a physical or digital photo or video of another person's face."),
        AppearanceAltered = rc("appearance_altered", "identity_fraud", "The applicant altered their appearance."),
        VideoTampered = rc("video_tampered", "identity_fraud", "The document and/or face videos are digitally altered."),
        FaceNotPreviouslyVerified = rc("face_not_previously_verified", "identity_fraud", "The face video does not match any previous identity verification or face authentication for this applicant."),
        // Suspicious behavior
        IdentityDetailsMismatch = rc("identity_details_mismatch", "suspicious_behaviour", "The applicant's identity did not match the details they provided."),
        DeviceTampered = rc("device_tampered", "suspicious_behaviour", "The applicant used a device that has been technically altered."),
        CoercionSuspected = rc("coercion_suspected", "suspicious_behaviour", "The applicant appears to have captured their document and/or face under coercion."),
        MultipleDocuments = rc("multiple_documents", "suspicious_behaviour", "The applicant presented multiple documents."),
        // User refusal
        UserRefused = rc("user_refused", "user_refusal", "The applicant clicked a button to refuse to perform the flow."),
        // Attempts
        AttemptClosed = rc("attempt_closed", "attempts", "You closed the attempt and the verification/authentication URL is no longer valid."),
    }
}

impl AttemptResponseCode {
    /// The seed's group in snake_case; `None` for the success code `approved`, which the seed
    /// lists above every group.
    pub fn category(&self) -> Option<&'static str> {
        self.entry().category
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
