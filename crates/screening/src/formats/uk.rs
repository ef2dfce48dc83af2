//! The FCDO UK Sanctions List, XML form: root `Designations` with `DateGenerated`, one
//! `Designation` per entry with `UniqueID`, `RegimeName`, `IndividualEntityShip`,
//! `Names/Name` (`Name1` … `Name6`, where `Name6` is the family name or the entity's whole name,
//! and `NameType` "Primary Name" or "Alias"), `NonLatinNames/NonLatinName/NameNonLatinScript`
//! and `IndividualDetails/Individual` with `DOBs/DOB` (dd/mm/yyyy, unknown parts `00` or `--`)
//! and `Nationalities/Nationality`.

use std::path::Path;

use crate::source::{Progress, open};
use crate::xml::{Located, Node, expect_root, for_each_record};
use crate::{EntityKind, ListEntry, ParseError, PartialDate, collapse_ws};

fn name_of(n: &Node) -> Option<String> {
    let parts: Vec<&str> = ["Name1", "Name2", "Name3", "Name4", "Name5", "Name6"]
        .iter()
        .filter_map(|k| n.text_of(k))
        .collect();
    (!parts.is_empty()).then(|| collapse_ws(&parts.join(" ")))
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
        &["Designation", "DateGenerated"],
        |root| expect_root(root, path, "Designations"),
        |n| {
            if n.name == "DateGenerated" {
                version = n
                    .value()
                    .map(|d| match PartialDate::parse_many(d).as_slice() {
                        [one] => one.to_string(),
                        _ => d.to_owned(),
                    });
                return Ok(());
            }
            let id = n
                .text_of("UniqueID")
                .ok_or_else(|| at.element(&n, "Designation without UniqueID"))?;
            let kind = match n
                .text_of("IndividualEntityShip")
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                Some("individual") => EntityKind::Person,
                Some("entity") => EntityKind::Organization,
                Some("ship") => EntityKind::Vessel,
                _ => EntityKind::Unknown,
            };
            let names: Vec<(String, bool)> = n
                .child("Names")
                .map(|ns| {
                    ns.all("Name")
                        .filter_map(|x| {
                            let primary = x
                                .text_of("NameType")
                                .is_some_and(|t| t.eq_ignore_ascii_case("Primary Name"));
                            name_of(x).map(|s| (s, primary))
                        })
                        .collect()
                })
                .unwrap_or_default();
            let primary = names
                .iter()
                .find(|(_, p)| *p)
                .or(names.first())
                .map(|(s, _)| s.clone())
                .ok_or_else(|| at.element(&n, format!("Designation {id} has no Names/Name")))?;
            let mut e = ListEntry::new(id, kind, primary);
            for (alias, _) in &names {
                e.push_alias(alias);
            }
            if let Some(nl) = n.child("NonLatinNames") {
                for s in nl
                    .all("NonLatinName")
                    .filter_map(|x| x.text_of("NameNonLatinScript"))
                {
                    e.push_alias(s);
                }
            }
            if let Some(r) = n.text_of("RegimeName") {
                e.push_program(r);
            }
            if let Some(ind) = n.at(&["IndividualDetails", "Individual"]) {
                for d in ind.texts(&["DOBs"], "DOB") {
                    for d in PartialDate::parse_many(d) {
                        e.push_birth_date(d);
                    }
                }
                for c in ind.texts(&["Nationalities"], "Nationality") {
                    e.push_nationality(c);
                }
            }
            e.remarks = n.text_of("OtherInformation").map(str::to_owned);
            entries.push(e);
            Ok(())
        },
    )?;
    let version = version.unwrap_or_else(|| prog.content_version());
    Ok((version, entries))
}
