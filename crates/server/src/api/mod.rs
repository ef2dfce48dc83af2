//! The `/v1` API: routes, documented as they are registered.

pub mod codes;
pub mod documents;
pub mod identifications;
pub mod ops;
pub mod persons;
pub mod retention;
pub mod sandbox;
pub mod screening;
pub mod templates;
pub mod webhooks;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use signet_app::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// 200 with `v` (a view of `signet_app::views`, or JSON built by hand) as the body.
pub fn json_ok(v: impl serde::Serialize) -> Response {
    (StatusCode::OK, axum::Json(v)).into_response()
}

/// 201 with `v` as the body.
pub fn created(v: impl serde::Serialize) -> Response {
    (StatusCode::CREATED, axum::Json(v)).into_response()
}

/// 202 with `v` as the body.
pub fn accepted(v: impl serde::Serialize) -> Response {
    (StatusCode::ACCEPTED, axum::Json(v)).into_response()
}

/// Routes that need an API key.
pub fn v1_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(persons::create, persons::list))
        .routes(routes!(persons::get, persons::update))
        .routes(routes!(persons::documents))
        .routes(routes!(persons::document_file))
        .routes(routes!(persons::compliance_flag))
        .routes(routes!(persons::export))
        .routes(routes!(retention::end_relationship))
        .routes(routes!(retention::erasure))
        .routes(routes!(
            retention::retention_setting,
            retention::set_retention_setting
        ))
        .routes(routes!(identifications::create, identifications::list))
        .routes(routes!(identifications::get))
        .routes(routes!(identifications::request))
        .routes(routes!(identifications::supported_documents))
        .routes(routes!(identifications::attempts))
        .routes(routes!(sandbox::clock))
        .routes(routes!(sandbox::advance))
        .routes(routes!(sandbox::start))
        .routes(routes!(sandbox::complete))
        .routes(routes!(sandbox::abort))
        .routes(routes!(webhooks::create, webhooks::list))
        .routes(routes!(webhooks::get, webhooks::update, webhooks::delete))
        .routes(routes!(webhooks::rotate))
        .routes(routes!(webhooks::deliveries))
        .routes(routes!(webhooks::resend))
        .routes(routes!(webhooks::recover))
        .routes(routes!(screening::lists))
        .routes(routes!(screening::search))
        .routes(routes!(screening::screen, screening::screenings))
        .routes(routes!(screening::hits))
        .routes(routes!(screening::decide))
        .routes(routes!(documents::create, documents::list))
        .routes(routes!(documents::get, documents::delete))
        .routes(routes!(documents::delete_many))
        .routes(routes!(
            documents::reminder_settings,
            documents::set_reminder_settings
        ))
        .routes(routes!(
            documents::signature_picture_setting,
            documents::set_signature_picture_setting
        ))
        .routes(routes!(documents::cancel))
        .routes(routes!(documents::file))
        .routes(routes!(documents::audit))
        .routes(routes!(documents::audit_pdf))
        .routes(routes!(documents::signer))
        .routes(routes!(documents::approve))
        .routes(routes!(documents::confirm))
        .routes(routes!(documents::reject))
        .routes(routes!(documents::resend))
        .routes(routes!(documents::remind))
        .routes(routes!(documents::unblock))
        .routes(routes!(documents::selfie))
        .routes(routes!(documents::review_selfie))
        .routes(routes!(documents::verify))
        .routes(routes!(templates::create, templates::list))
        .routes(routes!(
            templates::get,
            templates::update,
            templates::delete
        ))
        .routes(routes!(
            templates::review_setting,
            templates::set_review_setting
        ))
}

/// Routes open without a key.
pub fn public_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(codes::list))
        .routes(routes!(ops::healthz))
        .routes(routes!(ops::readyz))
        .routes(routes!(ops::metrics))
        .routes(routes!(documents::ca_pem))
        .routes(routes!(documents::test_ca_pem))
        .routes(routes!(documents::anchors_pem))
        .routes(routes!(documents::test_anchors_pem))
}
