//! The screening model: what a hit is, what a person's hits make of its `screening_progress`
//! and `risk_classification_status`, and the decision on a hit (who may make it, what it
//! records, what it does to the person).
//!
//! Matching itself (the lists, the index, the scores) is `signet-screening`'s; this module is
//! the part that decides. Everything is pure: the caller loads the hits, calls these rules and
//! stores what they return, so the rules are the same for the API, the back office and the
//! re-screening job.

use crate::ids::{ApiKeyId, PersonId, ScreeningHitId, TenantId};
use crate::tenant::Mode;
use crate::time::{Timestamp, serde_ts};
use crate::validate::FieldError;
use serde::Serialize;

pub use crate::catalog::{HitStatus, RiskClassification, ScreeningProgress};

/// FollowTheMoney's topic of a sanctioned entry; `signet-screening` gives it to every entry of
/// a list that names no topics (the official sanctions lists).
pub const SANCTION_TOPIC: &str = "sanction";
/// The topic of a politically exposed person (kinds follow a dot: `role.pep.frmr`, …).
pub const PEP_TOPIC: &str = "role.pep";
/// The topic of a PEP's relative or close associate.
pub const RCA_TOPIC: &str = "role.rca";

/// Whether a topic is `base` or one of its kinds (`base.…`).
fn topic_is(topic: &str, base: &str) -> bool {
    topic
        .strip_prefix(base)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
}

/// Whether a topic is a PEP's (`role.pep` and its kinds: `role.pep.frmr`, …).
pub fn is_pep_topic(topic: &str) -> bool {
    topic_is(topic, PEP_TOPIC)
}

/// Whether a topic is a sanction's (`sanction`, `sanction.linked`, …).
pub fn is_sanction_topic(topic: &str) -> bool {
    topic_is(topic, SANCTION_TOPIC)
}

/// What a hit weighs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HitKind {
    /// Holds `screening_progress` and signing (140 while open, 4110 once confirmed), and
    /// weighs on the risk.
    Sanction,
    /// A PEP or a PEP's relative or close associate and no sanction: a risk to manage, not a
    /// refusal. Weighs on `risk_classification_status` only.
    RiskOnly,
}

impl HitKind {
    /// The kind of a hit whose entry has these topics. An entry that names a PEP or RCA topic
    /// and no sanction is [`HitKind::RiskOnly`]; every other one is a sanction hit: entries
    /// without topics (every list before topics, every official sanctions list) and entries of
    /// other topics (`crime`, `debarment`, …), so that what Signet does not know how to weigh
    /// still stops.
    pub fn of(topics: &[String]) -> HitKind {
        let pep_or_rca = topics.iter().any(|t| is_pep_topic(t) || t == RCA_TOPIC);
        let sanction = topics.iter().any(|t| is_sanction_topic(t));
        if pep_or_rca && !sanction {
            HitKind::RiskOnly
        } else {
            HitKind::Sanction
        }
    }
}

/// Whether a hit's entry is a PEP (whatever else it is).
pub fn is_pep_hit(topics: &[String]) -> bool {
    topics.iter().any(|t| is_pep_topic(t))
}

/// Whether a hit flags its person for the back office's review: a PEP entry on a person who
/// declared `self_declared_as_pep: false` (not a person who left it unset). The back office's
/// queue lists the confirmed ones.
pub fn undeclared_pep(topics: &[String], self_declared_as_pep: Option<bool>) -> bool {
    is_pep_hit(topics) && self_declared_as_pep == Some(false)
}

impl HitStatus {
    /// The status of a hit when it is first found. A hit found again by a later screening
    /// keeps its status: a decided hit stays decided.
    pub const NEW: HitStatus = HitStatus::Open;

    /// Whether a reviewer has decided the hit.
    pub fn is_decided(self) -> bool {
        self != HitStatus::Open
    }

    /// Whether a decision may move a hit from `self` to `next`. Any hit may be decided, and
    /// deciding again overwrites the decision; nothing reopens a hit.
    pub fn may_become(self, next: HitStatus) -> bool {
        next.is_decided()
    }

    /// The `status` filter of `GET /v1/screening/hits`.
    pub fn parse_filter(value: &str) -> Result<HitStatus, FieldError> {
        value
            .parse()
            .map_err(|_| FieldError::new("status", "must be open, true_positive or false_positive"))
    }
}

/// What the verdict needs of one hit: its status and its entry's topics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HitFacts<'a> {
    pub status: HitStatus,
    pub topics: &'a [String],
}

impl HitFacts<'_> {
    pub fn kind(&self) -> HitKind {
        HitKind::of(self.topics)
    }
}

/// A person's screening fields as its hits make them. Serialises as the two person fields
/// (`screening_progress`, `risk_classification_status`), as a screening's outcome shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Verdict {
    #[serde(rename = "screening_progress")]
    pub progress: ScreeningProgress,
    #[serde(rename = "risk_classification_status")]
    pub risk: RiskClassification,
}

impl Verdict {
    /// A person never screened (no list was imported when it was created): the person's
    /// defaults. [`verdict`] never returns it; screening against no list changes nothing.
    pub const UNSCREENED: Verdict = Verdict {
        progress: ScreeningProgress::NotScreened,
        risk: RiskClassification::NotScored,
    };
}

/// The verdict a person's hits imply, recomputed from all of them after every screening and
/// every decision.
///
/// The progress follows the sanction hits only: a true positive declines, an open one is a
/// potential match, none or only dismissed ones accept. The risk follows every hit, PEP and
/// RCA hits included: a true positive is high risk, an open hit potential risk, otherwise
/// normal risk.
pub fn verdict<'a>(hits: impl IntoIterator<Item = HitFacts<'a>>) -> Verdict {
    let (mut sanction_open, mut sanction_confirmed, mut open, mut confirmed) =
        (false, false, false, false);
    for h in hits {
        let sanction = h.kind() == HitKind::Sanction;
        match h.status {
            HitStatus::Open => {
                open = true;
                sanction_open |= sanction;
            }
            HitStatus::TruePositive => {
                confirmed = true;
                sanction_confirmed |= sanction;
            }
            HitStatus::FalsePositive => {}
        }
    }
    let progress = if sanction_confirmed {
        ScreeningProgress::ScreenedDeclined
    } else if sanction_open {
        ScreeningProgress::PotentialMatch
    } else {
        ScreeningProgress::ScreenedAccepted
    };
    let risk = if confirmed {
        RiskClassification::HighRisk
    } else if open {
        RiskClassification::PotentialRisk
    } else {
        RiskClassification::NormalRisk
    };
    Verdict { progress, risk }
}

/// What a person's hits do to its signers (`signing::Eligibility`): an open sanction hit holds
/// them with 140, a confirmed one with 4110. PEP and RCA hits weigh on the risk, not on
/// signing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SigningHolds {
    pub open_hit: bool,
    pub confirmed_hit: bool,
}

/// The [`SigningHolds`] of a person's hits.
pub fn signing_holds<'a>(hits: impl IntoIterator<Item = HitFacts<'a>>) -> SigningHolds {
    let mut holds = SigningHolds::default();
    for h in hits.into_iter().filter(|h| h.kind() == HitKind::Sanction) {
        match h.status {
            HitStatus::Open => holds.open_hit = true,
            HitStatus::TruePositive => holds.confirmed_hit = true,
            HitStatus::FalsePositive => {}
        }
    }
    holds
}

/// A reviewer's decision on a hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The person is the listed entry.
    TruePositive,
    /// The match is dismissed: the person is not the listed entry.
    FalsePositive,
}

impl Decision {
    pub const ALL: [Decision; 2] = [Decision::TruePositive, Decision::FalsePositive];

    /// The status a hit has once decided so.
    pub fn status(self) -> HitStatus {
        match self {
            Decision::TruePositive => HitStatus::TruePositive,
            Decision::FalsePositive => HitStatus::FalsePositive,
        }
    }

    /// The wire word, the same as the status it gives.
    pub fn as_str(self) -> &'static str {
        self.status().as_str()
    }

    pub fn parse(s: &str) -> Option<Decision> {
        Decision::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

/// The longest note a hit decision keeps, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;

/// A decision as checked at the edge: the decision and its note (trimmed; empty is none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDecision {
    pub decision: Decision,
    pub note: Option<String>,
}

/// Checks a decision request (`{"decision", "note"}` of the API, the back office's form):
/// the decision first, then the note. One error at most, as the API has always answered.
pub fn check_decision(
    decision: &str,
    note: Option<&str>,
) -> Result<ValidDecision, Vec<FieldError>> {
    let Some(decision) = Decision::parse(decision) else {
        return Err(vec![FieldError::new(
            "decision",
            "must be true_positive or false_positive",
        )]);
    };
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    if note.is_some_and(|n| n.chars().count() > MAX_NOTE_CHARS) {
        return Err(vec![FieldError::new(
            "note",
            format!("must be at most {MAX_NOTE_CHARS} characters"),
        )]);
    }
    Ok(ValidDecision {
        decision,
        note: note.map(str::to_owned),
    })
}

/// Who decides a hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decider {
    /// An API key, which sees only its tenant's hits of its own mode.
    ApiKey {
        key: ApiKeyId,
        tenant: TenantId,
        mode: Mode,
    },
    /// An operator of the back office, who reviews the hits of every tenant and mode.
    Operator { email: String },
}

impl Decider {
    /// The `decided_by` recorded on the hit: the key's id, or `operator:<email>`.
    pub fn decided_by(&self) -> String {
        match self {
            Decider::ApiKey { key, .. } => key.as_str().to_owned(),
            Decider::Operator { email } => format!("operator:{email}"),
        }
    }

    /// Whether this decider may decide a hit of `tenant` in `mode`. Either may decide either
    /// way, and decide again. A key that may not is answered as if the hit did not exist
    /// (404), so a key learns nothing of other tenants' hits.
    pub fn may_decide(&self, tenant: &TenantId, mode: Mode) -> bool {
        match self {
            Decider::ApiKey {
                tenant: own,
                mode: own_mode,
                ..
            } => own == tenant && *own_mode == mode,
            Decider::Operator { .. } => true,
        }
    }
}

/// What a decision writes on the hit. Deciding again overwrites all of it, the note included
/// (a decision without a note clears the previous one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HitReview {
    pub status: HitStatus,
    pub decided_by: String,
    pub note: Option<String>,
    /// Tenant clock.
    pub decided_at: Timestamp,
}

/// The review a decision records. The caller then recomputes the person's [`verdict`] from
/// all its hits (this one with its new status), sets it with
/// [`crate::person::Person::set_screening`] (which says whether the person changed, so
/// whether to raise `person.updated`), and re-assesses the person's signers.
pub fn review(decision: ValidDecision, decider: &Decider, now: Timestamp) -> HitReview {
    HitReview {
        status: decision.decision.status(),
        decided_by: decider.decided_by(),
        note: decision.note,
        decided_at: now,
    }
}

/// A hit as the API shows it (`GET /v1/screening/hits`, the decision's answer, the
/// `screening.hit_created` and `screening.hit_decided` events, a screening's `hits`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: ScreeningHitId,
    pub person_id: PersonId,
    /// The list's id.
    pub list: String,
    /// The list's own id of the entry.
    pub entry_id: String,
    /// The entry's primary name.
    pub name: String,
    /// The name or alias that matched.
    pub matched_name: String,
    /// From 0 to 1.
    pub score: f64,
    /// Which tokens and fields matched and why (`null` if the stored text is unreadable).
    pub explanation: serde_json::Value,
    pub status: HitStatus,
    pub decided_by: Option<String>,
    pub note: Option<String>,
    /// Tenant clock.
    #[serde(serialize_with = "serde_ts::option::serialize")]
    pub decided_at: Option<Timestamp>,
    /// Tenant clock.
    #[serde(serialize_with = "serde_ts::serialize")]
    pub created_at: Timestamp,
    pub topics: Vec<String>,
    pub datasets: Vec<String>,
}

impl Hit {
    pub fn facts(&self) -> HitFacts<'_> {
        HitFacts {
            status: self.status,
            topics: &self.topics,
        }
    }

    pub fn kind(&self) -> HitKind {
        HitKind::of(&self.topics)
    }

    /// Records a decision on the hit.
    pub fn apply(&mut self, review: HitReview) {
        self.status = review.status;
        self.decided_by = Some(review.decided_by);
        self.note = review.note;
        self.decided_at = Some(review.decided_at);
    }
}

/// What one screening found, as stored with it and shown by `POST` and
/// `GET /v1/persons/{id}/screenings` after its `id`, `person_id` and `created_at`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScreeningOutcome<'a> {
    /// The person's fields after this screening.
    #[serde(flatten)]
    pub verdict: Verdict,
    /// The lists screened against.
    pub lists: &'a [String],
    /// The hits this screening found, as they stood then.
    pub hits: &'a [Hit],
}

#[cfg(test)]
mod tests;
