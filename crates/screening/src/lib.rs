//! Sanctions-list screening for Signet: importers for the official list formats and an
//! explainable, fast name matcher.
//!
//! The crate is pure library code. It reads files (streaming, so lists of hundreds of megabytes
//! do not need to fit in memory twice) and scores names; storing lists, persons and hits is the
//! server's business. Two halves:
//!
//! * [`parse_path`] turns an official list file into a [`ParsedList`] of [`ListEntry`] values,
//!   failing with a [`ParseError`] that names the file and the line or element at fault.
//! * [`Index`] is built once from the entries of several lists and answers [`Index::search`]
//!   with [`Match`]es whose [`Explanation`] says which names, tokens and fields matched and why.

#![forbid(unsafe_code)]

mod country;
mod date;
mod error;
mod formats;
mod matcher;
mod normalize;
mod romanize;
mod source;
mod translit;
mod xml;

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub use country::country_code;
pub use date::{BadDate, PartialDate};
pub use error::ParseError;
pub use matcher::{
    Adjustment, DEFAULT_THRESHOLD, Evidence, EvidenceKind, Explanation, Index, Match, MatchHow,
    Query, SearchOptions, TokenMatch,
};
pub use normalize::{NormalizedName, normalize_name};

/// The official file formats Signet imports, named as on the command line
/// (`signet lists import PATH --format F`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ListFormat {
    /// OFAC's legacy CSV trio `sdn.csv`, `alt.csv`, `add.csv`.
    OfacSdnCsv,
    /// OFAC's `sdn.xml`.
    OfacSdnXml,
    /// The EU consolidated financial-sanctions file (FSF) XML.
    EuFsfXml,
    /// The UN Security Council consolidated list XML.
    UnXml,
    /// The FCDO UK Sanctions List, XML form (`Designations` / `Designation`).
    UkSanctionsList,
    /// OpenSanctions FollowTheMoney entities, one JSON object a line.
    OpenSanctionsFtm,
}

impl ListFormat {
    /// Every format, in the order the CLI lists them.
    pub const ALL: [ListFormat; 6] = [
        ListFormat::OfacSdnCsv,
        ListFormat::OfacSdnXml,
        ListFormat::EuFsfXml,
        ListFormat::UnXml,
        ListFormat::UkSanctionsList,
        ListFormat::OpenSanctionsFtm,
    ];

    /// The name used by the CLI and stored with an imported list.
    pub fn as_str(self) -> &'static str {
        match self {
            ListFormat::OfacSdnCsv => "ofac-sdn-csv",
            ListFormat::OfacSdnXml => "ofac-sdn-xml",
            ListFormat::EuFsfXml => "eu-fsf-xml",
            ListFormat::UnXml => "un-xml",
            ListFormat::UkSanctionsList => "uk-sanctions-list",
            ListFormat::OpenSanctionsFtm => "opensanctions-ftm",
        }
    }

    /// The publisher-level source the format belongs to; two formats of one source (OFAC CSV
    /// and XML) describe the same list, so they share it.
    pub fn source(self) -> &'static str {
        match self {
            ListFormat::OfacSdnCsv | ListFormat::OfacSdnXml => "ofac-sdn",
            ListFormat::EuFsfXml => "eu-fsf",
            ListFormat::UnXml => "un-sc",
            ListFormat::UkSanctionsList => "uk-sanctions-list",
            ListFormat::OpenSanctionsFtm => "opensanctions",
        }
    }
}

impl fmt::Display for ListFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The format name was not one of [`ListFormat::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown list format {0:?}; expected one of ofac-sdn-csv, ofac-sdn-xml, eu-fsf-xml, un-xml, uk-sanctions-list, opensanctions-ftm"
)]
pub struct UnknownFormat(pub String);

impl FromStr for ListFormat {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ListFormat::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownFormat(s.to_owned()))
    }
}

/// What kind of thing a list entry designates. Matching treats them alike, except that the
/// first-name and family-name rules apply to persons (and unknown kinds) only; the kind is kept
/// so that reviewers see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Vessel,
    Aircraft,
    #[default]
    Unknown,
}

/// One designated person, organisation, vessel or aircraft, as the list describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListEntry {
    /// The list's own identifier: OFAC `ent_num`/`uid`, EU `logicalId`, UN `REFERENCE_NUMBER`
    /// (or `DATAID` when missing), UK `UniqueID`, FtM `id`.
    pub entry_id: String,
    #[serde(default)]
    pub kind: EntityKind,
    /// The primary name exactly as the list writes it (OFAC individuals: "LAST, First").
    pub name: String,
    /// Every other name the list gives (a.k.a., f.k.a., other scripts), in list order.
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub birth_dates: Vec<PartialDate>,
    /// ISO 3166 alpha-2 codes where the country could be recognised, else the list's own words.
    #[serde(default)]
    pub nationalities: Vec<String>,
    #[serde(default)]
    pub programs: Vec<String>,
    #[serde(default)]
    pub remarks: Option<String>,
    /// Risk topics the list gives (FollowTheMoney `topics`: `sanction`, `role.pep`, `role.rca`,
    /// `crime`, …); empty where the list gives none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// The source datasets the list names (FollowTheMoney `datasets`: `us_ofac_sdn`, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub datasets: Vec<String>,
}

/// The topic of a sanctioned entry (FollowTheMoney's word).
pub const SANCTION_TOPIC: &str = "sanction";

impl ListEntry {
    /// An entry with only an id and a name; the parsers fill in the rest.
    pub fn new(entry_id: impl Into<String>, kind: EntityKind, name: impl Into<String>) -> Self {
        ListEntry {
            entry_id: entry_id.into(),
            kind,
            name: name.into(),
            aliases: Vec::new(),
            birth_dates: Vec::new(),
            nationalities: Vec::new(),
            programs: Vec::new(),
            remarks: None,
            topics: Vec::new(),
            datasets: Vec::new(),
        }
    }

    /// The entry's topics, `sanction` for an entry of a list that gives none: the official
    /// sanctions lists carry no topics, and every entry on them is a sanction.
    pub fn risk_topics(&self) -> Vec<String> {
        if self.topics.is_empty() {
            vec![SANCTION_TOPIC.to_owned()]
        } else {
            self.topics.clone()
        }
    }

    fn push_alias(&mut self, alias: &str) {
        let alias = collapse_ws(alias);
        if !alias.is_empty() && alias != self.name && !self.aliases.contains(&alias) {
            self.aliases.push(alias);
        }
    }

    fn push_birth_date(&mut self, d: PartialDate) {
        if !self.birth_dates.contains(&d) {
            self.birth_dates.push(d);
        }
    }

    fn push_nationality(&mut self, country: &str) {
        let country = country.trim();
        if country.is_empty() {
            return;
        }
        let value = country_code(country)
            .map(str::to_owned)
            .unwrap_or_else(|| country.to_owned());
        if !self.nationalities.contains(&value) {
            self.nationalities.push(value);
        }
    }

    fn push_program(&mut self, program: &str) {
        let program = program.trim();
        if !program.is_empty() && !self.programs.iter().any(|p| p == program) {
            self.programs.push(program.to_owned());
        }
    }
}

/// A whole list file, parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParsedList {
    /// The publisher: `ofac-sdn`, `eu-fsf`, `un-sc`, `uk-sanctions-list`, `opensanctions`.
    pub source: String,
    pub format: ListFormat,
    /// The publication date or version the file declares; when it declares none, `sha256:` and
    /// the first 16 hex digits of the content hash, so that re-importing the same file is
    /// recognisable.
    pub version: String,
    pub entries: Vec<ListEntry>,
}

/// Parses a list file in the given format, streaming it.
///
/// `progress` is called now and then with the bytes read so far and the total size, for a
/// progress bar. For `ofac-sdn-csv`, `path` is the folder holding `sdn.csv`, `alt.csv` and
/// `add.csv`, or `sdn.csv` itself with the other two beside it.
pub fn parse_path(
    format: ListFormat,
    path: &Path,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<ParsedList, ParseError> {
    let (version, entries) = match format {
        ListFormat::OfacSdnCsv => formats::ofac_csv::parse(path, progress)?,
        ListFormat::OfacSdnXml => formats::ofac_xml::parse(path, progress)?,
        ListFormat::EuFsfXml => formats::eu::parse(path, progress)?,
        ListFormat::UnXml => formats::un::parse(path, progress)?,
        ListFormat::UkSanctionsList => formats::uk::parse(path, progress)?,
        ListFormat::OpenSanctionsFtm => formats::ftm::parse(path, progress)?,
    };
    if entries.is_empty() {
        return Err(ParseError::File {
            path: path.to_path_buf(),
            message: "the file holds no list entries; refusing to replace a list with nothing"
                .into(),
        });
    }
    Ok(ParsedList {
        source: format.source().to_owned(),
        format,
        version,
        entries,
    })
}

/// Collapses runs of whitespace to one space and trims; list files wrap and pad names freely.
pub(crate) fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
