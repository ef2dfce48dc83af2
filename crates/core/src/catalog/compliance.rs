//! The compliance fields of a person and the status of a screening hit.
//!
//! The seeds only name these values (seed 002's person example); the descriptions say what each
//! means in Signet, following the SPEC's screening rules.

use super::{CodeEntry, CodeKind, code_enum};

const fn progress(code: &'static str, description: &'static str) -> CodeEntry {
    CodeEntry::new(CodeKind::ScreeningProgress, code, description)
}

code_enum! {
    /// `screening_progress`: derived from the person's screening hits
    /// ([`crate::screening::verdict`]).
    pub enum ScreeningProgress ("screening progress", SCREENING_PROGRESS) {
        NotScreened = progress(
            "NOT_SCREENED",
            "The person has not been screened against the sanctions lists yet.",
        ),
        PotentialMatch = progress(
            "POTENTIAL_MATCH",
            "At least one screening hit is open and waits for a decision.",
        ),
        ScreenedAccepted = progress(
            "SCREENED_ACCEPTED",
            "The person was screened and has no hits, or every hit was decided a false positive.",
        ),
        ScreenedDeclined = progress(
            "SCREENED_DECLINED",
            "At least one screening hit was decided a true positive.",
        ),
    }
}

const fn risk(code: &'static str, description: &'static str) -> CodeEntry {
    CodeEntry::new(CodeKind::RiskClassification, code, description)
}

code_enum! {
    /// `risk_classification_status`: the risk comes from hits, lists and nationality, separately
    /// from the match. `NOT_SCORED` until the first screening, then `POTENTIAL_RISK`,
    /// `NORMAL_RISK` or `HIGH_RISK` from the hits; `RISK_ACCEPTED` and `RISK_REJECTED` are
    /// published but Signet never sets them itself.
    pub enum RiskClassification ("risk classification", RISK_CLASSIFICATIONS) {
        NotScored = risk("NOT_SCORED", "The person's risk has not been scored yet."),
        PotentialRisk = risk(
            "POTENTIAL_RISK",
            "Medium risk: the person needs a closer look.",
        ),
        NormalRisk = risk("NORMAL_RISK", "Low risk."),
        HighRisk = risk("HIGH_RISK", "High risk."),
        RiskAccepted = risk(
            "RISK_ACCEPTED",
            "Compliance reviewed the risk and accepted the person.",
        ),
        RiskRejected = risk(
            "RISK_REJECTED",
            "Compliance reviewed the risk and rejected the person.",
        ),
    }
}

const fn vetting(code: &'static str, description: &'static str) -> CodeEntry {
    CodeEntry::new(CodeKind::CustomerVettingStatus, code, description)
}

/// `customer_vetting_status`: where the compliance review of the person stands.
pub(crate) const CUSTOMER_VETTING_STATUSES: &[CodeEntry] = &[
    vetting("NOT_VETTED", "The person has not been vetted yet."),
    vetting("NO_MATCH", "Vetting found no match for the person."),
    vetting(
        "POTENTIAL_MATCH",
        "Vetting found a potential match that compliance must review.",
    ),
    vetting(
        "INFORMATION_REQUESTED",
        "Compliance asked the customer for more information.",
    ),
    vetting(
        "INFORMATION_RECEIVED",
        "The customer sent the requested information; compliance reviews it.",
    ),
    vetting(
        "RISK_ACCEPTED",
        "Compliance reviewed the person and accepted the risk.",
    ),
    vetting(
        "RISK_REJECTED",
        "Compliance reviewed the person and rejected the risk.",
    ),
    vetting(
        "CUSTOMER_UNRESPONSIVE",
        "The customer did not answer the request for information.",
    ),
    vetting(
        "VETTING_NOT_REQUIRED",
        "The person does not need to be vetted.",
    ),
];

const fn hit(code: &'static str, description: &'static str) -> CodeEntry {
    CodeEntry::new(CodeKind::ScreeningHitStatus, code, description)
}

code_enum! {
    /// The `status` of a screening hit. A new hit is `open`; a decision makes it
    /// `true_positive` or `false_positive` ([`crate::screening::Decision`]), and no decision
    /// opens it again.
    pub enum HitStatus ("screening hit status", SCREENING_HIT_STATUSES) {
        Open = hit("open", "The hit waits for a reviewer's decision."),
        TruePositive = hit(
            "true_positive",
            "A reviewer decided that the person is the listed entry.",
        ),
        FalsePositive = hit(
            "false_positive",
            "A reviewer decided that the person is not the listed entry.",
        ),
    }
}
