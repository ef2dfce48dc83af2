//! Documents sent for signature, their signers, seed 004's document webhook, the audit trail
//! and the verification report.

use super::schema::{array_of, catalogue, open_object, words};
use super::{file_link, signer_link};
use crate::delivery::{OtpRoute, mask_email, mask_number};
use serde::Serialize;
use serde_json::Value;
use signet_core::catalog::CodeKind;
use signet_core::signing::{
    DocumentEvent, DocumentStatus, Level, Signer, SignerStatus, SigningOrder, WORKFLOW_TIMEOUT,
    Workflow,
};
use signet_core::time::{Timestamp, format};
use utoipa::ToSchema;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder};

fn document_status() -> ObjectBuilder {
    words(DocumentStatus::ALL.iter().map(|s| s.as_str()))
}

fn signer_status() -> ObjectBuilder {
    words(SignerStatus::ALL.iter().map(|s| s.as_str()))
}

fn signature_level() -> ObjectBuilder {
    words(Level::ALL.iter().map(|s| s.as_str()))
}

fn signing_order() -> ObjectBuilder {
    words(SigningOrder::ALL.iter().map(|s| s.as_str()))
}

fn document_webhook_word() -> ObjectBuilder {
    words(catalogue(CodeKind::DocumentWebhookStatus)).description(Some(
        "Seed 004's word for what happened (`GET /v1/codes?kind=document_webhook_status`).",
    ))
}

fn details() -> ObjectBuilder {
    open_object().description(Some(
        "What the action recorded; its keys depend on `action`.",
    ))
}

fn opt_time(t: &Option<Timestamp>) -> Option<String> {
    t.as_ref().map(format)
}

/// A selfie handed in by a signer asked for one (`selfie_required`).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = Selfie)]
pub struct SelfieView {
    #[schema(format = DateTime)]
    pub submitted_at: String,
    pub sha256: String,
    /// `null` while it waits for the reviewer.
    #[schema(required)]
    pub accepted: Option<bool>,
    #[schema(required, format = DateTime)]
    pub reviewed_at: Option<String>,
}

/// A signer as the API and the `signature.status_changed` webhook show it.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = Signer)]
pub struct SignerView {
    pub id: String,
    pub document_id: String,
    /// 0-based place in the signing order.
    pub position: u32,
    pub name: String,
    #[schema(required)]
    pub email: Option<String>,
    /// E.164.
    #[schema(required)]
    pub phone: Option<String>,
    #[schema(required)]
    pub person_id: Option<String>,
    /// Seed 000's workflow status, plus `rejected` and `blocked`.
    #[schema(schema_with = signer_status)]
    pub status: &'static str,
    /// Seed 000's status codes of `status` (`GET /v1/codes?kind=signature_status_code`).
    pub status_codes: Vec<u32>,
    /// The signer's hosted page.
    pub url: String,
    #[schema(required, format = DateTime)]
    pub asked_at: Option<String>,
    /// The end of the 2-hour approval window.
    #[schema(required, format = DateTime)]
    pub approve_by: Option<String>,
    #[schema(required, format = DateTime)]
    pub approved_at: Option<String>,
    #[schema(required, format = DateTime)]
    pub confirm_by: Option<String>,
    /// 24 hours after the signer was asked.
    #[schema(required, format = DateTime)]
    pub expires_at: Option<String>,
    #[schema(required, format = DateTime)]
    pub signed_at: Option<String>,
    #[schema(required, format = DateTime)]
    pub rejected_at: Option<String>,
    /// The signer's message on rejection, or why they were blocked.
    #[schema(required)]
    pub message: Option<String>,
    /// The subject of the certificate that signed (advanced), or the seal's.
    #[schema(required)]
    pub certificate_subject: Option<String>,
    /// Failed identity validations (killed codes, rejected selfies); the third blocks.
    pub failed_validations: u32,
    #[schema(required)]
    pub selfie: Option<SelfieView>,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub updated_at: String,
}

impl SignerView {
    pub fn new(base: &str, wf: &Workflow, s: &Signer) -> SignerView {
        SignerView {
            id: s.id.as_str().to_owned(),
            document_id: wf.document.id.as_str().to_owned(),
            position: s.position,
            name: s.name.clone(),
            email: s.email.clone(),
            phone: s.phone.clone(),
            person_id: s.person_id.as_ref().map(|p| p.as_str().to_owned()),
            status: s.status.as_str(),
            status_codes: s.status_codes.clone(),
            url: signer_link(base, &s.token),
            asked_at: opt_time(&s.asked_at),
            approve_by: opt_time(&s.approve_by),
            approved_at: opt_time(&s.approved_at),
            confirm_by: opt_time(&s.confirm_by),
            expires_at: s.asked_at.map(|t| format(&(t + WORKFLOW_TIMEOUT))),
            signed_at: opt_time(&s.signed_at),
            rejected_at: opt_time(&s.rejected_at),
            message: s.message.clone(),
            certificate_subject: s.certificate_subject.clone(),
            failed_validations: s.failed_validations,
            selfie: s.selfie.as_ref().map(|x| SelfieView {
                submitted_at: format(&x.submitted_at),
                sha256: x.sha256.clone(),
                accepted: x.accepted,
                reviewed_at: opt_time(&x.reviewed_at),
            }),
            created_at: format(&s.created_at),
            updated_at: format(&s.updated_at),
        }
    }
}

/// A document sent for signature, with its signers.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = Document)]
pub struct DocumentView {
    pub id: String,
    pub name: String,
    #[schema(schema_with = document_status)]
    pub status: &'static str,
    #[schema(schema_with = signature_level)]
    pub signature_level: &'static str,
    #[schema(schema_with = signing_order)]
    pub signing_order: &'static str,
    /// Tenant clock.
    #[schema(required, format = DateTime)]
    pub expires_at: Option<String>,
    pub tags: Vec<String>,
    /// Free strings returned in every document webhook (seed 004).
    pub custom: Vec<String>,
    /// The integrator's document number (`GET /v1/documents?number=` finds it).
    #[schema(required)]
    pub number: Option<String>,
    /// When signers are reminded; `null`: never by themselves.
    #[schema(required)]
    pub reminders: Option<RemindersView>,
    pub pages: u32,
    /// Bytes of the original file.
    pub size: u64,
    /// SHA-256 of the original file.
    pub sha256: String,
    /// SHA-256 of the file as signed so far.
    pub current_sha256: String,
    /// Signers who signed.
    pub signatures: usize,
    /// REJECTED's message, or BLOCKED's reason.
    #[schema(required)]
    pub message: Option<String>,
    /// The PDF as signed so far (`GET /v1/documents/{id}/file`).
    pub file_url: String,
    pub signers: Vec<SignerView>,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub updated_at: String,
    #[schema(required, format = DateTime)]
    pub finished_at: Option<String>,
    /// The form fields placed on the document (`fields` on creation), in order, with their
    /// values; empty for a document without fields (one signature per signer, placed by
    /// Signet).
    pub fields: Vec<FieldView>,
}

fn field_type() -> ObjectBuilder {
    words(
        signet_core::signing::fields::FieldType::ALL
            .iter()
            .map(|t| t.as_str()),
    )
}

fn field_value() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::SchemaType::AnyValue)
        .description(Some(
            "What the field holds: a string (`text`, `initials`, `email`, `select`, `name`, \
             `date` as YYYY-MM-DD, `image` as base64), a number (`number`) or `true` \
             (`checkbox`); `null` until filled (a `signature` field always `null`).",
        ))
        .examples([serde_json::json!("Premium plan")])
}

/// Where a field is: page from 1; x, y, w, h fractions of the page from its top-left corner.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = FieldArea)]
pub struct FieldAreaView {
    #[schema(minimum = 1, example = 1)]
    pub page: u32,
    #[schema(minimum = 0.0, maximum = 1.0, example = 0.1)]
    pub x: f64,
    #[schema(minimum = 0.0, maximum = 1.0, example = 0.8)]
    pub y: f64,
    #[schema(minimum = 0.0, maximum = 1.0, example = 0.3)]
    pub w: f64,
    #[schema(minimum = 0.0, maximum = 1.0, example = 0.05)]
    pub h: f64,
}

/// A form field of a document and what it holds.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = Field)]
pub struct FieldView {
    /// Unique in the document; the PDF's form field of this name.
    #[schema(example = "plan")]
    pub name: String,
    #[serde(rename = "type")]
    #[schema(schema_with = field_type)]
    pub kind: &'static str,
    /// The signer's index in `signers` (their `position`), from 0.
    #[schema(example = 0)]
    pub signer: u32,
    /// The signer must fill it before approving (Signet fills `signature`, `name`, `date`).
    pub required: bool,
    /// Where it is; for a field placed by an anchor, where the anchor text was found.
    pub area: FieldAreaView,
    /// The text it was placed by, if any.
    #[schema(required, example = "{{client_plan}}")]
    pub anchor: Option<String>,
    /// The choices of a `select`; empty for other types.
    pub options: Vec<String>,
    #[schema(schema_with = field_value)]
    pub value: Option<Value>,
    /// Whether it holds its value: prefilled, or filled when its signer signed.
    pub filled: bool,
    /// Prefilled by the integrator: the signer cannot change it.
    pub readonly: bool,
}

impl FieldView {
    /// `s` as the view shows it on `wf`.
    pub fn new(s: &signet_store::StoredField, wf: &Workflow) -> FieldView {
        let f = &s.field;
        let (value, filled) = crate::fields::shown_value(s, wf);
        FieldView {
            name: f.name.clone(),
            kind: f.kind.as_str(),
            signer: f.signer,
            required: f.required,
            area: FieldAreaView {
                page: f.area.page,
                x: f.area.x,
                y: f.area.y,
                w: f.area.w,
                h: f.area.h,
            },
            anchor: f.anchor.clone(),
            options: f.options.clone(),
            value,
            filled,
            readonly: f.readonly(),
        }
    }
}

impl DocumentView {
    /// The view with the document's `fields`.
    pub fn with_fields(mut self, fields: &[signet_store::StoredField], wf: &Workflow) -> Self {
        self.fields = fields.iter().map(|f| FieldView::new(f, wf)).collect();
        self
    }

    pub fn new(base: &str, wf: &Workflow) -> DocumentView {
        let d = &wf.document;
        DocumentView {
            id: d.id.as_str().to_owned(),
            name: d.name.clone(),
            status: d.status.as_str(),
            signature_level: d.level.as_str(),
            signing_order: d.order.as_str(),
            expires_at: opt_time(&d.expires_at),
            tags: d.tags.clone(),
            custom: d.custom.clone(),
            number: d.number.clone(),
            reminders: d.reminders.map(|r| RemindersView {
                after: r.after,
                every: r.every,
                max: r.max,
            }),
            pages: d.pages,
            size: d.size,
            sha256: d.original_sha256.clone(),
            current_sha256: d.current_sha256.clone(),
            signatures: wf
                .signers
                .iter()
                .filter(|s| s.status == SignerStatus::Signed)
                .count(),
            message: d.message.clone(),
            file_url: file_link(base, &d.id),
            signers: wf
                .signers
                .iter()
                .map(|s| SignerView::new(base, wf, s))
                .collect(),
            created_at: format(&d.created_at),
            updated_at: format(&d.updated_at),
            finished_at: opt_time(&d.finished_at),
            fields: Vec::new(),
        }
    }
}

/// When a document's signers are reminded, in seconds of the tenant clock.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = Reminders)]
pub struct RemindersView {
    /// After the signer was asked (their turn came).
    pub after: u32,
    /// Then again after this long.
    pub every: u32,
    /// At most this many reminders per signer (0: none).
    pub max: u32,
}

/// `document.signer_reminded`'s `data`: a signer whose turn it is was reminded.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = SignerReminded)]
pub struct SignerRemindedView {
    pub document_id: String,
    pub document_name: String,
    #[schema(required)]
    pub number: Option<String>,
    pub signer_id: String,
    pub signer_name: String,
    #[schema(required)]
    pub email: Option<String>,
    #[schema(required)]
    pub phone: Option<String>,
    /// The signer's hosted page, to send them again.
    pub url: String,
    /// `true` for a reminder of the document's `reminders`, `false` for one asked for with
    /// `POST …/remind`.
    pub automatic: bool,
    /// How many reminders the signer has had, this one included.
    pub count: u32,
    /// Tenant clock.
    #[schema(format = DateTime)]
    pub reminded_at: String,
}

impl SignerRemindedView {
    pub fn new(
        base: &str,
        wf: &Workflow,
        s: &Signer,
        automatic: bool,
        count: u32,
        at: &Timestamp,
    ) -> SignerRemindedView {
        SignerRemindedView {
            document_id: wf.document.id.as_str().to_owned(),
            document_name: wf.document.name.clone(),
            number: wf.document.number.clone(),
            signer_id: s.id.as_str().to_owned(),
            signer_name: s.name.clone(),
            email: s.email.clone(),
            phone: s.phone.clone(),
            url: signer_link(base, &s.token),
            automatic,
            count,
            reminded_at: format(at),
        }
    }
}

/// `document.deleted`'s `data`: what is left of a document deleted before anyone signed.
/// Its file, signers and links are gone; its audit trail stays, closed by the deletion.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = DocumentDeleted)]
pub struct DocumentDeletedView {
    pub id: String,
    pub name: String,
    #[schema(required)]
    pub number: Option<String>,
    pub tags: Vec<String>,
    /// Free strings returned in every document webhook (seed 004).
    pub custom: Vec<String>,
    /// The status the document had when it was deleted.
    #[schema(schema_with = document_status)]
    pub status: &'static str,
    /// Who deleted it, as the audit trail names them (`api_key:…`, `operator:…`).
    pub deleted_by: String,
    /// Tenant clock.
    #[schema(format = DateTime)]
    pub deleted_at: String,
    /// The hash of the audit trail's last entry, the deletion
    /// (`GET /v1/documents/{id}/audit` still answers).
    pub audit_head: String,
}

/// A document the signer approves, with the hash of the file as it stands.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = DocumentToApprove)]
pub struct DocumentToApproveView {
    pub id: String,
    pub name: String,
    /// SHA-256 of the file as signed so far: what the signer approves.
    pub sha256: String,
    pub pages: u32,
    pub size: u64,
    pub file_url: String,
}

impl DocumentToApproveView {
    /// The documents a signer of `wf` approves (seed 000 approves a list; Signet has one).
    pub fn of(base: &str, wf: &Workflow) -> Vec<DocumentToApproveView> {
        vec![DocumentToApproveView {
            id: wf.document.id.as_str().to_owned(),
            name: wf.document.name.clone(),
            sha256: wf.document.current_sha256.clone(),
            pages: wf.document.pages,
            size: wf.document.size,
            file_url: file_link(base, &wf.document.id),
        }]
    }
}

/// A signer with their document's status and the documents to approve (the API's answer to
/// the signer's actions).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = SignerDetail)]
pub struct SignerDetailView {
    #[serde(flatten)]
    pub signer: SignerView,
    #[schema(schema_with = document_status)]
    pub document_status: &'static str,
    pub documents: Vec<DocumentToApproveView>,
}

impl SignerDetailView {
    pub fn new(base: &str, wf: &Workflow, s: &Signer) -> SignerDetailView {
        SignerDetailView {
            signer: SignerView::new(base, wf, s),
            document_status: wf.document.status.as_str(),
            documents: DocumentToApproveView::of(base, wf),
        }
    }
}

fn otp_channel() -> ObjectBuilder {
    words(["email", "sms"])
}

fn otp_channels() -> ArrayBuilder {
    array_of(words(["sandbox", "email", "sms", "provider"])).description(Some(
        "The channels the code was handed to: `sandbox` in test mode (the code is 123456 and goes nowhere); `provider` when a qualified signature's trust service provider sent its own code (CSC credentials/sendOTP), which the signer then confirms with.",
    ))
}

/// Where a code goes, masked: enough to tell destinations apart, not to use one.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = OtpDestination)]
pub struct OtpDestinationView {
    #[schema(schema_with = otp_channel)]
    pub channel: &'static str,
    pub to: String,
    /// SMS only: whether the number is the one the signer's identification verified (the
    /// only one an `advanced` signer's code goes to).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified_number: Option<bool>,
}

impl OtpDestinationView {
    /// The destinations of `route`, in the order codes are sent (email, then SMS).
    pub fn of(route: &OtpRoute) -> Vec<OtpDestinationView> {
        let mut out = Vec::new();
        if let Some(e) = &route.email {
            out.push(OtpDestinationView {
                channel: "email",
                to: mask_email(e),
                verified_number: None,
            });
        }
        if let Some(n) = &route.sms {
            out.push(OtpDestinationView {
                channel: "sms",
                to: mask_number(n),
                verified_number: Some(route.verified_number),
            });
        }
        out
    }
}

/// The one-time code an approval issued.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = OtpIssued)]
pub struct OtpView {
    #[schema(schema_with = otp_channels)]
    pub channels: Vec<&'static str>,
    pub to: Vec<OtpDestinationView>,
    #[schema(required, format = DateTime)]
    pub expires_at: Option<String>,
}

/// The answer to an approval: the signer, the documents with their SHA-256, and where the
/// code went.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = Approval)]
pub struct ApprovalView {
    pub signer: SignerView,
    pub documents: Vec<DocumentToApproveView>,
    pub otp: OtpView,
}

impl ApprovalView {
    pub fn new(
        base: &str,
        wf: &Workflow,
        s: &Signer,
        channels: Vec<&'static str>,
        route: &OtpRoute,
    ) -> ApprovalView {
        ApprovalView {
            signer: SignerView::new(base, wf, s),
            documents: DocumentToApproveView::of(base, wf),
            otp: OtpView {
                channels,
                to: OtpDestinationView::of(route),
                expires_at: s.otp.as_ref().map(|o| format(&o.expires_at)),
            },
        }
    }
}

/// The signer a document webhook names.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = DocumentEventSigner)]
pub struct DocumentEventSignerView {
    pub id: String,
    pub name: String,
    #[schema(required)]
    pub email: Option<String>,
    #[schema(required)]
    pub phone: Option<String>,
}

/// Seed 004's document webhook: `code` (the document id), `name`, `status` (seed 004's word),
/// `url`, `tags`, `custom`; `signer` on NOTIFICATION, BLOCKED and REJECTED; `message` on
/// BLOCKED (why) and REJECTED (the signer's).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = DocumentEvent)]
pub struct DocumentEventView {
    /// The document's id.
    pub code: String,
    pub name: String,
    #[schema(schema_with = document_webhook_word)]
    pub status: &'static str,
    /// The PDF as signed so far.
    pub url: String,
    pub tags: Vec<String>,
    pub custom: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signer: Option<DocumentEventSignerView>,
    /// BLOCKED: why; REJECTED: the signer's message (`null` if none was kept).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub message: Option<Option<String>>,
}

impl DocumentEventView {
    pub fn new(base: &str, wf: &Workflow, event: &DocumentEvent) -> DocumentEventView {
        let d = &wf.document;
        let signer = event.signer().and_then(|sid| wf.signer(sid));
        DocumentEventView {
            code: d.id.as_str().to_owned(),
            name: d.name.clone(),
            status: event.word(),
            url: file_link(base, &d.id),
            tags: d.tags.clone(),
            custom: d.custom.clone(),
            signer: signer.map(|s| DocumentEventSignerView {
                id: s.id.as_str().to_owned(),
                name: s.name.clone(),
                email: s.email.clone(),
                phone: s.phone.clone(),
            }),
            message: signer.and_then(|s| match event {
                DocumentEvent::Rejected(_) => Some(s.message.clone()),
                DocumentEvent::Blocked(_) => Some(d.message.clone()),
                _ => None,
            }),
        }
    }
}

/// One entry of a document's audit trail.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = AuditEntry)]
pub struct AuditEntryView {
    /// 1 for the first entry, then one more each.
    pub seq: i64,
    /// Tenant clock.
    #[schema(format = DateTime)]
    pub at: String,
    /// What happened: `document.created`, `signer.approved`, `signature.created`, …
    pub action: String,
    /// Who acted: `api_key:…`, `signer:…`, `operator:…`, `system`.
    pub actor: String,
    #[schema(required)]
    pub signer_id: Option<String>,
    #[schema(required)]
    pub ip: Option<String>,
    #[schema(required)]
    pub user_agent: Option<String>,
    /// SHA-256 of the file as it stood.
    pub document_sha256: String,
    #[schema(schema_with = details)]
    pub details: Value,
    /// The previous entry's `hash` (empty for the first).
    pub prev_hash: String,
    /// SHA-256 over `prev_hash` and the entry's canonical JSON.
    pub hash: String,
}

impl AuditEntryView {
    pub fn new(r: &signet_store::AuditRow) -> AuditEntryView {
        AuditEntryView {
            seq: r.seq,
            at: format(&r.at),
            action: r.action.clone(),
            actor: r.actor.clone(),
            signer_id: r.signer_id.clone(),
            ip: r.ip.clone(),
            user_agent: r.user_agent.clone(),
            document_sha256: r.document_sha256.clone(),
            details: r.details.clone(),
            prev_hash: r.prev_hash.clone(),
            hash: r.hash.clone(),
        }
    }
}

/// A document's audit trail: one page of its entries, and the verdict on the whole chain.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = AuditTrail)]
pub struct AuditTrailView {
    pub document_id: String,
    /// False when an entry was edited, removed or reordered after it was written.
    pub chain_valid: bool,
    /// The first entry that does not chain, when `chain_valid` is false.
    #[schema(required)]
    pub first_broken_seq: Option<i64>,
    /// The last entry's `hash`.
    #[schema(required)]
    pub head: Option<String>,
    pub entry_count: usize,
    /// This page of the trail, oldest first.
    pub entries: Vec<AuditEntryView>,
}

fn indication() -> ObjectBuilder {
    words(INDICATIONS.iter().map(|i| i.as_str())).description(Some("ETSI EN 319 102-1 indication."))
}

fn later_changes() -> ObjectBuilder {
    words(LATER_CHANGES.iter().map(|c| later_changes_word(*c)))
        .description(Some("What revisions after the signature changed."))
}

fn byte_range() -> ArrayBuilder {
    array_of(ObjectBuilder::new().schema_type(utoipa::openapi::schema::Type::Integer))
        .min_items(Some(4))
        .max_items(Some(4))
        .description(Some("The signature's /ByteRange."))
}

use signet_pdf::{Indication, LaterChanges};

/// Every indication and every kind of later change. A new one must be added here:
/// [`indication_word`] and [`later_changes_word`] stop compiling until it is.
const INDICATIONS: [Indication; 3] = [
    Indication::TotalPassed,
    Indication::TotalFailed,
    Indication::Indeterminate,
];

const LATER_CHANGES: [LaterChanges; 3] = [
    LaterChanges::None,
    LaterChanges::SignaturesAndFormsOnly,
    LaterChanges::Other,
];

fn later_changes_word(c: LaterChanges) -> &'static str {
    match c {
        LaterChanges::None => "none",
        LaterChanges::SignaturesAndFormsOnly => "signatures_and_forms_only",
        LaterChanges::Other => "other",
    }
}

fn indication_word(i: Indication) -> &'static str {
    match i {
        Indication::TotalPassed | Indication::TotalFailed | Indication::Indeterminate => i.as_str(),
    }
}

fn detected_level() -> ObjectBuilder {
    words(signet_pdf::DETECTED_LEVELS.iter().copied())
}

fn evidence_kind() -> ObjectBuilder {
    words(["ocsp", "crl"])
}

fn evidence_source() -> ObjectBuilder {
    words(["dss", "cms", "online"])
}

fn evidence_status() -> ObjectBuilder {
    words(["good", "revoked"])
}

fn revocation_policy() -> ObjectBuilder {
    words(["if_available", "required"])
}

/// One OCSP response or CRL a verdict used.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = RevocationEvidence)]
pub struct RevocationEvidenceView {
    /// The certificate it is about (subject, RFC 4514).
    pub certificate: String,
    /// Its serial number in lowercase hex.
    pub serial: String,
    #[schema(schema_with = evidence_kind)]
    pub kind: &'static str,
    /// Where it came from: the document security store, the signature's CMS, or fetched.
    #[schema(schema_with = evidence_source)]
    pub source: &'static str,
    /// OCSP producedAt or CRL thisUpdate.
    #[schema(value_type = String, format = DateTime)]
    pub issued_at: chrono::DateTime<chrono::Utc>,
    /// OCSP or CRL nextUpdate.
    #[schema(required, value_type = Option<String>, format = DateTime)]
    pub next_update: Option<chrono::DateTime<chrono::Utc>>,
    #[schema(schema_with = evidence_status)]
    pub status: &'static str,
    /// When revoked: the revocation time.
    #[schema(required, value_type = Option<String>, format = DateTime)]
    pub revoked_at: Option<chrono::DateTime<chrono::Utc>>,
    /// When revoked: the reason, in RFC 5280's names in snake case (`key_compromise`, …).
    #[schema(required)]
    pub reason: Option<String>,
}

impl RevocationEvidenceView {
    pub fn new(e: &signet_pdf::RevocationEvidence) -> RevocationEvidenceView {
        RevocationEvidenceView {
            certificate: e.certificate.clone(),
            serial: e.serial.clone(),
            kind: e.kind,
            source: e.source,
            issued_at: e.issued_at,
            next_update: e.next_update,
            status: e.status,
            revoked_at: e.revoked_at,
            reason: e.reason.map(str::to_string),
        }
    }
}

/// One signature or document timestamp of a verified file, as found and judged.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = SignatureCheck)]
pub struct SignatureCheckView {
    /// The signature field's full name.
    pub field: String,
    /// Who signed: the signature's /Name, else the certificate's common name.
    pub signer: String,
    /// The signing certificate's subject (RFC 4514), empty if not found.
    pub certificate_subject: String,
    /// The best known signing time: the timestamp's if a valid one exists, else /M.
    #[schema(required, value_type = Option<String>, format = DateTime)]
    pub time: Option<chrono::DateTime<chrono::Utc>>,
    /// The time claimed in /M.
    #[schema(required, value_type = Option<String>, format = DateTime)]
    pub claimed_time: Option<chrono::DateTime<chrono::Utc>>,
    /// The time of the signature timestamp (or of the document timestamp itself).
    #[schema(required, value_type = Option<String>, format = DateTime)]
    pub timestamp_time: Option<chrono::DateTime<chrono::Utc>>,
    /// The format /SubFilter claims: `PAdES`, `PKCS7`, `document-timestamp` or the SubFilter.
    pub claimed_level: String,
    /// The level the checks support (`none` when the signature failed).
    #[schema(schema_with = detected_level)]
    pub detected_level: String,
    #[schema(schema_with = indication)]
    pub indication: &'static str,
    /// ETSI EN 319 102-1 sub-indication (`HASH_FAILURE`, `NO_CERTIFICATE_CHAIN_FOUND`, …).
    #[schema(required)]
    pub sub_indication: Option<String>,
    pub covers_whole_file: bool,
    #[schema(schema_with = later_changes)]
    pub later_changes: &'static str,
    #[schema(schema_with = byte_range)]
    pub byte_range: [u64; 4],
    pub is_document_timestamp: bool,
    /// Whether the signature dictionary says Signet wrote it.
    pub written_by_signet: bool,
    /// Made under Signet's test-mode CA: never a real signature, whatever name it carries.
    pub test_mode: bool,
    /// Human-readable reasons behind the indication.
    pub details: Vec<String>,
    /// The earliest time a trusted timestamp proves the signature existed (its signature
    /// timestamp or a later document timestamp).
    #[schema(required, value_type = Option<String>, format = DateTime)]
    pub proof_of_existence: Option<chrono::DateTime<chrono::Utc>>,
    /// The revocation evidence the verdict used, per certificate.
    pub revocation: Vec<RevocationEvidenceView>,
}

impl SignatureCheckView {
    pub fn new(s: &signet_pdf::SignatureReport) -> SignatureCheckView {
        SignatureCheckView {
            field: s.field.clone(),
            signer: s.signer.clone(),
            certificate_subject: s.certificate_subject.clone(),
            time: s.time,
            claimed_time: s.claimed_time,
            timestamp_time: s.timestamp_time,
            claimed_level: s.claimed_level.clone(),
            detected_level: s.detected_level.clone(),
            indication: indication_word(s.indication),
            sub_indication: s.sub_indication.clone(),
            covers_whole_file: s.covers_whole_file,
            later_changes: later_changes_word(s.later_changes),
            byte_range: s.byte_range,
            is_document_timestamp: s.is_document_timestamp,
            written_by_signet: s.written_by_signet,
            test_mode: s.test_mode,
            details: s.details.clone(),
            proof_of_existence: s.proof_of_existence,
            revocation: s
                .revocation
                .iter()
                .map(RevocationEvidenceView::new)
                .collect(),
        }
    }
}

/// The report of `POST /v1/verify`.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = VerificationReport)]
pub struct VerificationView {
    /// Every signature and document timestamp, in file order.
    pub signatures: Vec<SignatureCheckView>,
    /// Every signature was written by Signet and passed, and the last covers the whole file:
    /// the file is exactly as Signet left it (judged against Signet's roots).
    pub produced_by_signet: bool,
    /// Some signature was made in Signet's test mode.
    pub test_mode: bool,
    /// The time certificates were judged at.
    #[schema(required, value_type = Option<String>, format = DateTime)]
    pub validation_time: Option<chrono::DateTime<chrono::Utc>>,
    /// Whether revocation data was required (`required`) or used when present.
    #[schema(schema_with = revocation_policy)]
    pub revocation_policy: &'static str,
    /// Whether missing revocation data was fetched online (never by `POST /v1/verify`).
    pub online: bool,
}

impl VerificationView {
    pub fn new(r: &signet_pdf::VerificationReport) -> VerificationView {
        VerificationView {
            signatures: r.signatures.iter().map(SignatureCheckView::new).collect(),
            produced_by_signet: r.produced_by_signet,
            test_mode: r.test_mode,
            validation_time: r.validation_time,
            revocation_policy: r.revocation_policy.as_str(),
            online: r.online,
        }
    }
}
