//! `/v1/webhooks`: subscriptions, secret rotation, the delivery log, resend and recover.

use crate::api::{accepted, created, json_ok};
use crate::auth::Caller;
use crate::extract::{IdPath, Json, Page, parse_id};
use crate::openapi::{error_responses, fields};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use signet_app::error::{AppError, AppResult};
use signet_app::state::{AppState, random16};
use signet_app::views::{DeliveryView, EVENT_TYPES, RecoverView, ResendView, WebhookEndpointView};
use signet_core::catalog::ErrorCode;
use signet_core::ids::{EventId, WebhookEndpointId};
use signet_core::time::Timestamp;
use signet_store::{ALL_EVENT_TYPES, StoreError, WebhookEndpointRow};
use signet_webhooks::Secret;
use utoipa::openapi::schema::{Array, ArrayBuilder, Object, ObjectBuilder, SchemaType, Type};

/// After a rotation the old secret keeps signing this long, so receivers can switch over.
pub const ROTATION_OVERLAP: chrono::Duration = chrono::Duration::hours(24);

const MAX_URL_LEN: usize = 2048;
const MAX_DESCRIPTION_LEN: usize = 1000;

fn url_field() -> Object {
    ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::String))
        .format(Some(utoipa::openapi::SchemaFormat::Custom("uri".into())))
        .max_length(Some(MAX_URL_LEN))
        .pattern(Some("^[Hh][Tt][Tt][Pp][Ss]?://"))
        .description(Some(
            "Where deliveries are POSTed: `http` or `https`, no credentials, at most 2048 bytes; private and local addresses are refused when a delivery connects.",
        ))
        .build()
}

fn event_types_field() -> Array {
    let names = std::iter::once(ALL_EVENT_TYPES).chain(EVENT_TYPES.iter().map(|e| e.name));
    ArrayBuilder::new()
        .items(signet_app::views::schema::words(names))
        .min_items(Some(1))
        .description(Some(
            "Event types to receive (the document's `webhooks` lists them), or `[\"*\"]` for all; repeats are dropped.",
        ))
        .build()
}

fn description_field() -> Object {
    fields::described(
        fields::or_null(
            ObjectBuilder::new()
                .schema_type(SchemaType::new(Type::String))
                .max_length(Some(MAX_DESCRIPTION_LEN))
                .build(),
        ),
        "At most 1000 characters.",
    )
}

fn status_field() -> Object {
    signet_app::views::schema::nullable_words(["enabled", "disabled"])
        .description(Some(
            "Enabling a disabled endpoint resumes its pending messages.",
        ))
        .build()
}

/// A new subscription.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateWebhook {
    #[schema(schema_with = url_field)]
    pub url: String,
    #[schema(schema_with = event_types_field)]
    pub event_types: Vec<String>,
    #[schema(schema_with = description_field)]
    pub description: Option<String>,
}

fn update_url_field() -> Object {
    fields::or_null(url_field())
}

fn update_event_types_field() -> Array {
    let mut a = event_types_field();
    a.schema_type = SchemaType::from_iter([Type::Array, Type::Null]);
    a
}

/// Changes to a subscription; absent (or `null`) fields stay as they are.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateWebhook {
    #[schema(schema_with = update_url_field)]
    pub url: Option<String>,
    #[schema(schema_with = update_event_types_field)]
    pub event_types: Option<Vec<String>>,
    #[schema(schema_with = description_field)]
    pub description: Option<String>,
    #[schema(schema_with = status_field)]
    pub status: Option<String>,
}

fn since_field() -> Object {
    ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::String))
        .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
            utoipa::openapi::KnownFormat::DateTime,
        )))
        .description(Some(
            "RFC 3339 time (tenant clock): every failed message created at or after it is sent again.",
        ))
        .build()
}

/// Recovery of failed messages.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Recover {
    #[schema(schema_with = since_field)]
    pub since: String,
}

fn validate_url(url: &str) -> AppResult<()> {
    if url.len() > MAX_URL_LEN {
        return Err(AppError::field("url", "must be at most 2048 characters"));
    }
    signet_webhooks::parse_target(url)
        .map(|_| ())
        .map_err(|e| AppError::field("url", &e.to_string()))
}

fn validate_event_types(types: &[String]) -> AppResult<Vec<String>> {
    if types.is_empty() {
        return Err(AppError::field(
            "event_types",
            "must name at least one event type, or \"*\" for all",
        ));
    }
    let mut out: Vec<String> = Vec::with_capacity(types.len());
    for t in types {
        if t != ALL_EVENT_TYPES && !EVENT_TYPES.iter().any(|e| e.name == t) {
            return Err(AppError::field(
                "event_types",
                &format!(
                    "{t:?} is not an event type (GET /openapi.json lists them under webhooks)"
                ),
            ));
        }
        if !out.contains(t) {
            out.push(t.clone());
        }
    }
    Ok(out)
}

fn validate_description(d: &Option<String>) -> AppResult<()> {
    if d.as_ref()
        .is_some_and(|d| d.chars().count() > MAX_DESCRIPTION_LEN)
    {
        return Err(AppError::field(
            "description",
            "must be at most 1000 characters",
        ));
    }
    Ok(())
}

fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    bytes[..16].copy_from_slice(&random16());
    bytes[16..].copy_from_slice(&random16());
    Secret::generate(bytes).as_str().to_owned()
}

fn not_found(e: StoreError) -> AppError {
    AppError::unless_found(e, "webhook endpoint")
}

async fn load(
    state: &AppState,
    caller: &Caller,
    id: &str,
) -> AppResult<(WebhookEndpointId, WebhookEndpointRow)> {
    let id = parse_id(id, WebhookEndpointId::parse, "webhook endpoint")?;
    let row = state
        .store
        .webhook_endpoint(&caller.tenant.id, caller.mode, &id)
        .await
        .map_err(not_found)?;
    Ok((id, row))
}

error_responses!(
    /// What a new endpoint can refuse (`webhook_endpoint_limit`: the tenant has
    /// `webhook_max_endpoints_per_tenant` endpoints in this mode).
    CreateErrors = [InvalidModel, WebhookEndpointLimit]
);

/// Create a webhook endpoint.
///
/// The answer carries the endpoint's `whsec_` signing secret; it is not shown again (rotate to
/// get a new one). Events written from now on are delivered to it.
#[utoipa::path(post, path = "/v1/webhooks", operation_id = "createWebhookEndpoint", tag = "webhooks",
    request_body = CreateWebhook,
    responses((status = 201, description = "The endpoint, with its secret", body = WebhookEndpointView), CreateErrors))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<CreateWebhook>,
) -> AppResult<Response> {
    validate_url(&body.url)?;
    let event_types = validate_event_types(&body.event_types)?;
    validate_description(&body.description)?;
    let cap = i64::from(state.config.webhook_max_endpoints_per_tenant);
    let now = caller.now(&state);
    let row = WebhookEndpointRow {
        id: WebhookEndpointId::from_random(random16()),
        tenant_id: caller.tenant.id.clone(),
        mode: caller.mode,
        url: body.url,
        event_types,
        description: body.description,
        enabled: true,
        secret: new_secret(),
        previous_secret: None,
        previous_secret_until: None,
        disabled_reason: None,
        failing_since: None,
        created_at: now,
        updated_at: now,
    };
    if !state
        .store
        .insert_webhook_endpoint_capped(&row, cap)
        .await?
    {
        return Err(endpoint_limit(cap));
    }
    Ok(created(WebhookEndpointView::new(&row, true)))
}

/// A resend of a message whose payload is gone (410).
pub(crate) fn payload_expired() -> AppError {
    AppError::new(
        ErrorCode::WebhookPayloadExpired,
        "the event's payload was removed after webhook_payload_retention; it cannot be sent again",
    )
}

fn endpoint_limit(cap: i64) -> AppError {
    AppError::new(
        ErrorCode::WebhookEndpointLimit,
        format!("a tenant may have at most {cap} webhook endpoints in a mode; delete one first"),
    )
}

/// List webhook endpoints, oldest first (`page[number]`, `page[size]`).
#[utoipa::path(get, path = "/v1/webhooks", operation_id = "listWebhookEndpoints", tag = "webhooks",
    params(("page[number]" = Option<u32>, Query), ("page[size]" = Option<u32>, Query)),
    responses((status = 200, description = "The endpoints, without their secrets", body = Vec<WebhookEndpointView>)))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    page: Page,
) -> AppResult<Response> {
    let rows = state
        .store
        .list_webhook_endpoints(&caller.tenant.id, caller.mode, page.number, page.size)
        .await?;
    Ok(json_ok(
        rows.iter()
            .map(|r| WebhookEndpointView::new(r, false))
            .collect::<Vec<_>>(),
    ))
}

error_responses!(
    /// The endpoint is not the caller's (in this mode).
    EndpointErrors = [NotFound]
);

/// Retrieve a webhook endpoint (without its secret).
#[utoipa::path(get, path = "/v1/webhooks/{id}", operation_id = "getWebhookEndpoint", tag = "webhooks",
    params(("id" = String, Path)),
    responses((status = 200, description = "The endpoint", body = WebhookEndpointView), EndpointErrors))]
pub async fn get(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
) -> AppResult<Response> {
    let (_, row) = load(&state, &caller, &id).await?;
    Ok(json_ok(WebhookEndpointView::new(&row, false)))
}

error_responses!(
    /// What an update can refuse.
    UpdateErrors = [InvalidModel, NotFound]
);

/// Update a webhook endpoint.
///
/// `status: "enabled"` re-enables an endpoint that was disabled (by hand, by a `410` or by
/// five days of failures) and resumes its pending messages.
#[utoipa::path(patch, path = "/v1/webhooks/{id}", operation_id = "updateWebhookEndpoint", tag = "webhooks",
    params(("id" = String, Path)),
    request_body = UpdateWebhook,
    responses((status = 200, description = "The endpoint", body = WebhookEndpointView), UpdateErrors))]
pub async fn update(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
    Json(body): Json<UpdateWebhook>,
) -> AppResult<Response> {
    let (_, mut row) = load(&state, &caller, &id).await?;
    if let Some(url) = body.url {
        validate_url(&url)?;
        row.url = url;
    }
    if let Some(types) = body.event_types {
        row.event_types = validate_event_types(&types)?;
    }
    if body.description.is_some() {
        validate_description(&body.description)?;
        row.description = body.description;
    }
    let mut resumed = false;
    match body.status.as_deref() {
        None => {}
        Some("enabled") => {
            resumed = !row.enabled;
            row.enabled = true;
            row.disabled_reason = None;
            row.failing_since = None;
        }
        Some("disabled") => {
            if row.enabled {
                row.disabled_reason = Some("disabled by the API".to_owned());
            }
            row.enabled = false;
        }
        Some(_) => return Err(AppError::field("status", "must be enabled or disabled")),
    }
    row.updated_at = caller.now(&state);
    state
        .store
        .update_webhook_endpoint(&row)
        .await
        .map_err(not_found)?;
    if resumed {
        state.webhooks_ready.notify_one();
    }
    Ok(json_ok(WebhookEndpointView::new(&row, false)))
}

/// Delete a webhook endpoint with its pending messages and delivery log.
#[utoipa::path(delete, path = "/v1/webhooks/{id}", operation_id = "deleteWebhookEndpoint", tag = "webhooks",
    params(("id" = String, Path)),
    responses((status = 204, description = "Deleted"), EndpointErrors))]
pub async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
) -> AppResult<Response> {
    let id = parse_id(&id, WebhookEndpointId::parse, "webhook endpoint")?;
    state
        .store
        .delete_webhook_endpoint(&caller.tenant.id, caller.mode, &id)
        .await
        .map_err(not_found)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Rotate the signing secret.
///
/// The answer carries the new secret. For 24 hours (tenant clock) deliveries are signed with
/// both, as two entries of `webhook-signature`, so a receiver can switch without missing one.
#[utoipa::path(post, path = "/v1/webhooks/{id}/rotate", operation_id = "rotateWebhookSecret", tag = "webhooks",
    params(("id" = String, Path)),
    responses((status = 200, description = "The endpoint, with its new secret", body = WebhookEndpointView), EndpointErrors))]
pub async fn rotate(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
) -> AppResult<Response> {
    let (_, mut row) = load(&state, &caller, &id).await?;
    let now = caller.now(&state);
    row.previous_secret = Some(std::mem::replace(&mut row.secret, new_secret()));
    row.previous_secret_until = Some(now + ROTATION_OVERLAP);
    row.updated_at = now;
    state
        .store
        .update_webhook_endpoint(&row)
        .await
        .map_err(not_found)?;
    Ok(json_ok(WebhookEndpointView::new(&row, true)))
}

error_responses!(
    /// What the delivery log can refuse.
    DeliveriesErrors = [InvalidModel, NotFound]
);

/// The delivery log: every attempt to this endpoint, newest first (`page[number]`,
/// `page[size]`).
#[utoipa::path(get, path = "/v1/webhooks/{id}/deliveries", operation_id = "listWebhookDeliveries", tag = "webhooks",
    params(("id" = String, Path), ("page[number]" = Option<u32>, Query), ("page[size]" = Option<u32>, Query)),
    responses((status = 200, description = "Attempts, newest first", body = Vec<DeliveryView>), DeliveriesErrors))]
pub async fn deliveries(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
    page: Page,
) -> AppResult<Response> {
    let (id, _) = load(&state, &caller, &id).await?;
    let rows = state
        .store
        .delivery_attempts(&id, page.number, page.size)
        .await?;
    Ok(json_ok(
        rows.iter().map(DeliveryView::new).collect::<Vec<_>>(),
    ))
}

fn require_enabled(row: &WebhookEndpointRow) -> AppResult<()> {
    if !row.enabled {
        return Err(AppError::invalid_state(
            "the endpoint is disabled; enable it (PATCH status) before sending to it",
        ));
    }
    Ok(())
}

error_responses!(
    /// What a resend can refuse: an unknown endpoint or message, a disabled endpoint, a
    /// payload removed after `webhook_payload_retention`.
    ResendErrors = [NotFound, InvalidState, WebhookPayloadExpired]
);

/// Send one event to this endpoint again, with a fresh retry schedule, whatever became of it.
#[utoipa::path(post, path = "/v1/webhooks/{id}/deliveries/{message_id}/resend", operation_id = "resendWebhookMessage", tag = "webhooks",
    params(("id" = String, Path), ("message_id" = String, Path, description = "The event id (`webhook-id`)")),
    responses((status = 202, description = "Queued", body = ResendView), ResendErrors))]
pub async fn resend(
    State(state): State<AppState>,
    caller: Caller,
    IdPath((id, message_id)): IdPath<(String, String)>,
) -> AppResult<Response> {
    let (id, row) = load(&state, &caller, &id).await?;
    let event = parse_id(&message_id, EventId::parse, "message")?;
    require_enabled(&row)?;
    let resent = state
        .store
        .resend_webhook_message(&id, &event, caller.now(&state), state.wall_now())
        .await
        .map_err(|e| AppError::unless_found(e, "message"))?;
    if resent == signet_store::Resend::PayloadRemoved {
        return Err(payload_expired());
    }
    state.webhooks_ready.notify_one();
    Ok(accepted(ResendView {
        message_id: event.as_str().to_owned(),
        status: "pending",
    }))
}

error_responses!(
    /// What a recovery can refuse.
    RecoverErrors = [InvalidModel, NotFound, InvalidState]
);

/// Send again every failed message of this endpoint created since a time (tenant clock);
/// messages whose payload was removed after `webhook_payload_retention` stay as they are.
#[utoipa::path(post, path = "/v1/webhooks/{id}/recover", operation_id = "recoverWebhookMessages", tag = "webhooks",
    params(("id" = String, Path)),
    request_body = Recover,
    responses((status = 202, description = "How many messages were queued again", body = RecoverView), RecoverErrors))]
pub async fn recover(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
    Json(body): Json<Recover>,
) -> AppResult<Response> {
    let since: Timestamp = chrono::DateTime::parse_from_rfc3339(&body.since)
        .map_err(|_| AppError::field("since", "must be an RFC 3339 time"))?
        .with_timezone(&chrono::Utc);
    let (id, row) = load(&state, &caller, &id).await?;
    require_enabled(&row)?;
    let n = state
        .store
        .recover_webhook_messages(&id, since, caller.now(&state), state.wall_now())
        .await?;
    if n > 0 {
        state.webhooks_ready.notify_one();
    }
    Ok(accepted(RecoverView { recovered: n }))
}
