//! Form fields over HTTP: placed on `POST /v1/documents` by an area or an anchor (bad
//! positions are 422 with seed 001's 95), listed with their values by the document's `GET`,
//! filled by each signer's `values` on approval, and written into the PDF in that signer's
//! own revision, so every earlier signature stays intact (pyHanko: form filling).

use crate::helpers::{
    TestApp, b64, document, sample_pdf, signer_path, spawn_app, test_python, tools_required,
};
use serde_json::{Value, json};
use signet_store::Mode;
use std::collections::HashMap;

fn body(fields: Value) -> Value {
    json!({
        "name": "Order form",
        "file": b64(&sample_pdf("Order form {{client_signature}}")),
        "signers": [
            {"name": "Ana Silva", "email": "ana@example.com"},
            {"name": "Ben Okafor", "email": "ben@example.com"},
            {"name": "Chen Wei", "email": "chen@example.com"},
        ],
        "fields": fields,
    })
}

fn text(name: &str, signer: u32, x: f64, y: f64) -> Value {
    json!({"name": name, "type": "text", "signer": signer,
           "area": {"page": 1, "x": x, "y": y, "w": 0.2, "h": 0.04}})
}

/// Every error of a refusal as (field, message).
fn errors(r: &Value) -> Vec<(String, String)> {
    r["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["source"]["field"].as_str().unwrap_or("").to_owned(),
                e["source"]["message"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn fields_not_where_they_can_be_are_refused_with_95() {
    let app = spawn_app().await;
    let area = |page: u32, x: f64, y: f64, w: f64, h: f64| {
        json!({"name": "f", "type": "text", "signer": 0,
               "area": {"page": page, "x": x, "y": y, "w": w, "h": h}})
    };
    let cases: Vec<(Value, &str, &str)> = vec![
        (
            json!([area(1, 0.9, 0.1, 0.2, 0.05)]),
            "fields[0].area",
            "right edge",
        ),
        (
            json!([area(1, 0.1, 0.98, 0.2, 0.05)]),
            "fields[0].area",
            "bottom edge",
        ),
        (
            json!([area(1, -0.1, 0.1, 0.2, 0.05)]),
            "fields[0].area",
            "off the page",
        ),
        (
            json!([area(1, 0.1, 0.1, 0.0, 0.05)]),
            "fields[0].area",
            "no size",
        ),
        (
            json!([area(1, 0.1, 0.1, 1.5, 0.05)]),
            "fields[0].area",
            "off the page",
        ),
        (
            json!([area(0, 0.1, 0.1, 0.2, 0.05)]),
            "fields[0].area",
            "page 0",
        ),
        (
            json!([area(2, 0.1, 0.1, 0.2, 0.05)]),
            "fields[0].area.page",
            "the document has 1 page",
        ),
        (
            json!([text("a", 0, 0.1, 0.1), text("b", 1, 0.2, 0.12)]),
            "fields[1].area",
            "overlaps the field \"a\" on page 1",
        ),
        (
            json!([{"name": "s", "type": "signature", "signer": 0, "anchor": "{{nowhere}}"}]),
            "fields[0].anchor",
            "is not in the document's text",
        ),
        (
            json!([{"name": "s", "type": "signature", "signer": 0, "anchor": "{{client_signature}}",
                    "area": {"page": 1, "x": 0.1, "y": 0.1, "w": 0.2, "h": 0.05}}]),
            "fields[0]",
            "not both",
        ),
        (
            json!([{"name": "s", "type": "signature", "signer": 0}]),
            "fields[0]",
            "needs an area",
        ),
    ];
    for (fields, field, why) in cases {
        let r = app.post("/v1/documents", body(fields.clone())).await;
        r.assert_error(422, "field_position_invalid");
        assert_eq!(r.body["errors"][0]["return_code"], 95, "{}", r.body);
        let got = errors(&r.body);
        assert_eq!(got[0].0, field, "{fields}: {}", r.body);
        assert!(got[0].1.contains(why), "{fields}: {}", r.body);
    }
    // Every bad position is named at once.
    let r = app
        .post(
            "/v1/documents",
            body(json!([area(1, 0.9, 0.1, 0.2, 0.05), text("b", 0, 0.1, 0.5),
                        {"name": "c", "type": "text", "signer": 0}])),
        )
        .await;
    r.assert_error(422, "field_position_invalid");
    let named: Vec<String> = errors(&r.body).into_iter().map(|(f, _)| f).collect();
    assert_eq!(named, ["fields[0].area", "fields[2]"]);

    // The multipart form's data part takes fields the same way.
    let form = reqwest::multipart::Form::new()
        .part(
            "file",
            reqwest::multipart::Part::bytes(sample_pdf("multipart"))
                .file_name("c.pdf")
                .mime_str("application/pdf")
                .unwrap(),
        )
        .text(
            "data",
            json!({"name": "M", "signers": [{"name": "A", "email": "a@example.com"}],
                   "fields": [area(3, 0.1, 0.1, 0.2, 0.05)]})
            .to_string(),
        );
    let resp = app
        .client
        .post(app.url("/v1/documents"))
        .bearer_auth(&app.key)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 422);
    let b: Value = resp.json().await.unwrap();
    assert_eq!(b["errors"][0]["code"], "field_position_invalid");
    assert_eq!(b["errors"][0]["source"]["field"], "fields[0].area.page");

    // Nothing was stored by any of these.
    let list = app.get("/v1/documents").await.assert(200).clone();
    assert_eq!(list.as_array().unwrap().len(), 0, "{list}");
}

#[tokio::test]
async fn fields_of_the_wrong_shape_are_invalid_model() {
    let app = spawn_app().await;
    let cases: Vec<(Value, &str)> = vec![
        (
            json!([{"name": "x", "type": "stamp", "signer": 0,
                    "area": {"page": 1, "x": 0.1, "y": 0.1, "w": 0.1, "h": 0.1}}]),
            "fields[0].type",
        ),
        (
            json!([{"name": "x", "type": "select", "signer": 0,
                    "area": {"page": 1, "x": 0.1, "y": 0.1, "w": 0.1, "h": 0.1}}]),
            "fields[0].options",
        ),
        (
            json!([text("x", 0, 0.1, 0.1), text("x", 1, 0.5, 0.5)]),
            "fields[1].name",
        ),
        (json!([text("x", 3, 0.1, 0.1)]), "fields[0].signer"),
        (
            json!([{"name": "n", "type": "number", "signer": 0, "value": "three",
                    "area": {"page": 1, "x": 0.1, "y": 0.1, "w": 0.1, "h": 0.1}}]),
            "fields[0].value",
        ),
        (
            json!([{"name": "d", "type": "date", "signer": 0, "value": "2026-01-01",
                    "area": {"page": 1, "x": 0.1, "y": 0.1, "w": 0.1, "h": 0.1}}]),
            "fields[0].value",
        ),
        (
            json!([{"name": "x", "type": "text", "signer": 0, "colour": "red",
                    "area": {"page": 1, "x": 0.1, "y": 0.1, "w": 0.1, "h": 0.1}}]),
            "fields[0].colour",
        ),
    ];
    for (fields, field) in cases {
        let r = app.post("/v1/documents", body(fields.clone())).await;
        r.assert_error(400, "invalid_model");
        assert_eq!(r.field(), field, "{fields}: {}", r.body);
        assert!(
            r.body["errors"][0].get("return_code").is_none(),
            "{}",
            r.body
        );
    }
}

#[tokio::test]
async fn a_document_lists_its_fields_with_their_values() {
    let app = spawn_app().await;
    let doc = app
        .post(
            "/v1/documents",
            body(json!([
                {"name": "client_signature", "type": "signature", "signer": 0,
                 "anchor": "{{client_signature}}"},
                {"name": "plan", "type": "select", "signer": 1, "options": ["Basic", "Premium"],
                 "required": false, "area": {"page": 1, "x": 0.1, "y": 0.5, "w": 0.3, "h": 0.04}},
                {"name": "reference", "type": "text", "signer": 0, "value": "R-2026-7",
                 "area": {"page": 1, "x": 0.1, "y": 0.6, "w": 0.3, "h": 0.04}},
                {"name": "seats", "type": "number", "signer": 2, "value": 12,
                 "area": {"page": 1, "x": 0.1, "y": 0.7, "w": 0.3, "h": 0.04}},
            ])),
        )
        .await
        .assert(201)
        .clone();
    assert_eq!(doc["fields"].as_array().unwrap().len(), 4, "{doc}");
    let now = document(&app, &doc).await;
    assert_eq!(
        now["fields"], doc["fields"],
        "the creation answers what GET shows"
    );
    let f = &now["fields"];
    let sig = &f[0];
    assert_eq!(sig["name"], "client_signature");
    assert_eq!(sig["type"], "signature");
    assert_eq!(sig["signer"], 0);
    assert_eq!(sig["required"], true, "required unless said otherwise");
    assert_eq!(sig["anchor"], "{{client_signature}}");
    assert_eq!(sig["area"]["page"], 1);
    let (x, y) = (
        sig["area"]["x"].as_f64().unwrap(),
        sig["area"]["y"].as_f64().unwrap(),
    );
    // The anchor is drawn at 72 pt from the left, 82 pt from the top of an A4 page, after
    // "Order form ".
    assert!(x > 72.0 / 595.0 && x < 0.5, "{sig}");
    assert!(y > 0.05 && y < 0.12, "{sig}");
    assert_eq!(sig["value"], Value::Null);
    assert_eq!(sig["filled"], false);
    assert_eq!(sig["readonly"], false);
    assert_eq!(f[1]["options"], json!(["Basic", "Premium"]));
    assert_eq!(f[1]["required"], false);
    assert_eq!(f[1]["anchor"], Value::Null);
    assert_eq!(
        f[1]["area"],
        json!({"page": 1, "x": 0.1, "y": 0.5, "w": 0.3, "h": 0.04})
    );
    assert_eq!(f[2]["value"], "R-2026-7", "a prefilled value is shown");
    assert_eq!(f[2]["readonly"], true);
    assert_eq!(f[2]["filled"], true);
    assert_eq!(f[3]["value"], 12);
    // The list shows them too; a document without fields has none.
    crate::api::documents::send(&app, json!({})).await;
    let list = app.get("/v1/documents").await.assert(200).clone();
    let by_id: HashMap<&str, &Value> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_str().unwrap(), d))
        .collect();
    assert_eq!(by_id[doc["id"].as_str().unwrap()]["fields"], now["fields"]);
    assert_eq!(
        list.as_array()
            .unwrap()
            .iter()
            .filter(|d| d["fields"] == json!([]))
            .count(),
        1
    );
}

/// A document whose first signer has every kind of field to fill.
async fn form_document(app: &TestApp) -> Value {
    let a = |x: f64, y: f64| json!({"page": 1, "x": x, "y": y, "w": 0.15, "h": 0.04});
    app.post(
        "/v1/documents",
        body(json!([
            {"name": "sig0", "type": "signature", "signer": 0, "area": a(0.05, 0.2)},
            {"name": "name0", "type": "name", "signer": 0, "area": a(0.25, 0.2)},
            {"name": "note", "type": "text", "signer": 0, "area": a(0.45, 0.2)},
            {"name": "agree", "type": "checkbox", "signer": 0, "area": a(0.65, 0.2)},
            {"name": "plan", "type": "select", "signer": 0, "options": ["Basic", "Premium"],
             "area": a(0.05, 0.3)},
            {"name": "seats", "type": "number", "signer": 0, "area": a(0.25, 0.3)},
            {"name": "mail", "type": "email", "signer": 0, "required": false, "area": a(0.45, 0.3)},
            {"name": "ref", "type": "text", "signer": 0, "value": "R-1", "area": a(0.65, 0.3)},
            {"name": "other", "type": "text", "signer": 1, "area": a(0.05, 0.4)},
        ])),
    )
    .await
    .assert(201)
    .clone()
}

#[tokio::test]
async fn approve_values_are_checked_and_required_fields_named() {
    let app = spawn_app().await;
    let doc = form_document(&app).await;
    let approve = signer_path(&doc, 0, "approve");
    let r = app
        .post(
            &approve,
            json!({"values": {
                "nope": "x", "other": "x", "ref": "y", "name0": "Ana",
                "note": 4, "agree": "yes", "plan": "Gold", "seats": "three", "mail": "not-mail",
            }}),
        )
        .await;
    r.assert_error(422, "field_values_invalid");
    let named: Vec<String> = errors(&r.body).into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        named,
        [
            "values.nope",
            "values.other",
            "values.ref",
            "values.name0",
            "values.note",
            "values.agree",
            "values.plan",
            "values.seats",
            "values.mail"
        ],
        "{}",
        r.body
    );
    let msgs: HashMap<String, String> = errors(&r.body).into_iter().collect();
    assert_eq!(
        msgs["values.other"],
        "is signer 1's field, not this signer's"
    );
    assert_eq!(msgs["values.ref"], "is prefilled and read-only");
    assert_eq!(msgs["values.seats"], "must be a number");
    assert!(msgs["values.plan"].contains("Basic, Premium"));

    // Required fields left empty are named; the optional email is not.
    for body in [json!({}), json!({"values": {}})] {
        let r = app.post(&approve, body).await;
        r.assert_error(422, "field_values_invalid");
        let named: Vec<String> = errors(&r.body).into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            named,
            ["values.note", "values.agree", "values.plan", "values.seats"]
        );
        assert!(errors(&r.body)[0].1.contains("is required"));
    }
    // No body at all is the same as no values.
    let r = app
        .send(
            reqwest::Method::POST,
            &approve,
            Some(&app.key),
            None,
            None,
            &[],
        )
        .await;
    r.assert_error(422, "field_values_invalid");
    // The hosted page fills no fields yet: its approval is refused with the fields named.
    let url = doc["signers"][0]["url"].as_str().unwrap();
    let page = &url[url.find("/sign/").unwrap()..];
    let resp = app
        .client
        .post(app.url(&format!("{page}/approve")))
        .form(&[("consent", "on")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.unwrap();
    assert!(
        html.contains("fill in before approving: note, agree, plan, seats."),
        "{html}"
    );
    // Nothing was approved by any of these.
    let now = document(&app, &doc).await;
    assert_eq!(now["signers"][0]["status"], "user_consent_required");

    // A required check box must be checked.
    let good = json!({"note": "Deliver on Monday", "agree": true, "plan": "Premium", "seats": 12});
    let mut unchecked = good.clone();
    unchecked["agree"] = json!(false);
    let r = app.post(&approve, json!({"values": unchecked})).await;
    r.assert_error(422, "field_values_invalid");
    assert_eq!(r.field(), "values.agree");
    let ok = app
        .post(&approve, json!({"values": good}))
        .await
        .assert(200)
        .clone();
    assert_eq!(ok["signer"]["status"], "confirmation_required", "{ok}");
    // Not shown before the signature is made.
    let now = document(&app, &doc).await;
    assert_eq!(now["fields"][2]["value"], Value::Null);
    app.post(&signer_path(&doc, 0, "confirm"), json!({"otp": "123456"}))
        .await
        .assert(200);
    let now = document(&app, &doc).await;
    let value = |name: &str| {
        now["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(value("note")["value"], "Deliver on Monday");
    assert_eq!(value("note")["filled"], true);
    assert_eq!(value("agree")["value"], true);
    assert_eq!(value("plan")["value"], "Premium");
    assert_eq!(value("seats")["value"], 12);
    assert_eq!(value("mail")["value"], Value::Null);
    assert_eq!(value("mail")["filled"], false);
    assert_eq!(value("name0")["value"], "Ana Silva");
    assert_eq!(value("sig0")["filled"], true);
    assert_eq!(value("other")["filled"], false);
}

/// A form field's value in the PDF (`/V`), by the field's name (`/T`).
fn acroform_values(pdf: &[u8]) -> HashMap<String, lopdf::Object> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    let form = match catalog.get(b"AcroForm").unwrap() {
        lopdf::Object::Reference(r) => doc.get_dictionary(*r).unwrap(),
        lopdf::Object::Dictionary(d) => d,
        other => panic!("AcroForm {other:?}"),
    };
    let mut out = HashMap::new();
    let mut todo: Vec<lopdf::Object> = form.get(b"Fields").unwrap().as_array().unwrap().clone();
    while let Some(o) = todo.pop() {
        let d = match &o {
            lopdf::Object::Reference(r) => doc.get_dictionary(*r).unwrap(),
            lopdf::Object::Dictionary(d) => d,
            _ => continue,
        };
        if let Ok(kids) = d.get(b"Kids").and_then(lopdf::Object::as_array) {
            todo.extend(kids.iter().cloned());
        }
        let Ok(name) = d.get(b"T").and_then(lopdf::Object::as_str) else {
            continue;
        };
        let name = String::from_utf8_lossy(name).into_owned();
        let value = match d.get(b"V") {
            Ok(lopdf::Object::Reference(r)) => doc.get_object(*r).unwrap().clone(),
            Ok(v) => v.clone(),
            Err(_) => lopdf::Object::Null,
        };
        out.insert(name, value);
    }
    out
}

fn text_of(o: &lopdf::Object) -> String {
    match o {
        lopdf::Object::String(b, _) => {
            lopdf::decode_text_string(o).unwrap_or_else(|_| String::from_utf8_lossy(b).into_owned())
        }
        lopdf::Object::Name(n) => String::from_utf8_lossy(n).into_owned(),
        other => panic!("not text: {other:?}"),
    }
}

/// pyHanko's report of every signature, or `None` without pyHanko.
pub(crate) fn pyhanko(app: &TestApp, pdf: &[u8]) -> Option<Vec<Value>> {
    let python = test_python();
    let present = std::process::Command::new(&python)
        .args(["-c", "import pyhanko"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !present {
        assert!(!tools_required(), "pyHanko is required ({python:?})");
        eprintln!("notice: pyHanko not found, skipping its validation");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root.pem");
    std::fs::write(&root, app.state.trust.ca(Mode::Test).root_pem()).unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../pdf/tests/validate_pyhanko.py");
    let out = std::process::Command::new(&python)
        .arg(script)
        .arg(&root)
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect(),
    )
}

#[tokio::test]
async fn three_signers_fill_their_fields_and_every_signature_stays_intact() {
    let app = spawn_app().await;
    let mut fields = Vec::new();
    for k in 0..3u32 {
        let y = 0.2 + 0.2 * f64::from(k);
        let a =
            |x: f64, dy: f64, w: f64| json!({"page": 1, "x": x, "y": y + dy, "w": w, "h": 0.04});
        fields.extend([
            json!({"name": format!("sig{k}"), "type": "signature", "signer": k, "area": {"page": 1, "x": 0.05, "y": y, "w": 0.3, "h": 0.08}}),
            json!({"name": format!("name{k}"), "type": "name", "signer": k, "area": a(0.4, 0.0, 0.25)}),
            json!({"name": format!("date{k}"), "type": "date", "signer": k, "area": a(0.7, 0.0, 0.2)}),
            json!({"name": format!("note{k}"), "type": "text", "signer": k, "area": a(0.05, 0.1, 0.3)}),
            json!({"name": format!("agree{k}"), "type": "checkbox", "signer": k, "area": a(0.4, 0.1, 0.04)}),
            json!({"name": format!("plan{k}"), "type": "select", "signer": k, "options": ["Basic", "Premium"], "area": a(0.5, 0.1, 0.2)}),
        ]);
    }
    let doc = app
        .post("/v1/documents", body(json!(fields)))
        .await
        .assert(201)
        .clone();
    let plans = ["Basic", "Premium", "Basic"];
    for (k, plan) in plans.iter().enumerate() {
        app.post(
            &signer_path(&doc, k, "approve"),
            json!({"values": {
                format!("note{k}"): format!("Note of signer {k}"),
                format!("agree{k}"): true,
                format!("plan{k}"): plan,
            }}),
        )
        .await
        .assert(200);
        app.post(&signer_path(&doc, k, "confirm"), json!({"otp": "123456"}))
            .await
            .assert(200);
    }
    let now = document(&app, &doc).await;
    assert_eq!(now["status"], "finished", "{now}");
    let id = doc["id"].as_str().unwrap();
    let pdf = app.get(&format!("/v1/documents/{id}/file")).await.bytes;
    let values = acroform_values(&pdf);
    let names = ["Ana Silva", "Ben Okafor", "Chen Wei"];
    for k in 0..3usize {
        let v = |n: &str| {
            values
                .get(&format!("{n}{k}"))
                .unwrap_or_else(|| panic!("{n}{k}: {values:?}"))
        };
        assert_eq!(text_of(v("note")), format!("Note of signer {k}"));
        assert_eq!(text_of(v("plan")), plans[k]);
        assert_eq!(text_of(v("name")), names[k]);
        let checked = text_of(v("agree"));
        assert!(
            checked != "Off" && !checked.is_empty(),
            "agree{k}: {checked}"
        );
        // The date the view shows is the one in the file.
        let shown = now["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == format!("date{k}"))
            .unwrap()["value"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(text_of(v("date")), shown);
        assert!(
            matches!(v("sig"), lopdf::Object::Dictionary(_)),
            "the signature is in the signer's own field: {:?}",
            v("sig")
        );
    }
    if let Some(report) = pyhanko(&app, &pdf) {
        let sigs: Vec<&Value> = report.iter().filter(|r| r["kind"] == "signature").collect();
        assert_eq!(sigs.len(), 3, "{report:?}");
        for s in &sigs {
            assert_eq!(s["intact"], true, "{s}");
            assert_eq!(s["valid"], true, "{s}");
            assert_eq!(s["trusted"], true, "{s}");
            assert!(
                !s["modification_level"].as_str().unwrap().contains("OTHER"),
                "{s}"
            );
        }
        let by_field: HashMap<&str, &Value> = sigs
            .iter()
            .map(|s| (s["field"].as_str().unwrap(), *s))
            .collect();
        for k in 0..2 {
            assert!(
                by_field[format!("sig{k}").as_str()]["modification_level"]
                    .as_str()
                    .unwrap()
                    .contains("FORM_FILLING"),
                "a later signer's values are form filling: {report:?}"
            );
        }
    }
}
