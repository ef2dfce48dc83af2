//! The signer's hosted page over plain HTTP (the browser tests drive it in Chromium).

use crate::api::documents::send;
use crate::helpers::{TestApp, spawn_app};
use reqwest::Method;
use serde_json::json;

fn url_path(doc: &serde_json::Value, i: usize) -> String {
    let url = doc["signers"][i]["url"].as_str().unwrap();
    url[url.find("/sign/").unwrap()..].to_owned()
}

async fn page(app: &TestApp, path: &str, lang: &str) -> (u16, reqwest::header::HeaderMap, String) {
    let r = app
        .client
        .get(app.url(path))
        .header("accept-language", lang)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let headers = r.headers().clone();
    (status, headers, r.text().await.unwrap())
}

async fn post_form(app: &TestApp, path: &str, form: &[(&str, &str)]) -> (u16, String) {
    let r = app
        .client
        .post(app.url(path))
        .header("user-agent", "Mozilla/5.0 (test)")
        .form(form)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.text().await.unwrap())
}

#[tokio::test]
async fn a_signer_signs_from_the_link_alone() {
    let app = spawn_app().await;
    let doc = send(&app, json!({})).await;
    let path = url_path(&doc, 0);
    let (status, headers, body) = page(&app, &path, "en").await;
    assert_eq!(status, 200);
    assert_eq!(
        headers["referrer-policy"], "no-referrer",
        "the token stays in the page"
    );
    assert!(
        headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'")
    );
    assert!(body.contains(r#"data-status="user_consent_required""#));
    assert!(body.contains("<h1>Service agreement</h1>"));
    assert!(body.contains(r#"alt="Page 1 of 1""#));
    assert!(body.contains(">Approve<"));

    // The page image is a PNG.
    let img = app
        .send(
            Method::GET,
            &format!("{path}/pages/1"),
            None,
            None,
            None,
            &[],
        )
        .await;
    assert_eq!(img.status, 200);
    assert!(img.bytes.starts_with(b"\x89PNG"));

    // Consent is required.
    let (status, body) = post_form(&app, &format!("{path}/approve"), &[]).await;
    assert_eq!(status, 422);
    assert!(body.contains(r#"id="error""#));
    let (status, _) = post_form(&app, &format!("{path}/approve"), &[("consent", "on")]).await;
    assert_eq!(status, 303, "back to the page");
    let (_, _, body) = page(&app, &path, "en").await;
    assert!(body.contains(r#"data-status="confirmation_required""#));
    assert!(body.contains(r#"autocomplete="one-time-code""#));
    assert!(body.contains(r#"id="sandbox-hint""#));

    let (status, body) = post_form(&app, &format!("{path}/confirm"), &[("otp", "000000")]).await;
    assert_eq!(status, 422);
    assert!(body.contains("4 more tries"), "{body}");
    let (status, _) = post_form(&app, &format!("{path}/confirm"), &[("otp", "123456")]).await;
    assert_eq!(status, 303);
    let (_, _, body) = page(&app, &path, "en").await;
    assert!(body.contains(r#"data-status="signed""#));
    assert!(body.contains(r#"id="download""#));

    // The audit trail names the signer on the page, with the browser.
    let d = doc["id"].as_str().unwrap();
    let audit = app.get(&format!("/v1/documents/{d}/audit")).await;
    let entries = audit.assert(200)["entries"].as_array().unwrap().clone();
    let approved = entries
        .iter()
        .find(|e| e["action"] == "signer.approved")
        .unwrap();
    assert!(
        approved["actor"]
            .as_str()
            .unwrap()
            .ends_with("via hosted page")
    );
    assert_eq!(approved["user_agent"], "Mozilla/5.0 (test)");
    assert!(entries.iter().any(|e| e["action"] == "signer.viewed"));
}

#[tokio::test]
async fn german_browsers_get_german_words() {
    let app = spawn_app().await;
    let doc = send(&app, json!({})).await;
    let (_, _, body) = page(&app, &url_path(&doc, 0), "de-DE,de;q=0.9,en;q=0.5").await;
    assert!(body.contains(r#"<html lang="de">"#));
    assert!(body.contains(">Zustimmen<"));
}

#[tokio::test]
async fn a_rejection_from_the_page_closes_the_document() {
    let app = spawn_app().await;
    let doc = send(&app, json!({})).await;
    let path = url_path(&doc, 1);
    let (status, _) = post_form(&app, &format!("{path}/reject"), &[("message", "  ")]).await;
    assert_eq!(status, 422);
    let (status, _) = post_form(
        &app,
        &format!("{path}/reject"),
        &[("message", "Wrong address")],
    )
    .await;
    assert_eq!(status, 303);
    let d = app
        .get(&format!("/v1/documents/{}", doc["id"].as_str().unwrap()))
        .await;
    assert_eq!(d.assert(200)["status"], "rejected");
    assert_eq!(d.body["message"], "Wrong address");
    let (_, _, other) = page(&app, &url_path(&doc, 0), "en").await;
    assert!(other.contains(r#"data-status="document_rejected""#));
    assert!(!other.contains("approve-form"));
}

#[tokio::test]
async fn an_unknown_or_malformed_token_is_a_404_page() {
    let app = spawn_app().await;
    for path in [
        "/sign/0123456789abcdef0123456789abcdef",
        "/sign/not-a-token",
        "/sign/0123456789abcdef0123456789abcdef/pages/1",
    ] {
        let (status, headers, body) = page(&app, path, "en").await;
        assert_eq!(status, 404, "{path}");
        assert!(
            headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        assert!(body.contains(r#"data-status="not_found""#));
    }
    let doc = send(&app, json!({})).await;
    let path = url_path(&doc, 0);
    for page_no in ["0", "2", "x"] {
        let (status, _, _) = page(&app, &format!("{path}/pages/{page_no}"), "en").await;
        assert_eq!(status, 404, "page {page_no}");
    }
}

/// The `ip` of the audit entry `action` after the signer approved from the page, the
/// request carrying `X-Forwarded-For: 203.0.113.7`.
async fn approved_from(app: &TestApp) -> String {
    let doc = send(app, json!({})).await;
    let path = url_path(&doc, 0);
    let r = app
        .client
        .post(app.url(&format!("{path}/approve")))
        .header("x-forwarded-for", "198.51.100.66, 203.0.113.7")
        .form(&[("consent", "on")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303);
    let d = doc["id"].as_str().unwrap();
    let audit = app.get(&format!("/v1/documents/{d}/audit")).await;
    audit.assert(200)["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "signer.approved")
        .unwrap()["ip"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn the_client_address_comes_from_a_trusted_proxy_only() {
    // Nobody trusted: the header is anyone's to write, the TCP peer is recorded.
    let app = spawn_app().await;
    assert_eq!(approved_from(&app).await, "127.0.0.1");
    // Behind a trusted proxy: the nearest hop it names (the left part could be forged).
    let app = crate::helpers::spawn_app_with(|c| {
        c.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await;
    assert_eq!(approved_from(&app).await, "203.0.113.7");
}

#[tokio::test]
async fn text_from_the_integrator_is_escaped_on_the_page() {
    let app = spawn_app().await;
    let name = r#"<script>alert("x")</script> & 'co'"#;
    let doc = send(&app, json!({ "name": name })).await;
    let (status, _, body) = page(&app, &url_path(&doc, 0), "en").await;
    assert_eq!(status, 200);
    assert!(!body.contains("<script>"), "{body}");
    let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;";
    assert!(body.contains(&format!("<h1>{escaped}</h1>")), "{body}");
    assert!(
        body.contains(&format!("<title>{escaped}</title>")),
        "{body}"
    );
}
