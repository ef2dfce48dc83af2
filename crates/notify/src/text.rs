//! The localized wording of the messages.

use crate::{Language, OtpMessage, VerificationMessage};

/// Longest document name shown in an SMS, in characters; longer names are shortened with
/// an ellipsis so the message stays within two segments.
const SMS_DOCUMENT_CHARS: usize = 40;

/// The email's subject. Deliberately without the code: subjects are shown on lock screens and
/// in notification previews, where anyone near the phone could read it.
pub(crate) fn email_subject(msg: &OtpMessage) -> String {
    let document = one_line(&msg.document_name);
    match msg.language {
        Language::En => format!("Your code to sign “{document}”"),
        Language::De => format!("Ihr Code zum Unterschreiben von „{document}“"),
    }
}

/// The plain-text body.
pub(crate) fn email_text(msg: &OtpMessage) -> String {
    let name = one_line(&msg.signer_name);
    let document = one_line(&msg.document_name);
    let issuer = one_line(&msg.issuer);
    let code = &msg.code;
    let validity = minutes(msg.valid_minutes, msg.language);
    match msg.language {
        Language::En => format!(
            "Hello {name},\n\n\
             Your code to sign “{document}”: {code}. It is valid for {validity}. \
             If you did not ask for it, ignore this message.\n\n\
             {issuer} asked you to sign this document with Signet.\n"
        ),
        Language::De => format!(
            "Guten Tag {name},\n\n\
             Ihr Code zum Unterschreiben von „{document}“: {code}. Er ist {validity} gültig. \
             Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese Nachricht.\n\n\
             {issuer} hat Sie gebeten, dieses Dokument mit Signet zu unterschreiben.\n"
        ),
    }
}

/// The HTML body: the same words, every value escaped (document and signer names come from
/// the tenant's API calls).
pub(crate) fn email_html(msg: &OtpMessage) -> String {
    let name = html_escape(&one_line(&msg.signer_name));
    let document = html_escape(&one_line(&msg.document_name));
    let issuer = html_escape(&one_line(&msg.issuer));
    let code = html_escape(&msg.code);
    let validity = minutes(msg.valid_minutes, msg.language);
    let code_block = format!(
        "<p style=\"font-size:28px;font-weight:bold;letter-spacing:4px;\
         font-family:monospace\">{code}</p>"
    );
    let (lang, body) = match msg.language {
        Language::En => (
            "en",
            format!(
                "<p>Hello {name},</p>\n\
                 <p>Your code to sign “{document}”:</p>\n{code_block}\n\
                 <p>It is valid for {validity}. If you did not ask for it, ignore this message.</p>\n\
                 <p style=\"color:#666\">{issuer} asked you to sign this document with Signet.</p>"
            ),
        ),
        Language::De => (
            "de",
            format!(
                "<p>Guten Tag {name},</p>\n\
                 <p>Ihr Code zum Unterschreiben von „{document}“:</p>\n{code_block}\n\
                 <p>Er ist {validity} gültig. Wenn Sie ihn nicht angefordert haben, \
                 ignorieren Sie diese Nachricht.</p>\n\
                 <p style=\"color:#666\">{issuer} hat Sie gebeten, dieses Dokument mit Signet \
                 zu unterschreiben.</p>"
            ),
        ),
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"></head>\n\
         <body style=\"font-family:sans-serif\">\n{body}\n</body></html>\n"
    )
}

/// The SMS text.
pub(crate) fn sms_body(msg: &OtpMessage) -> String {
    let document = shorten(&one_line(&msg.document_name), SMS_DOCUMENT_CHARS);
    let code = &msg.code;
    let validity = minutes(msg.valid_minutes, msg.language);
    match msg.language {
        Language::En => {
            format!("{code} is your Signet code to sign “{document}”. Valid {validity}.")
        }
        Language::De => format!(
            "{code} ist Ihr Signet-Code zum Unterschreiben von „{document}“. {} gültig.",
            capitalized(&validity)
        ),
    }
}

/// The SMS text that verifies an applicant's mobile number.
pub(crate) fn verification_sms_body(msg: &VerificationMessage) -> String {
    let issuer = shorten(&one_line(&msg.issuer), SMS_DOCUMENT_CHARS);
    let code = &msg.code;
    let validity = minutes(msg.valid_minutes, msg.language);
    match msg.language {
        Language::En => {
            format!(
                "{code} is your Signet code to confirm your number for {issuer}. Valid {validity}."
            )
        }
        Language::De => format!(
            "{code} ist Ihr Signet-Code, um Ihre Nummer für {issuer} zu bestätigen. {} gültig.",
            capitalized(&validity)
        ),
    }
}

fn minutes(n: u32, language: Language) -> String {
    match (language, n) {
        (Language::En, 1) => "1 minute".to_owned(),
        (Language::En, n) => format!("{n} minutes"),
        (Language::De, 1) => "1 Minute".to_owned(),
        (Language::De, n) => format!("{n} Minuten"),
    }
}

fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Control characters (line breaks above all) become spaces, so a name cannot start a new
/// header line or paragraph.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

fn shorten(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max_chars - 1).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(language: Language) -> OtpMessage {
        OtpMessage {
            code: "123456".into(),
            signer_name: "Ada <Lovelace>".into(),
            document_name: "Lease\r\nBcc: x@example.com".into(),
            issuer: "ACME & Co".into(),
            valid_minutes: 10,
            language,
        }
    }

    #[test]
    fn english_wording() {
        let m = msg(Language::En);
        assert_eq!(
            sms_body(&m),
            "123456 is your Signet code to sign “Lease  Bcc: x@example.com”. Valid 10 minutes."
        );
        assert!(email_text(&m).contains(
            "Your code to sign “Lease  Bcc: x@example.com”: 123456. It is valid for 10 minutes. \
             If you did not ask for it, ignore this message."
        ));
        assert!(!email_subject(&m).contains("123456"));
        assert!(!email_subject(&m).contains('\n'));
    }

    #[test]
    fn german_wording() {
        let m = msg(Language::De);
        assert_eq!(
            email_subject(&m),
            "Ihr Code zum Unterschreiben von „Lease  Bcc: x@example.com“"
        );
        assert!(email_text(&m).contains("Er ist 10 Minuten gültig."));
        assert!(sms_body(&m).ends_with("„Lease  Bcc: x@example.com“. 10 Minuten gültig."));
    }

    #[test]
    fn html_is_escaped() {
        let html = email_html(&msg(Language::En));
        assert!(html.contains("Ada &lt;Lovelace&gt;"));
        assert!(html.contains("ACME &amp; Co"));
        assert!(!html.contains("<Lovelace>"));
    }

    #[test]
    fn long_document_names_are_shortened_in_sms() {
        let mut m = msg(Language::En);
        m.document_name = "x".repeat(100);
        m.valid_minutes = 1;
        let body = sms_body(&m);
        assert!(body.contains(&format!("“{}…”", "x".repeat(39))));
        assert!(body.ends_with("Valid 1 minute."));
    }

    #[test]
    fn language_tags() {
        assert_eq!(Language::from_tag("de-AT"), Language::De);
        assert_eq!(Language::from_tag("DE"), Language::De);
        assert_eq!(Language::from_tag("en-GB"), Language::En);
        assert_eq!(Language::from_tag("fr"), Language::En);
        assert_eq!(Language::from_tag(""), Language::En);
    }
}
