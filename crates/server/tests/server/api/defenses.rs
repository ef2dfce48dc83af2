//! The server defends itself: deadlines for slow clients, a connection cap, pages on every
//! list, page views recorded once an hour, no file stored for a refused request, the sweeper
//! of files no row refers to, and the modes of what is kept on disk.

use crate::api::documents::send;
use crate::helpers::{TestApp, document_identification, id_photo, spawn_app, spawn_app_with};
use base64::Engine;
use serde_json::{Value, json};
use signet_core::identification::ImageSlot;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn addr(app: &TestApp) -> String {
    app.base.trim_start_matches("http://").to_owned()
}

#[tokio::test]
async fn a_client_trickling_its_headers_is_cut_off_after_the_request_timeout() {
    let app = spawn_app_with(|c| c.request_timeout_ms = 1000).await;
    let mut stream = TcpStream::connect(addr(&app)).await.unwrap();
    let started = Instant::now();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: signet\r\n")
        .await
        .unwrap();
    let (mut reader, mut writer) = stream.into_split();
    // One header line a second, for longer than the test waits.
    let trickle = tokio::spawn(async move {
        for i in 0..20 {
            tokio::time::sleep(Duration::from_secs(1)).await;
            if writer
                .write_all(format!("X-Slow-{i}: yes\r\n").as_bytes())
                .await
                .is_err()
            {
                return;
            }
        }
    });
    let mut buf = [0u8; 1024];
    let read = tokio::time::timeout(Duration::from_secs(5), reader.read(&mut buf)).await;
    let elapsed = started.elapsed();
    assert!(
        matches!(read, Ok(Ok(0)) | Ok(Err(_))),
        "the connection is closed without an answer: {read:?}"
    );
    assert!(
        elapsed >= Duration::from_millis(900) && elapsed < Duration::from_secs(4),
        "cut off after about a second, not {elapsed:?}"
    );
    trickle.abort();
    // The server still answers others.
    app.get("/healthz").await.assert(200);
}

/// Sends a POST whose 100-byte body arrives a byte every 300 ms; returns the answer and
/// when it came.
async fn trickle_body(app: &TestApp) -> (String, Duration) {
    let mut stream = TcpStream::connect(addr(app)).await.unwrap();
    let started = Instant::now();
    let head = format!(
        "POST /v1/persons HTTP/1.1\r\nHost: signet\r\nAuthorization: Bearer {}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{",
        app.key
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let (mut reader, mut writer) = stream.into_split();
    let trickle = tokio::spawn(async move {
        for _ in 0..99 {
            tokio::time::sleep(Duration::from_millis(300)).await;
            if writer.write_all(b" ").await.is_err() {
                return;
            }
        }
    });
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = tokio::time::Instant::now() + Duration::from_secs(8);
    loop {
        match tokio::time::timeout_at(deadline, reader.read(&mut buf)).await {
            Ok(Ok(n)) if n > 0 => {
                out.extend_from_slice(&buf[..n]);
                if out.windows(4).any(|w| w == b"\r\n\r\n") && out.ends_with(b"}") {
                    break;
                }
            }
            _ => break,
        }
    }
    trickle.abort();
    (
        String::from_utf8_lossy(&out).into_owned(),
        started.elapsed(),
    )
}

#[tokio::test]
async fn a_body_that_does_not_arrive_in_time_is_408() {
    let app = spawn_app_with(|c| {
        c.body_read_timeout_ms = 1000;
        c.request_timeout_ms = 20_000;
    })
    .await;
    let (answer, elapsed) = trickle_body(&app).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains(r#""code":"request_timeout""#), "{answer}");
    assert!(answer.contains("request body did not arrive"), "{answer}");
    assert!(answer.to_ascii_lowercase().contains("connection: close"));
    assert!(answer.to_ascii_lowercase().contains("x-request-id"));
    assert!(elapsed < Duration::from_secs(4), "{elapsed:?}");
    // Nothing was created.
    assert_eq!(app.get("/v1/persons").await.assert(200), &json!([]));
}

#[tokio::test]
async fn a_request_still_running_at_the_request_timeout_is_408() {
    let app = spawn_app_with(|c| {
        c.body_read_timeout_ms = 20_000;
        c.request_timeout_ms = 1000;
    })
    .await;
    let (answer, elapsed) = trickle_body(&app).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("took longer than 1000 ms"), "{answer}");
    assert!(elapsed < Duration::from_secs(4), "{elapsed:?}");
    // The code is in the published catalogue with the status it is sent with.
    let codes = app.get("/v1/codes?kind=error_code").await;
    let entry = codes
        .assert(200)
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "request_timeout")
        .cloned()
        .expect("request_timeout is listed");
    assert_eq!(entry["status"], "408");
}

#[tokio::test]
async fn connections_over_the_cap_wait_for_a_free_one() {
    let app = spawn_app_with(|c| c.max_connections = 2).await;
    let first = TcpStream::connect(addr(&app)).await.unwrap();
    let second = TcpStream::connect(addr(&app)).await.unwrap();
    // Both are accepted and held (idle, within the header-read timeout).
    tokio::time::sleep(Duration::from_millis(200)).await;
    let client = app.client.clone();
    let url = app.url("/healthz");
    let third = tokio::spawn(async move { client.get(url).send().await.map(|r| r.status()) });
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert!(
        !third.is_finished(),
        "a third connection waits while two are open"
    );
    drop(first);
    let status = tokio::time::timeout(Duration::from_secs(5), third)
        .await
        .expect("served once a connection closed")
        .unwrap()
        .unwrap();
    assert_eq!(status.as_u16(), 200);
    drop(second);
    // Many at once over a cap of two: all are served in turn, none fails.
    let mut all = Vec::new();
    for _ in 0..12 {
        let client = reqwest::Client::new();
        let url = app.url("/healthz");
        all.push(tokio::spawn(async move {
            client.get(url).send().await.map(|r| r.status().as_u16())
        }));
    }
    for task in all {
        assert_eq!(task.await.unwrap().unwrap(), 200);
    }
}

/// Page 1 and page 2 of size 1 are the first two entries of the whole list, one each.
async fn pages_one_by_one(app: &TestApp, path: &str) {
    let whole = app.get(path).await.assert(200).clone();
    let whole = whole.as_array().unwrap().clone();
    assert!(whole.len() >= 2, "{path}: {whole:?}");
    let p1 = app.get(&format!("{path}?page[size]=1")).await;
    assert_eq!(p1.assert(200), &json!([whole[0].clone()]), "{path}");
    let p2 = app
        .get(&format!("{path}?page[size]=1&page[number]=2"))
        .await;
    assert_eq!(p2.assert(200), &json!([whole[1].clone()]), "{path}");
    let beyond = app
        .get(&format!("{path}?page[size]=1000&page[number]=2"))
        .await;
    assert_eq!(beyond.assert(200), &json!([]), "{path}");
    app.get(&format!("{path}?page[size]=1001"))
        .await
        .assert_error(400, "invalid_model");
    app.get(&format!("{path}?page[number]=0"))
        .await
        .assert_error(400, "invalid_model");
}

async fn form(app: &TestApp, path: &str, fields: &[(&str, &str)]) -> u16 {
    app.client
        .post(app.url(path))
        .form(fields)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn upload(app: &TestApp, path: &str, slot: ImageSlot) -> u16 {
    let part = reqwest::multipart::Part::bytes(id_photo()).file_name("photo.png");
    app.client
        .post(app.url(&format!("{path}/images/{}", slot.as_str())))
        .multipart(reqwest::multipart::Form::new().part("image", part))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn attempts_person_files_and_audit_entries_are_paginated() {
    let app = spawn_app().await;

    // Two attempts: started, aborted, started again.
    let (pid, iid) = app.requested("X-MANUALTEST-HAPPYPATH", "Doe").await;
    for step in ["start", "abort", "start"] {
        app.post(
            &format!("/v1/sandbox/identifications/{iid}/{step}"),
            json!({}),
        )
        .await
        .assert(200);
    }
    let path = format!("/v1/persons/{pid}/identifications/{iid}/attempts");
    let whole = app.get(&path).await.assert(200).clone();
    assert_eq!(whole.as_array().unwrap().len(), 2, "{whole}");
    let p2 = app
        .get(&format!("{path}?page[size]=1&page[number]=2"))
        .await
        .assert(200)
        .clone();
    assert_eq!(p2.as_array().unwrap().len(), 1);
    assert_eq!(p2[0], whole[1]);
    let p1 = app.get(&format!("{path}?page%5Bsize%5D=1")).await;
    assert_eq!(p1.assert(200), &json!([whole[0].clone()]));

    // Two person files: the front of a passport and a selfie.
    let (pid, _, ident) = document_identification(&app, "Anna", "Lind").await;
    assert_eq!(
        form(
            &app,
            &format!("{ident}/consent"),
            &[("terms", "on"), ("data", "on")]
        )
        .await,
        303
    );
    assert_eq!(
        form(
            &app,
            &format!("{ident}/document"),
            &[("document_type", "PASSPORT")]
        )
        .await,
        303
    );
    assert_eq!(upload(&app, &ident, ImageSlot::Front).await, 303);
    assert_eq!(upload(&app, &ident, ImageSlot::Selfie).await, 303);
    pages_one_by_one(&app, &format!("/v1/persons/{pid}/documents")).await;

    // Audit entries: a page of the trail, while the chain is judged whole.
    let doc = send(&app, json!({})).await;
    let d = doc["id"].as_str().unwrap();
    let whole = app.get(&format!("/v1/documents/{d}/audit")).await;
    let whole = whole.assert(200).clone();
    let n = whole["entries"].as_array().unwrap().len();
    assert!(n >= 2, "{whole}");
    assert_eq!(whole["entry_count"], n);
    let page = app
        .get(&format!(
            "/v1/documents/{d}/audit?page[size]=1&page[number]=2"
        ))
        .await
        .assert(200)
        .clone();
    assert_eq!(page["entries"], json!([whole["entries"][1].clone()]));
    assert_eq!(page["chain_valid"], true);
    assert_eq!(page["head"], whole["head"]);
    assert_eq!(page["entry_count"], n);
    app.get(&format!("/v1/documents/{d}/audit?page[size]=0"))
        .await
        .assert_error(400, "invalid_model");
}

fn signer_path(doc: &Value, i: usize) -> String {
    let url = doc["signers"][i]["url"].as_str().unwrap();
    url[url.find("/sign/").unwrap()..].to_owned()
}

async fn views(app: &TestApp, d: &str, signer: &str) -> usize {
    let audit = app
        .get(&format!("/v1/documents/{d}/audit?page[size]=1000"))
        .await;
    audit.assert(200)["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "signer.viewed" && e["signer_id"] == signer)
        .count()
}

#[tokio::test]
async fn a_signing_page_viewed_often_is_recorded_once_an_hour() {
    let app = spawn_app().await;
    let doc = send(&app, json!({})).await;
    let d = doc["id"].as_str().unwrap();
    let signer = doc["signers"][0]["id"].as_str().unwrap();
    let path = signer_path(&doc, 0);
    for _ in 0..3 {
        let r = app.client.get(app.url(&path)).send().await.unwrap();
        assert_eq!(r.status().as_u16(), 200);
    }
    assert_eq!(views(&app, d, signer).await, 1);
    app.advance(59 * 60).await;
    app.client.get(app.url(&path)).send().await.unwrap();
    assert_eq!(views(&app, d, signer).await, 1, "not yet an hour");
    app.advance(60).await;
    app.client.get(app.url(&path)).send().await.unwrap();
    app.client.get(app.url(&path)).send().await.unwrap();
    assert_eq!(views(&app, d, signer).await, 2, "an hour later, once more");
    // The other signer's views are counted for them.
    app.client
        .get(app.url(&signer_path(&doc, 1)))
        .send()
        .await
        .unwrap();
    let other = doc["signers"][1]["id"].as_str().unwrap();
    assert_eq!(views(&app, d, other).await, 1);
    let audit = app.get(&format!("/v1/documents/{d}/audit")).await;
    assert_eq!(audit.assert(200)["chain_valid"], true);
}

/// Every stored file's key.
async fn blob_keys(app: &TestApp) -> Vec<String> {
    let mut pages = app.state.blobs.pages();
    let mut keys = Vec::new();
    while let Some(page) = pages.next_page().await.unwrap() {
        keys.extend(page.into_iter().map(|b| b.key));
    }
    keys.sort();
    keys
}

#[tokio::test]
async fn a_refused_or_unauthorised_upload_stores_no_file() {
    let app = spawn_app().await;
    let doc = send(&app, json!({})).await;
    let d = doc["id"].as_str().unwrap();
    let s = doc["signers"][0]["id"].as_str().unwrap();
    let before = blob_keys(&app).await;
    let image = base64::engine::general_purpose::STANDARD.encode(id_photo());

    // Another tenant's key: the document is not theirs.
    let other = app.other_tenant("intruder").await;
    let r = app
        .send(
            reqwest::Method::POST,
            &format!("/v1/documents/{d}/signers/{s}/selfie"),
            Some(&other),
            Some(json!({"image": image}).to_string().into_bytes()),
            Some("application/json"),
            &[],
        )
        .await;
    r.assert_error(404, "document_not_found");
    // The signer owes no selfie: refused.
    let r = app
        .post(
            &format!("/v1/documents/{d}/signers/{s}/selfie"),
            json!({"image": image}),
        )
        .await;
    assert_eq!(r.status.as_u16(), 422, "{}", r.body);
    // The same on the signer's page.
    let part = reqwest::multipart::Part::bytes(id_photo()).file_name("me.png");
    let page = app
        .client
        .post(app.url(&format!("{}/selfie", signer_path(&doc, 0))))
        .multipart(reqwest::multipart::Form::new().part("selfie", part))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 422);
    // A document for a person that is not the caller's.
    let r = app
        .post(
            "/v1/documents",
            json!({
                "name": "Loan",
                "file": base64::engine::general_purpose::STANDARD
                    .encode(crate::helpers::sample_pdf("Loan")),
                "signers": [{"name": "Ana", "email": "ana@example.com",
                             "person_id": "00000000000000000000000000000000cper"}],
            }),
        )
        .await;
    r.assert_error(400, "invalid_model");
    // An ID image before the document is chosen.
    let (_, _, ident) = document_identification(&app, "Anna", "Lind").await;
    assert_eq!(
        form(
            &app,
            &format!("{ident}/consent"),
            &[("terms", "on"), ("data", "on")]
        )
        .await,
        303
    );
    assert_ne!(upload(&app, &ident, ImageSlot::Front).await, 303);

    assert_eq!(blob_keys(&app).await, before, "no file was stored");
}

#[tokio::test]
async fn the_sweeper_deletes_old_files_no_row_refers_to_and_keeps_the_rest() {
    let app = spawn_app().await;
    let doc = send(&app, json!({})).await;
    let d = doc["id"].as_str().unwrap();
    let tenant = app.state.store.tenant_by_name("default").await.unwrap().id;
    let t = tenant.as_str();
    let (pid, _, ident) = document_identification(&app, "Anna", "Lind").await;
    form(
        &app,
        &format!("{ident}/consent"),
        &[("terms", "on"), ("data", "on")],
    )
    .await;
    assert_eq!(upload(&app, &ident, ImageSlot::Selfie).await, 303);
    let files = app.get(&format!("/v1/persons/{pid}/documents")).await;
    let file_id = files.assert(200)[0]["id"].as_str().unwrap().to_owned();

    let ghost_doc = signet_core::ids::DocumentId::from_random(signet_server::state::random16());
    let ghost_file =
        signet_core::ids::PersonDocumentId::from_random(signet_server::state::random16());
    let orphans = [
        format!("{t}/documents/{}/original.pdf", ghost_doc.as_str()),
        format!("{t}/{}", ghost_file.as_str()),
    ];
    let foreign = "elsewhere/notes.txt".to_owned();
    for key in orphans.iter().chain([&foreign]) {
        app.state.blobs.put(key, b"bytes").await.unwrap();
    }
    let kept = [
        format!("{t}/documents/{d}/original.pdf"),
        format!("{t}/{file_id}"),
        foreign.clone(),
    ];

    // Young files are left alone, referred to or not.
    let now = app.state.wall_now();
    let report = signet_server::sweeper::sweep(&app.state, now)
        .await
        .unwrap();
    assert_eq!(report.deleted, 0);
    let all = blob_keys(&app).await;
    for key in orphans.iter().chain(&kept) {
        assert!(all.contains(key), "{key} in {all:?}");
    }

    // Past the grace period (24 hours by default) the orphans go.
    let later = now + chrono::Duration::hours(25);
    let report = signet_server::sweeper::sweep(&app.state, later)
        .await
        .unwrap();
    assert_eq!(report.deleted, 2, "{report:?}");
    let all = blob_keys(&app).await;
    for key in &orphans {
        assert!(!all.contains(key), "{key} deleted");
    }
    for key in &kept {
        assert!(all.contains(key), "{key} kept");
    }
    // What remains still serves.
    let f = app
        .get(&format!("/v1/persons/{pid}/documents/{file_id}/file"))
        .await;
    assert_eq!(f.status.as_u16(), 200);
    let again = signet_server::sweeper::sweep(&app.state, later)
        .await
        .unwrap();
    assert_eq!(again.deleted, 0);
}

#[cfg(unix)]
#[tokio::test]
async fn the_data_directory_is_0700_and_files_0600() {
    use std::os::unix::fs::PermissionsExt;
    let app = spawn_app_with(|c| c.data_dir = c.data_dir.join("data")).await;
    let dir = app.state.config.data_dir.clone();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    send(&app, json!({})).await;
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join("files")), 0o700);
    // The keys directory: the master key and the keyring, Signet's user's alone too.
    assert_eq!(mode(&dir.join("keys")), 0o700);
    assert_eq!(mode(&dir.join("keys/master.key")), 0o600);
    // On SQLite the keyring is a file there; on PostgreSQL it is a schema.
    if !crate::helpers::postgres_selected() {
        assert_eq!(mode(&dir.join("keys/keyring.db")), 0o600);
    }
    assert!(!dir.join("master.key").exists());
    for key in blob_keys(&app).await {
        let path = dir.join("files").join(&key);
        // A write still in progress (background work after the upload) is renamed into
        // place under its own name, checked when listed again.
        if key.ends_with(".partial") && !path.exists() {
            continue;
        }
        assert_eq!(mode(&path), 0o600, "{key}");
        assert_eq!(mode(path.parent().unwrap()), 0o700, "{key}");
    }
    if let Some(url) = app.state.config.database_url.as_ref()
        && let Some(db) = url.expose().strip_prefix("sqlite://")
    {
        assert_eq!(mode(std::path::Path::new(db)), 0o600);
        let wal = format!("{db}-wal");
        if std::path::Path::new(&wal).exists() {
            assert_eq!(mode(std::path::Path::new(&wal)), 0o600);
        }
    }
}

#[test]
fn the_master_key_beside_the_database_is_recognised() {
    use signet_server::config::{Config, Secret};
    let dir = tempfile::tempdir().unwrap();
    let config = Config {
        data_dir: dir.path().to_path_buf(),
        ..Config::default()
    };
    let url = config.database_url();
    assert!(signet_server::key_beside_database(&config, &url));
    assert!(!signet_server::key_beside_database(
        &config,
        "postgres://db.internal/signet"
    ));
    let elsewhere = format!("sqlite://{}/other/signet.db", dir.path().display());
    assert!(!signet_server::key_beside_database(&config, &elsewhere));
    let with_key = Config {
        master_key: Some(Secret::new("00".repeat(32))),
        ..config
    };
    assert!(!signet_server::key_beside_database(&with_key, &url));
}
