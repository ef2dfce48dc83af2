//! The EU consolidated financial-sanctions file (FSF, namespace
//! `http://eu.europa.ec/fpi/fsd/export`): root `export` with `generationDate`, one
//! `sanctionEntity` per entry with `logicalId`, `subjectType@code` (person / enterprise),
//! `regulation@programme`, `nameAlias@wholeName` (first one is the primary name),
//! `citizenship@countryIso2Code`, `birthdate@birthdate|year|monthOfYear|dayOfMonth`.

use std::path::Path;

use crate::source::{Progress, open};
use crate::xml::{Located, Node, expect_root, for_each_record};
use crate::{EntityKind, ListEntry, ParseError, PartialDate, collapse_ws};

fn alias_name(a: &Node) -> Option<String> {
    if let Some(w) = a.attr("wholeName") {
        return Some(collapse_ws(w));
    }
    let parts: Vec<&str> = ["firstName", "middleName", "lastName"]
        .iter()
        .filter_map(|k| a.attr(k))
        .collect();
    (!parts.is_empty()).then(|| collapse_ws(&parts.join(" ")))
}

fn birthdate(b: &Node) -> Option<PartialDate> {
    if let Some(full) = b.attr("birthdate").and_then(|d| d.parse().ok()) {
        return Some(full);
    }
    let year = b.attr("year")?.parse().ok()?;
    let month = b.attr("monthOfYear").and_then(|m| m.parse().ok());
    let day = b.attr("dayOfMonth").and_then(|d| d.parse().ok());
    PartialDate::new(year, month, day).or_else(|| PartialDate::new(year, None, None))
}

pub(crate) fn parse(
    path: &Path,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(String, Vec<ListEntry>), ParseError> {
    let mut prog = Progress::new(&[path], progress);
    let at = Located { path };
    let mut entries = Vec::new();
    let mut version = None;
    for_each_record(
        open(path, &mut prog)?,
        path,
        &["sanctionEntity"],
        |root| {
            expect_root(root, path, "export")?;
            version = root
                .attr("generationDate")
                .map(|d| d.split('T').next().unwrap_or(d).to_owned())
                .or_else(|| root.attr("globalFileId").map(str::to_owned));
            Ok(())
        },
        |n| {
            let id = n
                .attr("logicalId")
                .ok_or_else(|| at.element(&n, "sanctionEntity without logicalId"))?;
            let kind = match n.child("subjectType").and_then(|s| s.attr("code")) {
                Some("person") => EntityKind::Person,
                Some("enterprise") => EntityKind::Organization,
                _ => EntityKind::Unknown,
            };
            let mut names = n.all("nameAlias").filter_map(alias_name);
            let primary = names.next().ok_or_else(|| {
                at.element(
                    &n,
                    format!("sanctionEntity {id} has no nameAlias with a name"),
                )
            })?;
            let mut e = ListEntry::new(id, kind, primary);
            for a in names {
                e.push_alias(&a);
            }
            for r in n.all("regulation") {
                if let Some(p) = r.attr("programme") {
                    e.push_program(p);
                }
            }
            for c in n.all("citizenship") {
                if let Some(code) = c.attr("countryIso2Code").filter(|c| *c != "00") {
                    e.push_nationality(code);
                } else if let Some(desc) = c.attr("countryDescription") {
                    e.push_nationality(desc);
                }
            }
            for b in n.all("birthdate") {
                if let Some(d) = birthdate(b) {
                    e.push_birth_date(d);
                }
            }
            e.remarks = n.text_of("remark").map(str::to_owned);
            entries.push(e);
            Ok(())
        },
    )?;
    let version = version.unwrap_or_else(|| prog.content_version());
    Ok((version, entries))
}
