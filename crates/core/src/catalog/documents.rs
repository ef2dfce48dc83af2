//! Document (signing process) statuses and the webhook words of seed 004.

use super::{CodeEntry, CodeKind};

const fn status(code: &'static str, description: &'static str) -> CodeEntry {
    CodeEntry::new(CodeKind::DocumentStatus, code, description)
}

/// The SPEC's document statuses, described by the SPEC's "when" column; each notes the seed 004
/// webhook word that announces it.
pub(crate) const DOCUMENT_STATUSES: &[CodeEntry] = &[
    status(
        "pending",
        "The document is created and its signers are at work. Announced by CREATE; NOTIFICATION follows each signer who finishes.",
    ),
    status(
        "rejected",
        "A signer rejected the document. Announced by REJECT, then REJECTED with the signer's message.",
    ),
    status(
        "blocked",
        "A signer was blocked after failing identity validation, until a reviewer unblocks them. Announced by BLOCKED.",
    ),
    status(
        "expired",
        "The document's expires_at passed before every signer signed. Announced by EXPIRED.",
    ),
    status(
        "finished",
        "Every signer signed the document. Announced by FINISH.",
    ),
    status(
        "canceled",
        "The integrator canceled the document. No webhook word of its own.",
    ),
];

const fn word(code: &'static str, description: &'static str, status: &'static str) -> CodeEntry {
    CodeEntry::new(CodeKind::DocumentWebhookStatus, code, description).status(status)
}

/// Seed 004's notified states, descriptions verbatim. `status` is the document status the SPEC
/// pairs with the word (`pending` for CREATE and NOTIFICATION, which leave it unchanged).
pub(crate) const DOCUMENT_WEBHOOK_STATUSES: &[CodeEntry] = &[
    word(
        "CREATE",
        "Notified when a document is created or a PDF is uploaded to the platform.",
        "pending",
    ),
    word(
        "FINISH",
        "Notified when all parties have signed the document.",
        "finished",
    ),
    word(
        "NOTIFICATION",
        "Notified when a document participant has completed the signing process.",
        "pending",
    ),
    word(
        "REJECT",
        "Notified when at least one signer has rejected the document.",
        "rejected",
    ),
    word(
        "REJECTED",
        "Indicates the details of the process cancellation.",
        "rejected",
    ),
    word(
        "BLOCKED",
        "Notified when a signer exceeds the identity validation attempts (3), requiring manual validation.",
        "blocked",
    ),
    word(
        "EXPIRED",
        "Notified when a document expires, only if an expiration date was set during creation.",
        "expired",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_webhook_word_maps_to_a_published_document_status() {
        for entry in DOCUMENT_WEBHOOK_STATUSES {
            let status = entry.status.unwrap();
            assert!(
                DOCUMENT_STATUSES.iter().any(|s| s.code == status),
                "{}",
                entry.code
            );
        }
        let words: Vec<&str> = DOCUMENT_WEBHOOK_STATUSES.iter().map(|e| e.code).collect();
        assert_eq!(
            words,
            [
                "CREATE",
                "FINISH",
                "NOTIFICATION",
                "REJECT",
                "REJECTED",
                "BLOCKED",
                "EXPIRED"
            ]
        );
    }
}
