//! Bad input gets a clear 4xx with a stable code, never a 5xx.

use crate::helpers::spawn_app;
use reqwest::Method;

#[tokio::test]
async fn requests_without_a_valid_key_are_401() {
    let app = spawn_app().await;
    let none = app
        .send(Method::GET, "/v1/persons", None, None, None, &[])
        .await;
    none.assert_error(401, "unauthorized");
    for key in [
        "sk_test_nope",
        "sk_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "Basic abc",
        "",
    ] {
        let r = app
            .send(Method::GET, "/v1/persons", Some(key), None, None, &[])
            .await;
        r.assert_error(401, "unauthorized");
    }
    // A key of the right shape whose secret part differs after the lookup prefix.
    let mut forged = app.key.clone();
    let last = forged.pop().unwrap();
    forged.push(if last == 'A' { 'B' } else { 'A' });
    app.send(Method::GET, "/v1/persons", Some(&forged), None, None, &[])
        .await
        .assert_error(401, "unauthorized");
}

#[tokio::test]
async fn malformed_bodies_are_4xx_with_stable_codes() {
    let app = spawn_app().await;
    let post = |body: &'static [u8], ct: Option<&'static str>| {
        let app = &app;
        async move {
            app.send(
                Method::POST,
                "/v1/persons",
                Some(&app.key),
                Some(body.to_vec()),
                ct,
                &[],
            )
            .await
        }
    };
    post(b"{\"first_name\": \"Jane\",", Some("application/json"))
        .await
        .assert_error(400, "invalid_json");
    post(b"not json at all", Some("application/json"))
        .await
        .assert_error(400, "invalid_json");
    post(b"[1,2,3]", Some("application/json"))
        .await
        .assert_error(400, "invalid_model");
    post(b"\"string\"", Some("application/json"))
        .await
        .assert_error(400, "invalid_model");
    post(
        b"{\"first_name\": 42, \"last_name\": \"Doe\"}",
        Some("application/json"),
    )
    .await
    .assert_error(400, "invalid_model");
    post(
        b"{\"first_name\": \"Jane\", \"last_name\": \"Doe\"}",
        Some("text/plain"),
    )
    .await
    .assert_error(415, "unsupported_media_type");
    post(b"{\"first_name\": \"Jane\", \"last_name\": \"Doe\"}", None)
        .await
        .assert_error(415, "unsupported_media_type");
    post(b"\xff\xfe\x00", Some("application/json"))
        .await
        .assert_error(400, "invalid_json");
    let huge = format!(
        "{{\"first_name\": \"{}\", \"last_name\": \"Doe\"}}",
        "a".repeat(40 * 1024 * 1024)
    );
    let r = app
        .send(
            Method::POST,
            "/v1/persons",
            Some(&app.key),
            Some(huge.into_bytes()),
            Some("application/json"),
            &[],
        )
        .await;
    r.assert_error(413, "payload_too_large");
    assert_eq!(
        app.get("/v1/persons").await.body.as_array().unwrap().len(),
        0,
        "nothing was stored"
    );
}

#[tokio::test]
async fn bad_ids_unknown_routes_and_wrong_methods_are_clear() {
    let app = spawn_app().await;
    for path in [
        "/v1/persons/123",
        "/v1/persons/7cf09c3c5547b974a664201f24b454eecper",
        "/v1/persons/7cf09c3c5547b974a664201f24b454eecidt",
        "/v1/persons/%00%ff/identifications",
        "/v1/persons/7cf09c3c5547b974a664201f24b454eecper/identifications/x/attempts",
        "/v1/nothing-here",
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status.as_u16(), 404, "{path}: {}", r.body);
        assert_eq!(r.code(), "not_found", "{path}");
    }
    let r = app
        .send(
            Method::DELETE,
            "/v1/persons",
            Some(&app.key),
            None,
            None,
            &[],
        )
        .await;
    r.assert_error(405, "method_not_allowed");
    let r = app
        .send(
            Method::PUT,
            "/v1/sandbox/clock",
            Some(&app.key),
            None,
            None,
            &[],
        )
        .await;
    r.assert_error(405, "method_not_allowed");
}

#[tokio::test]
async fn a_storm_of_garbage_never_gets_a_5xx() {
    let app = spawn_app().await;
    let p = app
        .person(serde_json::json!({"first_name": "Jane", "last_name": "Doe"}))
        .await;
    let pid = p["id"].as_str().unwrap().to_owned();
    let bodies: [&[u8]; 8] = [
        b"",
        b"{}",
        b"null",
        b"{\"method\":null}",
        b"{\"seconds\":1e309}",
        b"{\"a\":{\"b\":[[[[[]]]]]}}",
        b"{\"email\":\"\\ud800\"}",
        b"{\"address\":[]}",
    ];
    let paths = [
        (Method::POST, "/v1/persons".to_owned()),
        (Method::PATCH, format!("/v1/persons/{pid}")),
        (Method::POST, format!("/v1/persons/{pid}/identifications")),
        (Method::POST, "/v1/sandbox/clock/advance".to_owned()),
        (
            Method::POST,
            "/v1/sandbox/identifications/abc/complete".to_owned(),
        ),
    ];
    for (method, path) in &paths {
        for body in bodies {
            let r = app
                .send(
                    method.clone(),
                    path,
                    Some(&app.key),
                    Some(body.to_vec()),
                    Some("application/json"),
                    &[],
                )
                .await;
            assert!(
                r.status.is_client_error() || r.status.is_success(),
                "{method} {path} {:?}: {} {}",
                String::from_utf8_lossy(body),
                r.status,
                r.body
            );
        }
    }
}
