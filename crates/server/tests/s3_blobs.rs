#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]
//! Documents with `blob_store = "s3"`: every revision of a signed document goes to an
//! S3-compatible bucket (moto's server from PyPI stands in for S3) and nothing to
//! `data_dir/files`. Runs on SQLite, and on PostgreSQL with `SIGNET_TEST_DATABASE=postgres`.

#[allow(dead_code, clippy::unwrap_used)]
#[path = "api/helpers.rs"]
mod helpers;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use base64::Engine;
use helpers::{sample_pdf, spawn_app_with};
use serde_json::{Value, json};
use signet_server::config::Secret;
use signet_store::{S3Client, S3Config};

const BUCKET: &str = "signet-files";
const ACCESS_KEY_ID: &str = "AKIAIOSFODNN7EXAMPLE";
const SECRET_ACCESS_KEY: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

/// The project's Python with moto installed, or `None` (and a notice) when it is missing;
/// missing is a failure when `SIGNET_REQUIRE_TOOLS=1` or `CI` is set.
fn python_with_moto() -> Option<PathBuf> {
    let python = std::env::var_os("SIGNET_TEST_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.venv/bin/python"));
    let usable = Command::new(&python)
        .args(["-c", "import moto.server"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if usable {
        return Some(python);
    }
    let message = format!(
        "{} cannot import moto.server; run scripts/test-env.sh or set SIGNET_TEST_PYTHON",
        python.display()
    );
    let required = std::env::var("SIGNET_REQUIRE_TOOLS").is_ok_and(|v| v == "1")
        || std::env::var_os("CI").is_some();
    if required {
        panic!("{message}");
    }
    eprintln!("skipping the S3 test against moto: {message}");
    None
}

/// `python -m moto.server` on a free loopback port, killed when dropped.
struct Moto {
    child: Child,
    endpoint: String,
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Moto {
    fn start(python: &Path) -> Moto {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(python)
            .args([
                "-m",
                "moto.server",
                "-H",
                "127.0.0.1",
                "-p",
                &port.to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start moto");
        Moto {
            child,
            endpoint: format!("http://127.0.0.1:{port}"),
        }
    }

    /// Waits until moto answers and creates the bucket.
    async fn bucket(&self) -> S3Client {
        let client = S3Client::new(&S3Config {
            endpoint: self.endpoint.clone(),
            bucket: BUCKET.to_owned(),
            region: "us-east-1".to_owned(),
            access_key_id: ACCESS_KEY_ID.to_owned(),
            secret_access_key: SECRET_ACCESS_KEY.to_owned(),
        })
        .unwrap();
        let mut last = None;
        for _ in 0..150 {
            match client.create_bucket().await {
                Ok(()) => return client,
                Err(e) => last = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("moto did not come up at {}: {last:?}", self.endpoint);
    }
}

#[tokio::test]
async fn a_signed_document_lives_in_the_bucket_and_not_in_the_data_dir() {
    let Some(python) = python_with_moto() else {
        return;
    };
    let moto = Moto::start(&python);
    let bucket = moto.bucket().await;
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
    for name in ["original.pdf", "r1.pdf", "r2.pdf", "final.pdf"] {
        assert!(
            of_doc.iter().any(|k| k.ends_with(&format!("/{name}"))),
            "{name} missing from the bucket: {keys:?}"
        );
    }
    let original_key = of_doc
        .iter()
        .find(|k| k.ends_with("/original.pdf"))
        .unwrap();
    assert_eq!(bucket.get_object(original_key).await.unwrap(), original);
    let final_key = of_doc.iter().find(|k| k.ends_with("/final.pdf")).unwrap();
    assert_eq!(bucket.get_object(final_key).await.unwrap(), file.bytes);

    // And nothing under the data directory's files/.
    let files = app.state.config.data_dir.join("files");
    let local: Vec<_> = std::fs::read_dir(&files)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    assert!(local.is_empty(), "files written locally: {local:?}");
    assert!(app.state.blobs.root().is_none());
}
