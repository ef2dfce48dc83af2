//! The sandbox (test mode): the test clock, and endpoints that play the
//! applicant's part of a video identification for scripts (a person does it on the hosted
//! page, `/identify/{token}`, through the same transitions).

use crate::api::json_ok;
use crate::auth::Caller;
use crate::extract::{IdPath, Json, parse_id};
use crate::openapi::error_responses;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use signet_app::error::{AppError, AppResult};
use signet_app::identifications::{self, KeyAt};
use signet_app::state::AppState;
use signet_app::views::{ClockView, IdentificationView};
use signet_core::catalog::ErrorCode;
use signet_core::identification::SANDBOX_IDENT_CODE;
use signet_core::ids::IdentificationId;
use signet_core::tenant::TenantClock;
use signet_store::Mode;

fn test_mode_only(caller: &Caller) -> AppResult<()> {
    if caller.mode != Mode::Test {
        return Err(AppError::new(
            ErrorCode::SandboxOnly,
            "the sandbox is available with test-mode keys (sk_test_…) only",
        ));
    }
    Ok(())
}

error_responses!(
    /// A live-mode key (the sandbox is test mode's alone).
    ClockErrors = [SandboxOnly]
);

/// The tenant's test clock.
#[utoipa::path(get, path = "/v1/sandbox/clock", operation_id = "getSandboxClock", tag = "sandbox",
    responses((status = 200, description = "The test clock", body = ClockView), ClockErrors))]
pub async fn clock(State(state): State<AppState>, caller: Caller) -> AppResult<Response> {
    test_mode_only(&caller)?;
    Ok(json_ok(ClockView::new(
        caller.now(&state),
        caller.tenant.clock_offset_ms,
    )))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Advance {
    /// Seconds to move the tenant's test clock forward (1 to 31,536,000).
    #[schema(minimum = 1, maximum = 31536000)]
    pub seconds: i64,
}

error_responses!(
    /// A live-mode key, or a move out of range.
    AdvanceErrors = [InvalidModel, SandboxOnly]
);

/// Moves the tenant's test clock forward and runs every timer that falls
/// due, in order, before answering; timers that fire late schedule what
/// follows from their due time, so one jump plays a whole timeline.
#[utoipa::path(post, path = "/v1/sandbox/clock/advance", operation_id = "advanceSandboxClock", tag = "sandbox",
    request_body = Advance,
    responses((status = 200, description = "The test clock after the move", body = ClockView), AdvanceErrors))]
pub async fn advance(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<Advance>,
) -> AppResult<Response> {
    test_mode_only(&caller)?;
    let step = TenantClock::for_mode(Mode::Test, caller.tenant.clock_offset_ms)
        .advance(body.seconds, state.wall_now())
        .map_err(|e| AppError::invalid(vec![e]))?;
    state
        .store
        .advance_clock(&caller.tenant.id, step.delta_ms)
        .await?;
    signet_app::worker::drain_tenant(&state, &caller.tenant.id).await?;
    let tenant = state.store.tenant(&caller.tenant.id).await?;
    Ok(json_ok(ClockView::new(
        tenant.now(Mode::Test, state.wall_now()),
        tenant.clock_offset_ms,
    )))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Complete {
    /// The static sandbox ident code, `123456`.
    pub ident_code: String,
    /// The number the applicant verifies (the sandbox also accepts seed 002's `+15550101`).
    pub mobile_number: Option<String>,
}

/// The identification a sandbox step is for, of the caller's tenant (test-mode keys only).
fn target<'a>(caller: &'a Caller, id: &str) -> AppResult<(KeyAt<'a>, IdentificationId)> {
    test_mode_only(caller)?;
    let id = parse_id(id, IdentificationId::parse, "identification")?;
    let at = KeyAt {
        tenant: &caller.tenant,
        mode: caller.mode,
    };
    Ok((at, id))
}

error_responses!(
    /// A live-mode key, an identification not the caller's, or one not in a state for the
    /// step.
    StepErrors = [SandboxOnly, NotFound, InvalidState]
);

error_responses!(
    /// As [`StepErrors`], and a wrong ident code or a bad number.
    CompleteErrors = [InvalidModel, SandboxOnly, NotFound, InvalidState, OtpInvalid]
);

/// The applicant opens the identification URL and starts capturing.
#[utoipa::path(post, path = "/v1/sandbox/identifications/{id}/start", operation_id = "startSandboxIdentification", tag = "sandbox",
    params(("id" = String, Path)),
    responses((status = 200, description = "The identification", body = IdentificationView), StepErrors))]
pub async fn start(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
) -> AppResult<Response> {
    let (at, id) = target(&caller, &id)?;
    let ident = identifications::start_in_sandbox(&state, at, &id).await?;
    Ok(json_ok(IdentificationView::new(&ident)))
}

/// The applicant finishes with the static ident code `123456`; for an
/// `X-MANUALTEST-` case the sandbox timeline starts now.
#[utoipa::path(post, path = "/v1/sandbox/identifications/{id}/complete", operation_id = "completeSandboxIdentification", tag = "sandbox",
    params(("id" = String, Path)),
    request_body = Complete,
    responses((status = 200, description = "The identification", body = IdentificationView), CompleteErrors))]
pub async fn complete(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
    Json(body): Json<Complete>,
) -> AppResult<Response> {
    if body.ident_code != SANDBOX_IDENT_CODE {
        return Err(AppError::new(
            ErrorCode::OtpInvalid,
            "the ident code is not correct",
        ));
    }
    if let Some(n) = &body.mobile_number
        && !signet_core::validate::sandbox_phone(n)
    {
        signet_core::validate::phone_e164("mobile_number", n)
            .map_err(|e| AppError::invalid(vec![e]))?;
    }
    let number = body.mobile_number.clone();
    let (at, id) = target(&caller, &id)?;
    let ident = identifications::complete_in_sandbox(&state, at, &id, number).await?;
    Ok(json_ok(IdentificationView::new(&ident)))
}

/// The applicant gives up (`aborted`, USER_CANCELLATION); the same URL can be used again.
#[utoipa::path(post, path = "/v1/sandbox/identifications/{id}/abort", operation_id = "abortSandboxIdentification", tag = "sandbox",
    params(("id" = String, Path)),
    responses((status = 200, description = "The identification", body = IdentificationView), StepErrors))]
pub async fn abort(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
) -> AppResult<Response> {
    let (at, id) = target(&caller, &id)?;
    let ident = identifications::abort_in_sandbox(&state, at, &id).await?;
    Ok(json_ok(IdentificationView::new(&ident)))
}
