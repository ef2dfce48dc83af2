//! Signature workflow statuses and their status codes (seed 000).
//!
//! The seed writes actions as bullet lists split by integration path; here each list is one
//! sentence sequence ("SDK integration: … API integration: …") with the seed's words.

use super::{CodeEntry, CodeKind};

const fn status(code: &'static str, description: &'static str, action: &'static str) -> CodeEntry {
    CodeEntry::new(CodeKind::SignatureStatus, code, description).action(action)
}

/// Seed 000's statuses in the seed's order, then the SPEC's `rejected` and `blocked`, which are
/// Signet additions for the multi-signer workflow of seed 004 (a signer rejects; a signer is
/// blocked after three failed identity validations).
pub(crate) const SIGNATURE_STATUSES: &[CodeEntry] = &[
    status(
        "new",
        "The workflow is successfully created.",
        "Wait for pending status.",
    ),
    status(
        "pending",
        "The client is eligible for a signature.",
        "Wait. The signature flow starts automatically.",
    ),
    status(
        "selfie_required",
        "We need a selfie to check the client is the same person as in the related Identity Verification case, which was processed: More than 24 hours ago, or Less than 24 hours ago but the device model is different.",
        "SDK integration: Handled by the SDK. API integration: Upload a selfie within 24 hours or the status changes to error.",
    ),
    status(
        "kyc_required",
        "A new Identity Verification case is required because the client didn't pass one or more eligibility checks.",
        "Create a new workflow that includes Identity Verification and Qualified Electronic Signature.",
    ),
    status(
        "user_consent_required",
        "The client is eligible for a signature and can proceed to the Document approval step.",
        "SDK integration: Handled by the SDK. API integration: Get the signature details, and then approve the documents to sign. If the documents aren't approved within 2 hours, the signature flow expires: SDK integration: If the client tries again, an error message is displayed. API integration: You receive a 422 error and must create a new workflow for Qualified Electronic Signature only. If the documents aren't approved within 24 hours, the status changes to error and you must create a new workflow for Qualified Electronic Signature only.",
    ),
    status(
        "confirmation_required",
        "The Document approval step was successful and the client can proceed to the Signature confirmation step.",
        "SDK integration: Handled by the SDK. API integration: Confirm the signature. If the signature isn't confirmed within 1 hour, the signature flow expires: SDK integration: If the client tries again, an error message is displayed. API integration: You receive a 422 error, and must create a new workflow for Qualified Electronic Signature only. If the signature isn't confirmed within 24 hours, the status changes to error and you must create a new workflow for Qualified Electronic Signature only.",
    ),
    status(
        "pending_verification",
        "Pending verification flow only. The client has completed the signature flow, but we are still processing the related Identity Verification case.",
        "Wait for the next status.",
    ),
    status(
        "invalid_signature",
        "Pending verification flow only. The extracted certificate details don't match the confirmed details from the related Identity Verification case.",
        "Create a new workflow for Qualified Electronic Signature only.",
    ),
    status(
        "signed",
        "The signed documents are available.",
        "Download the signed documents.",
    ),
    status(
        "error",
        "An error occurred. If the system can recover after the error, the status changes to a previous status.",
        "If the system can't recover, create a new workflow for Qualified Electronic Signature only.",
    ),
    status(
        "rejected",
        "Signet addition: the signer rejected the document, with a message.",
        "None for this signer. Read the signer's message; create a new document to ask again.",
    ),
    status(
        "blocked",
        "Signet addition: the signer failed identity validation three times and is blocked until a reviewer unblocks them.",
        "Have a reviewer check the signer and unblock them.",
    ),
];

const NEW_IDV_AND_QES: &str =
    "Create a new workflow that includes Identity Verification and Qualified Electronic Signature.";
const NO_RETRY: &str = "None. You can't retry.";
const NEW_QES_OR_IDV: &str = "If the status of the related Identity Verification case is: completed_acceptable: Create a new workflow for Qualified Electronic Signature only. inconsistent_data or invalid_data: Create a new workflow that includes Identity Verification and Qualified Electronic Signature.";
const UPLOAD_SELFIE: &str =
    "SDK integration: Handled by the SDK. API integration: Upload a new selfie.";
const REAPPROVE: &str =
    "SDK integration: Handled by the SDK. API integration: Re-approve the documents to sign.";
const RECONFIRM: &str =
    "SDK integration: Handled by the SDK. API integration: Re-confirm the signature.";

/// A status code row: the seed's description without its trailing "Status: …", which becomes
/// `status`. `retryable` is false exactly where the seed says "You can't retry".
const fn sc(
    code: &'static str,
    status: &'static str,
    description: &'static str,
    action: &'static str,
    retryable: bool,
) -> CodeEntry {
    CodeEntry::new(CodeKind::SignatureStatusCode, code, description)
        .status(status)
        .action(action)
        .retryable(retryable)
}

/// Seed 000's status codes in numeric order.
///
/// Choices where the seed is silent or inconsistent:
/// - 1039 appears in `kyc_required`'s list but has no row; it is kept with the status's own
///   action and a description that says so.
/// - 3311 appears in `kyc_required`'s list, but its own row says `invalid_signature`; the row wins.
/// - 6002's row names no status; it is in `error`'s list, so its status is `error`.
pub(crate) const SIGNATURE_STATUS_CODES: &[CodeEntry] = &[
    sc(
        "140",
        "kyc_required",
        "We found a potential sanctions hit.",
        NEW_IDV_AND_QES,
        true,
    ),
    sc(
        "1021",
        "kyc_required",
        "The ID document type in the successful Identity Verification case isn't supported for this nationality.",
        NEW_IDV_AND_QES,
        true,
    ),
    sc(
        "1035",
        "kyc_required",
        "The client isn't eligible for a signature.",
        NO_RETRY,
        false,
    ),
    sc(
        "1039",
        "kyc_required",
        "Listed among the status codes of kyc_required; the source gives it no description.",
        NEW_IDV_AND_QES,
        true,
    ),
    sc(
        "1201",
        "kyc_required",
        "The Identity Verification case isn't compliant.",
        NEW_IDV_AND_QES,
        true,
    ),
    sc(
        "1202",
        "kyc_required",
        "The client isn't eligible for a signature because the related Identity Verification case status is completed_unacceptable.",
        NO_RETRY,
        false,
    ),
    sc(
        "3105",
        "selfie_required",
        "The signature flow selfie isn't the same person as in the Identity Verification case selfie.",
        UPLOAD_SELFIE,
        true,
    ),
    sc(
        "3204",
        "kyc_required",
        "The ID document used in the successful Identity Verification case is expired.",
        NEW_IDV_AND_QES,
        true,
    ),
    sc(
        "3311",
        "invalid_signature",
        "Pending verification flow only. The certificate details don't match the ID document.",
        "Create a new workflow for Qualified Electronic Signature only.",
        true,
    ),
    sc(
        "3541",
        "selfie_required",
        "The device model used for the signature flow doesn't match the one used for the Identity Verification case.",
        UPLOAD_SELFIE,
        true,
    ),
    sc(
        "3550",
        "selfie_required",
        "The phone number of the device used for the signature flow doesn't match the one used for the Identity Verification case.",
        UPLOAD_SELFIE,
        true,
    ),
    sc(
        "4110",
        "kyc_required",
        "We found a confirmed sanctions hit. The client isn't eligible for a signature.",
        NO_RETRY,
        false,
    ),
    sc(
        "4145",
        "kyc_required",
        "The client's geolocation is in a prohibited country.",
        "Ask the client to retry from a non-prohibited country. If the status of the related Identity Verification case is: completed_acceptable: Create a new workflow for Qualified Electronic Signature only. inconsistent_data or invalid_data: Create a new workflow that includes Identity Verification and Qualified Electronic Signature.",
        true,
    ),
    sc(
        "6001",
        "error",
        "There was a fatal error while creating the certificate.",
        NEW_QES_OR_IDV,
        true,
    ),
    sc(
        "6002",
        "error",
        "There was an error while creating the certificate.",
        REAPPROVE,
        true,
    ),
    sc(
        "6003",
        "error",
        "There was a communication error while creating the certificate.",
        REAPPROVE,
        true,
    ),
    sc(
        "6004",
        "error",
        "There was a fatal error while signing the document(s).",
        NEW_QES_OR_IDV,
        true,
    ),
    sc(
        "6005",
        "error",
        "There was an error while signing the documents.",
        RECONFIRM,
        true,
    ),
    sc(
        "6006",
        "error",
        "There was a communication error while signing the documents.",
        RECONFIRM,
        true,
    ),
    sc(
        "6007",
        "error",
        "Pending verification flow only. There was a fatal error while countersigning the documents.",
        "Create a new workflow for Qualified Electronic Signature only.",
        true,
    ),
    sc(
        "6008",
        "error",
        "The signature flow timed out.",
        NEW_QES_OR_IDV,
        true,
    ),
    sc(
        "6009",
        "error",
        "The signature flow wasn't initialized.",
        NEW_QES_OR_IDV,
        true,
    ),
    sc(
        "6010",
        "error",
        "The client's mobile phone number is invalid.",
        "If the status of the related Identity Verification case is: completed_acceptable: Create a new workflow for Qualified Electronic Signature only and provide a valid mobile phone number. inconsistent_data or invalid_data: Create a new workflow that includes Identity Verification and Qualified Electronic Signature.",
        true,
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The status lists of seed 000's status table, less 3311 under kyc_required (see above).
    const SEED_LISTS: &[(&str, &[&str])] = &[
        ("selfie_required", &["3105", "3541", "3550"]),
        (
            "kyc_required",
            &[
                "140", "1021", "1035", "1039", "1201", "1202", "3204", "4110", "4145",
            ],
        ),
        ("invalid_signature", &["3311"]),
        (
            "error",
            &[
                "6001", "6002", "6003", "6004", "6005", "6006", "6007", "6008", "6009", "6010",
            ],
        ),
    ];

    #[test]
    fn every_status_code_the_seed_lists_belongs_to_its_status() {
        let mut listed = 0;
        for (status, codes) in SEED_LISTS {
            for code in *codes {
                let entry = SIGNATURE_STATUS_CODES
                    .iter()
                    .find(|e| e.code == *code)
                    .unwrap_or_else(|| panic!("{code} missing"));
                assert_eq!(entry.status, Some(*status), "{code}");
                listed += 1;
            }
        }
        assert_eq!(listed, SIGNATURE_STATUS_CODES.len());
    }

    #[test]
    fn only_the_codes_the_seed_says_cannot_be_retried_are_not_retryable() {
        let final_codes: Vec<&str> = SIGNATURE_STATUS_CODES
            .iter()
            .filter(|e| e.retryable == Some(false))
            .map(|e| e.code)
            .collect();
        assert_eq!(final_codes, ["1035", "1202", "4110"]);
    }

    #[test]
    fn every_status_code_points_at_a_published_status() {
        for entry in SIGNATURE_STATUS_CODES {
            let status = entry.status.unwrap();
            assert!(
                SIGNATURE_STATUSES.iter().any(|s| s.code == status),
                "{}",
                entry.code
            );
        }
    }

    #[test]
    fn statuses_are_seed_000_plus_rejected_and_blocked() {
        let codes: Vec<&str> = SIGNATURE_STATUSES.iter().map(|e| e.code).collect();
        assert_eq!(
            codes,
            [
                "new",
                "pending",
                "selfie_required",
                "kyc_required",
                "user_consent_required",
                "confirmation_required",
                "pending_verification",
                "invalid_signature",
                "signed",
                "error",
                "rejected",
                "blocked"
            ]
        );
        assert!(SIGNATURE_STATUSES.iter().all(|e| e.action.is_some()));
    }
}
