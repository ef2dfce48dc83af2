#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Backup, restore and check (`signet_app::backup`, what `signet backup`, `signet restore`
//! and `signet check` run): a backup taken while 32 clients write holds everything
//! acknowledged before it began and restores into an installation that checks whole, serves
//! and delivers its pending webhooks; the check names a deleted, truncated and swapped file
//! and an edited audit row (a document's trail and a person's access trail), with files on
//! disk and in an S3 bucket (moto), on SQLite and on PostgreSQL with
//! `SIGNET_TEST_DATABASE=postgres`. On PostgreSQL the backup is the runbook's
//! pg_dump, pg_restore and object copy, which is played here too.

// The S3 tests' stand-in, as `s3_blobs.rs` includes it.
#[allow(dead_code, clippy::duplicate_mod)]
#[path = "../../../store/tests/moto/mod.rs"]
mod moto;

use crate::helpers::{
    TestApp, b64, document_identification, postgres_selected, sample_pdf, spawn_app_with, wait_for,
};
use moto::{ACCESS_KEY_ID, Moto, SECRET_ACCESS_KEY, python_with_moto};
use reqwest::Method;
use serde_json::{Value, json};
use signet_core::identification::ImageSlot;
use signet_server::App;
use signet_server::backup::{self, BackupError, RestoreTarget};
use signet_server::config::{Config, Secret};
use signet_server::state::SystemClock;
use signet_store::{BlobStore, Mode, Store};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// A webhook receiver that answers 204 to everything and counts the requests.
struct Receiver {
    url: String,
    hits: Arc<AtomicUsize>,
}

impl Receiver {
    async fn start() -> Receiver {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hooks", listener.local_addr().unwrap());
        let hits = Arc::new(AtomicUsize::new(0));
        let counted = hits.clone();
        tokio::spawn(async move {
            loop {
                let Ok((mut socket, _)) = listener.accept().await else {
                    return;
                };
                let counted = counted.clone();
                tokio::spawn(async move {
                    // Read the head and the body its Content-Length announces, then answer.
                    let mut buf = Vec::new();
                    let mut chunk = [0u8; 8192];
                    loop {
                        let Ok(n) = socket.read(&mut chunk).await else {
                            return;
                        };
                        if n == 0 {
                            return;
                        }
                        buf.extend_from_slice(&chunk[..n]);
                        let text = String::from_utf8_lossy(&buf).to_string();
                        if let Some(end) = text.find("\r\n\r\n") {
                            let length = text[..end]
                                .lines()
                                .find_map(|l| {
                                    let (k, v) = l.split_once(':')?;
                                    k.eq_ignore_ascii_case("content-length")
                                        .then(|| v.trim().parse::<usize>().ok())?
                                })
                                .unwrap_or(0);
                            if buf.len() >= end + 4 + length {
                                break;
                            }
                        }
                    }
                    counted.fetch_add(1, Ordering::SeqCst);
                    let _ = socket
                        .write_all(b"HTTP/1.1 204 No Content\r\nconnection: close\r\n\r\n")
                        .await;
                });
            }
        });
        Receiver { url, hits }
    }
}

async fn send_document(app: &TestApp, name: &str) -> Value {
    app.post(
        "/v1/documents",
        json!({
            "name": name,
            "file": b64(&sample_pdf(name)),
            "signers": [
                {"name": "Ana Silva", "email": "ana@example.com"},
                {"name": "Ben Okafor", "email": "ben@example.com"},
            ],
        }),
    )
    .await
    .assert(201)
    .clone()
}

/// Both signers approve and confirm with the sandbox code: the document is finished.
async fn finish(app: &TestApp, doc: &Value) {
    let id = doc["id"].as_str().unwrap();
    for signer in doc["signers"].as_array().unwrap() {
        let path = format!(
            "/v1/documents/{id}/signers/{}",
            signer["id"].as_str().unwrap()
        );
        app.post(&format!("{path}/approve"), json!({}))
            .await
            .assert(200);
        app.post(&format!("{path}/confirm"), json!({"otp": "123456"}))
            .await
            .assert(200);
    }
    let now = app.get(&format!("/v1/documents/{id}")).await;
    assert_eq!(now.assert(200)["status"], "finished");
}

/// A person with an ID image and a selfie stored as person files.
async fn person_with_files(app: &TestApp) -> String {
    let (pid, _, ident) = document_identification(app, "Anna", "Lind").await;
    let form = |path: String, fields: Vec<(&'static str, &'static str)>| async move {
        app.client
            .post(app.url(&path))
            .form(&fields)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    };
    assert_eq!(
        form(
            format!("{ident}/consent"),
            vec![("terms", "on"), ("data", "on")]
        )
        .await,
        303
    );
    assert_eq!(
        form(
            format!("{ident}/document"),
            vec![("document_type", "PASSPORT")]
        )
        .await,
        303
    );
    for slot in [ImageSlot::Front, ImageSlot::Selfie] {
        let part = reqwest::multipart::Part::bytes(crate::helpers::id_photo()).file_name("p.png");
        let status = app
            .client
            .post(app.url(&format!("{ident}/images/{}", slot.as_str())))
            .multipart(reqwest::multipart::Form::new().part("image", part))
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(status.as_u16(), 303);
    }
    let files = app.get(&format!("/v1/persons/{pid}/documents")).await;
    assert_eq!(files.assert(200).as_array().unwrap().len(), 2);
    pid
}

/// A number written in letters (names take no digits).
fn letters(mut n: u32) -> String {
    let mut s = String::new();
    loop {
        s.insert(0, char::from(b'a' + (n % 26) as u8));
        n /= 26;
        if n == 0 {
            return format!("N{s}");
        }
    }
}

async fn delete_document(app: &TestApp, id: &str) -> u16 {
    app.send(
        Method::DELETE,
        &format!("/v1/documents/{id}"),
        Some(&app.key),
        None,
        None,
        &[],
    )
    .await
    .status
    .as_u16()
}

/// What one client wrote, and whether it was acknowledged before the backup began.
#[derive(Debug)]
enum Written {
    Person(String),
    Document(String),
    /// Created and then deleted: whether it is in the backup depends on when it went.
    Deleted,
}

/// A server on a restored data directory, as `signet serve` would start there.
struct Restored {
    base: String,
    key: String,
    client: reqwest::Client,
    app_state: signet_server::state::AppState,
    cancel: tokio_util::sync::CancellationToken,
}

impl Restored {
    async fn start(config: Config) -> Restored {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let app = App::build(config, Arc::new(SystemClock)).await.unwrap();
        assert!(
            app.bootstrap().await.unwrap().is_none(),
            "the restored database has its tenants"
        );
        let store = &app.state.store;
        let tenant = store.tenant_by_name("default").await.unwrap();
        let key =
            signet_server::auth::issue_key(store, &tenant.id, Mode::Test, app.state.wall_now())
                .await
                .unwrap();
        let app_state = app.state.clone();
        let cancel = tokio_util::sync::CancellationToken::new();
        let stop = cancel.clone();
        tokio::spawn(async move { app.serve(listener, stop.cancelled_owned()).await });
        Restored {
            base,
            key,
            client: reqwest::Client::new(),
            app_state,
            cancel,
        }
    }

    async fn status(&self, path: &str) -> u16 {
        self.client
            .get(format!("{}{path}", self.base))
            .bearer_auth(&self.key)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    }
}

impl Drop for Restored {
    fn drop(&mut self) {
        self.cancel.cancel();
    }
}

/// The key material the operator keeps apart, as `signet keys backup` copies it (while the
/// server runs), put into `to`'s keys directory as a restore does.
async fn copy_keys(config: &Config, to: &std::path::Path) {
    let copy = tempfile::tempdir().unwrap();
    let dir = copy.path().join("keys");
    let done = signet_server::keys::backup(config, &dir).await.unwrap();
    assert!(!done.master_key_files.is_empty(), "{done:?}");
    assert_eq!(done.keyring_copied, !postgres_selected(), "{done:?}");
    let keys = to.join("keys");
    std::fs::create_dir_all(&keys).unwrap();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let entry = entry.unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = entry.metadata().unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{:?}", entry.file_name());
        }
        std::fs::copy(entry.path(), keys.join(entry.file_name())).unwrap();
    }
}

#[tokio::test]
async fn a_backup_taken_while_32_clients_write_restores_whole_and_the_outbox_resumes() {
    if postgres_selected() {
        // A PostgreSQL installation is backed up by pg_dump: see the runbook's test below.
        return;
    }
    let receiver = Receiver::start().await;
    // No workers: the webhook messages stay pending in the outbox the backup copies.
    let app = Arc::new(spawn_app_with(|c| c.workers = false).await);
    app.post(
        "/v1/webhooks",
        json!({"url": receiver.url, "event_types": ["person.created"]}),
    )
    .await
    .assert(201);
    let signed = send_document(&app, "Signed before the backup").await;
    finish(&app, &signed).await;
    let with_files = person_with_files(&app).await;

    let started = Arc::new(AtomicBool::new(false));
    let stop = Arc::new(AtomicBool::new(false));
    let count = Arc::new(AtomicUsize::new(0));
    let mut clients = Vec::new();
    for client in 0..32 {
        let (app, started, stop, count) =
            (app.clone(), started.clone(), stop.clone(), count.clone());
        clients.push(tokio::spawn(async move {
            let mut written = Vec::new();
            let mut i = 0u32;
            while !stop.load(Ordering::SeqCst) {
                i += 1;
                let what = match i % 4 {
                    0 => {
                        let doc = send_document(&app, &format!("c{client}-{i}")).await;
                        Written::Document(doc["id"].as_str().unwrap().to_owned())
                    }
                    1 => {
                        // Deleted at once: its files go while the backup may be copying.
                        let doc = send_document(&app, &format!("c{client}-{i}-gone")).await;
                        let id = doc["id"].as_str().unwrap();
                        assert_eq!(delete_document(&app, id).await, 204);
                        Written::Deleted
                    }
                    _ => {
                        let p = app
                            .person(json!({"first_name": letters(client), "last_name": letters(i)}))
                            .await;
                        Written::Person(p["id"].as_str().unwrap().to_owned())
                    }
                };
                // Acknowledged before the backup began only if the answer came before it.
                let before = !started.load(Ordering::SeqCst);
                count.fetch_add(1, Ordering::SeqCst);
                written.push((what, before));
            }
            written
        }));
    }
    wait_for("the clients to be writing", async || {
        count.load(Ordering::SeqCst) >= 200
    })
    .await;

    // The backup runs as `signet backup` does: its own connection beside the server's.
    let dir = tempfile::tempdir().unwrap();
    let backup_dir = dir.path().join("backup");
    let config = app.state.config.clone();
    let store = Store::connect(&config.database_url()).await.unwrap();
    let blobs = BlobStore::new(config.data_dir.join("files"));
    let clock_state = app.state.clone();
    let clock = move || clock_state.wall_now();
    started.store(true, Ordering::SeqCst);
    let at_start = count.load(Ordering::SeqCst);
    let manifest = backup::backup(&store, &blobs, "file", &backup_dir, &clock, "test")
        .await
        .unwrap();
    let during = count.load(Ordering::SeqCst) - at_start;
    // Some more writes after it, then the clients stop.
    let after = count.load(Ordering::SeqCst);
    wait_for("writes after the backup", async || {
        count.load(Ordering::SeqCst) >= after + 100
    })
    .await;
    stop.store(true, Ordering::SeqCst);
    let mut written = Vec::new();
    for c in clients {
        written.extend(c.await.unwrap());
    }
    store.close().await;
    eprintln!(
        "{} writes in all, {during} while the backup ran; the backup holds {} files",
        written.len(),
        manifest.files.len()
    );
    assert!(manifest.problems.is_empty(), "{:?}", manifest.problems);
    assert_eq!(manifest.schema_version, backup::SCHEMA_VERSION);
    assert_eq!(manifest.backend, "sqlite");
    assert!(manifest.keys.starts_with("not included"));
    // The database, files and manifest; never a key.
    let mut top: Vec<String> = std::fs::read_dir(&backup_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(top, ["files", "manifest.json", "signet.db"]);
    assert!(
        manifest
            .files
            .iter()
            .all(|f| !f.path.contains("master.key") && !f.path.starts_with("keys/"))
    );
    assert_eq!(
        receiver.hits.load(Ordering::SeqCst),
        0,
        "nothing delivered yet"
    );

    // A backup does not go into a directory that holds something.
    let refused = backup::backup(&store, &blobs, "file", &backup_dir, &clock, "test").await;
    assert!(
        matches!(refused, Err(BackupError::Refused(_))),
        "{refused:?}"
    );

    // Restore into a fresh data directory that holds only the installation's key, kept apart.
    let target_dir = tempfile::tempdir().unwrap();
    let target = target_dir.path().join("data");
    std::fs::create_dir(&target).unwrap();
    copy_keys(&config, &target).await;
    let restored_config = Config {
        data_dir: target.clone(),
        database_url: None,
        webhook_allow_private: true,
        worker_poll_ms: 50,
        ..Config::default()
    };
    let restore_target = RestoreTarget::from_config(&restored_config).unwrap();
    backup::restore(&backup_dir, &restore_target).await.unwrap();
    // Not twice: the target is no longer empty.
    let again = backup::restore(&backup_dir, &restore_target).await;
    assert!(matches!(again, Err(BackupError::Refused(m)) if m.contains("not empty")));

    let restored = Restored::start(restored_config).await;
    let report = backup::check(&restored.app_state).await.unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert!(report.signed_documents >= 1, "{report:?}");
    assert!(report.trails >= 1 && report.files >= 4, "{report:?}");

    // Everything acknowledged before the backup began is there.
    let mut acknowledged = 0;
    for (what, before) in &written {
        let path = match what {
            Written::Person(id) => format!("/v1/persons/{id}"),
            Written::Document(id) => format!("/v1/documents/{id}"),
            Written::Deleted => continue,
        };
        if *before {
            acknowledged += 1;
            assert_eq!(restored.status(&path).await, 200, "{path} lost");
        }
    }
    assert!(acknowledged >= 100, "{acknowledged}");
    let id = signed["id"].as_str().unwrap();
    assert_eq!(
        restored.status(&format!("/v1/documents/{id}/file")).await,
        200
    );
    assert_eq!(
        restored
            .status(&format!("/v1/persons/{with_files}/documents"))
            .await,
        200
    );
    // The outbox resumes: the messages pending at the backup are delivered.
    wait_for("the restored outbox to deliver", async || {
        receiver.hits.load(Ordering::SeqCst) > 0
    })
    .await;
}

#[tokio::test]
async fn a_damaged_backup_is_refused_before_anything_is_restored() {
    if postgres_selected() {
        return;
    }
    let app = spawn_app_with(|_| {}).await;
    send_document(&app, "One").await;
    let dir = tempfile::tempdir().unwrap();
    let backup_dir = dir.path().join("backup");
    let state = app.state.clone();
    let clock = move || state.wall_now();
    let blobs = backup::blob_store(&app.state.config).unwrap();
    let manifest = backup::backup(
        &app.state.store,
        &blobs,
        "file",
        &backup_dir,
        &clock,
        "test",
    )
    .await
    .unwrap();
    let file = &manifest.files[1];
    let path = backup_dir.join(&file.path);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[0] ^= 1;
    std::fs::write(&path, bytes).unwrap();

    let target = dir.path().join("fresh");
    let config = Config {
        data_dir: target.clone(),
        master_key: Some(Secret::new("00".repeat(32))),
        ..Config::default()
    };
    let refused = backup::restore(&backup_dir, &RestoreTarget::from_config(&config).unwrap()).await;
    match refused {
        Err(BackupError::Refused(m)) => assert!(m.contains(&file.path), "{m}"),
        other => panic!("{other:?}"),
    }
    assert!(!target.join("signet.db").exists());
    assert!(!target.join("files").exists());

    // Without a key in place there is no restore at all.
    let keyless = Config {
        data_dir: dir.path().join("keyless"),
        ..Config::default()
    };
    assert!(matches!(
        RestoreTarget::from_config(&keyless),
        Err(BackupError::Refused(m)) if m.contains("master key")
    ));
}

/// Breaks an installation four ways and expects `check` to name each.
async fn check_names_each_kind_of_damage(
    app: &TestApp,
    put: impl AsyncFn(&str, Vec<u8>),
    delete: impl AsyncFn(&str),
) {
    let first = send_document(app, "First").await;
    finish(app, &first).await;
    let second = send_document(app, "Second").await;
    let third = send_document(app, "Third").await;
    // A person whose data was exported: the export is an entry of their access trail.
    let exported = app
        .person(json!({"first_name": "Ysolde", "last_name": "Pennick"}))
        .await;
    let exported = exported["id"].as_str().unwrap().to_owned();
    let export = app.get(&format!("/v1/persons/{exported}/export")).await;
    assert_eq!(export.status, 200);
    let whole = backup::check(&app.state).await.unwrap();
    assert!(whole.problems.is_empty(), "{:?}", whole.problems);
    assert_eq!(whole.signed_documents, 1);

    let wf = |doc: &Value| {
        let id = signet_core::ids::DocumentId::parse(doc["id"].as_str().unwrap()).unwrap();
        let state = app.state.clone();
        async move {
            let tenant = state.store.tenant_by_name("default").await.unwrap();
            state
                .store
                .workflow(&tenant.id, Mode::Test, &id)
                .await
                .unwrap()
        }
    };
    let (first_wf, second_wf, third_wf) = (wf(&first).await, wf(&second).await, wf(&third).await);

    // Deleted: the signed file of the first.
    delete(&first_wf.document.file_key).await;
    // Truncated: the second's original.
    let original = app
        .state
        .blobs
        .get(&second_wf.document.original_key)
        .await
        .unwrap();
    put(
        &second_wf.document.original_key,
        original[..original.len() / 2].to_vec(),
    )
    .await;
    // Swapped: the third's original holds the first's original.
    let other = app
        .state
        .blobs
        .get(&first_wf.document.original_key)
        .await
        .unwrap();
    put(&third_wf.document.original_key, other).await;
    // Edited: an audit entry of the second.
    let second_id = second["id"].as_str().unwrap();
    app.state
        .store
        .raw_execute(&format!(
            "UPDATE document_audit SET actor = 'someone else' WHERE document_id = '{second_id}' AND seq = 1"
        ))
        .await
        .unwrap();
    // Edited: the exported person's access trail.
    app.state
        .store
        .raw_execute(&format!(
            "UPDATE person_audit SET actor = 'someone else' WHERE person_id = '{exported}' AND seq = 1"
        ))
        .await
        .unwrap();

    let report = backup::check(&app.state).await.unwrap();
    let problems = report.problems.join("\n");
    assert_eq!(report.problems.len(), 5, "{problems}");
    let names = |needles: &[&str]| {
        report
            .problems
            .iter()
            .any(|p| needles.iter().all(|n| p.contains(n)))
    };
    assert!(
        names(&[&first_wf.document.file_key, "is missing"]),
        "{problems}"
    );
    assert!(
        names(&[&second_wf.document.original_key, "truncated"]),
        "{problems}"
    );
    assert!(
        names(&[
            &third_wf.document.original_key,
            &first_wf.document.original_key,
            "swapped"
        ]),
        "{problems}"
    );
    assert!(
        names(&[second_id, "audit trail is broken at entry 1"]),
        "{problems}"
    );
    assert!(
        names(&[&exported, "access trail is broken at entry 1"]),
        "{problems}"
    );
}

#[tokio::test]
async fn check_names_a_deleted_truncated_and_swapped_file_and_an_edited_audit_row() {
    let app = spawn_app_with(|_| {}).await;
    let root = app.state.config.data_dir.join("files");
    let (put_root, delete_root) = (root.clone(), root);
    check_names_each_kind_of_damage(
        &app,
        async |key, bytes| std::fs::write(put_root.join(key), bytes).unwrap(),
        async |key| std::fs::remove_file(delete_root.join(key)).unwrap(),
    )
    .await;
}

#[tokio::test]
async fn check_names_the_same_damage_in_an_s3_bucket() {
    let Some(python) = python_with_moto() else {
        return;
    };
    let moto = Moto::start(&python);
    let bucket = moto.bucket("signet-check").await;
    let app = spawn_app_with(|c| {
        c.blob_store = "s3".into();
        c.s3_endpoint = Some(moto.endpoint.clone());
        c.s3_bucket = Some("signet-check".into());
        c.s3_access_key_id = Some(ACCESS_KEY_ID.into());
        c.s3_secret_access_key = Some(Secret::new(SECRET_ACCESS_KEY));
    })
    .await;
    check_names_each_kind_of_damage(
        &app,
        async |key, bytes| bucket.put_object(key, &bytes).await.unwrap(),
        async |key| bucket.delete_object(key).await.unwrap(),
    )
    .await;
}

/// Every object of the bucket into `dir`, keyed like the local files (`aws s3 sync`).
async fn sync_bucket_to(bucket: &signet_store::S3Client, dir: &std::path::Path) {
    for key in bucket.list_keys("").await.unwrap() {
        let path = dir.join(&key);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bucket.get_object(&key).await.unwrap()).unwrap();
    }
}

/// `pg_dump`/`pg_restore` with the arguments the runbook gives.
fn pg(tool: &str, args: &[&str]) {
    let out = std::process::Command::new(tool).args(args).output();
    let out = out.unwrap_or_else(|e| panic!("{tool}: {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[tokio::test]
async fn the_postgresql_and_s3_runbook_restores_an_installation_that_checks_whole() {
    if !postgres_selected() {
        return;
    }
    let Some(python) = python_with_moto() else {
        return;
    };
    let moto = Moto::start(&python);
    let source_bucket = moto.bucket("signet-live").await;
    let restored_bucket = moto.bucket("signet-restored").await;
    let s3 = |c: &mut Config, bucket: &str| {
        c.blob_store = "s3".into();
        c.s3_endpoint = Some(moto.endpoint.clone());
        c.s3_bucket = Some(bucket.into());
        c.s3_access_key_id = Some(ACCESS_KEY_ID.into());
        c.s3_secret_access_key = Some(Secret::new(SECRET_ACCESS_KEY));
    };
    let app = spawn_app_with(|c| s3(c, "signet-live")).await;
    let signed = send_document(&app, "Signed").await;
    finish(&app, &signed).await;
    let kept = send_document(&app, "Kept").await;
    let person = person_with_files(&app).await;
    let database_url = app.state.config.database_url();

    // The runbook: files, the dump, files again; the keyring schema apart.
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    sync_bucket_to(&source_bucket, &files).await;
    let dump = dir.path().join("signet.dump");
    let keyring_dump = dir.path().join("keyring.dump");
    pg(
        "pg_dump",
        &[
            "--format=custom",
            "--exclude-schema=signet_keyring",
            &format!("--file={}", dump.display()),
            &database_url,
        ],
    );
    sync_bucket_to(&source_bucket, &files).await;
    pg(
        "pg_dump",
        &[
            "--format=custom",
            "--schema=signet_keyring",
            &format!("--file={}", keyring_dump.display()),
            &database_url,
        ],
    );

    // Restore into an empty database and an empty bucket.
    let (restored_url, _drop) = crate::helpers::fresh_database(dir.path()).await;
    for d in [&dump, &keyring_dump] {
        pg(
            "pg_restore",
            &[
                "--no-owner",
                &format!("--dbname={restored_url}"),
                &d.display().to_string(),
            ],
        );
    }
    for entry in walk(&files) {
        let key = entry
            .strip_prefix(&files)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        restored_bucket
            .put_object(&key, &std::fs::read(&entry).unwrap())
            .await
            .unwrap();
    }
    let data_dir = dir.path().join("data");
    std::fs::create_dir(&data_dir).unwrap();
    copy_keys(&app.state.config, &data_dir).await;
    let mut config = Config {
        data_dir,
        database_url: Some(Secret::new(restored_url)),
        webhook_allow_private: true,
        worker_poll_ms: 50,
        ..Config::default()
    };
    s3(&mut config, "signet-restored");
    let restored = Restored::start(config).await;
    let report = backup::check(&restored.app_state).await.unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.signed_documents, 1, "{report:?}");
    for doc in [&signed, &kept] {
        let id = doc["id"].as_str().unwrap();
        assert_eq!(
            restored.status(&format!("/v1/documents/{id}/file")).await,
            200
        );
    }
    assert_eq!(
        restored
            .status(&format!("/v1/persons/{person}/documents"))
            .await,
        200
    );
}

/// Every file under `dir`.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}

/// A backup taken before an erasure cannot bring the person back: restored beside the keys as
/// they are now, where the person's data key is destroyed, their data does not open, the API
/// answers 410 as for any erased person, and the restored database holds none of it in the
/// clear. (SQLite: `signet backup` is for it.)
#[tokio::test]
async fn a_backup_from_before_an_erasure_cannot_bring_the_person_back() {
    if postgres_selected() {
        return;
    }
    const LAST: &str = "Trevithick-Amesbury";
    let app = crate::helpers::spawn_app().await;
    let p = app
        .person(json!({"first_name": "Olwen", "last_name": LAST, "email": "olwen@example.org"}))
        .await;
    let pid = p["id"].as_str().unwrap().to_owned();

    let dir = tempfile::tempdir().unwrap();
    let backup_dir = dir.path().join("backup");
    let config = app.state.config.clone();
    let store = Store::connect(&config.database_url()).await.unwrap();
    let blobs = BlobStore::new(config.data_dir.join("files"));
    let clock_state = app.state.clone();
    let clock = move || clock_state.wall_now();
    backup::backup(&store, &blobs, "file", &backup_dir, &clock, "test")
        .await
        .unwrap();
    store.close().await;
    // The keys copied beside that backup (kept apart from it, as the runbook says).
    let keys_before = tempfile::tempdir().unwrap();
    copy_keys(&config, keys_before.path()).await;

    // Nothing to keep: the person is erased at once and their key destroyed.
    let report = app
        .post(&format!("/v1/persons/{pid}/erasure"), json!({}))
        .await
        .assert(200)
        .clone();
    assert!(report["erased_at"].is_string(), "{report}");

    let target_dir = tempfile::tempdir().unwrap();
    let target = target_dir.path().join("data");
    std::fs::create_dir(&target).unwrap();
    copy_keys(&config, &target).await;
    let restored_config = Config {
        data_dir: target.clone(),
        database_url: None,
        webhook_allow_private: true,
        worker_poll_ms: 50,
        ..Config::default()
    };
    backup::restore(
        &backup_dir,
        &RestoreTarget::from_config(&restored_config).unwrap(),
    )
    .await
    .unwrap();
    let db = std::fs::read(target.join("signet.db")).unwrap();
    assert!(
        !db.windows(LAST.len()).any(|w| w == LAST.as_bytes()),
        "the name is in the restored database in the clear"
    );
    let restored = Restored::start(restored_config).await;
    // The restored database still has the person's row, but the keyring says they are gone.
    assert_eq!(restored.status(&format!("/v1/persons/{pid}")).await, 410);
    // Their event's payload, sealed under their key, is gone with it.
    assert_eq!(
        person_created_payload(&restored, &pid).await,
        Some(json!({}))
    );
    drop(restored);

    // Why keyring copies must not outlive the erasure promise: the same backup restored
    // beside a keyring copied before the erasure still opens the person.
    let old_dir = tempfile::tempdir().unwrap();
    let old_target = old_dir.path().join("data");
    std::fs::create_dir(&old_target).unwrap();
    std::fs::rename(keys_before.path().join("keys"), old_target.join("keys")).unwrap();
    let old_config = Config {
        data_dir: old_target,
        database_url: None,
        webhook_allow_private: true,
        worker_poll_ms: 50,
        ..Config::default()
    };
    backup::restore(
        &backup_dir,
        &RestoreTarget::from_config(&old_config).unwrap(),
    )
    .await
    .unwrap();
    let restored = Restored::start(old_config).await;
    assert_eq!(restored.status(&format!("/v1/persons/{pid}")).await, 200);
    let payload = person_created_payload(&restored, &pid).await.unwrap();
    assert_eq!(payload["last_name"], LAST, "{payload}");
}

/// The payload of the `person.created` event of `person` in a restored installation.
async fn person_created_payload(restored: &Restored, person: &str) -> Option<Value> {
    let store = &restored.app_state.store;
    let tenant = store.tenant_by_name("default").await.unwrap();
    let events = store
        .events_after(&tenant.id, Mode::Test, 0, 1000)
        .await
        .unwrap();
    let mut found = None;
    for e in events {
        // An erased person's payload is `{}`: the event is known by its type alone then.
        if e.event_type == "person.created" && (e.data["id"] == person || e.data == json!({})) {
            found = Some(e.data);
        }
    }
    found
}

/// The same on PostgreSQL, through the runbook: the database dumped (without the keyring
/// schema) before the erasure and restored after it into a fresh database, served beside the
/// keyring as it is now. The person answers 410 and no row of the restored database holds
/// their name in the clear.
#[tokio::test]
async fn a_postgresql_dump_from_before_an_erasure_cannot_bring_the_person_back() {
    if !postgres_selected() {
        return;
    }
    const LAST: &str = "Trevithick-Amesbury";
    let app = crate::helpers::spawn_app().await;
    let p = app
        .person(json!({"first_name": "Olwen", "last_name": LAST, "email": "olwen@example.org"}))
        .await;
    let pid = p["id"].as_str().unwrap().to_owned();
    let database_url = app.state.config.database_url();
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("signet.dump");
    pg(
        "pg_dump",
        &[
            "--format=custom",
            "--exclude-schema=signet_keyring",
            &format!("--file={}", dump.display()),
            &database_url,
        ],
    );

    app.post(&format!("/v1/persons/{pid}/erasure"), json!({}))
        .await
        .assert(200);

    let (restored_url, _drop) = crate::helpers::fresh_database(dir.path()).await;
    pg(
        "pg_restore",
        &[
            "--no-owner",
            &format!("--dbname={restored_url}"),
            &dump.display().to_string(),
        ],
    );
    let data_dir = dir.path().join("data");
    std::fs::create_dir(&data_dir).unwrap();
    copy_keys(&app.state.config, &data_dir).await;
    let config = Config {
        data_dir,
        database_url: Some(Secret::new(restored_url.clone())),
        // The keyring where it lives now: the live installation's schema.
        keyring_url: Some(Secret::new(database_url)),
        webhook_allow_private: true,
        worker_poll_ms: 50,
        ..Config::default()
    };
    let restored = Restored::start(config).await;
    assert_eq!(restored.status(&format!("/v1/persons/{pid}")).await, 410);
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&restored_url).await.unwrap();
    let tables: Vec<String> = sqlx::query(
        "SELECT CAST(table_name AS TEXT) AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    )
    .fetch_all(&pool)
    .await
    .unwrap()
    .iter()
    .map(|r| sqlx::Row::get::<String, _>(r, "t"))
    .collect();
    for table in tables {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT CAST(x AS TEXT) AS row_text FROM {table} x"
        )))
        .fetch_all(&pool)
        .await
        .unwrap();
        for r in rows {
            let text: String = sqlx::Row::get(&r, "row_text");
            assert!(!text.contains(LAST), "the name is in {table} in the clear");
        }
    }
    pool.close().await;
}
