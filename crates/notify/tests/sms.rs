//! SMS through a local stand-in of Twilio's Messages API, speaking the documented request
//! and response shapes: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` with basic
//! authentication and a form body; `201` with the message resource, or an error object
//! `{code, message, more_info, status}`.

// Test code: a failed unwrap is a failed test with its message.
#![allow(clippy::unwrap_used)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use signet_notify::{Language, NotifyError, OtpMessage, SmsConfig, SmsGateway};

const ACCOUNT_SID: &str = "AC0123456789abcdef0123456789abcdef";
const AUTH_TOKEN: &str = "s3cr3t-auth-token";
/// Twilio's magic test number for "invalid To number".
const INVALID_NUMBER: &str = "+15005550001";
/// A number for which the stand-in plays an outage.
const OUTAGE_NUMBER: &str = "+15005550099";

/// What the stand-in saw: one form per accepted request.
#[derive(Clone, Default)]
struct Seen(Arc<Mutex<Vec<HashMap<String, String>>>>);

fn twilio_error(status: StatusCode, code: u32, message: &str) -> Response {
    let body = serde_json::json!({
        "code": code,
        "message": message,
        "more_info": format!("https://www.twilio.com/docs/errors/{code}"),
        "status": status.as_u16(),
    });
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

async fn messages_api(
    State(seen): State<Seen>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let expected_path = format!("/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json");
    if method != Method::POST || uri.path() != expected_path {
        return twilio_error(
            StatusCode::NOT_FOUND,
            20404,
            "The requested resource was not found",
        );
    }
    let basic = {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD.encode(format!("{ACCOUNT_SID}:{AUTH_TOKEN}"))
    };
    let authorized = headers
        .get(header::AUTHORIZATION)
        .is_some_and(|v| v.as_bytes() == format!("Basic {basic}").as_bytes());
    if !authorized {
        return twilio_error(StatusCode::UNAUTHORIZED, 20003, "Authenticate");
    }
    assert_eq!(
        headers.get(header::CONTENT_TYPE).unwrap(),
        "application/x-www-form-urlencoded"
    );
    let form: HashMap<String, String> = url::form_urlencoded::parse(&body).into_owned().collect();
    seen.0.lock().unwrap().push(form.clone());

    let to = form.get("To").cloned().unwrap_or_default();
    let Some(text) = form.get("Body") else {
        return twilio_error(StatusCode::BAD_REQUEST, 21602, "Message body is required.");
    };
    if !form.contains_key("From") && !form.contains_key("MessagingServiceSid") {
        return twilio_error(
            StatusCode::BAD_REQUEST,
            21603,
            "The 'From' number is required.",
        );
    }
    if to == INVALID_NUMBER {
        return twilio_error(
            StatusCode::BAD_REQUEST,
            21211,
            &format!("The 'To' number {to} is not a valid phone number."),
        );
    }
    if to == OUTAGE_NUMBER {
        return twilio_error(
            StatusCode::SERVICE_UNAVAILABLE,
            20503,
            "Service unavailable",
        );
    }
    let resource = serde_json::json!({
        "account_sid": ACCOUNT_SID,
        "api_version": "2010-04-01",
        "body": text,
        "direction": "outbound-api",
        "from": form.get("From"),
        "messaging_service_sid": form.get("MessagingServiceSid"),
        "num_segments": "1",
        "sid": "SM1f0e8ae6ade43cb3c0ce4525424e404f",
        "status": "queued",
        "to": to,
        "uri": format!("/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/SM1f0e8ae6ade43cb3c0ce4525424e404f.json"),
    });
    (
        StatusCode::CREATED,
        [(header::CONTENT_TYPE, "application/json")],
        resource.to_string(),
    )
        .into_response()
}

/// Starts the stand-in on a free loopback port; it lives as long as the test's runtime.
async fn stand_in() -> (String, Seen) {
    let seen = Seen::default();
    let app = Router::new()
        .fallback(messages_api)
        .with_state(seen.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base_url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (base_url, seen)
}

fn config(base_url: &str, from: &str) -> SmsConfig {
    SmsConfig {
        provider: "twilio".into(),
        base_url: base_url.into(),
        account_sid: ACCOUNT_SID.into(),
        auth_token: AUTH_TOKEN.into(),
        from: from.into(),
    }
}

fn otp(language: Language) -> OtpMessage {
    OtpMessage {
        code: "482913".into(),
        signer_name: "Ada Lovelace".into(),
        document_name: "Lease 2026".into(),
        issuer: "ACME Ltd".into(),
        valid_minutes: 10,
        language,
    }
}

#[tokio::test]
async fn sends_from_a_number_and_returns_the_message_sid() {
    let (base_url, seen) = stand_in().await;
    let gateway = SmsGateway::new(&config(&base_url, "+15005550006")).unwrap();
    let sid = gateway
        .send_otp("+491701234567", &otp(Language::En))
        .await
        .unwrap();
    assert_eq!(sid, "SM1f0e8ae6ade43cb3c0ce4525424e404f");

    let seen = seen.0.lock().unwrap();
    assert_eq!(seen.len(), 1);
    let form = &seen[0];
    assert_eq!(form["To"], "+491701234567");
    assert_eq!(form["From"], "+15005550006");
    assert!(!form.contains_key("MessagingServiceSid"));
    assert_eq!(
        form["Body"],
        "482913 is your Signet code to sign “Lease 2026”. Valid 10 minutes."
    );
}

#[tokio::test]
async fn a_number_verification_says_who_asks_in_the_applicants_language() {
    let (base_url, seen) = stand_in().await;
    let gateway = SmsGateway::new(&config(&base_url, "+15005550006")).unwrap();
    for language in [Language::En, Language::De] {
        let msg = signet_notify::VerificationMessage {
            code: "482913".into(),
            issuer: "ACME Ltd".into(),
            valid_minutes: 10,
            language,
        };
        gateway
            .send_verification("+491701234567", &msg)
            .await
            .unwrap();
    }
    let seen = seen.0.lock().unwrap();
    assert_eq!(
        seen[0]["Body"],
        "482913 is your Signet code to confirm your number for ACME Ltd. Valid 10 minutes."
    );
    assert_eq!(
        seen[1]["Body"],
        "482913 ist Ihr Signet-Code, um Ihre Nummer für ACME Ltd zu bestätigen. 10 Minuten gültig."
    );
}

#[tokio::test]
async fn messaging_service_sid_for_mg_senders() {
    let (base_url, seen) = stand_in().await;
    let gateway =
        SmsGateway::new(&config(&base_url, "MG9752274e9e519418a7406176694466fa")).unwrap();
    gateway
        .send_otp("+491701234567", &otp(Language::De))
        .await
        .unwrap();

    let seen = seen.0.lock().unwrap();
    let form = &seen[0];
    assert_eq!(
        form["MessagingServiceSid"],
        "MG9752274e9e519418a7406176694466fa"
    );
    assert!(!form.contains_key("From"));
    assert_eq!(
        form["Body"],
        "482913 ist Ihr Signet-Code zum Unterschreiben von „Lease 2026“. 10 Minuten gültig."
    );
}

#[tokio::test]
async fn number_twilio_calls_invalid_is_an_invalid_recipient() {
    let (base_url, _) = stand_in().await;
    let gateway = SmsGateway::new(&config(&base_url, "+15005550006")).unwrap();
    let err = gateway
        .send_otp(INVALID_NUMBER, &otp(Language::En))
        .await
        .unwrap_err();
    match &err {
        NotifyError::InvalidRecipient(detail) => {
            assert!(detail.contains("21211"), "{detail}");
            assert!(detail.contains("is not a valid phone number"), "{detail}");
        }
        other => panic!("expected InvalidRecipient, got {other:?}"),
    }
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn provider_outage_is_unavailable() {
    let (base_url, _) = stand_in().await;
    let gateway = SmsGateway::new(&config(&base_url, "+15005550006")).unwrap();
    let err = gateway
        .send_otp(OUTAGE_NUMBER, &otp(Language::En))
        .await
        .unwrap_err();
    assert!(matches!(err, NotifyError::Unavailable(_)), "{err:?}");
    assert!(err.is_retryable());
}

#[tokio::test]
async fn wrong_credentials_are_rejected() {
    let (base_url, seen) = stand_in().await;
    let mut cfg = config(&base_url, "+15005550006");
    cfg.auth_token = "wrong".into();
    let err = SmsGateway::new(&cfg)
        .unwrap()
        .send_otp("+491701234567", &otp(Language::En))
        .await
        .unwrap_err();
    match &err {
        NotifyError::Rejected {
            status: 401,
            detail,
        } => assert!(detail.contains("20003")),
        other => panic!("expected Rejected 401, got {other:?}"),
    }
    assert!(!err.is_retryable());
    assert!(seen.0.lock().unwrap().is_empty());
}

#[tokio::test]
async fn malformed_number_is_refused_before_sending() {
    let (base_url, seen) = stand_in().await;
    let gateway = SmsGateway::new(&config(&base_url, "+15005550006")).unwrap();
    for bad in ["01701234567", "+49 170 1234567", "+123", "ada@example.org"] {
        let err = gateway.send_otp(bad, &otp(Language::En)).await.unwrap_err();
        assert!(
            matches!(err, NotifyError::InvalidRecipient(_)),
            "{bad}: {err:?}"
        );
    }
    assert!(seen.0.lock().unwrap().is_empty());
}

#[tokio::test]
async fn refused_connection_is_unavailable() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let gateway =
        SmsGateway::new(&config(&format!("http://127.0.0.1:{port}"), "+15005550006")).unwrap();
    let err = gateway
        .send_otp("+491701234567", &otp(Language::En))
        .await
        .unwrap_err();
    assert!(matches!(err, NotifyError::Unavailable(_)), "{err:?}");
}
