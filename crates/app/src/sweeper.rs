//! The blob sweeper: deletes stored files that no row refers to once they are older than
//! `blob_sweep_grace_ms`.
//!
//! A file is written before the row that points at it commits, so a request that fails after
//! the write (a refused transition that was allowed when checked, a lost connection, a crash)
//! leaves a file nobody can reach. The sweeper walks every stored file (a directory walk, or
//! ListObjectsV2 in S3) and reads its owner from its key:
//! - `TENANT/documents/DOCUMENT/…` (every revision, selfies, renderings) belongs to the
//!   document and is kept while the document's row exists;
//! - `TENANT/FILE` is a person's file, kept while its `person_documents` row points at it;
//! - `TENANT/templates/TEMPLATE/…` is a template's file, kept while the template's row
//!   points at it (a changed template's earlier file goes);
//! - a `*.partial` file is a local write that never finished;
//! - any other key is not Signet's to judge and is never deleted.
//!
//! Files younger than the grace period are never touched, so a write whose row is about to
//! commit is safe. The walk runs in one process at a time (`periodic_tasks`).

use crate::state::AppState;
use signet_core::ids::{DocumentId, PersonDocumentId, TemplateId, TenantId};
use signet_core::time::Timestamp;
use signet_store::StoreError;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

/// The row of `periodic_tasks` that schedules the sweep.
pub const TASK: &str = "blob_sweep";

/// How often a process looks whether the sweep is due.
const CHECK_EVERY: Duration = Duration::from_secs(60);

/// What one sweep did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SweepReport {
    /// Files looked at.
    pub examined: u64,
    /// Files deleted because nothing refers to them.
    pub deleted: u64,
}

/// Who owns a stored file, read from its key.
#[derive(Debug, PartialEq, Eq)]
enum Owner {
    Document(TenantId, DocumentId),
    PersonFile(TenantId, PersonDocumentId),
    TemplateFile(TenantId, TemplateId),
    Unfinished,
    Unknown,
}

fn owner(key: &str) -> Owner {
    if key.ends_with(".partial") {
        return Owner::Unfinished;
    }
    let parts: Vec<&str> = key.split('/').collect();
    match parts.as_slice() {
        [tenant, "documents", document, _, ..] => {
            match (TenantId::parse(tenant), DocumentId::parse(document)) {
                (Some(t), Some(d)) => Owner::Document(t, d),
                _ => Owner::Unknown,
            }
        }
        [tenant, "templates", template, _] => {
            match (TenantId::parse(tenant), TemplateId::parse(template)) {
                (Some(t), Some(id)) => Owner::TemplateFile(t, id),
                _ => Owner::Unknown,
            }
        }
        [tenant, file] => match (TenantId::parse(tenant), PersonDocumentId::parse(file)) {
            (Some(t), Some(f)) => Owner::PersonFile(t, f),
            _ => Owner::Unknown,
        },
        _ => Owner::Unknown,
    }
}

/// The time between two sweeps: a quarter of the grace period, from a minute to six hours.
pub fn interval(grace: chrono::Duration) -> chrono::Duration {
    (grace / 4).clamp(chrono::Duration::minutes(1), chrono::Duration::hours(6))
}

/// Deletes every stored file older than the grace period (judged at `now`, wall clock) that
/// no row refers to.
pub async fn sweep(state: &AppState, now: Timestamp) -> Result<SweepReport, StoreError> {
    let grace = chrono::Duration::milliseconds(
        i64::try_from(state.config.blob_sweep_grace_ms).unwrap_or(i64::MAX),
    );
    let cutoff = now - grace;
    let mut report = SweepReport::default();
    // A document's files are listed together: remember the last document looked up.
    let mut last_document: Option<(DocumentId, bool)> = None;
    let mut pages = state.blobs.pages();
    while let Some(page) = pages.next_page().await? {
        for blob in page {
            report.examined += 1;
            if blob.modified > cutoff {
                continue;
            }
            let orphan = match owner(&blob.key) {
                Owner::Unfinished => true,
                Owner::Unknown => false,
                Owner::Document(tenant, id) => {
                    let exists = match &last_document {
                        Some((last, exists)) if *last == id => *exists,
                        _ => {
                            let exists = state.store.document_exists(&tenant, &id).await?;
                            last_document = Some((id, exists));
                            exists
                        }
                    };
                    !exists
                }
                Owner::PersonFile(tenant, id) => {
                    !state
                        .store
                        .person_document_exists(&tenant, &id, &blob.key)
                        .await?
                }
                Owner::TemplateFile(tenant, id) => {
                    !state
                        .store
                        .template_file_exists(&tenant, &id, &blob.key)
                        .await?
                }
            };
            // Looked at after the row was found gone: a backup whose snapshot may still have
            // the row holds off deletions until it has copied the file (`backup.rs`).
            if orphan && state.store.file_deletions_held(state.wall_now()).await? {
                continue;
            }
            if orphan {
                state.blobs.delete(&blob.key).await?;
                report.deleted += 1;
                tracing::info!(key = %blob.key, modified = %blob.modified, "deleted a file no row refers to");
            }
        }
    }
    Ok(report)
}

/// Runs the sweep whenever it is due, in whichever process claims it first, until cancelled.
pub async fn run(state: AppState, cancel: CancellationToken) {
    let grace = chrono::Duration::milliseconds(
        i64::try_from(state.config.blob_sweep_grace_ms).unwrap_or(i64::MAX),
    );
    let every = interval(grace);
    loop {
        let now = state.wall_now();
        match state.store.claim_periodic(TASK, now, now + every).await {
            Ok(true) => match sweep(&state, now).await {
                Ok(report) => tracing::info!(
                    examined = report.examined,
                    deleted = report.deleted,
                    "swept stored files"
                ),
                Err(e) => tracing::warn!(error = %e, "sweeping stored files failed"),
            },
            Ok(false) => {}
            Err(e) => tracing::warn!(error = %e, "could not claim the file sweep"),
        }
        tokio::select! {
            () = cancel.cancelled() => return,
            () = tokio::time::sleep(CHECK_EVERY) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owners_are_read_from_keys_and_unknown_keys_are_left_alone() {
        let t = TenantId::from_random([1; 16]);
        let d = DocumentId::from_random([2; 16]);
        let f = PersonDocumentId::from_random([3; 16]);
        let (ts, ds, fs) = (t.as_str(), d.as_str(), f.as_str());
        assert_eq!(
            owner(&format!("{ts}/documents/{ds}/r1.pdf")),
            Owner::Document(t.clone(), d.clone())
        );
        assert_eq!(
            owner(&format!("{ts}/documents/{ds}/pages/r1-1.png")),
            Owner::Document(t.clone(), d.clone())
        );
        assert_eq!(
            owner(&format!("{ts}/{fs}")),
            Owner::PersonFile(t.clone(), f)
        );
        let p = TemplateId::from_random([4; 16]);
        assert_eq!(
            owner(&format!(
                "{ts}/templates/{}/0123456789abcdef.pdf",
                p.as_str()
            )),
            Owner::TemplateFile(t.clone(), p.clone())
        );
        assert_eq!(
            owner(&format!("{ts}/documents/{ds}/original.partial")),
            Owner::Unfinished
        );
        for other in [
            format!("{ts}/documents/{ds}"),
            format!("{ts}/templates/x.pdf"),
            format!("{ts}/templates/{ds}/x.pdf"),
            format!("{ts}/{ds}"),
            "backups/manifest.json".to_owned(),
            "x".to_owned(),
        ] {
            assert_eq!(owner(&other), Owner::Unknown, "{other}");
        }
    }

    #[test]
    fn sweeps_run_a_quarter_of_the_grace_apart_within_bounds() {
        assert_eq!(
            interval(chrono::Duration::hours(24)),
            chrono::Duration::hours(6)
        );
        assert_eq!(
            interval(chrono::Duration::hours(2)),
            chrono::Duration::minutes(30)
        );
        assert_eq!(
            interval(chrono::Duration::seconds(1)),
            chrono::Duration::minutes(1)
        );
    }
}
