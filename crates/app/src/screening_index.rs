//! The in-memory matcher index over every imported sanctions list.
//!
//! The index is immutable; [`Screening::index`] compares the stored lists'
//! identity (id, version, entry count, import time) with the one the current
//! index was built from, and rebuilds when another process (`signet lists
//! import`) or this one has imported a list since. One rebuild runs at a time;
//! searches meanwhile wait for it rather than answer from a stale list.

use signet_screening::{Index, ListEntry};
use signet_store::{ScreeningListRow, Store, StoreError};
use std::sync::{Arc, RwLock};

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

struct Built {
    stamp: Stamp,
    index: Arc<Index>,
}

/// The matcher index over every stored list, rebuilt when the lists change.
pub struct Screening {
    current: RwLock<Option<Built>>,
    rebuild: tokio::sync::Mutex<()>,
    /// When the stored lists were last compared with the index.
    checked_at: std::sync::Mutex<Option<tokio::time::Instant>>,
    /// Counts [`Screening::invalidate`]: a comparison that began before an invalidation
    /// must not mark the lists checked after it (it may have read them before the import).
    generation: std::sync::atomic::AtomicU64,
}

/// How long one comparison of the stored lists with the index stands for
/// [`Screening::recent_index`]. Lists are imported by another process (the
/// CLI), so a person created within this time of an import may be screened
/// against the previous lists; the re-screening the import schedules checks
/// afresh and screens them again.
const RECENT: std::time::Duration = std::time::Duration::from_millis(250);

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
            checked_at: std::sync::Mutex::new(None),
            generation: std::sync::atomic::AtomicU64::new(0),
        }
    }

    /// Forgets when the lists were last checked, so the next search looks.
    /// For an import made in this process.
    pub fn invalidate(&self) {
        self.generation
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        if let Ok(mut at) = self.checked_at.lock() {
            *at = None;
        }
    }

    /// Marks the lists checked by a comparison that began at `generation`, unless an
    /// invalidation came since.
    fn mark_checked(&self, generation: u64) {
        if let Ok(mut at) = self.checked_at.lock()
            && self.generation.load(std::sync::atomic::Ordering::SeqCst) == generation
        {
            *at = Some(tokio::time::Instant::now());
        }
    }

    /// The index as [`Screening::index`] gives it, but without reading the
    /// list catalogue again if it was read within [`RECENT`]: the hot path of
    /// person creation.
    pub async fn recent_index(&self, store: &Store) -> Result<Arc<Index>, StoreError> {
        let recent = self
            .checked_at
            .lock()
            .ok()
            .and_then(|at| *at)
            .is_some_and(|at| at.elapsed() < RECENT);
        if recent
            && let Some(index) = self
                .current
                .read()
                .ok()
                .and_then(|g| g.as_ref().map(|b| b.index.clone()))
        {
            return Ok(index);
        }
        self.index(store).await
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
        let generation = self.generation.load(std::sync::atomic::Ordering::SeqCst);
        let lists = store.screening_lists().await?;
        let wanted = stamp(&lists);
        if let Some(index) = self.cached(&wanted) {
            self.mark_checked(generation);
            return Ok(index);
        }
        let _one_at_a_time = self.rebuild.lock().await;
        // Another search may have rebuilt it while this one waited.
        let lists = store.screening_lists().await?;
        let wanted = stamp(&lists);
        if let Some(index) = self.cached(&wanted) {
            self.mark_checked(generation);
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
        self.mark_checked(generation);
        tracing::info!(
            lists = lists.len(),
            entries = index.len(),
            "screening index built"
        );
        Ok(index)
    }
}
