//! One module per official list format. Each returns the file's declared version (or a content
//! hash) and the entries.

pub(crate) mod eu;
pub(crate) mod ftm;
pub(crate) mod ofac_csv;
pub(crate) mod ofac_xml;
pub(crate) mod uk;
pub(crate) mod un;

/// Pulls dates of birth and nationalities out of OFAC-style remarks:
/// `DOB 07 Oct 1952; POB Leningrad, Russia; nationality Russia; alt. DOB 1953`.
pub(crate) fn remarks_facts(remarks: &str, entry: &mut crate::ListEntry) {
    for part in remarks.split(';') {
        let part = part.trim().trim_end_matches('.');
        let lower = part.to_ascii_lowercase();
        let rest = |prefix: &str| part.get(prefix.len()..).map(str::trim);
        if let Some(p) = ["alt. dob ", "dob "]
            .iter()
            .find(|p| lower.starts_with(**p))
        {
            if let Some(text) = rest(p) {
                for d in crate::PartialDate::parse_many(text) {
                    entry.push_birth_date(d);
                }
            }
        } else if let Some(p) = [
            "alt. nationality ",
            "nationality ",
            "alt. citizen ",
            "citizen ",
        ]
        .iter()
        .find(|p| lower.starts_with(**p))
            && let Some(text) = rest(p)
        {
            entry.push_nationality(text);
        }
    }
}
