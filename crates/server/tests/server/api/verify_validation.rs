//! `POST /v1/verify` at a chosen `validation_time` (query or form part) and with
//! `revocation=required`, on a file Signet signed.

use crate::api::documents::{send, sign};
use crate::helpers::{TestApp, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

async fn signed_file(app: &TestApp) -> Vec<u8> {
    let doc = send(app, json!({})).await;
    sign(app, &doc, 0).await;
    sign(app, &doc, 1).await;
    let id = doc["id"].as_str().unwrap();
    let file = app.get(&format!("/v1/documents/{id}/file")).await;
    assert_eq!(file.status, 200);
    file.bytes.clone()
}

async fn verify(app: &TestApp, pdf: &[u8], query: &str) -> crate::helpers::Reply {
    app.send(
        Method::POST,
        &format!("/v1/verify?anchor=test&{query}"),
        Some(&app.key),
        Some(pdf.to_vec()),
        Some("application/pdf"),
        &[],
    )
    .await
}

fn rfc3339(days_from_now: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::days(days_from_now))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[tokio::test]
async fn a_signet_file_is_judged_at_the_validation_time_asked() {
    let app = spawn_app().await;
    let pdf = signed_file(&app).await;

    // Now (the default) and tomorrow: every signature passes, and the report says when it
    // judged and that revocation data was used when present.
    let now = verify(&app, &pdf, "").await;
    let report = now.assert(200);
    assert_eq!(report["revocation_policy"], "if_available");
    assert_eq!(report["online"], false);
    assert!(report["validation_time"].is_string(), "{report}");
    let tomorrow = rfc3339(1);
    let r = verify(&app, &pdf, &format!("validation_time={tomorrow}")).await;
    let report = r.assert(200).clone();
    let asked = chrono::DateTime::parse_from_rfc3339(&tomorrow).unwrap();
    let echoed =
        chrono::DateTime::parse_from_rfc3339(report["validation_time"].as_str().unwrap()).unwrap();
    assert_eq!(asked, echoed);
    let sigs = report["signatures"].as_array().unwrap();
    assert_eq!(sigs.len(), 3, "{report}");
    for s in sigs {
        assert_eq!(s["indication"], "TOTAL-PASSED", "{report}");
        assert!(s["revocation"].is_array());
    }
    // The signatures' timestamps prove when they existed.
    assert!(sigs[0]["proof_of_existence"].is_string(), "{report}");

    // Six years on, the seal's and the timestamp authority's certificates (five years) have
    // expired, and no later timestamp proves anything: nothing passes.
    let late = rfc3339(6 * 366);
    let report = verify(&app, &pdf, &format!("validation_time={late}"))
        .await
        .assert(200)
        .clone();
    for s in report["signatures"].as_array().unwrap() {
        assert_eq!(s["indication"], "INDETERMINATE", "{report}");
        assert_eq!(s["sub_indication"], "OUT_OF_BOUNDS_NO_POE", "{report}");
    }
    assert_eq!(report["produced_by_signet"], false);

    // The same time as a part of a form.
    let form = reqwest::multipart::Form::new()
        .part(
            "file",
            reqwest::multipart::Part::bytes(pdf.clone())
                .file_name("signed.pdf")
                .mime_str("application/pdf")
                .unwrap(),
        )
        .text("validation_time", late.clone());
    let resp = app
        .client
        .post(app.url("/v1/verify?anchor=test"))
        .bearer_auth(&app.key)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let by_form: Value = resp.json().await.unwrap();
    assert_eq!(by_form["signatures"], report["signatures"]);
}

#[tokio::test]
async fn revocation_can_be_required_and_bad_parameters_are_refused() {
    let app = spawn_app().await;
    let pdf = signed_file(&app).await;
    let report = verify(&app, &pdf, "revocation=required")
        .await
        .assert(200)
        .clone();
    assert_eq!(report["revocation_policy"], "required");
    for s in report["signatures"].as_array().unwrap() {
        // Either the file carries revocation data for every certificate, or the signature
        // cannot be concluded until it is found.
        if s["indication"] != "TOTAL-PASSED" {
            assert_eq!(s["sub_indication"], "TRY_LATER", "{report}");
        } else {
            assert!(!s["revocation"].as_array().unwrap().is_empty(), "{report}");
        }
    }
    for (query, field) in [
        ("validation_time=tomorrow", "validation_time"),
        ("validation_time=2030-01-01", "validation_time"),
        ("revocation=sometimes", "revocation"),
    ] {
        let r = verify(&app, &pdf, query).await;
        r.assert_error(400, "invalid_model");
        assert_eq!(r.body["errors"][0]["source"]["field"], field, "{}", r.body);
    }
}
