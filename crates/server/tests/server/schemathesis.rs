//! schemathesis over `/openapi.json`: whatever schemathesis sends, every answer must be one the
//! document describes — its status (`status_code_conformance`), its content type
//! (`content_type_conformance`) and its body (`response_schema_conformance`). The server runs
//! on the selected backend with a fresh database, like every test here; a webhook endpoint, a
//! person with a requested identification and a document with two signers give the routes
//! that take ids something real to act on. The run is bounded by `--max-time`.
//!
//! schemathesis (pinned in requirements-test.txt) is run by the test peers' Python
//! (`helpers::test_python`, `scripts/test-env.sh`). Without it the tests fail when
//! `SIGNET_REQUIRE_TOOLS=1` or `CI` is set, and are skipped with a notice otherwise.

#![allow(clippy::unwrap_used)]

use crate::helpers::{
    TestApp, b64, sample_pdf, spawn_app, spawn_app_with, test_python, tools_required,
};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The checks, as schemathesis 4 names them.
const CHECKS: &str = "response_schema_conformance,status_code_conformance,content_type_conformance";
/// Seconds schemathesis may spend generating and sending; fuzzing and stateful runs repeat
/// until it is spent, so this is the run's length.
const MAX_TIME_S: &str = "60";
/// Test cases per operation and phase.
const MAX_EXAMPLES: &str = "20";
/// A fixed seed, so a failure can be replayed (`--seed`).
const SEED: &str = "14";
/// Seconds schemathesis waits for an answer: longer than the server's own bound on a request
/// (`request_timeout_ms`, 408 beyond), so every request gets the server's answer. A clock
/// advance, which drains the tenant's jobs and due webhook messages, may take seconds.
const REQUEST_TIMEOUT_S: &str = "40";

/// `POST /v1/verify` takes the PDF as the body, `POST /v1/trust/ocsp` a DER request:
/// schemathesis sends the bytes it generates for them as they are.
const HOOKS: &str = r#"import schemathesis

schemathesis.serializer.alias("application/pdf", "application/octet-stream")
schemathesis.serializer.alias("application/ocsp-request", "application/octet-stream")
"#;

fn python_with_schemathesis() -> Option<PathBuf> {
    let python = test_python();
    let usable = Command::new(&python)
        .args(["-c", "import schemathesis"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if usable {
        return Some(python);
    }
    let message = format!(
        "{} cannot import schemathesis; run scripts/test-env.sh or set SIGNET_TEST_PYTHON",
        python.display()
    );
    if tools_required() {
        panic!("{message}");
    }
    eprintln!("skipping the schemathesis run: {message}");
    None
}

/// Runs schemathesis with `args` in `dir` (where it keeps its caches), and returns whether
/// it passed and what it printed.
async fn schemathesis(python: PathBuf, dir: PathBuf, args: Vec<String>) -> (bool, String) {
    tokio::task::spawn_blocking(move || {
        // At a lower priority: the run is bounded by time, and the tests beside it, some of
        // which wait for background work with deadlines, keep their share of the CPU.
        let out = Command::new("nice")
            .args(["-n", "10"])
            .arg(python)
            .args(["-m", "schemathesis.cli"])
            .args(&args)
            .current_dir(&dir)
            .env("SCHEMATHESIS_HOOKS", dir.join("hooks.py"))
            .stdin(Stdio::null())
            .output()
            .expect("run schemathesis");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.success(), text)
    })
    .await
    .unwrap()
}

/// The ids the routes with path parameters are pointed at.
struct Resources {
    endpoint: String,
    message: String,
    person: String,
    identification: String,
    /// A document and its first signer for each of: the signer's other actions, rejection,
    /// cancellation (either of the last two closes its document for the rest).
    signing: (String, String),
    rejected: (String, String),
    canceled: (String, String),
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_owned()
}

async fn resources(app: &TestApp) -> Resources {
    // First, so that the events below are messages to it (for resend). Its deliveries are
    // refused (a private address) and retried.
    let endpoint = app
        .post(
            "/v1/webhooks",
            json!({"url": "http://127.0.0.1:9/hook", "event_types": ["*"]}),
        )
        .await;
    let endpoint = id(endpoint.assert(201));
    let person = app
        .person(json!({
            "first_name": "Ada", "last_name": "Lovelace", "birth_date": "1980-01-02",
            "mobile_number": "+4915112345678", "email": "ada@example.com",
        }))
        .await;
    let person = id(&person);
    let identification = app
        .post(
            &format!("/v1/persons/{person}/identifications"),
            json!({"method": "idnow"}),
        )
        .await;
    let identification = id(identification.assert(201));
    app.patch_empty(&format!(
        "/v1/persons/{person}/identifications/{identification}/request"
    ))
    .await
    .assert(200);
    let pdf = b64(&sample_pdf("Contract"));
    let mut documents = Vec::new();
    for name in ["Signing", "Rejected", "Canceled"] {
        let document = app
            .post(
                "/v1/documents",
                json!({
                    "name": name, "file": pdf, "tags": ["t"], "custom": ["c"],
                    "signers": [
                        {"name": "Ada", "email": "ada@example.com"},
                        {"name": "Bob", "phone": "+4915112345679"},
                    ],
                }),
            )
            .await;
        let document = document.assert(201);
        documents.push((id(document), id(&document["signers"][0])));
    }
    let [signing, rejected, canceled] = <[_; 3]>::try_from(documents).unwrap();
    let tenant = app
        .state
        .store
        .tenant_by_name("default")
        .await
        .expect("tenant");
    let message = app
        .state
        .store
        .events_after(&tenant.id, signet_store::Mode::Test, 0, 1)
        .await
        .expect("events")
        .first()
        .map(|e| e.id.as_str().to_owned())
        .expect("an event");
    Resources {
        endpoint,
        message,
        person,
        identification,
        signing,
        rejected,
        canceled,
    }
}

/// schemathesis's configuration: the routes that take ids get the real ones (deleting the
/// endpoint is left to generated ids, so the rest of its routes keep theirs).
/// `include-path-regex` is Python's `re`.
fn config(r: &Resources) -> String {
    format!(
        r#"[[operations]]
include-path-regex = '^/v1/trust/crl/'
parameters = {{ "path.name" = "test-issuing.crl" }}

[[operations]]
include-path-regex = '^/v1/persons/\{{id\}}'
parameters = {{ "path.id" = "{person}" }}

[[operations]]
include-path-regex = '^/v1/persons/\{{person_id\}}/identifications'
parameters = {{ "path.person_id" = "{person}", "path.id" = "{identification}" }}

[[operations]]
include-path-regex = '^/v1/sandbox/identifications/'
parameters = {{ "path.id" = "{identification}" }}

[[operations]]
include-path-regex = '^/v1/documents/\{{id\}}(?!/cancel|/signers/\{{signer_id\}}/reject)'
parameters = {{ "path.id" = "{signing_doc}", "path.signer_id" = "{signing_signer}" }}

[[operations]]
include-path-regex = '^/v1/documents/\{{id\}}/signers/\{{signer_id\}}/reject$'
parameters = {{ "path.id" = "{rejected_doc}", "path.signer_id" = "{rejected_signer}" }}

[[operations]]
include-path-regex = '^/v1/documents/\{{id\}}/cancel$'
parameters = {{ "path.id" = "{canceled_doc}" }}

[[operations]]
include-path-regex = '^/v1/webhooks/\{{id\}}'
exclude-method = "DELETE"
parameters = {{ "path.id" = "{endpoint}", "path.message_id" = "{message}" }}
"#,
        person = r.person,
        identification = r.identification,
        signing_doc = r.signing.0,
        signing_signer = r.signing.1,
        rejected_doc = r.rejected.0,
        rejected_signer = r.rejected.1,
        canceled_doc = r.canceled.0,
        endpoint = r.endpoint,
        message = r.message,
    )
}

fn workdir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("hooks.py"), HOOKS).expect("hooks");
    dir
}

#[tokio::test]
async fn every_answer_is_one_the_openapi_document_describes() {
    let Some(python) = python_with_schemathesis() else {
        return;
    };
    // Generated endpoints get generated URLs: the SSRF guard keeps their deliveries off this
    // machine's other services.
    let app = spawn_app_with(|c| c.webhook_allow_private = false).await;
    let r = resources(&app).await;
    let dir = workdir();
    std::fs::write(dir.path().join("schemathesis.toml"), config(&r)).expect("config");
    let args = [
        "--config-file",
        "schemathesis.toml",
        "run",
        &format!("{}/openapi.json", app.base),
        "--header",
        &format!("Authorization: Bearer {}", app.key),
        "--checks",
        CHECKS,
        "--max-examples",
        MAX_EXAMPLES,
        "--max-time",
        MAX_TIME_S,
        "--seed",
        SEED,
        "--request-timeout",
        REQUEST_TIMEOUT_S,
        "--no-color",
        "--output-truncate",
        "false",
    ];
    let (passed, output) = schemathesis(
        python,
        dir.path().to_owned(),
        args.iter().map(|a| a.to_string()).collect(),
    )
    .await;
    assert!(
        passed,
        "schemathesis found answers the document does not describe:\n{output}"
    );
    // What was covered, for `--nocapture`.
    let summary = output.find("SUMMARY").map_or("", |i| &output[i..]);
    println!("{summary}");
}

/// The run above can fail: the same checks over a copy of the document in which `/healthz`
/// answers `fine` instead of `ok` find the difference.
#[tokio::test]
async fn an_answer_the_document_does_not_describe_fails_the_run() {
    let Some(python) = python_with_schemathesis() else {
        return;
    };
    let app = spawn_app().await;
    let doc = app
        .send(reqwest::Method::GET, "/openapi.json", None, None, None, &[])
        .await;
    let mut doc = doc.assert(200).clone();
    let status = &mut doc["components"]["schemas"]["Health"]["properties"]["status"];
    assert_eq!(status["enum"], json!(["ok"]));
    status["enum"] = json!(["fine"]);
    let dir = workdir();
    std::fs::write(dir.path().join("openapi.json"), doc.to_string()).expect("document");
    let args = [
        "run",
        "openapi.json",
        "--url",
        &app.base,
        "--include-path",
        "/healthz",
        "--checks",
        CHECKS,
        "--phases",
        "fuzzing",
        "--max-examples",
        "3",
        "--no-color",
    ];
    let (passed, output) = schemathesis(
        python,
        dir.path().to_owned(),
        args.iter().map(|a| a.to_string()).collect(),
    )
    .await;
    assert!(!passed, "{output}");
    assert!(output.contains("Response violates schema"), "{output}");
}
