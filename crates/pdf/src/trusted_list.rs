//! Trust anchors from an ETSI TS 119 612 trusted list (the format of the EU member states'
//! lists): every `TSPService` whose current `ServiceInformation` has the status
//! `http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted` contributes the X.509
//! certificates of its `ServiceDigitalIdentity`.
//!
//! Only the current information counts: `ServiceHistory` entries, pointers to other lists and
//! the list's own XML signature are skipped. **The list's XML signature is not checked**: the
//! file is trusted as the operator's configuration, like a PEM bundle given with `--root`; an
//! operator who downloads a list must check its signature (or obtain it over a channel they
//! trust) before using it here.

use quick_xml::Reader;
use quick_xml::events::Event;
use x509_cert::Certificate;

use der::Decode;

use crate::error::PdfError;

/// The status of a service whose certificates are trust anchors.
pub const GRANTED: &str = "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted";

/// Largest trusted list read (the EU lists are a few megabytes).
pub const MAX_TRUSTED_LIST_BYTES: usize = 32 << 20;

/// One service of a trusted list, as found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustedService {
    /// The provider's name (the first `TSPName/Name`).
    pub provider: String,
    /// The service's name (the first `ServiceName/Name`).
    pub name: String,
    /// `ServiceTypeIdentifier`, e.g. `http://uri.etsi.org/TrstSvc/Svctype/CA/QC`.
    pub service_type: String,
    /// `ServiceStatus`.
    pub status: String,
    /// The DER certificates of `ServiceDigitalIdentity/DigitalId/X509Certificate`.
    pub certificates: Vec<Vec<u8>>,
}

impl TrustedService {
    pub fn is_granted(&self) -> bool {
        self.status == GRANTED
    }
}

/// A parsed trusted list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedList {
    /// `SchemeInformation/SchemeTerritory`, e.g. `PT`.
    pub territory: String,
    /// Every service in the list, granted or not.
    pub services: Vec<TrustedService>,
}

impl TrustedList {
    /// The certificates of the granted services, DER, each once.
    pub fn anchors(&self) -> Vec<Vec<u8>> {
        let mut out: Vec<Vec<u8>> = Vec::new();
        for s in self.services.iter().filter(|s| s.is_granted()) {
            for c in &s.certificates {
                if !out.contains(c) {
                    out.push(c.clone());
                }
            }
        }
        out
    }
}

/// Parses a TS 119 612 XML trusted list. Errors: not XML, not a `TrustServiceStatusList`,
/// a certificate that is not base64 DER X.509, over [`MAX_TRUSTED_LIST_BYTES`].
pub fn parse_trusted_list(xml: &[u8]) -> Result<TrustedList, PdfError> {
    let bad = |m: String| PdfError::Certificate(format!("trusted list: {m}"));
    if xml.len() > MAX_TRUSTED_LIST_BYTES {
        return Err(bad(format!("larger than {MAX_TRUSTED_LIST_BYTES} bytes")));
    }
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut list = TrustedList::default();
    let mut saw_root = false;
    let mut provider = String::new();
    let mut current: Option<TrustedService> = None;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| bad(format!("{e} at byte {}", reader.buffer_position())))?;
        match event {
            Event::Start(ref e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if !saw_root {
                    saw_root = true;
                    if name != "TrustServiceStatusList" {
                        return Err(bad(format!(
                            "the root element is <{name}>, not <TrustServiceStatusList>"
                        )));
                    }
                }
                if path.len() > 64 {
                    return Err(bad("nested too deeply".into()));
                }
                if name == "TrustServiceProvider" {
                    provider.clear();
                }
                // The current information of a service (not its history).
                if name == "ServiceInformation" && path.last().is_some_and(|p| p == "TSPService") {
                    current = Some(TrustedService {
                        provider: provider.clone(),
                        name: String::new(),
                        service_type: String::new(),
                        status: String::new(),
                        certificates: Vec::new(),
                    });
                }
                path.push(name);
                text.clear();
            }
            Event::Empty(ref e) => {
                if !saw_root {
                    return Err(bad("the root element is empty".into()));
                }
                let _ = e;
            }
            Event::Text(t) => {
                let s = t
                    .xml10_content()
                    .map_err(|e| bad(format!("text is not UTF-8: {e}")))?;
                text.push_str(&s);
            }
            Event::CData(t) => text.push_str(&String::from_utf8_lossy(&t)),
            Event::GeneralRef(r) => {
                if r.is_char_ref() {
                    if let Ok(Some(c)) = r.resolve_char_ref() {
                        text.push(c);
                    }
                } else if let Some(s) =
                    quick_xml::escape::resolve_predefined_entity(&String::from_utf8_lossy(&r))
                {
                    text.push_str(s);
                }
            }
            Event::End(_) => {
                let Some(name) = path.pop() else {
                    return Err(bad("unbalanced end tag".into()));
                };
                let parent = path.last().map(String::as_str).unwrap_or("");
                let value = text.trim().to_string();
                match (name.as_str(), parent) {
                    ("SchemeTerritory", "SchemeInformation") => list.territory = value,
                    ("Name", "TSPName") if provider.is_empty() => provider = value,
                    ("ServiceTypeIdentifier", "ServiceInformation") => {
                        if let Some(s) = current.as_mut() {
                            s.service_type = value;
                        }
                    }
                    ("Name", "ServiceName") => {
                        if let Some(s) = current.as_mut().filter(|s| s.name.is_empty()) {
                            s.name = value;
                        }
                    }
                    ("ServiceStatus", "ServiceInformation") => {
                        if let Some(s) = current.as_mut() {
                            s.status = value;
                        }
                    }
                    ("X509Certificate", "DigitalId") => {
                        let in_service = path.len() >= 3
                            && path[path.len() - 2] == "ServiceDigitalIdentity"
                            && path[path.len() - 3] == "ServiceInformation";
                        if let Some(s) = current.as_mut().filter(|_| in_service) {
                            let der = base64_decode(&value).ok_or_else(|| {
                                bad(format!("a certificate of {} is not base64", s.name))
                            })?;
                            Certificate::from_der(&der).map_err(|e| {
                                bad(format!("a certificate of {} is not X.509: {e}", s.name))
                            })?;
                            s.certificates.push(der);
                        }
                    }
                    ("ServiceInformation", "TSPService") => {
                        if let Some(s) = current.take() {
                            list.services.push(s);
                        }
                    }
                    _ => {}
                }
                text.clear();
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !saw_root {
        return Err(bad("no XML element".into()));
    }
    if !path.is_empty() {
        return Err(bad(format!("the file ends inside <{}>", path.join("/"))));
    }
    Ok(list)
}

/// Standard base64 (RFC 4648 §4), whitespace ignored, padding optional.
fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    let mut padding = 0;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => {
                padding += 1;
                continue;
            }
            c if c.is_ascii_whitespace() => continue,
            _ => return None,
        };
        if padding > 0 {
            return None;
        }
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    (padding <= 2).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_known_values() {
        assert_eq!(base64_decode("TWFu").unwrap(), b"Man");
        assert_eq!(base64_decode("TWE=").unwrap(), b"Ma");
        assert_eq!(base64_decode("T Q==\n").unwrap(), b"M");
        assert!(base64_decode("TW!u").is_none());
    }

    #[test]
    fn refuses_what_is_not_a_trusted_list() {
        assert!(parse_trusted_list(b"<html></html>").is_err());
        assert!(parse_trusted_list(b"not xml <").is_err());
        assert!(parse_trusted_list(b"<TrustServiceStatusList><a>").is_err());
    }
}
