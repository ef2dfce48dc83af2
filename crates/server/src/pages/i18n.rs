//! The words of the hosted pages, in English and German, chosen by the browser's
//! `Accept-Language`.

/// A page language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    De,
}

impl Lang {
    /// German when the browser prefers `de` over `en`, English otherwise. Quality values are
    /// honoured: `en;q=0.9, de;q=0.8` is English.
    pub fn from_accept_language(header: Option<&str>) -> Lang {
        let Some(h) = header else { return Lang::En };
        let mut best: Option<(f32, Lang)> = None;
        for part in h.split(',') {
            let mut it = part.trim().split(';');
            let tag = it.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = it
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            let lang = match tag.split('-').next().unwrap_or("") {
                "de" => Lang::De,
                "en" => Lang::En,
                _ => continue,
            };
            if best.is_none_or(|(bq, _)| q > bq) {
                best = Some((q, lang));
            }
        }
        best.map(|(_, l)| l).unwrap_or(Lang::En)
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// One phrase in this language.
    pub fn t(self, key: Key) -> &'static str {
        use Key::*;
        match (self, key) {
            (Lang::En, Title) => "Sign a document",
            (Lang::De, Title) => "Dokument unterschreiben",
            (Lang::En, AsksYou) => "asks you to sign this document.",
            (Lang::De, AsksYou) => "bittet Sie, dieses Dokument zu unterschreiben.",
            (Lang::En, ApproveBy) => "Please approve by",
            (Lang::De, ApproveBy) => "Bitte stimmen Sie zu bis",
            (Lang::En, ConfirmBy) => "Please sign by",
            (Lang::De, ConfirmBy) => "Bitte unterschreiben Sie bis",
            (Lang::En, DocumentExpires) => "The document expires on",
            (Lang::De, DocumentExpires) => "Das Dokument läuft ab am",
            (Lang::En, Consent) => "I have read the document and agree to sign it electronically.",
            (Lang::De, Consent) => {
                "Ich habe das Dokument gelesen und bin einverstanden, es elektronisch zu unterschreiben."
            }
            (Lang::En, Approve) => "Approve",
            (Lang::De, Approve) => "Zustimmen",
            (Lang::En, CodeLabel) => "The 6-digit code we sent you",
            (Lang::De, CodeLabel) => "Der 6-stellige Code, den wir Ihnen geschickt haben",
            (Lang::En, Sign) => "Sign",
            (Lang::De, Sign) => "Unterschreiben",
            (Lang::En, NewCode) => "Send a new code",
            (Lang::De, NewCode) => "Neuen Code senden",
            (Lang::En, SandboxHint) => "Test mode: the code is always 123456.",
            (Lang::De, SandboxHint) => "Testmodus: Der Code lautet immer 123456.",
            (Lang::En, RejectSummary) => "I do not want to sign",
            (Lang::De, RejectSummary) => "Ich möchte nicht unterschreiben",
            (Lang::En, RejectLabel) => "Tell the sender why",
            (Lang::De, RejectLabel) => "Teilen Sie dem Absender den Grund mit",
            (Lang::En, RejectButton) => "Reject the document",
            (Lang::De, RejectButton) => "Dokument ablehnen",
            (Lang::En, SelfieLabel) => "A photo of your face",
            (Lang::De, SelfieLabel) => "Ein Foto Ihres Gesichts",
            (Lang::En, IdentifyNow) => "Prove your identity now",
            (Lang::De, IdentifyNow) => "Jetzt Identität nachweisen",
            (Lang::En, SelfieButton) => "Send the photo",
            (Lang::De, SelfieButton) => "Foto senden",
            (Lang::En, Download) => "Download the signed document",
            (Lang::De, Download) => "Unterschriebenes Dokument herunterladen",
            (Lang::En, PageOf) => "Page {n} of {m}",
            (Lang::De, PageOf) => "Seite {n} von {m}",
            (Lang::En, NotFoundTitle) => "Link not found",
            (Lang::De, NotFoundTitle) => "Link nicht gefunden",
            (Lang::En, NotFound) => {
                "This signing link does not exist. Check that you opened the whole link from your message, or ask the sender for a new one."
            }
            (Lang::De, NotFound) => {
                "Diesen Link zum Unterschreiben gibt es nicht. Prüfen Sie, ob Sie den vollständigen Link aus Ihrer Nachricht geöffnet haben, oder bitten Sie den Absender um einen neuen."
            }
            (Lang::En, LinkExpiredTitle) => "Link expired",
            (Lang::De, LinkExpiredTitle) => "Link abgelaufen",
            (Lang::En, LinkExpired) => {
                "This signing link has expired: the document was closed some time ago. Ask the sender if you need a copy."
            }
            (Lang::De, LinkExpired) => {
                "Dieser Link zum Unterschreiben ist abgelaufen: Das Dokument wurde vor einiger Zeit abgeschlossen. Bitten Sie den Absender, wenn Sie eine Kopie brauchen."
            }
            (Lang::En, ConsentMissing) => "Please tick the box to agree before you approve.",
            (Lang::De, ConsentMissing) => "Bitte setzen Sie das Häkchen, bevor Sie zustimmen.",
            (Lang::En, MessageMissing) => "Please write a few words for the sender.",
            (Lang::De, MessageMissing) => "Bitte schreiben Sie dem Absender ein paar Worte.",
            (Lang::En, PoweredBy) => "Identity and signatures by Signet",
            (Lang::De, PoweredBy) => "Identität und Signaturen mit Signet",
        }
    }

    /// What the signer's situation is and what to do next, in plain words.
    pub fn status_text(self, status: &str, codes: &[u32]) -> &'static str {
        match (self, status) {
            (Lang::En, "new") => {
                "It is not your turn yet. You will be asked once the people before you have signed."
            }
            (Lang::De, "new") => {
                "Sie sind noch nicht an der Reihe. Sie werden gefragt, sobald die Personen vor Ihnen unterschrieben haben."
            }
            (Lang::En, "pending") => {
                "We are preparing your signature. Reload this page in a moment."
            }
            (Lang::De, "pending") => {
                "Wir bereiten Ihre Unterschrift vor. Laden Sie die Seite gleich neu."
            }
            (Lang::En, "user_consent_required") => {
                "Read the document. When you agree, tick the box and approve; we then send you a code to sign."
            }
            (Lang::De, "user_consent_required") => {
                "Lesen Sie das Dokument. Wenn Sie einverstanden sind, setzen Sie das Häkchen und stimmen zu; dann senden wir Ihnen einen Code zum Unterschreiben."
            }
            (Lang::En, "confirmation_required") => {
                "Enter the code we sent you to sign the document. The code is valid for 10 minutes."
            }
            (Lang::De, "confirmation_required") => {
                "Geben Sie den Code ein, den wir Ihnen geschickt haben, um das Dokument zu unterschreiben. Der Code ist 10 Minuten gültig."
            }
            (Lang::En, "selfie_required") => {
                "Before you sign, we need a photo of your face to check it is you. Take one below; a person will compare it with your identification."
            }
            (Lang::De, "selfie_required") => {
                "Bevor Sie unterschreiben, brauchen wir ein Foto Ihres Gesichts, um zu prüfen, dass Sie es sind. Nehmen Sie unten eines auf; eine Person vergleicht es mit Ihrer Identifizierung."
            }
            (Lang::En, "kyc_required") if codes.iter().any(|c| [1035, 1202, 4110].contains(c)) => {
                "You cannot sign this document. Please contact the sender."
            }
            (Lang::De, "kyc_required") if codes.iter().any(|c| [1035, 1202, 4110].contains(c)) => {
                "Sie können dieses Dokument nicht unterschreiben. Bitte wenden Sie sich an den Absender."
            }
            (Lang::En, "kyc_required") => {
                "Your identity must be verified before you can sign. The sender will send you a link to do that."
            }
            (Lang::De, "kyc_required") => {
                "Ihre Identität muss geprüft werden, bevor Sie unterschreiben können. Der Absender schickt Ihnen dafür einen Link."
            }
            (Lang::En, "pending_verification") => {
                "Thank you. Your signature will be completed as soon as the check of your identity is finished. You can close this page."
            }
            (Lang::De, "pending_verification") => {
                "Vielen Dank. Ihre Unterschrift wird abgeschlossen, sobald die Prüfung Ihrer Identität beendet ist. Sie können diese Seite schließen."
            }
            (Lang::En, "invalid_signature") => {
                "Your signature could not be matched with your verified identity. Please contact the sender."
            }
            (Lang::De, "invalid_signature") => {
                "Ihre Unterschrift passt nicht zu Ihrer geprüften Identität. Bitte wenden Sie sich an den Absender."
            }
            (Lang::En, "signed") => "You have signed this document. Thank you.",
            (Lang::De, "signed") => "Sie haben dieses Dokument unterschrieben. Vielen Dank.",
            (Lang::En, "error") if codes.contains(&6008) => {
                "This signing request has timed out. Ask the sender to send it again."
            }
            (Lang::De, "error") if codes.contains(&6008) => {
                "Diese Anfrage zum Unterschreiben ist abgelaufen. Bitten Sie den Absender, sie erneut zu senden."
            }
            (Lang::En, "error") => {
                "Something went wrong with your signature. Try again in a moment; if it happens again, ask the sender to send the request again."
            }
            (Lang::De, "error") => {
                "Bei Ihrer Unterschrift ist ein Fehler aufgetreten. Versuchen Sie es gleich noch einmal; passiert es wieder, bitten Sie den Absender, die Anfrage erneut zu senden."
            }
            (Lang::En, "rejected") => "You rejected this document. The sender has been told.",
            (Lang::De, "rejected") => {
                "Sie haben dieses Dokument abgelehnt. Der Absender wurde informiert."
            }
            (Lang::En, "blocked") => {
                "Signing is locked after too many failed attempts. The sender must unblock you before you can go on."
            }
            (Lang::De, "blocked") => {
                "Nach zu vielen Fehlversuchen ist das Unterschreiben gesperrt. Der Absender muss Sie freischalten, bevor Sie fortfahren können."
            }
            (Lang::En, "expired") => {
                "This document has expired and can no longer be signed. Ask the sender for a new one."
            }
            (Lang::De, "expired") => {
                "Dieses Dokument ist abgelaufen und kann nicht mehr unterschrieben werden. Bitten Sie den Absender um ein neues."
            }
            (Lang::En, "canceled") => "The sender has withdrawn this document. Nothing more to do.",
            (Lang::De, "canceled") => {
                "Der Absender hat dieses Dokument zurückgezogen. Sie müssen nichts mehr tun."
            }
            (Lang::En, "document_rejected") => {
                "Another signer rejected this document, so it can no longer be signed."
            }
            (Lang::De, "document_rejected") => {
                "Ein anderer Unterzeichner hat dieses Dokument abgelehnt; es kann nicht mehr unterschrieben werden."
            }
            (Lang::En, "document_blocked") => {
                "Signing is paused while the sender checks another signer. Try again later."
            }
            (Lang::De, "document_blocked") => {
                "Das Unterschreiben ist angehalten, während der Absender einen anderen Unterzeichner prüft. Versuchen Sie es später erneut."
            }
            (Lang::En, "finished") => "Everyone has signed this document.",
            (Lang::De, "finished") => "Alle haben dieses Dokument unterschrieben.",
            (Lang::En, _) => "Please contact the sender.",
            (Lang::De, _) => "Bitte wenden Sie sich an den Absender.",
        }
    }
}

/// The phrases of the pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Title,
    AsksYou,
    ApproveBy,
    ConfirmBy,
    DocumentExpires,
    Consent,
    Approve,
    CodeLabel,
    Sign,
    NewCode,
    SandboxHint,
    RejectSummary,
    RejectLabel,
    RejectButton,
    SelfieLabel,
    SelfieButton,
    IdentifyNow,
    Download,
    PageOf,
    NotFoundTitle,
    NotFound,
    LinkExpiredTitle,
    LinkExpired,
    ConsentMissing,
    MessageMissing,
    PoweredBy,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browsers_preference_picks_the_language() {
        assert_eq!(Lang::from_accept_language(None), Lang::En);
        assert_eq!(Lang::from_accept_language(Some("de-DE,de;q=0.9")), Lang::De);
        assert_eq!(
            Lang::from_accept_language(Some("en;q=0.9, de;q=0.8")),
            Lang::En
        );
        assert_eq!(Lang::from_accept_language(Some("fr, de;q=0.5")), Lang::De);
        assert_eq!(Lang::from_accept_language(Some("fr")), Lang::En);
    }
}
