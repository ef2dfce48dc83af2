//! Webhook endpoints, their delivery log, and the events Signet sends: each event type with
//! the schema of its `data`.

use super::schema::words;
use serde::Serialize;
use signet_core::time::format;
use signet_store::{DeliveryAttemptRow, WebhookEndpointRow};
use utoipa::ToSchema;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder};

/// An event type Signet sends, what it means and the component schema of its `data`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventType {
    pub name: &'static str,
    pub description: &'static str,
    /// The name of the `data` schema under `components.schemas`.
    pub payload: &'static str,
}

/// Every event type, as endpoints subscribe to them and `/openapi.json` lists them under
/// `webhooks`.
pub const EVENT_TYPES: &[EventType] = &[
    EventType {
        name: "person.created",
        description: "A person was created; `data` is the person.",
        payload: "Person",
    },
    EventType {
        name: "person.updated",
        description: "A person changed (by the API, an identification or a screening); `data` is the person.",
        payload: "Person",
    },
    EventType {
        name: "identification.status_changed",
        description: "Seed 002's IDENTIFICATION: an identification was created or its status changed; `data` is the identification.",
        payload: "Identification",
    },
    EventType {
        name: "signature.status_changed",
        description: "Seed 000: a signer's status or status codes changed; `data` is the signer.",
        payload: "Signer",
    },
    EventType {
        name: "document.created",
        description: "Seed 004's CREATE: a document was sent for signature.",
        payload: "DocumentEvent",
    },
    EventType {
        name: "document.signer_signed",
        description: "Seed 004's NOTIFICATION: a signer signed; `signer` names them.",
        payload: "DocumentEvent",
    },
    EventType {
        name: "document.signer_rejected",
        description: "Seed 004's REJECT: a signer rejected the document (the REJECTED right after it names them).",
        payload: "DocumentEvent",
    },
    EventType {
        name: "document.rejected",
        description: "Seed 004's REJECTED: the document was rejected; `signer` and `message` say who and why.",
        payload: "DocumentEvent",
    },
    EventType {
        name: "document.blocked",
        description: "Seed 004's BLOCKED: a signer failed three identity validations; the document waits for a reviewer (`message` says why).",
        payload: "DocumentEvent",
    },
    EventType {
        name: "document.expired",
        description: "Seed 004's EXPIRED: the document reached its `expires_at` before every signer signed.",
        payload: "DocumentEvent",
    },
    EventType {
        name: "document.finished",
        description: "Seed 004's FINISH: every signer signed and the file is closed.",
        payload: "DocumentEvent",
    },
    EventType {
        name: "document.signer_reminded",
        description: "A signer whose turn it is and who has not finished was reminded, by the document's `reminders` or by `POST …/signers/{signer_id}/remind`; `data` names them with their page's `url`.",
        payload: "SignerReminded",
    },
    EventType {
        name: "document.deleted",
        description: "A document no signer had signed was deleted (`DELETE /v1/documents/{id}` or `POST /v1/documents/delete`): its file, signers and links are gone; its audit trail ends with the deletion.",
        payload: "DocumentDeleted",
    },
    EventType {
        name: "template.created",
        description: "A template was created (`POST /v1/templates`); `data` is the template.",
        payload: "Template",
    },
    EventType {
        name: "template.updated",
        description: "A template changed (`PATCH /v1/templates/{id}`) or a reviewer approved it in the back office; `data` is the template as it is now.",
        payload: "Template",
    },
    EventType {
        name: "template.deleted",
        description: "A template was deleted (`DELETE /v1/templates/{id}`); `data` is the template as it was. Documents sent from it keep their own copy.",
        payload: "Template",
    },
    EventType {
        name: "screening.completed",
        description: "A person was screened against the sanctions lists; `data` is the screening.",
        payload: "Screening",
    },
    EventType {
        name: "screening.hit_created",
        description: "A screening found a possible match; `data` is the hit.",
        payload: "ScreeningHit",
    },
    EventType {
        name: "screening.hit_decided",
        description: "A hit was confirmed or dismissed; `data` is the hit.",
        payload: "ScreeningHit",
    },
    EventType {
        name: "webhook.endpoint_disabled",
        description: "A webhook endpoint was disabled (it answered `410`, or every attempt failed for five days); `data` says which and why.",
        payload: "WebhookEndpointDisabled",
    },
];

/// One of [`EVENT_TYPES`].
fn event_type() -> ObjectBuilder {
    words(EVENT_TYPES.iter().map(|e| e.name))
}

/// `*` or event types.
fn subscribed_event_types() -> ArrayBuilder {
    ArrayBuilder::new().items(words(
        std::iter::once("*").chain(EVENT_TYPES.iter().map(|e| e.name)),
    ))
}

fn endpoint_status() -> ObjectBuilder {
    words(["enabled", "disabled"])
}

fn delivery_outcome() -> ObjectBuilder {
    words(DELIVERY_OUTCOMES.iter().copied())
}

/// What an attempt's log row says became of it, as the delivery worker writes it.
pub const DELIVERY_OUTCOMES: &[&str] = &["delivered", "retrying", "failed", "endpoint_disabled"];

/// A webhook endpoint. `secret` appears only in the answers to creation and rotation.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = WebhookEndpoint)]
pub struct WebhookEndpointView {
    pub id: String,
    pub url: String,
    /// The event types it receives (`*` for all).
    #[schema(schema_with = subscribed_event_types)]
    pub event_types: Vec<String>,
    #[schema(required)]
    pub description: Option<String>,
    /// A disabled endpoint keeps its messages until it is enabled again.
    #[schema(schema_with = endpoint_status)]
    pub status: &'static str,
    #[schema(required)]
    pub disabled_reason: Option<String>,
    /// Tenant clock.
    #[schema(format = DateTime)]
    pub created_at: String,
    /// Tenant clock.
    #[schema(format = DateTime)]
    pub updated_at: String,
    /// `whsec_…`: in the answers to creation and rotation only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
}

impl WebhookEndpointView {
    /// The endpoint, with its signing secret when `with_secret`.
    pub fn new(e: &WebhookEndpointRow, with_secret: bool) -> WebhookEndpointView {
        WebhookEndpointView {
            id: e.id.as_str().to_owned(),
            url: e.url.clone(),
            event_types: e.event_types.clone(),
            description: e.description.clone(),
            status: if e.enabled { "enabled" } else { "disabled" },
            disabled_reason: e.disabled_reason.clone(),
            created_at: format(&e.created_at),
            updated_at: format(&e.updated_at),
            secret: with_secret.then(|| e.secret.clone()),
        }
    }
}

/// One delivery attempt.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = WebhookDelivery)]
pub struct DeliveryView {
    pub id: String,
    /// The event id, sent as `webhook-id` on every attempt.
    pub message_id: String,
    #[schema(schema_with = event_type)]
    pub event_type: String,
    /// Position in the message's schedule (1 to 8).
    pub attempt: u32,
    /// Tenant clock.
    #[schema(format = DateTime)]
    pub attempted_at: String,
    /// The `webhook-timestamp` sent (wall-clock Unix seconds).
    pub webhook_timestamp: i64,
    /// The receiver's status, if it answered.
    #[schema(required)]
    pub status_code: Option<u16>,
    pub latency_ms: f64,
    #[schema(required)]
    pub error: Option<String>,
    /// The start of the receiver's answer.
    #[schema(required)]
    pub response_excerpt: Option<String>,
    #[schema(schema_with = delivery_outcome)]
    pub outcome: String,
}

impl DeliveryView {
    pub fn new(a: &DeliveryAttemptRow) -> DeliveryView {
        DeliveryView {
            id: a.id.as_str().to_owned(),
            message_id: a.event_id.as_str().to_owned(),
            event_type: a.event_type.clone(),
            attempt: a.attempt,
            attempted_at: format(&a.attempted_at),
            webhook_timestamp: a.webhook_timestamp,
            status_code: a.status_code,
            latency_ms: a.latency_us as f64 / 1000.0,
            error: a.error.clone(),
            response_excerpt: a.response_excerpt.clone(),
            outcome: a.outcome.clone(),
        }
    }
}

fn pending() -> ObjectBuilder {
    words(["pending"])
}

/// A message queued again for one endpoint.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = WebhookResend)]
pub struct ResendView {
    pub message_id: String,
    #[schema(schema_with = pending)]
    pub status: &'static str,
}

/// How many failed messages were queued again.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = WebhookRecover)]
pub struct RecoverView {
    pub recovered: u64,
}

fn disabled() -> ObjectBuilder {
    words(["disabled"])
}

/// The `data` of `webhook.endpoint_disabled`.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = WebhookEndpointDisabled)]
pub struct EndpointDisabledView {
    /// The endpoint's id.
    pub id: String,
    pub url: String,
    #[schema(schema_with = disabled)]
    pub status: &'static str,
    pub disabled_reason: String,
    /// The failure of the attempt that disabled it.
    #[schema(required)]
    pub last_error: Option<String>,
}

impl EndpointDisabledView {
    pub fn new(id: &str, url: &str, reason: &str, last_error: Option<String>) -> Self {
        EndpointDisabledView {
            id: id.to_owned(),
            url: url.to_owned(),
            status: "disabled",
            disabled_reason: reason.to_owned(),
            last_error,
        }
    }
}
