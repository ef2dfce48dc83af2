//! AML screening's matching: importing sanctions lists into the store, searching a person's
//! names in the in-memory index built from them (`Screening`, kept in `screening_index.rs`),
//! and what a hit weighs on. What a screening records, and the use cases that screen and
//! decide, are `screenings.rs`'s.

use crate::error::{AppError, AppResult};
use crate::state::{AppState, random16};
use serde_json::json;
use signet_core::ids::{JobId, TenantId};
use signet_core::person::Person;
use signet_core::screening::{HitFacts, HitStatus};
use signet_core::time::{Timestamp, to_millis};
use signet_screening::{
    ListFormat, Match, ParseError, PartialDate, Query, SearchOptions, country_code,
};
use signet_store::{
    JobSpec, Mode, ScreeningEntryRow, ScreeningHitRow, ScreeningListRow, Store, StoreError,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use crate::screening_index::Screening;
pub use signet_screening;

/// Why an import failed. A failed import leaves the stored list as it was.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Parse(#[from] ParseError),
    #[error("storing the list: {0}")]
    Store(#[from] StoreError),
    #[error("encoding an entry: {0}")]
    Encode(#[from] serde_json::Error),
    #[error("the parser stopped unexpectedly: {0}")]
    Join(String),
}

/// The outcome of a successful import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    /// The list's id (its publisher): `ofac-sdn`, `eu-fsf`, …
    pub list: String,
    pub format: ListFormat,
    pub version: String,
    pub entries: usize,
}

/// Import progress, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportProgress {
    /// Parsing: bytes read of the total.
    Reading { done: u64, total: u64 },
    /// Storing: entries written of the total.
    Storing { done: u64, total: u64 },
}

/// Parses `path` in `format` and replaces the stored list of that source in
/// one transaction. A malformed file fails with the parser's error (naming the
/// line or element) before anything is written.
pub async fn import_list(
    store: &Store,
    format: ListFormat,
    path: &Path,
    now: Timestamp,
    progress: impl FnMut(ImportProgress) + Send + 'static,
) -> Result<ImportSummary, ImportError> {
    let progress = Arc::new(std::sync::Mutex::new(progress));
    let path: PathBuf = path.to_path_buf();
    let reader = progress.clone();
    let parsed = tokio::task::spawn_blocking(move || {
        let mut report = |done: u64, total: u64| {
            if let Ok(mut p) = reader.lock() {
                p(ImportProgress::Reading { done, total });
            }
        };
        signet_screening::parse_path(format, &path, &mut report)
    })
    .await
    .map_err(|e| ImportError::Join(e.to_string()))??;
    let entries = parsed
        .entries
        .iter()
        .map(|e| {
            Ok(ScreeningEntryRow {
                entry_id: e.entry_id.clone(),
                doc: serde_json::to_string(e)?,
            })
        })
        .collect::<Result<Vec<_>, serde_json::Error>>()?;
    let total = entries.len() as u64;
    let row = ScreeningListRow {
        id: parsed.source.clone(),
        source: parsed.source.clone(),
        format: format.as_str().to_owned(),
        version: parsed.version.clone(),
        entry_count: entries.len() as i64,
        imported_at: to_millis(&now),
    };
    let writer = progress.clone();
    let mut on_batch = move |done: usize| {
        if let Ok(mut p) = writer.lock() {
            p(ImportProgress::Storing {
                done: done as u64,
                total,
            });
        }
    };
    // Every person is screened again against the new list, by a job per
    // tenant and mode that the import's own transaction schedules.
    let follow_up = move |tenant: &TenantId, mode: Mode| JobSpec {
        id: JobId::from_random(random16()),
        tenant_id: tenant.clone(),
        mode,
        kind: JOB_RESCREEN.to_owned(),
        payload: json!({}),
        due_at: now,
    };
    store
        .replace_screening_list(&row, &entries, &mut on_batch, &follow_up)
        .await?;
    Ok(ImportSummary {
        list: row.id,
        format,
        version: row.version,
        entries: entries.len(),
    })
}

/// The words of [`HitStatus::ALL`] (under review, confirmed, dismissed), for callers that
/// compare strings.
pub const HIT_STATUSES: &[&str] = &["open", "true_positive", "false_positive"];

/// At most this many matches per name screened.
const MATCHES_PER_NAME: usize = 25;

/// The person's `screening_progress` and `risk_classification_status` that its hits imply
/// ([`signet_core::screening::verdict`]). A stored status Signet does not know weighs on
/// nothing, as a dismissed hit.
pub fn verdict(hits: &[ScreeningHitRow]) -> (&'static str, &'static str) {
    let v = person_verdict(hits);
    (v.progress.as_str(), v.risk.as_str())
}

/// The verdict a person's stored hits imply (core's rules; a row whose status is not a hit
/// status is not counted).
pub fn person_verdict(hits: &[ScreeningHitRow]) -> signet_core::screening::Verdict {
    signet_core::screening::verdict(hits.iter().filter_map(|h| {
        Some(HitFacts {
            status: h.status.parse::<HitStatus>().ok()?,
            topics: &h.topics,
        })
    }))
}

/// The queries a person is screened with: first and last name, first and
/// birth name when one is given, each with the birth date and nationality.
fn person_queries(person: &Person) -> Vec<Query> {
    let birth_date = person
        .str_field("birth_date")
        .and_then(|d| d.parse::<PartialDate>().ok());
    let nationality = person
        .str_field("nationality")
        .filter(|n| country_code(n).is_some())
        .map(str::to_owned);
    let mut names = vec![format!("{} {}", person.first_name(), person.last_name())];
    if let Some(birth) = person
        .str_field("birth_name")
        .filter(|b| !b.trim().is_empty())
    {
        names.push(format!("{} {}", person.first_name(), birth));
    }
    names
        .into_iter()
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .map(|name| Query {
            name,
            birth_date,
            nationality: nationality.clone(),
        })
        .collect()
}

/// What a search of a person's names found: the lists searched and the best
/// match per list entry. Searching needs no transaction, so callers that can
/// search before they open one keep SQLite's single writer free meanwhile.
pub struct Found {
    pub(crate) lists: Vec<String>,
    pub(crate) best: BTreeMap<(String, String), Match>,
}

/// Searches every imported list for a person; `None` when no list is imported.
pub async fn search_person(state: &AppState, person: &Person) -> AppResult<Option<Found>> {
    let index = state.screening.recent_index(&state.store).await?;
    if index.is_empty() {
        return Ok(None);
    }
    let queries = person_queries(person);
    let lists = index.lists().to_vec();
    let opts = SearchOptions {
        threshold: state.config.screening_threshold,
        limit: MATCHES_PER_NAME,
    };
    let found = tokio::task::spawn_blocking(move || index.search_many(&queries, &opts))
        .await
        .map_err(|e| AppError::internal(&e))?;
    // The best match per list entry over all the names screened.
    let mut best: BTreeMap<(String, String), Match> = BTreeMap::new();
    for m in found.into_iter().flatten() {
        let key = (m.list.clone(), m.entry_id.clone());
        match best.get(&key) {
            Some(b) if b.score >= m.score => {}
            _ => {
                best.insert(key, m);
            }
        }
    }
    Ok(Some(Found { lists, best }))
}

/// The job kind that re-screens every person of one tenant and mode.
pub const JOB_RESCREEN: &str = "screening_rescreen";

/// The fields a person is screened with: changing one screens the person again.
const SCREENED_FIELDS: &[&str] = &[
    "first_name",
    "last_name",
    "birth_name",
    "birth_date",
    "nationality",
];

/// Whether a change of a person touches what it is screened with.
pub fn screened_fields_changed(before: &Person, after: &Person) -> bool {
    SCREENED_FIELDS
        .iter()
        .any(|f| before.as_json().get(*f) != after.as_json().get(*f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hit_status_words_are_cores() {
        let core: Vec<&str> = HitStatus::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(HIT_STATUSES, core.as_slice());
    }
}
