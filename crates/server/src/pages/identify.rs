//! `/identify/{token}`: the applicant's page of an identification. Consent (terms and data
//! processing, each recorded with its time), then for the `document` method the ID
//! document's images and a selfie by camera or file, the machine-readable zone when the
//! applicant wants to type it, and the mobile number with a code; then submission for
//! review. For a video identification in test mode (`X-MANUALTEST-…`) the page plays the
//! applicant's part of the sandbox: the static ident code and the number.
//!
//! Server-rendered, no script: every step is a form that answers with a redirect back to
//! the page (or the page again with the error), so the browser's back button and a reload
//! never resend anything. English and German by the browser's language.

use super::i18n::Lang;
use super::{esc, html, layout, secure};
use crate::error::ApiError;
use crate::identify::{self, Opened};
use crate::state::AppState;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use signet_core::identification::{
    CodeOutcome, IdDocumentKind, Identification, ImageSlot, Method, Missing, Status,
};
use signet_core::time::Timestamp;
use signet_store::Mode;

/// The page's words in one language.
struct Words {
    title: &'static str,
    asks: &'static str,
    intro: &'static str,
    terms: &'static str,
    data: &'static str,
    start: &'static str,
    not_now: &'static str,
    consent_needed: &'static str,
    document: &'static str,
    passport: &'static str,
    idcard: &'static str,
    choose: &'static str,
    front: &'static str,
    back: &'static str,
    selfie: &'static str,
    selfie_hint: &'static str,
    selfie_label: &'static str,
    photo_hint: &'static str,
    upload: &'static str,
    replace: &'static str,
    received: &'static str,
    mrz: &'static str,
    mrz_hint: &'static str,
    save: &'static str,
    phone: &'static str,
    phone_label: &'static str,
    send_code: &'static str,
    code_label: &'static str,
    confirm_code: &'static str,
    code_sent: &'static str,
    verified: &'static str,
    submit: &'static str,
    missing: &'static str,
    sandbox_hint: &'static str,
    ident_code: &'static str,
    finish: &'static str,
    under_review: &'static str,
    in_progress: &'static str,
    successful: &'static str,
    failed: &'static str,
    canceled: &'static str,
    aborted: &'static str,
    start_again: &'static str,
    expired: &'static str,
    valid_until: &'static str,
    wrong_code: &'static str,
    spent_code: &'static str,
    not_found_title: &'static str,
    not_found: &'static str,
    later: &'static str,
}

const EN: Words = Words {
    title: "Prove your identity",
    asks: "asks you to prove your identity.",
    intro: "You need your passport or national ID card, a phone to receive a code, and a few minutes. Photos can be taken with your camera or chosen from your files.",
    terms: "I accept the terms of use of this identification.",
    data: "I agree that my ID document, my photo and my mobile number are processed to identify me.",
    start: "Start",
    not_now: "Not now",
    consent_needed: "Please tick both boxes to start.",
    document: "1. Your ID document",
    passport: "Passport",
    idcard: "National ID card",
    choose: "Continue",
    front: "Front of the document (the page with your photo)",
    back: "Back of the ID card",
    selfie: "2. A photo of your face",
    selfie_hint: "Look straight into the camera in good light, without glasses or hat.",
    selfie_label: "Photo of your face",
    photo_hint: "The whole document, sharp and without glare. JPEG or PNG, at most 10 MB.",
    upload: "Upload",
    replace: "Replace",
    received: "Received",
    mrz: "Machine-readable lines (optional)",
    mrz_hint: "The 2 or 3 lines of letters, digits and < at the bottom of the photo page or on the back of the ID card. Typing them speeds up the review.",
    save: "Save",
    phone: "3. Your mobile number",
    phone_label: "Mobile number, with country code",
    send_code: "Send code",
    code_label: "Code from the text message",
    confirm_code: "Confirm",
    code_sent: "We sent a code to",
    verified: "Confirmed:",
    submit: "Send for review",
    missing: "Still needed:",
    sandbox_hint: "Test mode: the code is 123456.",
    ident_code: "Ident code",
    finish: "Finish",
    under_review: "Thank you. A reviewer is checking your documents; you will hear from the requester. You can close this page.",
    in_progress: "Thank you. Your identification is being completed; you will hear from the requester. You can close this page.",
    successful: "You have been identified. You can close this page.",
    failed: "We could not identify you. The requester will contact you.",
    canceled: "Your identification could not be completed. You can start again with this link.",
    aborted: "You stopped your identification. You can start again with this link whenever you are ready.",
    start_again: "Start again",
    expired: "This link has expired. Ask the requester for a new one.",
    valid_until: "This link is valid until",
    wrong_code: "That code is not right. Tries left:",
    spent_code: "That code no longer works. Ask for a new code.",
    not_found_title: "Link not found",
    not_found: "This link does not exist. Check that you copied all of it, or ask the requester for a new one.",
    later: "That did not work. Please try again in a moment.",
};

const DE: Words = Words {
    title: "Identität nachweisen",
    asks: "bittet Sie, Ihre Identität nachzuweisen.",
    intro: "Sie brauchen Ihren Reisepass oder Personalausweis, ein Telefon für einen Code und einige Minuten. Fotos können Sie mit der Kamera aufnehmen oder aus Ihren Dateien wählen.",
    terms: "Ich akzeptiere die Nutzungsbedingungen dieser Identifizierung.",
    data: "Ich bin einverstanden, dass mein Ausweis, mein Foto und meine Mobilnummer zu meiner Identifizierung verarbeitet werden.",
    start: "Beginnen",
    not_now: "Nicht jetzt",
    consent_needed: "Bitte kreuzen Sie beide Kästchen an.",
    document: "1. Ihr Ausweisdokument",
    passport: "Reisepass",
    idcard: "Personalausweis",
    choose: "Weiter",
    front: "Vorderseite (die Seite mit Ihrem Foto)",
    back: "Rückseite des Ausweises",
    selfie: "2. Ein Foto Ihres Gesichts",
    selfie_hint: "Schauen Sie bei gutem Licht gerade in die Kamera, ohne Brille oder Hut.",
    selfie_label: "Foto Ihres Gesichts",
    photo_hint: "Das ganze Dokument, scharf und ohne Spiegelung. JPEG oder PNG, höchstens 10 MB.",
    upload: "Hochladen",
    replace: "Ersetzen",
    received: "Erhalten",
    mrz: "Maschinenlesbare Zeilen (freiwillig)",
    mrz_hint: "Die 2 oder 3 Zeilen aus Buchstaben, Ziffern und < unten auf der Fotoseite oder auf der Rückseite des Ausweises. Mit ihnen geht die Prüfung schneller.",
    save: "Speichern",
    phone: "3. Ihre Mobilnummer",
    phone_label: "Mobilnummer mit Ländervorwahl",
    send_code: "Code senden",
    code_label: "Code aus der SMS",
    confirm_code: "Bestätigen",
    code_sent: "Wir haben einen Code gesendet an",
    verified: "Bestätigt:",
    submit: "Zur Prüfung senden",
    missing: "Es fehlt noch:",
    sandbox_hint: "Testmodus: Der Code ist 123456.",
    ident_code: "Ident-Code",
    finish: "Abschließen",
    under_review: "Vielen Dank. Ihre Unterlagen werden geprüft; Sie hören vom Anfragenden. Sie können diese Seite schließen.",
    in_progress: "Vielen Dank. Ihre Identifizierung wird abgeschlossen; Sie hören vom Anfragenden. Sie können diese Seite schließen.",
    successful: "Sie wurden identifiziert. Sie können diese Seite schließen.",
    failed: "Wir konnten Sie nicht identifizieren. Der Anfragende meldet sich bei Ihnen.",
    canceled: "Ihre Identifizierung konnte nicht abgeschlossen werden. Sie können mit diesem Link neu beginnen.",
    aborted: "Sie haben die Identifizierung unterbrochen. Sie können mit diesem Link jederzeit neu beginnen.",
    start_again: "Neu beginnen",
    expired: "Dieser Link ist abgelaufen. Bitten Sie den Anfragenden um einen neuen.",
    valid_until: "Dieser Link gilt bis",
    wrong_code: "Der Code stimmt nicht. Verbleibende Versuche:",
    spent_code: "Dieser Code gilt nicht mehr. Fordern Sie einen neuen Code an.",
    not_found_title: "Link nicht gefunden",
    not_found: "Diesen Link gibt es nicht. Prüfen Sie, ob Sie ihn vollständig kopiert haben, oder bitten Sie den Anfragenden um einen neuen.",
    later: "Das hat nicht geklappt. Bitte versuchen Sie es gleich noch einmal.",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::De => &DE,
    }
}

fn lang_of(headers: &HeaderMap, ident: Option<&Identification>) -> Lang {
    let browser = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    match (browser, ident.and_then(|i| i.language.as_deref())) {
        // The browser's preference first; the integrator's `language` when it says nothing.
        (None, Some("DE")) => Lang::De,
        _ => Lang::from_accept_language(browser),
    }
}

fn not_found(lang: Lang) -> Response {
    let w = words(lang);
    let body = format!(
        r#"<h1>{title}</h1>
<div class="card"><p id="status" data-status="not_found" role="status">{text}</p></div>"#,
        title = esc(w.not_found_title),
        text = esc(w.not_found),
    );
    html(
        StatusCode::NOT_FOUND,
        layout(lang, w.not_found_title, &body),
    )
}

/// A refused step in the applicant's words.
fn error_text(lang: Lang, e: &ApiError) -> String {
    let w = words(lang);
    let de = lang == Lang::De;
    if e.status.is_server_error() {
        return w.later.into();
    }
    match (e.code.as_str(), e.return_code()) {
        ("image_refused", Some(2026)) if de => {
            "Das Foto ist zu groß. Bitte senden Sie ein kleineres (höchstens 10 MB).".into()
        }
        ("image_refused", _) if de => {
            "Bitte senden Sie ein scharfes Foto als JPEG oder PNG (mindestens 480 Pixel an der kurzen Seite).".into()
        }
        ("mrz_invalid", _) if de => format!(
            "Die Zeilen stimmen nicht: {}. Bitte prüfen Sie sie auf Tippfehler.",
            e.detail
        ),
        ("invalid_model", _) if de => {
            "Bitte geben Sie eine Mobilnummer mit Ländervorwahl ein, z. B. +49 151 12345678.".into()
        }
        ("otp_invalid", _) if de => "Der Code stimmt nicht.".into(),
        ("too_many_codes", _) if de => {
            "Es wurden zu viele Codes gesendet. Wählen Sie „Nicht jetzt“ und beginnen Sie später neu, oder wenden Sie sich an den Anfragenden.".into()
        }
        ("code_limit_reached", _) if de => {
            "Für diese Identifizierung wurden so viele Codes gesendet, wie möglich sind. Bitte wenden Sie sich an den Anfragenden.".into()
        }
        ("code_limit_reached", _) => {
            "This identification was sent as many codes as it may have. Please contact the requester.".into()
        }
        ("rate_limited", _) if de => {
            "Es wurden gerade zu viele Codes gesendet. Bitte versuchen Sie es später noch einmal.".into()
        }
        ("rate_limited", _) => {
            "Too many codes were sent just now. Please try again later.".into()
        }
        ("sms_country_not_allowed", _) if de => {
            "An Nummern dieses Landes können wir keine Codes senden. Bitte geben Sie eine andere Mobilnummer an.".into()
        }
        ("invalid_model", _) => {
            "Please give a mobile number with its country code, for example +49 151 12345678.".into()
        }
        _ => e.detail.clone(),
    }
}

fn back(token: &str) -> Response {
    let mut r = Redirect::to(&format!("/identify/{token}")).into_response();
    secure(&mut r, "text/html; charset=utf-8");
    r
}

fn format_time(lang: Lang, t: &Timestamp) -> String {
    match lang {
        Lang::En => t.format("%-d %B %Y, %H:%M UTC").to_string(),
        Lang::De => t.format("%d.%m.%Y, %H:%M UTC").to_string(),
    }
}

fn missing_text(lang: Lang, m: Missing) -> &'static str {
    let w = words(lang);
    match m {
        Missing::Consent => w.start,
        Missing::DocumentKind => w.document,
        Missing::Front => w.front,
        Missing::Back => w.back,
        Missing::Selfie => w.selfie,
        Missing::Phone => w.phone,
    }
}

/// Where the applicant stands, as the `data-status` word tests and assistive tools read.
fn stage(o: &Opened) -> &'static str {
    let i = &o.identification;
    match i.status {
        Status::Successful => "successful",
        Status::Failed => "failed",
        _ if !i.url_is_valid(o.now) && i.capture.submitted_at.is_none() => "expired",
        Status::Canceled => "canceled",
        Status::Aborted => "aborted",
        Status::PendingSuccessful | Status::PendingFailed => "under_review",
        Status::Pending if i.capture.submitted_at.is_some() => {
            if i.method == Method::Document {
                "under_review"
            } else {
                "in_progress"
            }
        }
        Status::Pending if i.capture.data_processing_consented_at.is_none() => "consent",
        Status::Pending => "capture",
        Status::Created => "expired",
    }
}

fn consent_form(base: &str, w: &Words, again: bool) -> String {
    format!(
        r#"<form id="consent-form" class="card" method="post" action="{base}/consent">
<label class="check" for="terms"><input type="checkbox" id="terms" name="terms" value="on"> <span>{terms}</span></label>
<label class="check" for="data"><input type="checkbox" id="data" name="data" value="on"> <span>{data}</span></label>
<p><button id="start" type="submit">{start}</button></p>
</form>
"#,
        terms = esc(w.terms),
        data = esc(w.data),
        start = esc(if again { w.start_again } else { w.start }),
    )
}

fn image_form(
    base: &str,
    w: &Words,
    slot: ImageSlot,
    label: &str,
    have: bool,
    capture: &str,
) -> String {
    let name = slot.as_str();
    let done = if have {
        format!(
            r#" <span class="done" id="{name}-received">✓ {}</span>"#,
            esc(w.received)
        )
    } else {
        String::new()
    };
    format!(
        r#"<form id="{name}-form" class="upload" method="post" action="{base}/images/{name}" enctype="multipart/form-data">
<label for="{name}-file">{label}</label>{done}
<input type="file" id="{name}-file" name="image" accept="image/jpeg,image/png" capture="{capture}" required>
<button id="{name}-upload" class="secondary" type="submit">{button}</button>
</form>
"#,
        label = esc(label),
        button = esc(if have { w.replace } else { w.upload }),
    )
}

fn capture_forms(o: &Opened, base: &str, lang: Lang) -> String {
    let w = words(lang);
    let i = &o.identification;
    let c = &i.capture;
    let mut out = String::new();
    if i.method == Method::Idnow {
        // The sandbox's part of the applicant in a video identification.
        out.push_str(&format!(
            r#"<form id="sandbox-form" class="card" method="post" action="{base}/sandbox">
<p class="hint">{hint}</p>
<label for="mobile_number">{phone}</label>
<input type="tel" id="mobile_number" name="mobile_number" autocomplete="tel" inputmode="tel">
<label for="ident_code">{code}</label>
<input type="text" id="ident_code" name="ident_code" autocomplete="one-time-code" inputmode="numeric" maxlength="6" required>
<p><button id="finish" type="submit">{finish}</button></p>
</form>
"#,
            hint = esc(w.sandbox_hint),
            phone = esc(w.phone_label),
            code = esc(w.ident_code),
            finish = esc(w.finish),
        ));
        return out;
    }
    // 1. The document.
    let checked = |k: IdDocumentKind| {
        if c.document_kind == Some(k) {
            " checked"
        } else {
            ""
        }
    };
    out.push_str(&format!(
        r#"<section class="card" id="document-step">
<h2>{title}</h2>
<form id="document-form" method="post" action="{base}/document">
<fieldset><legend class="sr-only">{title}</legend>
<label class="check" for="kind-passport"><input type="radio" id="kind-passport" name="document_type" value="PASSPORT"{p}> <span>{passport}</span></label>
<label class="check" for="kind-idcard"><input type="radio" id="kind-idcard" name="document_type" value="IDCARD"{i}> <span>{idcard}</span></label>
</fieldset>
<button id="choose" class="secondary" type="submit">{choose}</button>
</form>
"#,
        title = esc(w.document),
        p = checked(IdDocumentKind::Passport),
        i = checked(IdDocumentKind::Idcard),
        passport = esc(w.passport),
        idcard = esc(w.idcard),
        choose = esc(w.choose),
    ));
    if let Some(kind) = c.document_kind {
        out.push_str(&format!("<p class=\"hint\">{}</p>\n", esc(w.photo_hint)));
        out.push_str(&image_form(
            base,
            w,
            ImageSlot::Front,
            w.front,
            c.front.is_some(),
            "environment",
        ));
        if kind.needs_back() {
            out.push_str(&image_form(
                base,
                w,
                ImageSlot::Back,
                w.back,
                c.back.is_some(),
                "environment",
            ));
        }
        out.push_str(&format!(
            r#"<form id="mrz-form" method="post" action="{base}/mrz">
<label for="mrz">{label}</label>
<p class="hint" id="mrz-hint">{hint}</p>
<textarea id="mrz" name="mrz" rows="3" class="mrz" spellcheck="false" autocapitalize="characters" autocomplete="off" aria-describedby="mrz-hint">{value}</textarea>
<button id="mrz-save" class="secondary" type="submit">{save}</button>
</form>
"#,
            label = esc(w.mrz),
            hint = esc(w.mrz_hint),
            value = esc(c.mrz.as_deref().unwrap_or("")),
            save = esc(w.save),
        ));
    }
    out.push_str("</section>\n");
    // 2. The selfie.
    out.push_str(&format!(
        "<section class=\"card\" id=\"selfie-step\">\n<h2>{}</h2>\n<p class=\"hint\">{}</p>\n{}</section>\n",
        esc(w.selfie),
        esc(w.selfie_hint),
        image_form(base, w, ImageSlot::Selfie, w.selfie_label, c.selfie.is_some(), "user"),
    ));
    // 3. The phone.
    out.push_str(&format!(
        "<section class=\"card\" id=\"phone-step\">\n<h2>{}</h2>\n",
        esc(w.phone)
    ));
    if let Some(n) = &c.phone_verified {
        out.push_str(&format!(
            "<p id=\"phone-verified\" class=\"done\">✓ {} {}</p>\n",
            esc(w.verified),
            esc(n)
        ));
    }
    out.push_str(&format!(
        r#"<form id="phone-form" method="post" action="{base}/phone">
<label for="mobile_number">{label}</label>
<input type="tel" id="mobile_number" name="mobile_number" autocomplete="tel" inputmode="tel" required value="{value}">
<button id="send-code" class="secondary" type="submit">{send}</button>
</form>
"#,
        label = esc(w.phone_label),
        value = esc(c
            .phone_code
            .as_ref()
            .map(|p| p.number.as_str())
            .or(c.phone_verified.as_deref())
            .unwrap_or("")),
        send = esc(w.send_code),
    ));
    if let Some(p) = &c.phone_code {
        out.push_str(&format!(
            r#"<p id="code-sent">{sent} {number}</p>
<form id="code-form" method="post" action="{base}/phone/code">
<label for="code">{label}</label>
<input type="text" id="code" name="code" autocomplete="one-time-code" inputmode="numeric" pattern="[0-9]{{6}}" maxlength="6" required>
<button id="confirm-code" type="submit">{confirm}</button>
</form>
"#,
            sent = esc(w.code_sent),
            number = esc(&p.number),
            label = esc(w.code_label),
            confirm = esc(w.confirm_code),
        ));
        if o.mode == Mode::Test {
            out.push_str(&format!(
                "<p class=\"hint\" id=\"sandbox-hint\">{}</p>\n",
                esc(w.sandbox_hint)
            ));
        }
    }
    out.push_str("</section>\n");
    // Submission.
    let missing = i.missing();
    out.push_str(&format!(
        r#"<form id="submit-form" class="card" method="post" action="{base}/submit">
"#
    ));
    if !missing.is_empty() {
        let items: Vec<String> = missing
            .iter()
            .map(|m| format!("<li>{}</li>", esc(missing_text(lang, *m))))
            .collect();
        out.push_str(&format!(
            "<p id=\"missing\">{}</p>\n<ul>{}</ul>\n",
            esc(w.missing),
            items.join("")
        ));
    }
    out.push_str(&format!(
        "<button id=\"submit\" type=\"submit\">{}</button>\n</form>\n",
        esc(w.submit)
    ));
    out
}

fn render(o: &Opened, lang: Lang, base: &str, error: Option<&str>, status: StatusCode) -> Response {
    let w = words(lang);
    let i = &o.identification;
    let stage = stage(o);
    let mut body = format!(
        "<h1>{}</h1>\n<p class=\"from\"><strong>{}</strong> {}</p>\n",
        esc(w.title),
        esc(&o.tenant.name),
        esc(w.asks)
    );
    let text = match stage {
        "successful" => w.successful,
        "failed" => w.failed,
        "expired" => w.expired,
        "canceled" => w.canceled,
        "aborted" => w.aborted,
        "under_review" => w.under_review,
        "in_progress" => w.in_progress,
        _ => w.intro,
    };
    body.push_str(&format!(
        "<div class=\"card\">\n<p id=\"status\" data-status=\"{stage}\" role=\"status\">{}</p>\n",
        esc(text)
    ));
    if matches!(stage, "consent" | "capture")
        && let Some(exp) = i.url_expires_at
    {
        body.push_str(&format!(
            "<p class=\"deadline\">{} {}</p>\n",
            esc(w.valid_until),
            esc(&format_time(lang, &exp))
        ));
    }
    body.push_str("</div>\n");
    if let Some(e) = error {
        body.push_str(&format!(
            "<p id=\"error\" role=\"alert\" class=\"card\">{}</p>\n",
            esc(e)
        ));
    }
    match stage {
        "consent" => body.push_str(&consent_form(base, w, false)),
        "canceled" | "aborted" => body.push_str(&consent_form(base, w, true)),
        "capture" => {
            body.push_str(&capture_forms(o, base, lang));
            body.push_str(&format!(
                r#"<form id="abort-form" method="post" action="{base}/abort"><button id="not-now" class="secondary" type="submit">{}</button></form>
"#,
                esc(w.not_now)
            ));
        }
        _ => {}
    }
    html(status, layout(lang, w.title, &body))
}

/// Loads the page's identification, or answers with the 404 page / the error page.
async fn opened(
    state: &AppState,
    token: &str,
    headers: &HeaderMap,
) -> Result<(Opened, Lang), Response> {
    match identify::open(state, token).await {
        Ok(o) => {
            let lang = lang_of(headers, Some(&o.identification));
            Ok((o, lang))
        }
        Err(e) if e.status == StatusCode::NOT_FOUND => Err(not_found(lang_of(headers, None))),
        Err(e) => {
            let lang = lang_of(headers, None);
            Err(html(
                StatusCode::SERVICE_UNAVAILABLE,
                layout(
                    lang,
                    words(lang).title,
                    &format!(
                        "<p id=\"error\" role=\"alert\" class=\"card\">{}</p>",
                        esc(&error_text(lang, &e))
                    ),
                ),
            ))
        }
    }
}

/// After a step: back to the page, or the page again with what went wrong.
async fn after(
    state: &AppState,
    token: &str,
    headers: &HeaderMap,
    result: Result<(), (ApiError, Option<String>)>,
) -> Response {
    let (e, text) = match result {
        Ok(()) => return back(token),
        Err(err) => err,
    };
    match opened(state, token, headers).await {
        Ok((o, lang)) => {
            let status = if e.status.is_server_error() {
                StatusCode::SERVICE_UNAVAILABLE
            } else {
                e.status
            };
            let text = text.unwrap_or_else(|| error_text(lang, &e));
            let mut r = render(&o, lang, &format!("/identify/{token}"), Some(&text), status);
            if let Some(s) = e.retry_after {
                r.headers_mut().insert(
                    axum::http::header::RETRY_AFTER,
                    axum::http::HeaderValue::from(s),
                );
            }
            r
        }
        Err(r) => r,
    }
}

/// The applicant's page.
pub async fn page(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    match opened(&state, &token, &headers).await {
        Ok((o, lang)) => render(
            &o,
            lang,
            &format!("/identify/{token}"),
            None,
            StatusCode::OK,
        ),
        Err(r) => r,
    }
}

#[derive(Deserialize)]
pub struct ConsentForm {
    terms: Option<String>,
    data: Option<String>,
}

pub async fn consent(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    form: Result<Form<ConsentForm>, FormRejection>,
) -> Response {
    let both = form.is_ok_and(|Form(f)| f.terms.is_some() && f.data.is_some());
    if !both {
        let lang = lang_of(&headers, None);
        let e = ApiError::field(
            "consent",
            "both the terms and the data processing must be accepted",
        );
        return after(
            &state,
            &token,
            &headers,
            Err((e, Some(words(lang).consent_needed.to_owned()))),
        )
        .await;
    }
    let r = identify::consent(&state, &token).await;
    after(&state, &token, &headers, r.map_err(|e| (e, None))).await
}

pub async fn abort(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let r = identify::abort(&state, &token).await;
    after(&state, &token, &headers, r.map_err(|e| (e, None))).await
}

#[derive(Deserialize)]
pub struct DocumentForm {
    document_type: Option<String>,
}

pub async fn document(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    form: Result<Form<DocumentForm>, FormRejection>,
) -> Response {
    let kind = form
        .ok()
        .and_then(|Form(f)| f.document_type)
        .unwrap_or_default();
    let r = identify::choose_document(&state, &token, &kind).await;
    after(&state, &token, &headers, r.map_err(|e| (e, None))).await
}

pub async fn image(
    State(state): State<AppState>,
    Path((token, slot)): Path<(String, String)>,
    headers: HeaderMap,
    req: Request,
) -> Response {
    let slot = match slot.as_str() {
        "front" => ImageSlot::Front,
        "back" => ImageSlot::Back,
        "selfie" => ImageSlot::Selfie,
        _ => return not_found(lang_of(&headers, None)),
    };
    let mut bytes = None;
    if let Ok(mut mp) = Multipart::from_request(req, &state).await {
        while let Ok(Some(field)) = mp.next_field().await {
            if field.name() == Some("image") {
                bytes = field.bytes().await.ok();
                break;
            }
        }
    }
    let r = match bytes {
        Some(b) => identify::upload(&state, &token, slot, b.to_vec()).await,
        None => Err(ApiError::new(
            signet_core::catalog::ErrorCode::ImageRefused,
            "Please choose a photo (JPEG or PNG, at most 10 MB).",
        )
        .with_return_code(match slot {
            ImageSlot::Front => 2001,
            ImageSlot::Back => 2003,
            ImageSlot::Selfie => 2004,
        })),
    };
    after(&state, &token, &headers, r.map_err(|e| (e, None))).await
}

#[derive(Deserialize)]
pub struct MrzForm {
    mrz: Option<String>,
}

pub async fn mrz(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    form: Result<Form<MrzForm>, FormRejection>,
) -> Response {
    let text = form.ok().and_then(|Form(f)| f.mrz).unwrap_or_default();
    let r = identify::give_mrz(&state, &token, &text).await;
    after(&state, &token, &headers, r.map_err(|e| (e, None))).await
}

#[derive(Deserialize)]
pub struct PhoneForm {
    mobile_number: Option<String>,
}

pub async fn phone(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    form: Result<Form<PhoneForm>, FormRejection>,
) -> Response {
    let number = form
        .ok()
        .and_then(|Form(f)| f.mobile_number)
        .unwrap_or_default();
    let r = identify::send_phone_code(&state, &token, &number).await;
    after(&state, &token, &headers, r.map_err(|e| (e, None))).await
}

#[derive(Deserialize)]
pub struct CodeForm {
    code: Option<String>,
}

pub async fn code(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    form: Result<Form<CodeForm>, FormRejection>,
) -> Response {
    let code = form.ok().and_then(|Form(f)| f.code).unwrap_or_default();
    let lang = lang_of(&headers, None);
    let w = words(lang);
    let r = match identify::enter_phone_code(&state, &token, &code).await {
        Ok(CodeOutcome::Verified) => Ok(()),
        Ok(CodeOutcome::Wrong { left }) => Err((
            ApiError::new(signet_core::catalog::ErrorCode::OtpInvalid, "wrong code"),
            Some(format!("{} {left}", w.wrong_code)),
        )),
        Ok(CodeOutcome::Spent | CodeOutcome::NoCode) => Err((
            ApiError::new(signet_core::catalog::ErrorCode::OtpMissing, "spent"),
            Some(w.spent_code.to_owned()),
        )),
        Err(e) => Err((e, None)),
    };
    after(&state, &token, &headers, r).await
}

pub async fn submit(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let r = identify::submit(&state, &token).await;
    after(&state, &token, &headers, r.map_err(|e| (e, None))).await
}

#[derive(Deserialize)]
pub struct SandboxForm {
    ident_code: Option<String>,
    mobile_number: Option<String>,
}

pub async fn sandbox(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    form: Result<Form<SandboxForm>, FormRejection>,
) -> Response {
    let (code, number) = form
        .ok()
        .map(|Form(f)| (f.ident_code.unwrap_or_default(), f.mobile_number))
        .unwrap_or_default();
    let r = identify::sandbox_complete(&state, &token, &code, number.as_deref()).await;
    after(&state, &token, &headers, r.map_err(|e| (e, None))).await
}
