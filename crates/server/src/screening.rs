//! AML screening: importing sanctions lists into the store, and the in-memory
//! matcher index built from them.
//!
//! The index is immutable; [`Screening::index`] compares the stored lists'
//! identity (id, version, entry count, import time) with the one the current
//! index was built from, and rebuilds when another process (`signet lists
//! import`) or this one has imported a list since. One rebuild runs at a time;
//! searches meanwhile wait for it rather than answer from a stale list.

use signet_core::time::{Timestamp, to_millis};
use signet_screening::{Index, ListEntry, ListFormat, ParseError};
use signet_store::{ScreeningEntryRow, ScreeningListRow, Store, StoreError};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

pub use signet_screening;

/// What identifies the stored lists' content: one tuple per list.
type Stamp = Vec<(String, String, i64, i64)>;

fn stamp(lists: &[ScreeningListRow]) -> Stamp {
    lists
        .iter()
        .map(|l| {
            (
                l.id.clone(),
                l.version.clone(),
                l.entry_count,
                l.imported_at,
            )
        })
        .collect()
}

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
    store
        .replace_screening_list(&row, &entries, &mut on_batch)
        .await?;
    Ok(ImportSummary {
        list: row.id,
        format,
        version: row.version,
        entries: entries.len(),
    })
}

struct Built {
    stamp: Stamp,
    index: Arc<Index>,
}

/// The matcher index over every stored list, rebuilt when the lists change.
pub struct Screening {
    current: RwLock<Option<Built>>,
    rebuild: tokio::sync::Mutex<()>,
}

impl Default for Screening {
    fn default() -> Self {
        Screening::new()
    }
}

impl Screening {
    /// An index not built yet: the first [`Screening::index`] builds it.
    pub fn new() -> Screening {
        Screening {
            current: RwLock::new(None),
            rebuild: tokio::sync::Mutex::new(()),
        }
    }

    fn cached(&self, stamp: &Stamp) -> Option<Arc<Index>> {
        let guard = self.current.read().ok()?;
        guard
            .as_ref()
            .filter(|b| &b.stamp == stamp)
            .map(|b| b.index.clone())
    }

    /// The index for the lists as stored now, rebuilt first if any list was
    /// imported since it was built.
    pub async fn index(&self, store: &Store) -> Result<Arc<Index>, StoreError> {
        let lists = store.screening_lists().await?;
        let wanted = stamp(&lists);
        if let Some(index) = self.cached(&wanted) {
            return Ok(index);
        }
        let _one_at_a_time = self.rebuild.lock().await;
        // Another search may have rebuilt it while this one waited.
        let lists = store.screening_lists().await?;
        let wanted = stamp(&lists);
        if let Some(index) = self.cached(&wanted) {
            return Ok(index);
        }
        let mut loaded: Vec<(String, Vec<ListEntry>)> = Vec::with_capacity(lists.len());
        for list in &lists {
            let rows = store.screening_entries(&list.id).await?;
            let entries = rows
                .iter()
                .map(|r| serde_json::from_str::<ListEntry>(&r.doc))
                .collect::<Result<Vec<_>, _>>()?;
            loaded.push((list.id.clone(), entries));
        }
        // Entries read after the stamp may be newer than it; the next search
        // then sees a different stamp and rebuilds again, so it is never stale.
        let index = tokio::task::spawn_blocking(move || Index::build(loaded))
            .await
            .map_err(|e| StoreError::Corrupt(format!("building the screening index: {e}")))?;
        let index = Arc::new(index);
        if let Ok(mut guard) = self.current.write() {
            *guard = Some(Built {
                stamp: wanted,
                index: index.clone(),
            });
        }
        tracing::info!(
            lists = lists.len(),
            entries = index.len(),
            "screening index built"
        );
        Ok(index)
    }
}
