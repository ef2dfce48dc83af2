//! Abuse limits over HTTP: one-time codes capped per signer and identification over their
//! whole life, per destination number per day and per tenant per hour (429, with
//! `Retry-After` where waiting helps), SMS only to allowed countries, and a cap on a
//! tenant's webhook endpoints.

use crate::helpers::{
    Reply, TestApp, b64, document_identification, sample_pdf, signer_path, spawn_app_with,
};
use reqwest::Method;
use serde_json::{Value, json};

const NUMBER: &str = "+4915112345678";

async fn send(app: &TestApp, signers: Value) -> Value {
    app.post(
        "/v1/documents",
        json!({"name": "Contract", "file": b64(&sample_pdf("Contract")), "signers": signers}),
    )
    .await
    .assert(201)
    .clone()
}

async fn approve(app: &TestApp, doc: &Value, i: usize) -> Reply {
    app.post(&signer_path(doc, i, "approve"), json!({})).await
}

fn retry_after(r: &Reply) -> Option<u64> {
    r.headers
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
}

async fn approvals_audited(app: &TestApp, doc: &Value) -> usize {
    let audit = app
        .get(&format!(
            "/v1/documents/{}/audit",
            doc["id"].as_str().unwrap()
        ))
        .await
        .assert(200)
        .clone();
    audit["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "signer.approved")
        .count()
}

#[tokio::test]
async fn a_signers_codes_are_capped_over_its_life_and_a_numbers_per_day() {
    let app = spawn_app_with(|c| {
        c.otp_max_per_signer = 3;
        c.otp_max_per_number_per_day = 5;
    })
    .await;
    let doc = send(&app, json!([{"name": "Ana", "phone": NUMBER}])).await;
    for _ in 0..3 {
        let r = approve(&app, &doc, 0).await;
        let body = r.assert(200);
        assert_eq!(body["otp"]["to"][0]["channel"], "sms", "{body}");
        assert_eq!(body["otp"]["to"][0]["to"], "+49•••••••5678", "{body}");
    }
    let r = approve(&app, &doc, 0).await;
    r.assert_error(429, "code_limit_reached");
    assert_eq!(
        retry_after(&r),
        None,
        "waiting does not help: {:?}",
        r.headers
    );
    // A fresh window does not give the signer more codes.
    app.post(&signer_path(&doc, 0, "resend"), json!({}))
        .await
        .assert(200);
    approve(&app, &doc, 0)
        .await
        .assert_error(429, "code_limit_reached");
    assert_eq!(
        approvals_audited(&app, &doc).await,
        3,
        "refusals change nothing"
    );

    // The same number on other signers: two more codes today, then wait for tomorrow.
    let doc2 = send(
        &app,
        json!([{"name": "Ana", "phone": NUMBER}, {"name": "Ana again", "phone": NUMBER}]),
    )
    .await;
    approve(&app, &doc2, 0).await.assert(200);
    approve(&app, &doc2, 1).await.assert(200);
    let r = approve(&app, &doc2, 0).await;
    r.assert_error(429, "rate_limited");
    let wait = retry_after(&r).expect("Retry-After");
    assert!((1..=86_400).contains(&wait), "{wait}");
    // Another number is not affected.
    let doc3 = send(&app, json!([{"name": "Bo", "phone": "+4915199999999"}])).await;
    approve(&app, &doc3, 0).await.assert(200);
    // The test clock moves the number's day (test mode counts on the tenant's clock).
    app.advance(i64::try_from(wait).unwrap()).await;
    let doc4 = send(&app, json!([{"name": "Ana", "phone": NUMBER}])).await;
    approve(&app, &doc4, 0).await.assert(200);
}

#[tokio::test]
async fn a_tenants_codes_per_hour_are_capped_with_retry_after_on_the_api_and_the_page() {
    let app = spawn_app_with(|c| c.otp_max_per_tenant_per_hour = 2).await;
    let doc = send(
        &app,
        json!([
            {"name": "A", "email": "a@example.com"},
            {"name": "B", "email": "b@example.com"},
            {"name": "C", "email": "c@example.com"},
        ]),
    )
    .await;
    approve(&app, &doc, 0).await.assert(200);
    approve(&app, &doc, 1).await.assert(200);
    let r = approve(&app, &doc, 2).await;
    r.assert_error(429, "rate_limited");
    let wait = retry_after(&r).expect("Retry-After");
    assert!((1..=3600).contains(&wait), "{wait}");

    // The signer's page says so in words, with the same status and header.
    let url = doc["signers"][2]["url"].as_str().unwrap();
    let page_path = &url[url.find("/sign/").unwrap()..];
    let page = app
        .client
        .post(app.url(&format!("{page_path}/approve")))
        .header("accept-language", "en")
        .form(&[("consent", "on")])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 429);
    assert!(page.headers().get("retry-after").is_some());
    let text = page.text().await.unwrap();
    assert!(text.contains("Too many codes were sent just now"), "{text}");

    // Another tenant has its own hour.
    let other = app.other_tenant("other").await;
    let body = json!({"name": "X", "file": b64(&sample_pdf("X")),
        "signers": [{"name": "D", "email": "d@example.com"}]});
    let r = app
        .send(
            Method::POST,
            "/v1/documents",
            Some(&other),
            Some(body.to_string().into_bytes()),
            Some("application/json"),
            &[],
        )
        .await;
    let other_doc = r.assert(201).clone();
    app.send(
        Method::POST,
        &signer_path(&other_doc, 0, "approve"),
        Some(&other),
        Some(b"{}".to_vec()),
        Some("application/json"),
        &[],
    )
    .await
    .assert(200);

    // The next hour on the tenant's clock.
    app.advance(i64::try_from(wait).unwrap()).await;
    approve(&app, &doc, 2).await.assert(200);
}

#[tokio::test]
async fn starting_an_identification_again_does_not_reset_its_codes() {
    use signet_app::identifications as identify;
    let app = spawn_app_with(|c| c.otp_max_per_identification = 7).await;
    let (_, _, link) = document_identification(&app, "Anna Maria", "Eriksson").await;
    let token = link.trim_start_matches("/identify/");
    let st = &app.state;
    identify::consent(st, token).await.unwrap();
    for _ in 0..5 {
        identify::send_phone_code(st, token, NUMBER).await.unwrap();
    }
    // The attempt's own cap.
    let e = identify::send_phone_code(st, token, NUMBER)
        .await
        .unwrap_err();
    assert_eq!(
        (e.status.as_u16(), e.code.as_str()),
        (429, "too_many_codes")
    );
    // "Not now", then a new attempt: two more codes, then the identification's cap.
    identify::abort(st, token).await.unwrap();
    identify::consent(st, token).await.unwrap();
    for _ in 0..2 {
        identify::send_phone_code(st, token, NUMBER).await.unwrap();
    }
    let e = identify::send_phone_code(st, token, "+4915199999999")
        .await
        .unwrap_err();
    assert_eq!(
        (e.status.as_u16(), e.code.as_str()),
        (429, "code_limit_reached")
    );
    // The page tells the applicant in their language.
    let page = app
        .client
        .post(app.url(&format!("{link}/phone")))
        .header("accept-language", "de")
        .form(&[("mobile_number", NUMBER)])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 429);
    let text = page.text().await.unwrap();
    assert!(text.contains("so viele Codes gesendet"), "{text}");
    assert_eq!(
        app.state
            .store
            .counter_value(
                &format!(
                    "otp:identification:{}",
                    link_identification(&app, token).await
                ),
                0
            )
            .await
            .unwrap(),
        7,
        "refused codes are not counted"
    );
}

async fn link_identification(app: &TestApp, token: &str) -> String {
    let opened = signet_server::identify::open(&app.state, token)
        .await
        .unwrap();
    opened.identification.id.as_str().to_owned()
}

#[tokio::test]
async fn sms_goes_only_to_allowed_countries() {
    use signet_app::identifications as identify;
    let app = spawn_app_with(|c| c.sms_allowed_countries = vec!["DE".into()]).await;
    let austrian = "+436641234567";
    // The applicant's number.
    let (_, _, link) = document_identification(&app, "Anna Maria", "Eriksson").await;
    let token = link.trim_start_matches("/identify/");
    identify::consent(&app.state, token).await.unwrap();
    let e = identify::send_phone_code(&app.state, token, austrian)
        .await
        .unwrap_err();
    assert_eq!(
        (e.status.as_u16(), e.code.as_str()),
        (422, "sms_country_not_allowed")
    );
    identify::send_phone_code(&app.state, token, NUMBER)
        .await
        .unwrap();
    // A signer reachable only by SMS to that country is refused before anything changes;
    // one with an email address gets the code there alone.
    let doc = send(
        &app,
        json!([
            {"name": "Only phone", "phone": austrian},
            {"name": "Both", "phone": austrian, "email": "both@example.com"},
        ]),
    )
    .await;
    approve(&app, &doc, 0)
        .await
        .assert_error(422, "sms_country_not_allowed");
    let r = approve(&app, &doc, 1).await;
    let to = r.assert(200)["otp"]["to"].clone();
    assert_eq!(to, json!([{"channel": "email", "to": "b••@example.com"}]));
}

#[tokio::test]
async fn a_tenants_webhook_endpoints_are_capped() {
    let app = spawn_app_with(|c| c.webhook_max_endpoints_per_tenant = 2).await;
    let create = |n: usize| {
        let app = &app;
        async move {
            app.post(
                "/v1/webhooks",
                json!({"url": format!("http://127.0.0.1:9/hook{n}"), "event_types": ["*"]}),
            )
            .await
        }
    };
    let first = create(0).await.assert(201).clone();
    create(1).await.assert(201);
    create(2).await.assert_error(422, "webhook_endpoint_limit");
    // Deleting one makes room again.
    let id = first["id"].as_str().unwrap();
    app.send(
        Method::DELETE,
        &format!("/v1/webhooks/{id}"),
        Some(&app.key),
        None,
        None,
        &[],
    )
    .await;
    create(3).await.assert(201);
    // Creations at once never take the tenant over its cap.
    let id = create(4).await;
    assert_eq!(id.status.as_u16(), 422);
    let mut set = tokio::task::JoinSet::new();
    let listed = app
        .get("/v1/webhooks?page[size]=100")
        .await
        .assert(200)
        .clone();
    for e in listed.as_array().unwrap() {
        let request = app
            .client
            .delete(app.url(&format!("/v1/webhooks/{}", e["id"].as_str().unwrap())))
            .bearer_auth(&app.key);
        request.send().await.unwrap();
    }
    for n in 0..8 {
        let request = app
            .client
            .post(app.url("/v1/webhooks"))
            .bearer_auth(&app.key)
            .json(&json!({"url": format!("http://127.0.0.1:9/p{n}"), "event_types": ["*"]}));
        set.spawn(async move { request.send().await.unwrap().status().as_u16() });
    }
    let statuses = set.join_all().await;
    let created = statuses.iter().filter(|s| **s == 201).count();
    assert!(
        statuses.iter().all(|s| *s == 201 || *s == 422),
        "{statuses:?}"
    );
    let listed = app
        .get("/v1/webhooks?page[size]=100")
        .await
        .assert(200)
        .clone();
    let n = listed.as_array().unwrap().len();
    assert_eq!(n, created, "{statuses:?}");
    assert!((1..=2).contains(&n), "{statuses:?}");
}
