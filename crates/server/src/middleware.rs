//! Cross-cutting request handling: request ids, logging and metrics, and
//! `Idempotency-Key`.

use crate::auth::Caller;
use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use signet_app::error::{AppError, REQUEST_ID};
use signet_app::metrics::HttpLabels;
use signet_app::state::{AppState, random16};
use signet_core::catalog::ErrorCode;
use signet_store::IdempotencyBegin;
use tracing::Instrument;

/// Gives every request an id (an incoming `X-Request-Id` is kept when it is
/// short and plain), puts it in every log line and error body, and records
/// the request's metrics.
pub async fn request_context(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .map(str::to_owned)
        .unwrap_or_else(|| {
            let b = random16();
            format!(
                "{}-{}-{}-{}-{}",
                hex::encode(&b[0..4]),
                hex::encode(&b[4..6]),
                hex::encode(&b[6..8]),
                hex::encode(&b[8..10]),
                hex::encode(&b[10..16])
            )
        });
    let method = method_label(req.method());
    // The route is logged by its template (`/sign/{token}`), never the path: paths of the
    // hosted pages carry their link tokens. `record_route` fills it in once routing matched.
    let span = tracing::info_span!("request", request_id = %id, method, route = tracing::field::Empty, tenant = tracing::field::Empty);
    let started = std::time::Instant::now();
    let mut response = REQUEST_ID
        .scope(id.clone(), next.run(req).instrument(span.clone()))
        .await;
    let status = response.status().as_u16();
    let elapsed = started.elapsed();
    let route = response
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".to_owned());
    span.record("route", route.as_str());
    span.in_scope(|| {
        tracing::info!(
            status,
            latency_ms = elapsed.as_secs_f64() * 1000.0,
            "served"
        )
    });
    let labels = HttpLabels {
        method: method.to_owned(),
        route,
        status: status_label(status),
    };
    state.metrics.http_requests.get_or_create(&labels).inc();
    state
        .metrics
        .http_duration
        .get_or_create(&labels)
        .observe(elapsed.as_secs_f64());
    if let Ok(v) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", v);
    }
    response
}

/// `Idempotency-Key` on POST: the first response is stored; a retry with the
/// same key and body gets it back, another body is a 422.
pub async fn idempotency(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Result<Response, AppError> {
    if req.method() != Method::POST {
        return Ok(next.run(req).await);
    }
    let Some(key) = req
        .headers()
        .get("idempotency-key")
        .map(|v| v.to_str().map(str::to_owned))
    else {
        return Ok(next.run(req).await);
    };
    let key = key
        .ok()
        .filter(|k| !k.is_empty() && k.len() <= 255)
        .ok_or_else(|| AppError::field("Idempotency-Key", "must be 1 to 255 visible characters"))?;
    let Some(caller) = req.extensions().get::<Caller>().cloned() else {
        return Ok(next.run(req).await);
    };
    let (parts, body) = req.into_parts();
    let bytes = axum::body::to_bytes(body, state.config.max_body_bytes)
        .await
        .map_err(|_| crate::extract::too_large())?;
    let mut hasher = Sha256::new();
    hasher.update(parts.uri.path().as_bytes());
    hasher.update([0]);
    hasher.update(&bytes);
    let hash = hex::encode(hasher.finalize());
    let now = caller.now(&state);
    match state
        .store
        .begin_idempotency(&caller.tenant.id, caller.mode, &key, &hash, now)
        .await?
    {
        IdempotencyBegin::Proceed => {}
        IdempotencyBegin::Replay { status, body } => {
            let mut r =
                (StatusCode::from_u16(status).unwrap_or(StatusCode::OK), body).into_response();
            r.headers_mut()
                .insert("content-type", HeaderValue::from_static("application/json"));
            r.headers_mut()
                .insert("idempotent-replayed", HeaderValue::from_static("true"));
            return Ok(r);
        }
        IdempotencyBegin::Mismatch => {
            return Err(AppError::new(
                ErrorCode::IdempotencyKeyReused,
                "this Idempotency-Key was used with a different request",
            ));
        }
        IdempotencyBegin::InProgress => {
            return Err(AppError::new(
                ErrorCode::IdempotencyKeyInProgress,
                "a request with this Idempotency-Key is still being processed; retry shortly",
            ));
        }
    }
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let status = response.status();
    if status.is_server_error() {
        state
            .store
            .abandon_idempotency(&caller.tenant.id, caller.mode, &key)
            .await?;
        return Ok(response);
    }
    let (rparts, rbody) = response.into_parts();
    let rbytes = axum::body::to_bytes(rbody, usize::MAX)
        .await
        .map_err(|e| AppError::internal(&e))?;
    state
        .store
        .finish_idempotency(
            &caller.tenant.id,
            caller.mode,
            &key,
            status.as_u16(),
            &rbytes,
        )
        .await?;
    Ok(Response::from_parts(rparts, Body::from(rbytes)))
}

/// The method as a metrics and log label: the methods the API knows, anything else `other`,
/// so a client inventing methods cannot grow the label set.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// The status as a metrics label: the exact code for those Signet sends, within the five
/// classes; anything outside them (which a handler should never produce) counts as 500.
fn status_label(status: u16) -> u16 {
    if (100..600).contains(&status) {
        status
    } else {
        500
    }
}

/// Copies the matched route onto the response, where the outer request
/// middleware (which runs before routing) can read it for metrics, and names the
/// request's log span by the route's template.
pub async fn record_route(req: Request, next: Next) -> Response {
    let matched = req.extensions().get::<MatchedPath>().cloned();
    if let Some(m) = &matched {
        tracing::Span::current().record("route", m.as_str());
    }
    let mut response = next.run(req).await;
    if let Some(m) = matched {
        response.extensions_mut().insert(m);
    }
    response
}
