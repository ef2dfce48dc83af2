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

fn explanation() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Object, Type::Null]))
        .description(Some(
            "Which tokens and fields matched and why: `summary`, `normalized_query`, `normalized_name`, `tokens`, `unmatched_query_tokens`, `unmatched_list_tokens`, `birth_date`, `nationality`, `name_score`, `adjustments` (`null` if the stored text is unreadable).",
        ))
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
    #[schema(schema_with = explanation)]
    pub explanation: Value,
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
            explanation: serde_json::from_str(&h.explanation).unwrap_or(Value::Null),
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
