//! `signet backup`, `signet restore` and `signet check` (docs/data-protection.md).
//!
//! A backup is a directory: `signet.db` (a SQLite snapshot), `files/` (every file the
//! snapshot's rows own, under its blob key) and `manifest.json`, written last, naming each with
//! its size and SHA-256. The keys — `master.key` and the keys directory — are never copied:
//! whoever holds a backup and its keys holds everything, so operators keep them apart and
//! `signet restore` uses the ones in place.
//!
//! Why the copy is consistent while the server writes:
//! - The database is copied by `VACUUM INTO`, one read transaction: every transaction
//!   acknowledged before the backup began is in it, and no half of one.
//! - A file is written before the row that refers to it commits (`blobs.rs`), so every file the
//!   snapshot refers to existed when the snapshot was taken.
//! - Files are deleted only after the row that needed them is gone: a deleted document's
//!   files after its deletion commits (`signers::delete_files`), and orphans by the sweeper.
//!   Either could remove a file the snapshot still refers to, between the snapshot and the
//!   copy. So before the snapshot the backup commits a hold on file deletions
//!   (`Store::hold_file_deletions`), renewed while it copies and released at the end. Both
//!   deleters look at the hold after the row is gone and before deleting: a deletion that
//!   commits after the snapshot therefore also comes after the hold and leaves its files to
//!   the sweeper, which deletes nothing while the hold lasts and takes them up afterwards. A
//!   deletion whose check came before the hold committed before the snapshot, which then
//!   does not refer to its files. A backup process that dies leaves a hold that expires.
//! - Files written after the snapshot for documents it holds (a later signature) are copied
//!   too and are harmless: no row of the copy refers to them, and the sweeper of a restored
//!   installation keeps them while the document exists.
//!
//! A referenced file that is missing all the same is the installation's damage, not the
//! backup's: the backup completes, names each such file in the manifest's `problems` and on
//! the command line, and exits non-zero.

use crate::config::Config;
use crate::state::AppState;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use signet_core::signing::DocumentStatus;
use signet_core::time::Timestamp;
use signet_store::backup::{FileReference, Inventory};
use signet_store::{BlobStore, Mode, Store, StoreError};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The manifest's name in a backup directory.
pub const MANIFEST: &str = "manifest.json";
/// The manifest's format; a restore refuses one it does not know.
pub const SCHEMA_VERSION: u32 = 1;
/// The database's name in a backup directory.
pub const DATABASE: &str = "signet.db";
/// The folder of the files in a backup directory.
pub const FILES: &str = "files";
/// What the data directory holds that a backup leaves out and a restore leaves in place (the
/// keys directory by its default name, and the master key file older versions kept there).
pub const KEY_PATHS: [&str; 2] = ["master.key", "keys"];

/// How long a hold on file deletions lasts unless renewed: longer than any snapshot takes
/// (it is renewed after the snapshot and while files are copied), and the longest a backup
/// that dies delays deletions.
const HOLD_FOR: chrono::Duration = chrono::Duration::hours(1);
/// A hold with less than this left is renewed.
const RENEW_WHEN_LEFT: chrono::Duration = chrono::Duration::minutes(45);

/// Why a backup, restore or check could not be made.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0}")]
    Refused(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{context}: {source}")]
    Io {
        context: String,
        source: std::io::Error,
    },
}

fn io(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> BackupError {
    let context = context.into();
    move |source| BackupError::Io { context, source }
}

/// `manifest.json`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    pub schema_version: u32,
    /// RFC 3339, the wall clock when the backup began.
    pub created_at: String,
    pub signet_version: String,
    /// The database backend the copy is of (`sqlite`).
    pub backend: String,
    /// Where the files were stored (`file` or `s3`); a restore may put them in either.
    pub blob_store: String,
    /// What the backup leaves out on purpose.
    pub keys: String,
    /// Every file of the backup but the manifest, the database first.
    pub files: Vec<ManifestFile>,
    /// Referenced files that were missing or damaged in the installation when it was
    /// backed up (empty for a whole installation).
    #[serde(default)]
    pub problems: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ManifestFile {
    /// Relative to the backup directory, with `/`.
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

/// The words for the manifest's `keys`.
const KEYS_LEFT_OUT: &str = "not included: the master key (master.key or master_key) and the keys directory are kept apart by the operator; signet restore uses the ones in place";

/// The blob store of a configuration, the bucket or `data_dir/files`, without keys: what it
/// reads and writes are the files as stored.
pub fn blob_store(config: &Config) -> Result<BlobStore, BackupError> {
    let s3 = config
        .s3()
        .map_err(|e| BackupError::Refused(e.to_string()))?;
    match s3 {
        Some(s3) => BlobStore::s3(&s3).map_err(io("the S3 configuration")),
        None => Ok(BlobStore::new(config.data_dir.join("files"))),
    }
}

/// The file of a `sqlite://` URL; `None` for PostgreSQL.
pub fn sqlite_path(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("sqlite:")?;
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    Some(PathBuf::from(rest.split('?').next().unwrap_or(rest)))
}

/// Whether the master key is where the server looks for it: in the configuration, in the
/// keys directory, or where older versions kept it (`master.key` in the data directory,
/// moved into the keys directory on start).
pub fn master_key_in_place(config: &Config) -> bool {
    config.master_key.is_some()
        || config.keys_dir().join("master.key").exists()
        || config.data_dir.join("master.key").exists()
}

/// The names in the data directory that hold keys: `master.key`, `keys`, and the keys
/// directory's own name when it sits in the data directory.
fn key_names(config: &Config) -> Vec<String> {
    let mut names: Vec<String> = KEY_PATHS.iter().map(|s| (*s).to_owned()).collect();
    let keys = config.keys_dir();
    if keys.parent() == Some(config.data_dir.as_path())
        && let Some(name) = keys.file_name().and_then(|n| n.to_str())
    {
        names.push(name.to_owned());
    }
    names
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Writes `bytes` at `path` (directories 0700, the file 0600) and makes it durable.
async fn write_private(path: PathBuf, bytes: Vec<u8>) -> Result<(), BackupError> {
    let context = path.display().to_string();
    tokio::task::spawn_blocking(move || -> std::io::Result<()> {
        use std::io::Write;
        #[cfg(unix)]
        use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
        if let Some(dir) = path.parent() {
            let mut builder = std::fs::DirBuilder::new();
            builder.recursive(true);
            #[cfg(unix)]
            builder.mode(0o700);
            builder.create(dir)?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        options.mode(0o600);
        let mut f = options.open(&path)?;
        f.write_all(&bytes)?;
        f.sync_all()
    })
    .await
    .map_err(|e| io(context.clone())(std::io::Error::other(e)))?
    .map_err(io(context))
}

/// Whether `dir` is missing or holds nothing but what `ignore` names.
fn empty_but(dir: &Path, ignore: &[&str]) -> Result<bool, BackupError> {
    match std::fs::read_dir(dir) {
        Ok(entries) => {
            for entry in entries {
                let entry = entry.map_err(io(dir.display().to_string()))?;
                let name = entry.file_name();
                if !ignore.iter().any(|i| name == *i) {
                    return Ok(false);
                }
            }
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(true),
        Err(e) => Err(io(dir.display().to_string())(e)),
    }
}

/// The hold on file deletions a backup keeps while it copies.
struct Hold<'a> {
    store: &'a Store,
    clock: &'a (dyn Fn() -> Timestamp + Sync),
    until: Timestamp,
}

impl Hold<'_> {
    async fn renew_if_due(&mut self) -> Result<(), StoreError> {
        let now = (self.clock)();
        if self.until - now < RENEW_WHEN_LEFT {
            let until = now + HOLD_FOR;
            self.store.hold_file_deletions(until).await?;
            self.until = until;
        }
        Ok(())
    }
}

/// Backs up the installation whose database is `store` and whose files are `blobs` into
/// `dir`, which must be missing or empty. `blobs` is a store without keys ([`blob_store`]),
/// so files are copied as they are stored. `clock` is the wall clock. Returns the manifest
/// written; its `problems` name referenced files that were missing.
pub async fn backup(
    store: &Store,
    blobs: &BlobStore,
    blob_store_kind: &str,
    dir: &Path,
    clock: &(dyn Fn() -> Timestamp + Sync),
    signet_version: &str,
) -> Result<Manifest, BackupError> {
    if store.backend() != signet_store::Backend::Sqlite {
        return Err(BackupError::Refused(
            "signet backup copies a SQLite installation; for PostgreSQL use pg_dump and an object copy as docs/data-protection.md describes, then signet check".into(),
        ));
    }
    if !empty_but(dir, &[])? {
        return Err(BackupError::Refused(format!(
            "{} is not empty: a backup goes into a new or empty directory",
            dir.display()
        )));
    }
    signet_store::restrict_dir(dir).map_err(io(dir.display().to_string()))?;
    let created_at = clock();
    let mut hold = Hold {
        store,
        clock,
        until: created_at + HOLD_FOR,
    };
    store.hold_file_deletions(hold.until).await?;
    let copied = copy(store, blobs, dir, &mut hold).await;
    // Released whatever happened; a release that fails leaves a hold that expires.
    let released = store.release_file_deletions(hold.until).await;
    let (files, problems) = copied?;
    released?;

    let database = tokio::fs::read(dir.join(DATABASE))
        .await
        .map_err(io(DATABASE))?;
    let mut entries = vec![ManifestFile {
        path: DATABASE.to_owned(),
        size: database.len() as u64,
        sha256: sha256_hex(&database),
    }];
    drop(database);
    entries.extend(files.into_values());
    let manifest = Manifest {
        schema_version: SCHEMA_VERSION,
        created_at: signet_core::time::format(&created_at),
        signet_version: signet_version.to_owned(),
        backend: "sqlite".to_owned(),
        blob_store: blob_store_kind.to_owned(),
        keys: KEYS_LEFT_OUT.to_owned(),
        files: entries,
        problems,
    };
    let json =
        serde_json::to_vec_pretty(&manifest).map_err(|e| io(MANIFEST)(std::io::Error::other(e)))?;
    write_private(dir.join(MANIFEST), json).await?;
    #[cfg(unix)]
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io(dir.display().to_string()))?;
    Ok(manifest)
}

/// The snapshot and the file copy, under the hold: the copied files by key, and the
/// problems found.
async fn copy(
    store: &Store,
    blobs: &BlobStore,
    dir: &Path,
    hold: &mut Hold<'_>,
) -> Result<(BTreeMap<String, ManifestFile>, Vec<String>), BackupError> {
    let database = dir.join(DATABASE);
    store.snapshot_sqlite(&database).await?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&database, std::fs::Permissions::from_mode(0o600))
            .map_err(io(DATABASE))?;
    }
    let snapshot = store.open_sqlite_snapshot(&database).await?;
    let inventory = snapshot.inventory().await;
    snapshot.close_snapshot().await;
    let inventory = inventory?;
    hold.renew_if_due().await?;

    let mut files = BTreeMap::new();
    let mut pages = blobs.pages();
    while let Some(page) = pages
        .next_page()
        .await
        .map_err(io("listing the stored files"))?
    {
        for blob in page {
            if blob.key.ends_with(".partial") || !inventory.owns(&blob.key) {
                continue;
            }
            hold.renew_if_due().await?;
            let bytes = match blobs.get(&blob.key).await {
                Ok(b) => b,
                // Not one the snapshot refers to (those are held): a page image or a file
                // made after the snapshot and deleted since. Checked below if it matters.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(io(blob.key.clone())(e)),
            };
            let entry = ManifestFile {
                path: format!("{FILES}/{}", blob.key),
                size: bytes.len() as u64,
                sha256: sha256_hex(&bytes),
            };
            write_private(dir.join(FILES).join(&blob.key), bytes).await?;
            files.insert(blob.key, entry);
        }
    }
    // Files are copied as stored (encrypted ones stay encrypted: the backup needs no key and
    // holds none), so here only their presence is judged; `check` opens them with the keys
    // and compares their content with the hashes the rows record.
    let problems = inventory
        .files
        .iter()
        .filter(|r| !files.contains_key(&r.key))
        .map(|r| format!("{} ({}) is missing from the blob store", r.key, r.owner))
        .collect();
    Ok((files, problems))
}

/// Where a restore puts things.
pub struct RestoreTarget {
    pub data_dir: PathBuf,
    /// What the data directory may hold already: the keys.
    pub key_names: Vec<String>,
    /// The SQLite database file the configuration names.
    pub database: PathBuf,
    pub blobs: BlobStore,
}

impl RestoreTarget {
    /// The target a configuration names; refused for PostgreSQL and without a master key
    /// in place.
    pub fn from_config(config: &Config) -> Result<RestoreTarget, BackupError> {
        let Some(database) = sqlite_path(&config.database_url()) else {
            return Err(BackupError::Refused(
                "signet restore brings back a SQLite installation; for PostgreSQL use pg_restore and an object copy as docs/data-protection.md describes".into(),
            ));
        };
        if !master_key_in_place(config) {
            return Err(BackupError::Refused(format!(
                "no master key in place: a backup holds no keys; put the installation's keys directory at {} (or set SIGNET_MASTER_KEY) first, else the restored data cannot be opened",
                config.keys_dir().display()
            )));
        }
        Ok(RestoreTarget {
            data_dir: config.data_dir.clone(),
            key_names: key_names(config),
            database,
            blobs: blob_store(config)?,
        })
    }
}

/// Reads a backup's manifest and checks every file it names against its size and SHA-256:
/// every mismatch, missing file and unknown format is named.
pub async fn verify_backup(dir: &Path) -> Result<Manifest, BackupError> {
    let text = tokio::fs::read(dir.join(MANIFEST))
        .await
        .map_err(io(format!(
            "{} (not a complete backup?)",
            dir.join(MANIFEST).display()
        )))?;
    let manifest: Manifest = serde_json::from_slice(&text)
        .map_err(|e| BackupError::Refused(format!("{MANIFEST} cannot be read: {e}")))?;
    if manifest.schema_version != SCHEMA_VERSION {
        return Err(BackupError::Refused(format!(
            "{MANIFEST} has schema version {}; this Signet reads {SCHEMA_VERSION}",
            manifest.schema_version
        )));
    }
    if manifest.backend != "sqlite"
        || manifest.files.first().map(|f| f.path.as_str()) != Some(DATABASE)
    {
        return Err(BackupError::Refused(format!(
            "{MANIFEST} does not describe a SQLite backup"
        )));
    }
    let mut problems = Vec::new();
    for file in &manifest.files {
        if !safe_relative(&file.path) {
            problems.push(format!("{}: not a path inside the backup", file.path));
            continue;
        }
        match tokio::fs::read(dir.join(&file.path)).await {
            Ok(bytes) if bytes.len() as u64 != file.size => problems.push(format!(
                "{}: {} bytes, the manifest says {}",
                file.path,
                bytes.len(),
                file.size
            )),
            Ok(bytes) if sha256_hex(&bytes) != file.sha256 => problems.push(format!(
                "{}: differs from its SHA-256 in the manifest",
                file.path
            )),
            Ok(_) => {}
            Err(e) => problems.push(format!("{}: {e}", file.path)),
        }
    }
    if !problems.is_empty() {
        return Err(BackupError::Refused(format!(
            "the backup is damaged, nothing was restored:\n  {}",
            problems.join("\n  ")
        )));
    }
    Ok(manifest)
}

/// A manifest path: relative, `/`-separated, no `.` or `..`.
fn safe_relative(path: &str) -> bool {
    !path.is_empty()
        && path
            .split('/')
            .all(|p| !p.is_empty() && p != "." && p != ".." && !p.contains('\\'))
}

/// Restores the backup in `dir` into `target`, which must be empty (the keys in place
/// excepted): the manifest's hashes are checked first, then the files are stored and the
/// database is put in place last.
pub async fn restore(dir: &Path, target: &RestoreTarget) -> Result<Manifest, BackupError> {
    let manifest = verify_backup(dir).await?;
    let keys: Vec<&str> = target.key_names.iter().map(String::as_str).collect();
    if !empty_but(&target.data_dir, &keys)? {
        return Err(BackupError::Refused(format!(
            "{} is not empty: restore into a fresh data directory (only master.key and keys/ may be there)",
            target.data_dir.display()
        )));
    }
    if target.database.exists() {
        return Err(BackupError::Refused(format!(
            "{} exists: restore into a fresh database",
            target.database.display()
        )));
    }
    if target.blobs.root().is_none()
        && let Some(page) = target
            .blobs
            .pages()
            .next_page()
            .await
            .map_err(io("listing the bucket"))?
        && !page.is_empty()
    {
        return Err(BackupError::Refused(
            "the bucket is not empty: restore into a fresh bucket".into(),
        ));
    }
    signet_store::restrict_dir(&target.data_dir)
        .map_err(io(target.data_dir.display().to_string()))?;
    for file in &manifest.files[1..] {
        let Some(key) = file.path.strip_prefix(&format!("{FILES}/")) else {
            continue;
        };
        let bytes = tokio::fs::read(dir.join(&file.path))
            .await
            .map_err(io(file.path.clone()))?;
        // Read again since the check: a file changed meanwhile is not restored.
        if sha256_hex(&bytes) != file.sha256 {
            return Err(BackupError::Refused(format!(
                "{} changed while it was restored",
                file.path
            )));
        }
        target.blobs.put(key, &bytes).await.map_err(io(key))?;
    }
    // The database last, under a temporary name first: a restore that stops half-way leaves
    // no database a server would start on.
    let bytes = tokio::fs::read(dir.join(DATABASE))
        .await
        .map_err(io(DATABASE))?;
    if sha256_hex(&bytes) != manifest.files[0].sha256 {
        return Err(BackupError::Refused(format!(
            "{DATABASE} changed while it was restored"
        )));
    }
    let partial = target.database.with_extension("db.partial");
    let _ = std::fs::remove_file(&partial);
    write_private(partial.clone(), bytes).await?;
    std::fs::rename(&partial, &target.database)
        .map_err(io(target.database.display().to_string()))?;
    #[cfg(unix)]
    if let Some(parent) = target.database.parent() {
        std::fs::File::open(parent)
            .and_then(|d| d.sync_all())
            .map_err(io(parent.display().to_string()))?;
    }
    Ok(manifest)
}

/// What `signet check` found.
#[derive(Debug, Default, Clone)]
pub struct CheckReport {
    /// Referenced files read and compared with their recorded SHA-256.
    pub files: u64,
    /// Audit trails checked.
    pub trails: u64,
    /// Finished documents whose signatures were verified.
    pub signed_documents: u64,
    /// Each problem, naming the file, trail or document.
    pub problems: Vec<String>,
}

/// Proves an installation whole, or names what is not: every referenced file present with
/// the SHA-256 its row records, every audit trail (documents' and persons' access trails)
/// intact, every finished document's
/// signatures valid under the installation's root of its mode.
pub async fn check(state: &AppState) -> Result<CheckReport, BackupError> {
    let inventory = state.store.inventory().await?;
    let mut report = CheckReport::default();
    check_files(state, &inventory, &mut report).await?;
    check_trails(state, &mut report).await?;
    Ok(report)
}

async fn check_files(
    state: &AppState,
    inventory: &Inventory,
    report: &mut CheckReport,
) -> Result<(), BackupError> {
    // A file holding another reference's content was swapped with it, or copied over it.
    let by_hash: HashMap<&str, &str> = inventory
        .files
        .iter()
        .map(|f| (f.sha256.as_str(), f.key.as_str()))
        .collect();
    let finished: HashMap<&str, (Mode, &str)> = inventory
        .documents
        .iter()
        .filter(|d| d.document.status == DocumentStatus::Finished && d.document.revisions > 0)
        .map(|d| {
            (
                d.document.file_key.as_str(),
                (d.mode, d.document.id.as_str()),
            )
        })
        .collect();
    let mut seen = HashSet::new();
    for reference in &inventory.files {
        if !seen.insert(reference.key.as_str()) {
            continue;
        }
        report.files += 1;
        let bytes = match state.blobs.get(&reference.key).await {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if still_referenced(&state.store, reference).await? {
                    report.problems.push(format!(
                        "{} ({}) is missing",
                        reference.key, reference.owner
                    ));
                }
                continue;
            }
            Err(e) => {
                // An encrypted file that does not open was damaged, cut short, or belongs
                // under another key: its authentication covers all three.
                report.problems.push(format!(
                    "{} ({}) cannot be opened (damaged, truncated or another file's): {e}",
                    reference.key, reference.owner
                ));
                continue;
            }
        };
        let sha = sha256_hex(&bytes);
        if sha != reference.sha256 {
            let problem = match (reference.size, by_hash.get(sha.as_str())) {
                (_, Some(other)) if *other != reference.key => {
                    format!("holds the content of {other} (swapped)")
                }
                (Some(size), _) if (bytes.len() as u64) < size => {
                    format!("is truncated: {} bytes of {size}", bytes.len())
                }
                _ => "differs from its recorded SHA-256".to_owned(),
            };
            report
                .problems
                .push(format!("{} ({}) {problem}", reference.key, reference.owner));
            continue;
        }
        if let Some((mode, document)) = finished.get(reference.key.as_str()) {
            report.signed_documents += 1;
            if let Some(problem) = verify_signatures(state, *mode, bytes).await? {
                report
                    .problems
                    .push(format!("document {document}'s signed file {problem}"));
            }
        }
    }
    Ok(())
}

/// Whether the row that needed a missing file is still there (a file of a document deleted
/// while `check` ran is not missing).
async fn still_referenced(store: &Store, reference: &FileReference) -> Result<bool, StoreError> {
    match &reference.document_id {
        Some(document) => store.document_row_exists(document).await,
        None => store.person_file_row_exists(&reference.key).await,
    }
}

/// The signatures of a finished file, each judged at its own time (an old backup's
/// certificates may have expired since; what is proved is that each was valid when made).
/// `None` when every one passed.
async fn verify_signatures(
    state: &AppState,
    mode: Mode,
    pdf: Vec<u8>,
) -> Result<Option<String>, BackupError> {
    let root = state.trust.ca(mode).root_pem();
    let opts = signet_pdf::VerifyOptions {
        limits: crate::heavy::pdf_limits(&state.config),
        validation_time: None,
        ..signet_pdf::VerifyOptions::default()
    };
    let verified = state
        .heavy
        .run(move || signet_pdf::verify_pdf_with(&pdf, &[root], &opts))
        .await
        .map_err(|e| BackupError::Refused(e.to_string()))?;
    let report = match verified {
        Ok(r) => r,
        Err(e) => return Ok(Some(format!("cannot be verified: {e}"))),
    };
    if report.signatures.is_empty() {
        return Ok(Some("carries no signature".into()));
    }
    let failed: Vec<String> = report
        .signatures
        .iter()
        .filter(|s| s.indication != signet_pdf::Indication::TotalPassed)
        .map(|s| {
            format!(
                "{} ({}) is {}{}",
                s.field,
                s.signer,
                serde_json::to_value(s.indication)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
                s.sub_indication
                    .as_ref()
                    .map(|x| format!(" / {x}"))
                    .unwrap_or_default()
            )
        })
        .collect();
    Ok((!failed.is_empty())
        .then(|| format!("has a signature that does not pass: {}", failed.join("; "))))
}

async fn check_trails(state: &AppState, report: &mut CheckReport) -> Result<(), BackupError> {
    for id in state.store.audited_documents().await? {
        report.trails += 1;
        let Some(document) = signet_core::ids::DocumentId::parse(&id) else {
            report.problems.push(format!(
                "an audit trail belongs to {id:?}, which is no document id"
            ));
            continue;
        };
        let rows = state.store.audit_trail(&document).await?;
        if let Some(seq) = crate::audit::first_broken(&rows) {
            report.problems.push(format!(
                "document {id}'s audit trail is broken at entry {seq} (edited, removed or reordered)"
            ));
        }
    }
    // Persons' access trails (who saw or exported their data), in pages.
    for (tenant, mode, person) in state.store.audited_persons().await? {
        report.trails += 1;
        let mut rows = Vec::new();
        loop {
            let after = rows
                .last()
                .map_or(0, |r: &signet_store::PersonAuditRow| r.seq);
            let page = state
                .store
                .person_audit_after(&tenant, mode, &person, after, 1000)
                .await?;
            if page.is_empty() {
                break;
            }
            rows.extend(page);
        }
        if let Some(seq) = crate::access_audit::first_broken(&rows) {
            report.problems.push(format!(
                "person {}'s access trail is broken at entry {seq} (edited, removed or reordered)",
                person.as_str()
            ));
        }
    }
    Ok(())
}
