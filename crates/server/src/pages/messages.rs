//! Every word of the hosted pages, in English and German: one table from message key to
//! both languages. Handlers pick a language once ([`Lang::messages`]); templates read the
//! fields (`{{ m.sign_approve }}`), so a key that does not exist does not compile.
//! Placeholders in braces (`{n}`) are filled by [`fill`].

use super::i18n::Lang;

macro_rules! messages {
    ($($key:ident: $en:literal, $de:literal;)*) => {
        /// The pages' text in one language.
        pub struct Messages {
            $(pub $key: &'static str,)*
        }

        pub static EN: Messages = Messages { $($key: $en,)* };
        pub static DE: Messages = Messages { $($key: $de,)* };

        /// Every message: key, English, German.
        #[cfg(test)]
        const ALL: &[(&str, &str, &str)] = &[$((stringify!($key), $en, $de),)*];
    };
}

impl Lang {
    /// The table of this language.
    pub fn messages(self) -> &'static Messages {
        match self {
            Lang::En => &EN,
            Lang::De => &DE,
        }
    }
}

impl Messages {
    /// What the signer's situation is and what to do next, for the status the signer's
    /// page shows and the signer's status codes.
    pub fn sign_status(&self, status: &str, codes: &[u32]) -> &'static str {
        match status {
            "new" => self.sign_status_new,
            "pending" => self.sign_status_pending,
            "user_consent_required" => self.sign_status_user_consent_required,
            "confirmation_required" => self.sign_status_confirmation_required,
            "selfie_required" => self.sign_status_selfie_required,
            "kyc_required" if codes.iter().any(|c| [1035, 1202, 4110].contains(c)) => {
                self.sign_status_kyc_required_refused
            }
            "kyc_required" => self.sign_status_kyc_required,
            "pending_verification" => self.sign_status_pending_verification,
            "invalid_signature" => self.sign_status_invalid_signature,
            "signed" => self.sign_status_signed,
            "error" if codes.contains(&6008) => self.sign_status_error_timed_out,
            "error" => self.sign_status_error,
            "rejected" => self.sign_status_rejected,
            "blocked" => self.sign_status_blocked,
            "expired" => self.sign_status_expired,
            "canceled" => self.sign_status_canceled,
            "document_rejected" => self.sign_status_document_rejected,
            "document_blocked" => self.sign_status_document_blocked,
            "finished" => self.sign_status_finished,
            _ => self.sign_status_other,
        }
    }
}

/// `text` with each `{name}` replaced by its value.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = text.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

messages! {
    powered_by: "Identity and signatures by Signet",
        "Identität und Signaturen mit Signet";

    // The signer's page.
    sign_time_format: "%d %b %Y, %H:%M UTC",
        "%d.%m.%Y, %H:%M UTC";
    sign_title: "Sign a document",
        "Dokument unterschreiben";
    sign_asks_you: "asks you to sign this document.",
        "bittet Sie, dieses Dokument zu unterschreiben.";
    sign_approve_by: "Please approve by",
        "Bitte stimmen Sie zu bis";
    sign_confirm_by: "Please sign by",
        "Bitte unterschreiben Sie bis";
    sign_document_expires: "The document expires on",
        "Das Dokument läuft ab am";
    sign_consent: "I have read the document and agree to sign it electronically.",
        "Ich habe das Dokument gelesen und bin einverstanden, es elektronisch zu unterschreiben.";
    sign_approve: "Approve",
        "Zustimmen";
    sign_code_label: "The 6-digit code we sent you",
        "Der 6-stellige Code, den wir Ihnen geschickt haben";
    sign_code_label_provider: "The 6-digit code your trust service provider sent you",
        "Der 6-stellige Code, den Ihnen Ihr Vertrauensdiensteanbieter geschickt hat";
    sign_sign: "Sign",
        "Unterschreiben";
    sign_new_code: "Send a new code",
        "Neuen Code senden";
    sign_sandbox_hint: "Test mode: the code is always 123456.",
        "Testmodus: Der Code lautet immer 123456.";
    sign_reject_summary: "I do not want to sign",
        "Ich möchte nicht unterschreiben";
    sign_reject_label: "Tell the sender why",
        "Teilen Sie dem Absender den Grund mit";
    sign_reject_button: "Reject the document",
        "Dokument ablehnen";
    sign_selfie_label: "A photo of your face",
        "Ein Foto Ihres Gesichts";
    sign_identify_now: "Prove your identity now",
        "Jetzt Identität nachweisen";
    sign_selfie_button: "Send the photo",
        "Foto senden";
    sign_download: "Download the signed document",
        "Unterschriebenes Dokument herunterladen";
    sign_page_of: "Page {n} of {m}",
        "Seite {n} von {m}";
    sign_not_found_title: "Link not found",
        "Link nicht gefunden";
    sign_not_found: "This signing link does not exist. Check that you opened the whole link from your message, or ask the sender for a new one.",
        "Diesen Link zum Unterschreiben gibt es nicht. Prüfen Sie, ob Sie den vollständigen Link aus Ihrer Nachricht geöffnet haben, oder bitten Sie den Absender um einen neuen.";
    sign_link_expired_title: "Link expired",
        "Link abgelaufen";
    sign_link_expired: "This signing link has expired: the document was closed some time ago. Ask the sender if you need a copy.",
        "Dieser Link zum Unterschreiben ist abgelaufen: Das Dokument wurde vor einiger Zeit abgeschlossen. Bitten Sie den Absender, wenn Sie eine Kopie brauchen.";
    sign_consent_missing: "Please tick the box to agree before you approve.",
        "Bitte setzen Sie das Häkchen, bevor Sie zustimmen.";
    sign_message_missing: "Please write a few words for the sender.",
        "Bitte schreiben Sie dem Absender ein paar Worte.";

    // What the signer's situation is and what to do next, by the status the page shows.
    sign_status_new: "It is not your turn yet. You will be asked once the people before you have signed.",
        "Sie sind noch nicht an der Reihe. Sie werden gefragt, sobald die Personen vor Ihnen unterschrieben haben.";
    sign_status_pending: "You can sign this document. It is not your turn yet: you will be asked once the people before you have signed.",
        "Sie können dieses Dokument unterschreiben. Sie sind noch nicht an der Reihe: Sie werden gefragt, sobald die Personen vor Ihnen unterschrieben haben.";
    sign_status_user_consent_required: "Read the document. When you agree, tick the box and approve; we then send you a code to sign.",
        "Lesen Sie das Dokument. Wenn Sie einverstanden sind, setzen Sie das Häkchen und stimmen zu; dann senden wir Ihnen einen Code zum Unterschreiben.";
    sign_status_confirmation_required: "Enter the code we sent you to sign the document. The code is valid for 10 minutes.",
        "Geben Sie den Code ein, den wir Ihnen geschickt haben, um das Dokument zu unterschreiben. Der Code ist 10 Minuten gültig.";
    sign_status_selfie_required: "Before you sign, we need a photo of your face to check it is you. Take one below; a person will compare it with your identification.",
        "Bevor Sie unterschreiben, brauchen wir ein Foto Ihres Gesichts, um zu prüfen, dass Sie es sind. Nehmen Sie unten eines auf; eine Person vergleicht es mit Ihrer Identifizierung.";
    sign_status_kyc_required_refused: "You cannot sign this document. Please contact the sender.",
        "Sie können dieses Dokument nicht unterschreiben. Bitte wenden Sie sich an den Absender.";
    sign_status_kyc_required: "Your identity must be verified before you can sign. The sender will send you a link to do that.",
        "Ihre Identität muss geprüft werden, bevor Sie unterschreiben können. Der Absender schickt Ihnen dafür einen Link.";
    sign_status_pending_verification: "Thank you. Your signature will be completed as soon as the check of your identity is finished. You can close this page.",
        "Vielen Dank. Ihre Unterschrift wird abgeschlossen, sobald die Prüfung Ihrer Identität beendet ist. Sie können diese Seite schließen.";
    sign_status_invalid_signature: "Your signature could not be matched with your verified identity. Please contact the sender.",
        "Ihre Unterschrift passt nicht zu Ihrer geprüften Identität. Bitte wenden Sie sich an den Absender.";
    sign_status_signed: "You have signed this document. Thank you.",
        "Sie haben dieses Dokument unterschrieben. Vielen Dank.";
    sign_status_error_timed_out: "This signing request has timed out. Ask the sender to send it again.",
        "Diese Anfrage zum Unterschreiben ist abgelaufen. Bitten Sie den Absender, sie erneut zu senden.";
    sign_status_error: "Something went wrong with your signature. Try again in a moment; if it happens again, ask the sender to send the request again.",
        "Bei Ihrer Unterschrift ist ein Fehler aufgetreten. Versuchen Sie es gleich noch einmal; passiert es wieder, bitten Sie den Absender, die Anfrage erneut zu senden.";
    sign_status_rejected: "You rejected this document. The sender has been told.",
        "Sie haben dieses Dokument abgelehnt. Der Absender wurde informiert.";
    sign_status_blocked: "Signing is locked after too many failed attempts. The sender must unblock you before you can go on.",
        "Nach zu vielen Fehlversuchen ist das Unterschreiben gesperrt. Der Absender muss Sie freischalten, bevor Sie fortfahren können.";
    sign_status_expired: "This document has expired and can no longer be signed. Ask the sender for a new one.",
        "Dieses Dokument ist abgelaufen und kann nicht mehr unterschrieben werden. Bitten Sie den Absender um ein neues.";
    sign_status_canceled: "The sender has withdrawn this document. Nothing more to do.",
        "Der Absender hat dieses Dokument zurückgezogen. Sie müssen nichts mehr tun.";
    sign_status_document_rejected: "Another signer rejected this document, so it can no longer be signed.",
        "Ein anderer Unterzeichner hat dieses Dokument abgelehnt; es kann nicht mehr unterschrieben werden.";
    sign_status_document_blocked: "Signing is paused while the sender checks another signer. Try again later.",
        "Das Unterschreiben ist angehalten, während der Absender einen anderen Unterzeichner prüft. Versuchen Sie es später erneut.";
    sign_status_finished: "Everyone has signed this document.",
        "Alle haben dieses Dokument unterschrieben.";
    sign_status_other: "Please contact the sender.",
        "Bitte wenden Sie sich an den Absender.";
    // A refused action on the signer's page.
    sign_window_expired: "The time for this has run out. Ask the sender to send the request again.",
        "Die Zeit dafür ist abgelaufen. Bitten Sie den Absender, die Anfrage erneut zu senden.";
    sign_otp_expired: "The code has expired. Ask for a new code.",
        "Der Code ist abgelaufen. Fordern Sie einen neuen Code an.";
    sign_otp_missing: "This code no longer works. Ask for a new code.",
        "Dieser Code gilt nicht mehr. Fordern Sie einen neuen Code an.";
    sign_code_limit_reached: "Too many codes were sent for this signature. Please contact the sender.",
        "Für diese Unterschrift wurden zu viele Codes gesendet. Bitte wenden Sie sich an den Absender.";
    sign_rate_limited: "Too many codes were sent just now. Please try again later.",
        "Es wurden gerade zu viele Codes gesendet. Bitte versuchen Sie es später noch einmal.";
    sign_sms_limit_reached: "No more codes can be sent by text message this month. Please contact the sender.",
        "In diesem Monat können keine weiteren Codes per SMS gesendet werden. Bitte wenden Sie sich an den Absender.";
    sign_fields_missing: "Please check the fields you must fill in before approving: {detail}.",
        "Bitte prüfen Sie die Felder, die Sie vor der Zustimmung ausfüllen müssen: {detail}.";
    sign_fields_hint: "Fill in the fields marked on the document, then approve below.",
        "Füllen Sie die im Dokument markierten Felder aus und stimmen Sie dann unten zu.";
    sign_field_signature: "Your signature goes here",
        "Hier steht Ihre Unterschrift";
    sign_field_choose: "Choose…",
        "Bitte wählen…";
    sign_picture_legend: "Your signature",
        "Ihre Unterschrift";
    sign_picture_optional: "Draw it, type it or upload a picture of it. Without one, Signet writes your name and the signing details.",
        "Zeichnen oder tippen Sie sie oder laden Sie ein Bild davon hoch. Ohne Bild schreibt Signet Ihren Namen und die Angaben zur Unterschrift.";
    sign_picture_needed: "Draw it, type it or upload a picture of it: the sender requires one.",
        "Zeichnen oder tippen Sie sie oder laden Sie ein Bild davon hoch: Der Absender verlangt eine.";
    sign_picture_draw: "Draw",
        "Zeichnen";
    sign_picture_type: "Type",
        "Tippen";
    sign_picture_upload: "Upload",
        "Hochladen";
    sign_picture_draw_label: "Draw your signature in the box with your finger, a pen or the mouse.",
        "Zeichnen Sie Ihre Unterschrift mit dem Finger, einem Stift oder der Maus in das Feld.";
    sign_picture_clear: "Clear",
        "Löschen";
    sign_picture_type_label: "Type your name as your signature",
        "Tippen Sie Ihren Namen als Unterschrift";
    sign_picture_upload_label: "A picture of your signature (PNG or JPEG, at most 1 MB and 2000 pixels)",
        "Ein Bild Ihrer Unterschrift (PNG oder JPEG, höchstens 1 MB und 2000 Pixel)";
    sign_picture_invalid: "The signature picture could not be read. Please use a PNG or JPEG picture.",
        "Das Bild der Unterschrift konnte nicht gelesen werden. Bitte verwenden Sie ein PNG- oder JPEG-Bild.";
    sign_picture_too_large: "The signature picture is too large (at most 1 MB and 2000 pixels on a side).",
        "Das Bild der Unterschrift ist zu groß (höchstens 1 MB und 2000 Pixel pro Seite).";
    sign_picture_missing: "Please draw, type or upload your signature: the sender requires one.",
        "Bitte zeichnen, tippen oder laden Sie Ihre Unterschrift hoch: Der Absender verlangt eine.";
    sign_approve_first: "Please approve first.",
        "Bitte stimmen Sie zuerst zu.";
    sign_try_again: "That did not work. Please try again in a moment.",
        "Das hat nicht geklappt. Bitte versuchen Sie es gleich noch einmal.";
    sign_bad_code: "Please enter the 6-digit code.",
        "Bitte geben Sie den 6-stelligen Code ein.";
    sign_wrong_code: "That code is wrong. {remaining} more tries with this code.",
        "Der Code ist falsch. Noch {remaining} Versuche mit diesem Code.";
    sign_code_killed: "Five wrong tries: this code no longer works. Ask for a new code.",
        "Fünfmal falsch: Dieser Code gilt nicht mehr. Fordern Sie einen neuen Code an.";
    sign_selfie_invalid: "Please send a photo (JPEG or PNG, at most 10 MB).",
        "Bitte senden Sie ein Foto (JPEG oder PNG, höchstens 10 MB).";
    // The checks of a selfie speak English; German signers get the general instruction.
    sign_selfie_refused: "{detail}",
        "Bitte senden Sie ein Foto (JPEG oder PNG, höchstens 10 MB).";

    // The applicant's page of an identification.
    identify_time_format: "%-d %B %Y, %H:%M UTC",
        "%d.%m.%Y, %H:%M UTC";
    identify_title: "Prove your identity",
        "Identität nachweisen";
    identify_asks: "asks you to prove your identity.",
        "bittet Sie, Ihre Identität nachzuweisen.";
    identify_intro: "You need your passport or national ID card, a phone to receive a code, and a few minutes. Photos can be taken with your camera or chosen from your files.",
        "Sie brauchen Ihren Reisepass oder Personalausweis, ein Telefon für einen Code und einige Minuten. Fotos können Sie mit der Kamera aufnehmen oder aus Ihren Dateien wählen.";
    identify_terms: "I accept the terms of use of this identification.",
        "Ich akzeptiere die Nutzungsbedingungen dieser Identifizierung.";
    identify_data: "I agree that my ID document, my photo and my mobile number are processed to identify me.",
        "Ich bin einverstanden, dass mein Ausweis, mein Foto und meine Mobilnummer zu meiner Identifizierung verarbeitet werden.";
    identify_start: "Start",
        "Beginnen";
    identify_not_now: "Not now",
        "Nicht jetzt";
    identify_refuse: "I do not agree",
        "Ich stimme nicht zu";
    identify_camera_refused: "I do not allow the camera",
        "Ich erlaube die Kamera nicht";
    identify_consent_needed: "Please tick both boxes to start.",
        "Bitte kreuzen Sie beide Kästchen an.";
    identify_document: "1. Your ID document",
        "1. Ihr Ausweisdokument";
    identify_passport: "Passport",
        "Reisepass";
    identify_idcard: "National ID card",
        "Personalausweis";
    identify_choose: "Continue",
        "Weiter";
    identify_front: "Front of the document (the page with your photo)",
        "Vorderseite (die Seite mit Ihrem Foto)";
    identify_back: "Back of the ID card",
        "Rückseite des Ausweises";
    identify_selfie: "2. A photo of your face",
        "2. Ein Foto Ihres Gesichts";
    identify_selfie_hint: "Look straight into the camera in good light, without glasses or hat.",
        "Schauen Sie bei gutem Licht gerade in die Kamera, ohne Brille oder Hut.";
    identify_selfie_label: "Photo of your face",
        "Foto Ihres Gesichts";
    identify_photo_hint: "The whole document, sharp and without glare. JPEG or PNG, at most 10 MB.",
        "Das ganze Dokument, scharf und ohne Spiegelung. JPEG oder PNG, höchstens 10 MB.";
    identify_upload: "Upload",
        "Hochladen";
    identify_replace: "Replace",
        "Ersetzen";
    identify_received: "Received",
        "Erhalten";
    identify_mrz: "Machine-readable lines (optional)",
        "Maschinenlesbare Zeilen (freiwillig)";
    identify_mrz_hint: "The 2 or 3 lines of letters, digits and < at the bottom of the photo page or on the back of the ID card. Typing them speeds up the review.",
        "Die 2 oder 3 Zeilen aus Buchstaben, Ziffern und < unten auf der Fotoseite oder auf der Rückseite des Ausweises. Mit ihnen geht die Prüfung schneller.";
    identify_save: "Save",
        "Speichern";
    identify_phone: "3. Your mobile number",
        "3. Ihre Mobilnummer";
    identify_phone_label: "Mobile number, with country code",
        "Mobilnummer mit Ländervorwahl";
    identify_send_code: "Send code",
        "Code senden";
    identify_code_label: "Code from the text message",
        "Code aus der SMS";
    identify_confirm_code: "Confirm",
        "Bestätigen";
    identify_code_sent: "We sent a code to",
        "Wir haben einen Code gesendet an";
    identify_verified: "Confirmed:",
        "Bestätigt:";
    identify_submit: "Send for review",
        "Zur Prüfung senden";
    identify_missing: "Still needed:",
        "Es fehlt noch:";
    identify_sandbox_hint: "Test mode: the code is 123456.",
        "Testmodus: Der Code ist 123456.";
    identify_ident_code: "Ident code",
        "Ident-Code";
    identify_finish: "Finish",
        "Abschließen";
    identify_under_review: "Thank you. A reviewer is checking your documents; you will hear from the requester. You can close this page.",
        "Vielen Dank. Ihre Unterlagen werden geprüft; Sie hören vom Anfragenden. Sie können diese Seite schließen.";
    identify_in_progress: "Thank you. Your identification is being completed; you will hear from the requester. You can close this page.",
        "Vielen Dank. Ihre Identifizierung wird abgeschlossen; Sie hören vom Anfragenden. Sie können diese Seite schließen.";
    identify_successful: "You have been identified. You can close this page.",
        "Sie wurden identifiziert. Sie können diese Seite schließen.";
    identify_failed: "We could not identify you. The requester will contact you.",
        "Wir konnten Sie nicht identifizieren. Der Anfragende meldet sich bei Ihnen.";
    identify_canceled: "Your identification could not be completed. You can start again with this link.",
        "Ihre Identifizierung konnte nicht abgeschlossen werden. Sie können mit diesem Link neu beginnen.";
    identify_aborted: "You stopped your identification. You can start again with this link whenever you are ready.",
        "Sie haben die Identifizierung unterbrochen. Sie können mit diesem Link jederzeit neu beginnen.";
    identify_start_again: "Start again",
        "Neu beginnen";
    identify_expired: "This link has expired. Ask the requester for a new one.",
        "Dieser Link ist abgelaufen. Bitten Sie den Anfragenden um einen neuen.";
    identify_valid_until: "This link is valid until",
        "Dieser Link gilt bis";
    identify_wrong_code: "That code is not right. Tries left: {left}",
        "Der Code stimmt nicht. Verbleibende Versuche: {left}";
    identify_spent_code: "That code no longer works. Ask for a new code.",
        "Dieser Code gilt nicht mehr. Fordern Sie einen neuen Code an.";
    identify_not_found_title: "Link not found",
        "Link nicht gefunden";
    identify_not_found: "This link does not exist. Check that you copied all of it, or ask the requester for a new one.",
        "Diesen Link gibt es nicht. Prüfen Sie, ob Sie ihn vollständig kopiert haben, oder bitten Sie den Anfragenden um einen neuen.";
    identify_later: "That did not work. Please try again in a moment.",
        "Das hat nicht geklappt. Bitte versuchen Sie es gleich noch einmal.";
    // A refused step on the applicant's page; `{detail}` is the API's explanation (English).
    identify_image_too_big: "{detail}",
        "Das Foto ist zu groß. Bitte senden Sie ein kleineres (höchstens 10 MB).";
    identify_image_refused: "{detail}",
        "Bitte senden Sie ein scharfes Foto als JPEG oder PNG (mindestens 480 Pixel an der kurzen Seite).";
    identify_mrz_invalid: "{detail}",
        "Die Zeilen stimmen nicht: {detail}. Bitte prüfen Sie sie auf Tippfehler.";
    identify_phone_invalid: "Please give a mobile number with its country code, for example +49 151 12345678.",
        "Bitte geben Sie eine Mobilnummer mit Ländervorwahl ein, z. B. +49 151 12345678.";
    identify_otp_invalid: "{detail}",
        "Der Code stimmt nicht.";
    identify_too_many_codes: "{detail}",
        "Es wurden zu viele Codes gesendet. Wählen Sie „Nicht jetzt“ und beginnen Sie später neu, oder wenden Sie sich an den Anfragenden.";
    identify_code_limit_reached: "This identification was sent as many codes as it may have. Please contact the requester.",
        "Für diese Identifizierung wurden so viele Codes gesendet, wie möglich sind. Bitte wenden Sie sich an den Anfragenden.";
    identify_rate_limited: "Too many codes were sent just now. Please try again later.",
        "Es wurden gerade zu viele Codes gesendet. Bitte versuchen Sie es später noch einmal.";
    identify_sms_limit_reached: "No more codes can be sent by text message this month. Please contact the requester.",
        "In diesem Monat können keine weiteren Codes per SMS gesendet werden. Bitte wenden Sie sich an den Anfragenden.";
    identify_sms_country_not_allowed: "{detail}",
        "An Nummern dieses Landes können wir keine Codes senden. Bitte geben Sie eine andere Mobilnummer an.";
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names in braces of a message.
    fn placeholders(text: &str) -> Vec<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn every_message_has_both_languages_and_known_placeholders() {
        for (key, en, de) in ALL {
            assert!(!en.is_empty() && !de.is_empty(), "{key}");
            for name in placeholders(en).into_iter().chain(placeholders(de)) {
                assert!(
                    ["n", "m", "remaining", "left", "detail"].contains(&name),
                    "{key}: {{{name}}}"
                );
            }
        }
        assert_eq!(
            fill(DE.sign_wrong_code, &[("remaining", "4")]),
            "Der Code ist falsch. Noch 4 Versuche mit diesem Code."
        );
    }
}
