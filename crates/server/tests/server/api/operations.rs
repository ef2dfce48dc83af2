use crate::helpers::spawn_app;
use serde_json::json;

#[tokio::test]
async fn health_readiness_and_metrics_answer_without_a_key() {
    let app = spawn_app().await;
    let h = app
        .send(reqwest::Method::GET, "/healthz", None, None, None, &[])
        .await;
    assert_eq!(h.assert(200)["status"], "ok");
    let r = app
        .send(reqwest::Method::GET, "/readyz", None, None, None, &[])
        .await;
    assert_eq!(r.assert(200)["status"], "ready");
    app.get("/v1/persons").await.assert(200);
    let m = app
        .send(reqwest::Method::GET, "/metrics", None, None, None, &[])
        .await;
    let text = String::from_utf8(m.bytes).unwrap();
    assert!(text.contains("signet_http_requests_total"), "{text}");
    assert!(text.contains("route=\"/v1/persons\""), "{text}");
}

#[tokio::test]
async fn the_openapi_document_matches_the_committed_copy_and_documents_every_route() {
    let app = spawn_app().await;
    let doc = app
        .send(reqwest::Method::GET, "/openapi.json", None, None, None, &[])
        .await;
    let doc = doc.assert(200).clone();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = doc["paths"].as_object().unwrap();
    for p in [
        "/v1/persons",
        "/v1/persons/{id}",
        "/v1/persons/{person_id}/identifications/{id}/request",
        "/v1/sandbox/clock/advance",
        "/v1/codes",
    ] {
        assert!(paths.contains_key(p), "{p} is documented");
    }
    let committed: serde_json::Value =
        serde_json::from_str(include_str!("../../../../../docs/openapi.json")).unwrap();
    assert!(
        committed == doc,
        "docs/openapi.json is stale: run `cargo run -p signet -- openapi > docs/openapi.json` and commit it"
    );
    let page = app
        .send(reqwest::Method::GET, "/docs", None, None, None, &[])
        .await;
    let html = String::from_utf8(page.bytes).unwrap();
    assert!(html.contains("/v1/persons/{person_id}/identifications"));
    assert!(html.contains("clients/python") && html.contains("<code>createPerson</code>"));
}

/// What client generators need of the document: an operation id per operation that names the
/// action (they name functions after it; a repeated one makes them guess), every tag declared,
/// and the refusals that can happen documented with the error schema.
#[tokio::test]
async fn every_operation_has_its_own_name_and_documents_its_refusals() {
    let app = spawn_app().await;
    let doc = app
        .send(reqwest::Method::GET, "/openapi.json", None, None, None, &[])
        .await;
    let doc = doc.assert(200).clone();
    let declared: Vec<&str> = doc["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    let mut ids = std::collections::BTreeSet::new();
    for section in ["paths", "webhooks"] {
        for (path, item) in doc[section].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                let id = op["operationId"]
                    .as_str()
                    .unwrap_or_else(|| panic!("{method} {path} has no operationId"));
                assert!(
                    id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                        && id.chars().all(|c| c.is_ascii_alphanumeric()),
                    "{id}: camelCase"
                );
                assert!(ids.insert(id.to_owned()), "{id} is used twice");
                for tag in op["tags"].as_array().into_iter().flatten() {
                    assert!(
                        declared.contains(&tag.as_str().unwrap()),
                        "{id}: tag {tag} is not declared"
                    );
                }
                if section == "webhooks" {
                    continue;
                }
                let responses = op["responses"].as_object().unwrap();
                let keyed = op
                    .get("security")
                    .is_none_or(|s| s.as_array().is_none_or(|a| !a.is_empty()));
                if keyed
                    && path.starts_with("/v1/")
                    && !path.starts_with("/v1/trust/")
                    && path != "/v1/codes"
                {
                    assert!(responses.contains_key("401"), "{id} documents 401");
                }
                if path.contains('{') {
                    assert!(responses.contains_key("404"), "{id} documents 404");
                }
                if path.starts_with("/v1/sandbox/") {
                    assert!(
                        responses.contains_key("403"),
                        "{id} documents 403 (live keys)"
                    );
                }
            }
        }
    }
    for id in [
        "createPerson",
        "getPerson",
        "listPersonIdentifications",
        "approveSigner",
        "verifyPdf",
    ] {
        assert!(ids.contains(id), "{id}");
    }
}

#[tokio::test]
async fn the_codes_catalog_lists_every_status_reason_and_return_code() {
    let app = spawn_app().await;
    let all = app
        .send(reqwest::Method::GET, "/v1/codes", None, None, None, &[])
        .await;
    let all = all.assert(200).as_array().unwrap().clone();
    let has = |kind: &str, code: &str| all.iter().any(|c| c["kind"] == kind && c["code"] == code);
    assert!(has("identification_status", "pending_successful"));
    assert!(has("identification_reason", "TECH_TIMEOUT"));
    assert!(has("attempt_status", "checks_inconclusive"));
    assert!(has("signature_status_code", "6008"));
    assert!(has("return_code", "108"));
    assert!(has("return_code", "2029"));
    assert!(has("error_code", "invalid_model"));
    let tt = all.iter().find(|c| c["code"] == "TECH_TIMEOUT").unwrap();
    assert_eq!(tt["permanent"], false);
    assert_eq!(tt["caused_by_user"], true);
    let reasons = app
        .send(
            reqwest::Method::GET,
            "/v1/codes?kind=identification_reason",
            None,
            None,
            None,
            &[],
        )
        .await;
    assert!(
        reasons
            .body
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["kind"] == "identification_reason")
    );
    let bad = app
        .send(
            reqwest::Method::GET,
            "/v1/codes?kind=nonsense",
            None,
            None,
            None,
            &[],
        )
        .await;
    bad.assert_error(400, "invalid_model");
}

#[tokio::test]
async fn idempotency_keys_replay_the_first_response_and_refuse_another_body() {
    let app = spawn_app().await;
    let body = json!({"first_name": "Jane", "last_name": "Doe"})
        .to_string()
        .into_bytes();
    let first = app
        .send(
            reqwest::Method::POST,
            "/v1/persons",
            Some(&app.key),
            Some(body.clone()),
            Some("application/json"),
            &[("idempotency-key", "k-1")],
        )
        .await;
    let again = app
        .send(
            reqwest::Method::POST,
            "/v1/persons",
            Some(&app.key),
            Some(body),
            Some("application/json"),
            &[("idempotency-key", "k-1")],
        )
        .await;
    assert_eq!(first.assert(201), again.assert(201));
    assert_eq!(again.headers.get("idempotent-replayed").unwrap(), "true");
    assert_eq!(
        app.get("/v1/persons").await.body.as_array().unwrap().len(),
        1
    );
    let other = json!({"first_name": "John", "last_name": "Doe"})
        .to_string()
        .into_bytes();
    let clash = app
        .send(
            reqwest::Method::POST,
            "/v1/persons",
            Some(&app.key),
            Some(other),
            Some("application/json"),
            &[("idempotency-key", "k-1")],
        )
        .await;
    clash.assert_error(422, "idempotency_key_reused");
    // A refused request is replayed like any other answer.
    let bad = app
        .send(
            reqwest::Method::POST,
            "/v1/persons",
            Some(&app.key),
            Some(b"{}".to_vec()),
            Some("application/json"),
            &[("idempotency-key", "k-2")],
        )
        .await;
    bad.assert_error(400, "invalid_model");
    let again = app
        .send(
            reqwest::Method::POST,
            "/v1/persons",
            Some(&app.key),
            Some(b"{}".to_vec()),
            Some("application/json"),
            &[("idempotency-key", "k-2")],
        )
        .await;
    again.assert_error(400, "invalid_model");
}

#[tokio::test]
async fn every_response_carries_its_request_id_and_errors_repeat_it() {
    let app = spawn_app().await;
    let r = app
        .send(
            reqwest::Method::GET,
            "/v1/persons/nope",
            Some(&app.key),
            None,
            None,
            &[("x-request-id", "trace-abc-123")],
        )
        .await;
    r.assert_error(404, "not_found");
    assert_eq!(r.headers.get("x-request-id").unwrap(), "trace-abc-123");
    assert_eq!(r.body["errors"][0]["id"], "trace-abc-123");
}
