//! Screening: hits, a person's screenings, the imported lists.

use super::schema::{catalogue, words};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use signet_core::catalog::CodeKind;
use signet_core::time::{format, from_millis};
use signet_store::{ScreeningHitRow, ScreeningListRow, ScreeningRow};
use utoipa::ToSchema;
use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};

fn hit_status() -> ObjectBuilder {
    words(catalogue(CodeKind::ScreeningHitStatus))
}

fn screening_progress() -> ObjectBuilder {
    words(catalogue(CodeKind::ScreeningProgress)).description(Some(
        "The person's `screening_progress` after this screening.",
    ))
}

fn risk_classification() -> ObjectBuilder {
    words(catalogue(CodeKind::RiskClassification)).description(Some(
        "The person's `risk_classification_status` after this screening.",
    ))
}

/// How a query token met a list token (`signet_screening::MatchHow`).
pub const MATCH_HOWS: &[&str] = &[
    "exact",
    "transliterated",
    "typo",
    "initial",
    "merged",
    "split",
];

/// What a birth date or nationality says of a match (`signet_screening::EvidenceKind`).
pub const EVIDENCE_KINDS: &[&str] = &["supports", "contradicts", "unknown"];

fn match_how() -> ObjectBuilder {
    words(MATCH_HOWS.iter().copied())
}

fn evidence_kind() -> ObjectBuilder {
    words(EVIDENCE_KINDS.iter().copied())
}

// `signet_screening::Explanation` as a hit stored it; a member an older explanation lacks
// reads as empty (`from_stored`).
/// Why a match scored what it scored: enough for a reviewer to agree or to mark it a false
/// positive without re-doing the comparison.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = ScreeningExplanation)]
pub struct ExplanationView {
    /// One sentence for the reviewer.
    pub summary: String,
    /// The query as compared: folded, transliterated, tokenised.
    pub normalized_query: String,
    /// The list name as compared.
    pub normalized_name: String,
    /// Each query token and the list token it met.
    pub tokens: Vec<TokenMatchView>,
    pub unmatched_query_tokens: Vec<String>,
    pub unmatched_list_tokens: Vec<String>,
    #[schema(required)]
    pub birth_date: Option<EvidenceView>,
    #[schema(required)]
    pub nationality: Option<EvidenceView>,
    /// The score from names alone, before the adjustments.
    pub name_score: f64,
    /// What the birth date, nationality and name shape added or took away.
    pub adjustments: Vec<AdjustmentView>,
}

/// A query token and the list token it met.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = ScreeningTokenMatch)]
pub struct TokenMatchView {
    /// The normalised query token (two joined by a space for `split`).
    pub query: String,
    /// The normalised list token (two joined by a space for `merged`).
    pub list: String,
    /// From 0 to 1.
    pub similarity: f64,
    #[schema(schema_with = match_how)]
    pub how: String,
    /// The weight both tokens carry in the score (rarer tokens weigh more).
    pub weight: f64,
}

/// What a birth date or a nationality says of a match.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = ScreeningEvidence)]
pub struct EvidenceView {
    #[schema(schema_with = evidence_kind)]
    pub kind: String,
    /// A sentence for the reviewer.
    pub detail: String,
}

/// A change to the name score and why.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = ScreeningAdjustment)]
pub struct AdjustmentView {
    pub reason: String,
    pub delta: f64,
}

impl ExplanationView {
    /// The explanation a hit stored (JSON text), or `None` if it cannot be read.
    pub fn from_stored(text: &str) -> Option<ExplanationView> {
        // Over the empty explanation, so the schema can call every member required.
        let Value::Object(stored) = serde_json::from_str(text).ok()? else {
            return None;
        };
        let Ok(Value::Object(mut full)) = serde_json::to_value(ExplanationView::default()) else {
            return None;
        };
        full.extend(stored);
        serde_json::from_value(Value::Object(full)).ok()
    }
}

/// A possible match of a person with a list entry, and its review.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = ScreeningHit)]
pub struct HitView {
    pub id: String,
    pub person_id: String,
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
    /// `null` if the stored explanation cannot be read.
    #[schema(required)]
    pub explanation: Option<ExplanationView>,
    #[schema(schema_with = hit_status)]
    pub status: String,
    /// Who decided, once decided: an API key id, or `operator:<email>` from the back office.
    #[schema(required)]
    pub decided_by: Option<String>,
    #[schema(required)]
    pub note: Option<String>,
    /// Tenant clock.
    #[schema(required, format = DateTime)]
    pub decided_at: Option<String>,
    /// Tenant clock.
    #[schema(format = DateTime)]
    pub created_at: String,
    /// The entry's risk topics (FollowTheMoney's `sanction`, `role.pep`, `role.rca`, …;
    /// `sanction` for every entry of a list that gives none). A hit whose topics name a PEP or
    /// a PEP's relative or close associate and no sanction weighs on the person's
    /// `risk_classification_status` only; every other hit also holds `screening_progress`
    /// and signing.
    pub topics: Vec<String>,
    /// The source datasets the list names for the entry; often empty.
    pub datasets: Vec<String>,
}

impl HitView {
    pub fn new(h: &ScreeningHitRow) -> HitView {
        HitView {
            id: h.id.as_str().to_owned(),
            person_id: h.person_id.as_str().to_owned(),
            list: h.list_id.clone(),
            entry_id: h.entry_id.clone(),
            name: h.name.clone(),
            matched_name: h.matched_name.clone(),
            score: h.score,
            explanation: ExplanationView::from_stored(&h.explanation),
            status: h.status.clone(),
            decided_by: h.decided_by.clone(),
            note: h.note.clone(),
            decided_at: h.decided_at.map(|t| format(&from_millis(t))),
            created_at: format(&from_millis(h.created_at)),
            topics: h.topics.clone(),
            datasets: h.datasets.clone(),
        }
    }
}

/// What one screening found, as stored with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = ScreeningOutcome)]
pub struct ScreeningOutcomeView {
    #[schema(schema_with = screening_progress)]
    pub screening_progress: String,
    #[schema(schema_with = risk_classification)]
    pub risk_classification_status: String,
    /// The lists screened against.
    pub lists: Vec<String>,
    /// The hits this screening found, as they stood then (kept as they were written).
    #[schema(value_type = Vec<HitView>)]
    pub hits: Vec<Value>,
}

/// One screening of a person.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = Screening)]
pub struct ScreeningView {
    pub id: String,
    pub person_id: String,
    /// Tenant clock.
    #[schema(format = DateTime)]
    pub created_at: String,
    #[serde(flatten)]
    pub outcome: ScreeningOutcomeView,
}

impl ScreeningView {
    /// The stored screening, or `None` if its outcome is not one a screening writes.
    pub fn new(row: &ScreeningRow) -> Option<ScreeningView> {
        let outcome = serde_json::from_str(&row.outcome).ok()?;
        Some(ScreeningView {
            id: row.id.as_str().to_owned(),
            person_id: row.person_id.as_str().to_owned(),
            created_at: format(&from_millis(row.created_at)),
            outcome,
        })
    }
}

fn list_id() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::String))
        .description(Some(
            "The publisher: `ofac-sdn`, `eu-fsf`, `un-sc`, `uk-sanctions-list` or `opensanctions`.",
        ))
}

/// An imported sanctions list.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = ScreeningList)]
pub struct ScreeningListView {
    #[schema(schema_with = list_id)]
    pub id: String,
    pub source: String,
    /// The file format it was last imported from (`ofac-sdn-xml`, …).
    pub format: String,
    /// The publication date or content hash the file declared.
    pub version: String,
    pub entry_count: i64,
    /// Wall clock.
    #[schema(format = DateTime)]
    pub imported_at: String,
}

impl ScreeningListView {
    pub fn new(l: &ScreeningListRow) -> ScreeningListView {
        ScreeningListView {
            id: l.id.clone(),
            source: l.source.clone(),
            format: l.format.clone(),
            version: l.version.clone(),
            entry_count: l.entry_count,
            imported_at: format(&from_millis(l.imported_at)),
        }
    }
}
