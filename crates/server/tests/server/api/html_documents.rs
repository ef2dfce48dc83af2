//! Documents and templates written in HTML over HTTP: `html` instead of `file`, rendered to
//! PDF by Signet, each `<signet-field>` a field placed where it stands; both signers sign
//! through the API and the validators accept the signed file; anything outside the subset is
//! 422 `html_invalid` with seed 001's 76, naming the line and column.

use crate::api::fields::pyhanko;
use crate::helpers::{TestApp, b64, document, sample_pdf, signer_path, spawn_app, tools_required};
use serde_json::{Value, json};
use signet_store::Mode;

const CONTRACT: &str = r#"<!DOCTYPE html>
<html lang="en">
<head><title>Consulting agreement</title></head>
<body>
<h1>Consulting agreement</h1>
<p>Between <b>Ana Silva</b> (the client) and <i>Ben Okafor</i> (the consultant).</p>
<ul><li>Ten hours a month.</li><li>Invoiced monthly.</li></ul>
<p>Client: <signet-field name="client_sig" type="signature" signer="0"></p>
<p>Consultant: <signet-field name="consultant_sig" type="signature" signer="1"></p>
</body>
</html>"#;

fn signers() -> Value {
    json!([
        {"name": "Ana Silva", "email": "ana@example.com"},
        {"name": "Ben Okafor", "email": "ben@example.com"},
    ])
}

/// The document's field of `name`.
fn field<'a>(doc: &'a Value, name: &str) -> &'a Value {
    doc["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == name)
        .unwrap_or_else(|| panic!("no field {name}: {doc}"))
}

/// pdfsig's verdict on every signature of `pdf` (`None` without pdfsig).
fn pdfsig(app: &TestApp, pdf: &[u8]) -> Option<String> {
    let have = |tool: &str| std::process::Command::new(tool).arg("-v").output().is_ok();
    if !have("pdfsig") || !have("certutil") {
        assert!(!tools_required(), "pdfsig and certutil are required");
        eprintln!("notice: pdfsig not found, skipping its validation");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nss");
    std::fs::create_dir_all(&db).unwrap();
    let spec = format!("sql:{}", db.display());
    let ok = std::process::Command::new("certutil")
        .args(["-N", "-d", &spec, "--empty-password"])
        .status()
        .unwrap();
    assert!(ok.success());
    let root = dir.path().join("root.pem");
    std::fs::write(&root, app.state.trust.ca(Mode::Test).root_pem()).unwrap();
    let ok = std::process::Command::new("certutil")
        .args([
            "-A",
            "-d",
            &spec,
            "-n",
            "signet-root",
            "-t",
            "CT,C,C",
            "-a",
            "-i",
        ])
        .arg(&root)
        .status()
        .unwrap();
    assert!(ok.success());
    let file = dir.path().join("doc.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = std::process::Command::new("pdfsig")
        .args(["-nssdir", &spec])
        .arg(&file)
        .output()
        .unwrap();
    Some(String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr))
}

#[tokio::test]
async fn a_document_from_html_places_its_fields_and_both_signers_sign() {
    let app = spawn_app().await;
    let doc = app
        .post(
            "/v1/documents",
            json!({
                "name": "Consulting agreement",
                "html": CONTRACT,
                "signers": signers(),
                // Fields given as well are merged with those of the HTML.
                "fields": [{"name": "note", "type": "text", "signer": 1, "required": false,
                            "area": {"page": 1, "x": 0.1, "y": 0.85, "w": 0.3, "h": 0.04}}],
            }),
        )
        .await
        .assert(201)
        .clone();
    assert_eq!(doc["pages"], 1, "{doc}");
    let now = document(&app, &doc).await;
    assert_eq!(now["fields"].as_array().unwrap().len(), 3, "{now}");
    let (client, consultant) = (field(&now, "client_sig"), field(&now, "consultant_sig"));
    assert_eq!(client["type"], "signature");
    assert_eq!(client["signer"], 0);
    assert_eq!(consultant["signer"], 1);
    for f in [client, consultant] {
        let a = &f["area"];
        assert_eq!(a["page"], 1, "{f}");
        let (x, y, w, h) = (
            a["x"].as_f64().unwrap(),
            a["y"].as_f64().unwrap(),
            a["w"].as_f64().unwrap(),
            a["h"].as_f64().unwrap(),
        );
        assert!(x > 0.0 && x + w < 1.0 && y > 0.0 && y + h < 1.0, "{f}");
        // 180 × 54 pt on an A4 page.
        assert!((w - 180.0 / 595.276).abs() < 0.01, "{f}");
        assert!((h - 54.0 / 841.89).abs() < 0.01, "{f}");
    }
    // The consultant's line comes after the client's.
    assert!(
        consultant["area"]["y"].as_f64().unwrap() > client["area"]["y"].as_f64().unwrap(),
        "{now}"
    );
    for k in 0..2 {
        app.post(&signer_path(&doc, k, "approve"), json!({}))
            .await
            .assert(200);
        app.post(&signer_path(&doc, k, "confirm"), json!({"otp": "123456"}))
            .await
            .assert(200);
    }
    let done = document(&app, &doc).await;
    assert_eq!(done["status"], "finished", "{done}");
    let id = doc["id"].as_str().unwrap();
    let pdf = app.get(&format!("/v1/documents/{id}/file")).await.bytes;
    if let Some(report) = pyhanko(&app, &pdf) {
        let sigs: Vec<&Value> = report.iter().filter(|r| r["kind"] == "signature").collect();
        assert_eq!(sigs.len(), 2, "{report:?}");
        for s in &sigs {
            assert_eq!(s["intact"], true, "{s}");
            assert_eq!(s["valid"], true, "{s}");
            assert!(
                !s["modification_level"].as_str().unwrap().contains("OTHER"),
                "{s}"
            );
        }
        let fields: Vec<&str> = sigs.iter().map(|s| s["field"].as_str().unwrap()).collect();
        assert!(fields.contains(&"client_sig"), "{report:?}");
        assert!(fields.contains(&"consultant_sig"), "{report:?}");
    }
    if let Some(out) = pdfsig(&app, &pdf) {
        assert_eq!(
            out.matches("Signature is Valid.").count(),
            2,
            "pdfsig:\n{out}"
        );
    }
}

#[tokio::test]
async fn html_outside_the_subset_is_76_naming_line_and_column() {
    let app = spawn_app().await;
    let html = "<h1>Offer</h1>\n<p>Price:\n  <span>100</span></p>";
    let r = app
        .post(
            "/v1/documents",
            json!({"name": "Offer", "html": html, "signers": signers()}),
        )
        .await;
    r.assert_error(422, "html_invalid");
    let e = &r.body["errors"][0];
    assert_eq!(e["return_code"], 76, "{}", r.body);
    assert_eq!(e["source"]["field"], "html", "{}", r.body);
    let why = e["source"]["message"].as_str().unwrap();
    assert!(why.contains("line 3, column 3"), "{why}");
    assert!(why.contains("<span>"), "{why}");
    // A template too.
    let r = app
        .post(
            "/v1/templates",
            json!({"name": "Offer", "html": "<p onclick=\"x()\">a</p>", "roles": ["Client"]}),
        )
        .await;
    r.assert_error(422, "html_invalid");
    assert_eq!(r.body["errors"][0]["return_code"], 76);
    assert!(
        r.body["errors"][0]["source"]["message"]
            .as_str()
            .unwrap()
            .contains("line 1, column 4"),
        "{}",
        r.body
    );
    // A document's field names its signer, a template's its role.
    let r = app
        .post(
            "/v1/documents",
            json!({"name": "Offer", "signers": signers(),
                   "html": "<p><signet-field name=\"s\" type=\"signature\" role=\"Client\"></p>"}),
        )
        .await;
    r.assert_error(422, "html_invalid");
    let r = app
        .post(
            "/v1/templates",
            json!({"name": "Offer", "roles": ["Client"],
                   "html": "<p><signet-field name=\"s\" type=\"signature\" signer=\"0\"></p>"}),
        )
        .await;
    r.assert_error(422, "html_invalid");
}

#[tokio::test]
async fn file_and_html_exactly_one_and_html_is_bounded() {
    let app = spawn_app().await;
    let both = app
        .post(
            "/v1/documents",
            json!({"name": "Offer", "signers": signers(), "html": "<p>a</p>",
                   "file": b64(&sample_pdf("a"))}),
        )
        .await;
    both.assert_error(400, "invalid_model");
    assert_eq!(both.body["errors"][0]["source"]["field"], "html");
    let neither = app
        .post(
            "/v1/documents",
            json!({"name": "Offer", "signers": signers()}),
        )
        .await;
    neither.assert_error(400, "invalid_model");
    assert!(
        neither.body["errors"][0]["source"]["message"]
            .as_str()
            .unwrap()
            .contains("html"),
        "{}",
        neither.body
    );
    // A name used twice, once in the HTML and once in fields, is the fields' error.
    let twice = app
        .post(
            "/v1/documents",
            json!({"name": "Offer", "signers": signers(),
                   "html": "<p><signet-field name=\"s\" type=\"signature\" signer=\"0\"></p>",
                   "fields": [{"name": "s", "type": "text", "signer": 1,
                               "area": {"page": 1, "x": 0.1, "y": 0.8, "w": 0.2, "h": 0.04}}]}),
        )
        .await;
    twice.assert_error(400, "invalid_model");
    assert_eq!(
        twice.body["errors"][0]["source"]["field"], "fields[1].name",
        "the HTML's fields come after those of fields: {}",
        twice.body
    );
    assert!(
        twice.body["errors"][0]["source"]["message"]
            .as_str()
            .unwrap()
            .contains("fields[0]"),
        "{}",
        twice.body
    );
    let big = format!("<p>{}</p>", "a".repeat(2 << 20));
    let r = app
        .post(
            "/v1/documents",
            json!({"name": "Offer", "signers": signers(), "html": big}),
        )
        .await;
    r.assert_error(413, "file_too_large");
}

#[tokio::test]
async fn a_template_from_html_sends_a_document() {
    let app = spawn_app().await;
    let html = r#"<h1>Loan agreement</h1>
<p>Plan: <signet-field name="plan" type="text" role="Client" width="120"></p>
<table><tr><td>Client</td><td>Bank</td></tr>
<tr><td><signet-field name="client_sig" type="signature" role="Client"></td>
<td><signet-field name="bank_sig" type="signature" role="Bank"></td></tr></table>"#;
    let tpl = app
        .post(
            "/v1/templates",
            json!({"name": "Loan from HTML", "html": html, "roles": ["Client", "Bank"]}),
        )
        .await
        .assert(201)
        .clone();
    assert_eq!(tpl["pages"], 1, "{tpl}");
    let names: Vec<&str> = tpl["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 3, "{tpl}");
    for n in ["plan", "client_sig", "bank_sig"] {
        assert!(names.contains(&n), "{tpl}");
    }
    let plan = field(&tpl, "plan");
    assert_eq!(plan["role"], "Client", "{tpl}");
    assert_eq!(plan["area"]["page"], 1, "{tpl}");
    let doc = app
        .post(
            "/v1/documents",
            json!({
                "name": "Loan 18",
                "template_id": tpl["id"],
                "signers": [
                    {"name": "Ana Silva", "email": "ana@example.com", "role": "Client"},
                    {"name": "Ben Okafor", "email": "ben@bank.example", "role": "Bank"},
                ],
                "values": {"plan": "Premium"},
            }),
        )
        .await
        .assert(201)
        .clone();
    let now = document(&app, &doc).await;
    assert_eq!(field(&now, "plan")["value"], "Premium", "{now}");
    assert_eq!(field(&now, "bank_sig")["signer"], 1, "{now}");
    assert_eq!(
        field(&now, "client_sig")["area"],
        field(&tpl, "client_sig")["area"],
        "{now}"
    );
    // PATCH with new HTML replaces the fields; html and file at once is refused.
    let id = tpl["id"].as_str().unwrap();
    let changed = app
        .patch(
            &format!("/v1/templates/{id}"),
            json!({"html": "<p><signet-field name=\"only\" type=\"signature\" role=\"Bank\"></p>"}),
        )
        .await
        .assert(200)
        .clone();
    assert_eq!(changed["fields"].as_array().unwrap().len(), 1, "{changed}");
    assert_eq!(changed["fields"][0]["name"], "only");
    app.patch(
        &format!("/v1/templates/{id}"),
        json!({"html": "<p>a</p>", "file": b64(&sample_pdf("a"))}),
    )
    .await
    .assert_error(400, "invalid_model");
    app.patch(
        &format!("/v1/templates/{id}"),
        json!({"html": "<p>\n<blink>a</blink></p>"}),
    )
    .await
    .assert_error(422, "html_invalid");
}

#[tokio::test]
async fn html_may_come_in_the_data_part_of_a_multipart_request() {
    let app = spawn_app().await;
    let post = |with_file: bool| {
        let mut form = reqwest::multipart::Form::new().text(
            "data",
            json!({"name": "Multipart", "signers": signers(), "html": CONTRACT}).to_string(),
        );
        if with_file {
            form = form.part(
                "file",
                reqwest::multipart::Part::bytes(sample_pdf("a"))
                    .file_name("contract.pdf")
                    .mime_str("application/pdf")
                    .unwrap(),
            );
        }
        app.client
            .post(app.url("/v1/documents"))
            .bearer_auth(&app.key)
            .multipart(form)
            .send()
    };
    let resp = post(false).await.unwrap();
    assert_eq!(resp.status(), 201);
    let doc: Value = resp.json().await.unwrap();
    assert_eq!(doc["fields"].as_array().unwrap().len(), 2, "{doc}");
    let resp = post(true).await.unwrap();
    assert_eq!(resp.status(), 400);
    let refused: Value = resp.json().await.unwrap();
    assert_eq!(refused["errors"][0]["code"], "invalid_model", "{refused}");
    assert_eq!(refused["errors"][0]["source"]["field"], "html", "{refused}");
}
