//! OFAC's `sdn.xml` (namespace `http://tempuri.org/sdnList.xsd`): a `publshInformation` header
//! (sic) with `Publish_Date` (MM/DD/YYYY), then one `sdnEntry` per entry with `uid`,
//! `firstName`, `lastName`, `sdnType`, `programList`, `akaList`, `nationalityList`,
//! `citizenshipList`, `dateOfBirthList`.

use std::path::Path;

use crate::source::{Progress, open};
use crate::xml::{Located, Node, expect_root, for_each_record};
use crate::{EntityKind, ListEntry, ParseError, PartialDate, collapse_ws};

/// OFAC writes individuals "LAST, First" in the CSV; the XML splits the parts. We join them the
/// same way so that both formats give the same primary name.
fn full_name(n: &Node) -> Option<String> {
    let last = n.text_of("lastName").map(collapse_ws);
    let first = n.text_of("firstName").map(collapse_ws);
    match (last, first) {
        (Some(l), Some(f)) => Some(format!("{l}, {f}")),
        (Some(l), None) => Some(l),
        (None, Some(f)) => Some(f),
        (None, None) => None,
    }
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
        &["sdnEntry", "publshInformation"],
        |root| expect_root(root, path, "sdnList"),
        |n| {
            if n.name == "publshInformation" {
                if let Some(d) = n.text_of("Publish_Date") {
                    // MM/DD/YYYY → ISO.
                    let p: Vec<&str> = d.split('/').collect();
                    version = Some(match p.as_slice() {
                        [m, dd, y] => format!("{y}-{m:0>2}-{dd:0>2}"),
                        _ => d.to_owned(),
                    });
                }
                return Ok(());
            }
            let uid = n
                .text_of("uid")
                .ok_or_else(|| at.element(&n, "sdnEntry without <uid>"))?;
            let name = full_name(&n)
                .ok_or_else(|| at.element(&n, format!("sdnEntry {uid} has no lastName")))?;
            let kind = match n.text_of("sdnType").map(str::to_ascii_lowercase).as_deref() {
                Some("individual") => EntityKind::Person,
                Some("entity") => EntityKind::Organization,
                Some("vessel") => EntityKind::Vessel,
                Some("aircraft") => EntityKind::Aircraft,
                _ => EntityKind::Unknown,
            };
            let mut e = ListEntry::new(uid, kind, name);
            for p in n.texts(&["programList"], "program") {
                e.push_program(p);
            }
            if let Some(aka) = n.child("akaList") {
                for a in aka.all("aka") {
                    if let Some(name) = full_name(a) {
                        e.push_alias(&name);
                    }
                }
            }
            for list in ["nationalityList", "citizenshipList"] {
                let item = if list == "nationalityList" {
                    "nationality"
                } else {
                    "citizenship"
                };
                if let Some(l) = n.child(list) {
                    for c in l.all(item).filter_map(|c| c.text_of("country")) {
                        e.push_nationality(c);
                    }
                }
            }
            if let Some(l) = n.child("dateOfBirthList") {
                for d in l
                    .all("dateOfBirthItem")
                    .filter_map(|d| d.text_of("dateOfBirth"))
                {
                    for d in PartialDate::parse_many(d) {
                        e.push_birth_date(d);
                    }
                }
            }
            e.remarks = n.text_of("remarks").map(str::to_owned);
            entries.push(e);
            Ok(())
        },
    )?;
    let version = version.unwrap_or_else(|| prog.content_version());
    Ok((version, entries))
}
