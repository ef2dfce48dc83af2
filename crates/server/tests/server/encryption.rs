#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]
//! Encryption at rest: after a person, their identification (a passport image and zone) and
//! a signed document (its signer, a filled form field) are stored, none of the known values is
//! found as bytes in the database
//! (SQLite's file and its WAL; every row of every table on PostgreSQL) nor in the data
//! directory's files. Runs on SQLite, and on PostgreSQL with `SIGNET_TEST_DATABASE=postgres`.

use crate::helpers::{TestApp, document_identification, id_photo, sample_pdf, spawn_app, td3};
use base64::Engine;
use serde_json::{Value, json};
use sqlx::Row;

/// Where each known value was found, if anywhere.
fn findings(haystack: &[u8], where_: &str, needles: &[(&str, Vec<u8>)], out: &mut Vec<String>) {
    for (name, needle) in needles {
        if haystack
            .windows(needle.len())
            .any(|w| w == needle.as_slice())
        {
            out.push(format!("{name} in {where_}"));
        }
    }
}

fn scan_dir(dir: &std::path::Path, needles: &[(&str, Vec<u8>)], out: &mut Vec<String>) -> usize {
    let mut files = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files += scan_dir(&path, needles, out);
        } else if let Ok(bytes) = std::fs::read(&path) {
            files += 1;
            findings(&bytes, &path.display().to_string(), needles, out);
        }
    }
    files
}

/// Every row of every table of the PostgreSQL database as text.
async fn postgres_rows(url: &str) -> Vec<(String, String)> {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(url).await.unwrap();
    let tables: Vec<String> = sqlx::query(
        "SELECT table_schema || '.' || table_name AS t FROM information_schema.tables \
         WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'",
    )
    .fetch_all(&pool)
    .await
    .unwrap()
    .iter()
    .map(|r| r.get::<String, _>("t"))
    .collect();
    let mut rows = Vec::new();
    for table in tables {
        for r in sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT CAST(x AS TEXT) AS row_text FROM {table} x"
        )))
        .fetch_all(&pool)
        .await
        .unwrap()
        {
            rows.push((table.clone(), r.get::<String, _>("row_text")));
        }
    }
    rows
}

async fn form(app: &TestApp, path: &str, fields: &[(&str, &str)]) {
    let r = app
        .client
        .post(app.url(path))
        .form(fields)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303, "{path}");
}

/// Consent, a passport's front and a selfie, and its zone on the applicant's page.
async fn capture_passport(app: &TestApp, path: &str, mrz: &str) {
    form(
        app,
        &format!("{path}/consent"),
        &[("terms", "on"), ("data", "on")],
    )
    .await;
    form(
        app,
        &format!("{path}/document"),
        &[("document_type", "PASSPORT")],
    )
    .await;
    for slot in ["front", "selfie"] {
        let part = reqwest::multipart::Part::bytes(id_photo()).file_name("photo.png");
        let r = app
            .client
            .post(app.url(&format!("{path}/images/{slot}")))
            .multipart(reqwest::multipart::Form::new().part("image", part))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 303, "{slot}");
    }
    form(app, &format!("{path}/mrz"), &[("mrz", mrz)]).await;
}

async fn sign(app: &TestApp, pdf: &[u8]) {
    let doc = app
        .post(
            "/v1/documents",
            json!({
                "name": "Agreement",
                "file": base64::engine::general_purpose::STANDARD.encode(pdf),
                "signers": [{"name": "Winifred Ashcombe", "email": "w.ashcombe@example.com"}],
                "fields": [
                    {"name": "estate", "type": "text", "signer": 0,
                     "area": {"page": 1, "x": 0.1, "y": 0.1, "w": 0.3, "h": 0.04}},
                    {"name": "sig", "type": "signature", "signer": 0,
                     "area": {"page": 1, "x": 0.1, "y": 0.3, "w": 0.3, "h": 0.08}},
                ],
            }),
        )
        .await
        .assert(201)
        .clone();
    let id = doc["id"].as_str().unwrap();
    let signer = doc["signers"][0]["id"].as_str().unwrap();
    let path = format!("/v1/documents/{id}/signers/{signer}");
    app.post(
        &format!("{path}/approve"),
        json!({"values": {"estate": "Marchbank Estates"}}),
    )
    .await
    .assert(200);
    let confirmed: Value = app
        .post(&format!("{path}/confirm"), json!({"otp": "123456"}))
        .await
        .assert(200)
        .clone();
    assert_eq!(confirmed["status"], "signed");
    let file = app.get(&format!("/v1/documents/{id}/file")).await;
    assert_eq!(file.status, 200);
    let text = b"Quillfeather covenant 7731";
    assert!(
        file.bytes.windows(text.len()).any(|w| w == text),
        "the signed file is read back in the clear"
    );
}

#[tokio::test]
async fn no_known_personal_value_is_found_in_the_database_or_the_files() {
    let app = spawn_app().await;
    let (pid, iid, path) = document_identification(&app, "Zebediah", "Quillfeather").await;
    let mrz = td3("QUILLFEATHER", "ZEBEDIAH", "740812", "341231");
    capture_passport(&app, &path, &mrz).await;
    let person = app.get(&format!("/v1/persons/{pid}")).await;
    assert_eq!(person.assert(200)["first_name"], "Zebediah");
    let tenant = app.state.store.tenant_by_name("default").await.unwrap().id;
    let person_id = signet_core::ids::PersonId::parse(&pid).unwrap();
    let ident = app
        .state
        .store
        .latest_identification_of(&tenant, &person_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ident.id.as_str(), iid);
    assert!(
        serde_json::to_string(&ident).unwrap().contains("L898902C3"),
        "the document number is kept and read back in the clear"
    );
    sign(&app, &sample_pdf("Quillfeather covenant 7731")).await;

    // A stretch of the passport image's compressed bytes, past the PNG header.
    let photo = id_photo();
    let needles: Vec<(&str, Vec<u8>)> = vec![
        ("the last name", b"Quillfeather".to_vec()),
        ("the given name", b"Zebediah".to_vec()),
        ("the document number", b"L898902C3".to_vec()),
        ("the zone", b"P<UTOQUILLFEATHER".to_vec()),
        ("the passport image", photo[200..264].to_vec()),
        (
            "the signed PDF's text",
            b"Quillfeather covenant 7731".to_vec(),
        ),
        // The signer's name is also in their certificate's subject and the audit trail.
        ("the signer's name", b"Ashcombe".to_vec()),
        ("the signer's email", b"w.ashcombe@example.com".to_vec()),
        ("a form field's value", b"Marchbank".to_vec()),
    ];
    let mut found = Vec::new();
    let data_dir = app.state.config.data_dir.clone();
    let files = scan_dir(&data_dir, &needles, &mut found);
    assert!(files > 3, "the data directory holds the database and files");
    let url = app.state.config.database_url();
    if url.starts_with("postgres") {
        for (table, row) in postgres_rows(&url).await {
            findings(row.as_bytes(), &table, &needles, &mut found);
        }
    }
    assert!(found.is_empty(), "found in the clear: {found:#?}");
}
