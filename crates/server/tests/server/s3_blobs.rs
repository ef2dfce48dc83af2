#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]
//! Documents with `blob_store = "s3"`: every revision of a signed document goes to an
//! S3-compatible bucket (moto's server from PyPI stands in for S3) and nothing to
//! `data_dir/files`. Runs on SQLite, and on PostgreSQL with `SIGNET_TEST_DATABASE=postgres`.

#[allow(dead_code)]
#[path = "../../../store/tests/moto/mod.rs"]
mod moto;

use crate::helpers::{sample_pdf, spawn_app_with};
use base64::Engine;
use moto::{ACCESS_KEY_ID, Moto, SECRET_ACCESS_KEY, python_with_moto};
use serde_json::{Value, json};
use signet_server::config::Secret;

const BUCKET: &str = "signet-files";

#[tokio::test]
async fn a_signed_document_lives_in_the_bucket_and_not_in_the_data_dir() {
    let Some(python) = python_with_moto() else {
        return;
    };
    let moto = Moto::start(&python);
    let bucket = moto.bucket(BUCKET).await;
    let app = spawn_app_with(|c| {
        c.blob_store = "s3".into();
        c.s3_endpoint = Some(moto.endpoint.clone());
        c.s3_bucket = Some(BUCKET.into());
        c.s3_access_key_id = Some(ACCESS_KEY_ID.into());
        c.s3_secret_access_key = Some(Secret::new(SECRET_ACCESS_KEY));
    })
    .await;

    let original = sample_pdf("Stored in S3");
    let doc = app
        .post(
            "/v1/documents",
            json!({
                "name": "Service agreement",
                "file": base64::engine::general_purpose::STANDARD.encode(&original),
                "signers": [
                    {"name": "Ana Silva", "email": "ana@example.com"},
                    {"name": "Ben Okafor", "email": "ben@example.com"},
                ],
            }),
        )
        .await
        .assert(201)
        .clone();
    let id = doc["id"].as_str().unwrap();
    for signer in doc["signers"].as_array().unwrap() {
        let path = format!(
            "/v1/documents/{id}/signers/{}",
            signer["id"].as_str().unwrap()
        );
        app.post(&format!("{path}/approve"), json!({}))
            .await
            .assert(200);
        let confirmed: Value = app
            .post(&format!("{path}/confirm"), json!({"otp": "123456"}))
            .await
            .assert(200)
            .clone();
        assert_eq!(confirmed["status"], "signed");
    }
    let finished = app.get(&format!("/v1/documents/{id}")).await;
    assert_eq!(finished.assert(200)["status"], "finished");

    let file = app.get(&format!("/v1/documents/{id}/file")).await;
    assert_eq!(file.status, 200);
    assert!(file.bytes.starts_with(b"%PDF"));

    // Every revision is an object in the bucket: the upload, one per signature, the final
    // file with the document timestamp; the download is the final one.
    let keys = bucket.list_keys("").await.unwrap();
    let of_doc: Vec<&String> = keys
        .iter()
        .filter(|k| k.contains(&format!("/documents/{id}/")))
        .collect();
    // Revisions are named by number and the start of their SHA-256 (`r1-…pdf`).
    let named = |stem: &str| {
        of_doc.iter().any(|k| {
            k.rsplit('/')
                .next()
                .is_some_and(|f| f == format!("{stem}.pdf") || f.starts_with(&format!("{stem}-")))
        })
    };
    for stem in ["original", "r1", "r2", "final"] {
        assert!(named(stem), "{stem} missing from the bucket: {keys:?}");
    }
    let original_key = of_doc
        .iter()
        .find(|k| k.ends_with("/original.pdf"))
        .unwrap();
    // Stored encrypted under the document's key; read back through the store in the clear.
    let stored = bucket.get_object(original_key).await.unwrap();
    assert!(signet_store::is_encrypted(&stored));
    assert!(!stored.windows(12).any(|w| w == b"Stored in S3"));
    assert_eq!(app.state.blobs.get(original_key).await.unwrap(), original);
    let final_key = of_doc.iter().find(|k| k.contains("/final-")).unwrap();
    assert!(signet_store::is_encrypted(
        &bucket.get_object(final_key).await.unwrap()
    ));
    assert_eq!(app.state.blobs.get(final_key).await.unwrap(), file.bytes);

    // And nothing under the data directory's files/.
    let files = app.state.config.data_dir.join("files");
    let local: Vec<_> = std::fs::read_dir(&files)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    assert!(local.is_empty(), "files written locally: {local:?}");
    assert!(app.state.blobs.root().is_none());
}

#[tokio::test]
async fn the_sweeper_deletes_an_orphaned_object_and_keeps_a_document_s() {
    let Some(python) = python_with_moto() else {
        return;
    };
    let moto = Moto::start(&python);
    let bucket = moto.bucket("signet-sweep").await;
    let app = spawn_app_with(|c| {
        c.blob_store = "s3".into();
        c.s3_endpoint = Some(moto.endpoint.clone());
        c.s3_bucket = Some("signet-sweep".into());
        c.s3_access_key_id = Some(ACCESS_KEY_ID.into());
        c.s3_secret_access_key = Some(Secret::new(SECRET_ACCESS_KEY));
    })
    .await;
    let doc = app
        .post(
            "/v1/documents",
            json!({
                "name": "Kept",
                "file": base64::engine::general_purpose::STANDARD.encode(sample_pdf("Kept")),
                "signers": [{"name": "Ana Silva", "email": "ana@example.com"}],
            }),
        )
        .await
        .assert(201)
        .clone();
    let tenant = app.state.store.tenant_by_name("default").await.unwrap().id;
    let kept = format!(
        "{}/documents/{}/original.pdf",
        tenant.as_str(),
        doc["id"].as_str().unwrap()
    );
    let ghost = signet_core::ids::DocumentId::from_random(signet_server::state::random16());
    let orphan = format!(
        "{}/documents/{}/original.pdf",
        tenant.as_str(),
        ghost.as_str()
    );
    app.state.blobs.put(&orphan, b"left behind").await.unwrap();

    let now = app.state.wall_now();
    let young = signet_server::sweeper::sweep(&app.state, now)
        .await
        .unwrap();
    assert_eq!(young.deleted, 0);
    let later = now + chrono::Duration::hours(25);
    let report = signet_server::sweeper::sweep(&app.state, later)
        .await
        .unwrap();
    assert_eq!(report.deleted, 1, "{report:?}");
    let keys = bucket
        .list_keys(&format!("{}/", tenant.as_str()))
        .await
        .unwrap();
    assert_eq!(
        keys,
        [kept],
        "the document's file stays, the orphan is gone"
    );
}
