//! The importers against fixtures in the published layouts (see `fixtures/README.md`).

// Helpers outside #[test] functions panic on broken fixtures, which is what a test should do.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use signet_screening::{
    EntityKind, ListEntry, ListFormat, ParseError, ParsedList, PartialDate, parse_path,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn parse(format: ListFormat, name: &str) -> Result<ParsedList, ParseError> {
    parse_path(format, &fixture(name), &mut |_, _| {})
}

fn entry<'a>(list: &'a ParsedList, id: &str) -> &'a ListEntry {
    list.entries
        .iter()
        .find(|e| e.entry_id == id)
        .unwrap_or_else(|| {
            panic!(
                "entry {id} missing from {:?}",
                list.entries.iter().map(|e| &e.entry_id).collect::<Vec<_>>()
            )
        })
}

fn date(s: &str) -> PartialDate {
    s.parse().unwrap()
}

#[test]
fn format_names_round_trip_and_unknown_names_are_refused() {
    for f in ListFormat::ALL {
        assert_eq!(f.as_str().parse::<ListFormat>().unwrap(), f);
    }
    let err = "ofac".parse::<ListFormat>().unwrap_err();
    assert!(err.to_string().contains("ofac-sdn-csv"), "{err}");
}

#[test]
fn ofac_csv_trio_gives_entries_with_aliases_dates_and_nationalities() {
    let list = parse(ListFormat::OfacSdnCsv, "ofac-csv").unwrap();
    assert_eq!(list.source, "ofac-sdn");
    assert_eq!(list.entries.len(), 9, "the trailing 0x1A is not an entry");
    assert!(list.version.starts_with("sha256:"), "{}", list.version);

    let putin = entry(&list, "32713");
    assert_eq!(putin.name, "PUTIN, Vladimir Vladimirovich");
    assert_eq!(putin.kind, EntityKind::Person);
    assert_eq!(putin.aliases, ["PUTIN, Vladimir"]);
    assert_eq!(putin.birth_dates, [date("1952-10-07")]);
    assert_eq!(putin.nationalities, ["RU"]);
    assert_eq!(putin.programs, ["RUSSIA-EO14024"]);

    let kim = entry(&list, "22253");
    assert_eq!(
        kim.birth_dates,
        [date("1984-01-08"), date("1983-01-08"), date("1982-01-08")]
    );
    assert_eq!(kim.nationalities, ["KP"]);

    let sadr = entry(&list, "9647");
    assert_eq!(sadr.birth_dates, [PartialDate::year(1973)]);

    let hamas = entry(&list, "7157");
    assert_eq!(hamas.kind, EntityKind::Organization);
    assert_eq!(hamas.programs, ["SDGT", "FTO"]);
    assert_eq!(hamas.aliases.len(), 2);
    assert_eq!(entry(&list, "15036").kind, EntityKind::Vessel);
}

#[test]
fn ofac_csv_accepts_sdn_csv_itself_as_the_path() {
    let by_dir = parse(ListFormat::OfacSdnCsv, "ofac-csv").unwrap();
    let by_file = parse(ListFormat::OfacSdnCsv, "ofac-csv/sdn.csv").unwrap();
    assert_eq!(by_dir, by_file);
}

#[test]
fn ofac_csv_row_with_missing_fields_is_reported_with_its_line() {
    let err = parse(ListFormat::OfacSdnCsv, "ofac-csv-bad").unwrap_err();
    assert_eq!(err.line(), Some(4), "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains("sdn.csv") && msg.contains("expected 12 fields, found 3"),
        "{msg}"
    );
}

#[test]
fn ofac_csv_without_its_companion_files_is_refused() {
    let dir = std::env::temp_dir().join(format!("signet-ofac-lonely-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(fixture("ofac-csv/sdn.csv"), dir.join("sdn.csv")).unwrap();
    let err = parse_path(ListFormat::OfacSdnCsv, &dir, &mut |_, _| {}).unwrap_err();
    assert!(err.to_string().contains("alt.csv"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn ofac_xml_matches_the_csv_for_the_same_entries() {
    let xml = parse(ListFormat::OfacSdnXml, "sdn.xml").unwrap();
    let csv = parse(ListFormat::OfacSdnCsv, "ofac-csv").unwrap();
    assert_eq!(xml.version, "2026-11-20");
    assert_eq!(xml.source, csv.source);
    for id in ["306", "32713"] {
        let (x, c) = (entry(&xml, id), entry(&csv, id));
        assert_eq!(x.name, c.name);
        assert_eq!(x.kind, c.kind);
        assert_eq!(x.birth_dates, c.birth_dates);
        assert_eq!(x.nationalities, c.nationalities);
    }
    let kim = entry(&xml, "22253");
    assert_eq!(kim.aliases, ["KIM, Jong-un"]);
    assert_eq!(kim.birth_dates.len(), 2);
    assert_eq!(entry(&xml, "15036").aliases, ["GRACE 1"]);
}

#[test]
fn truncated_ofac_xml_names_the_open_element() {
    let err = parse(ListFormat::OfacSdnXml, "sdn-truncated.xml").unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("sdn-truncated.xml"), "{msg}");
    assert!(
        msg.contains("<sdnEntry>") || msg.contains("<sdnList>"),
        "{msg}"
    );
    assert!(err.line().is_some_and(|l| l > 1), "{msg}");
}

#[test]
fn a_file_of_another_format_is_refused_by_its_root_element() {
    let err = parse(ListFormat::EuFsfXml, "sdn.xml").unwrap_err();
    assert!(err.to_string().contains("<export>"), "{err}");
}

#[test]
fn eu_fsf_entries_have_their_names_scripts_and_iso_codes() {
    let list = parse(ListFormat::EuFsfXml, "eu-fsf.xml").unwrap();
    assert_eq!(list.source, "eu-fsf");
    assert_eq!(list.version, "2026-11-20");
    let saddam = entry(&list, "13");
    assert_eq!(saddam.name, "Saddam Hussein Al-Tikriti");
    assert_eq!(saddam.aliases, ["Abu Ali", "صدام حسين"]);
    assert_eq!(saddam.birth_dates, [date("1937-04-28")]);
    assert_eq!(saddam.nationalities, ["IQ"]);
    assert_eq!(saddam.programs, ["IRQ"]);
    let lavrov = entry(&list, "133506");
    assert_eq!(lavrov.aliases, ["Сергей Викторович Лавров"]);
    let melli = entry(&list, "4240");
    assert_eq!(melli.kind, EntityKind::Organization);
    assert_eq!(
        melli.aliases,
        ["Bank Melli & Co."],
        "entities are unescaped"
    );
}

#[test]
fn truncated_eu_file_fails_naming_an_element_and_line() {
    let err = parse(ListFormat::EuFsfXml, "eu-fsf-truncated.xml").unwrap_err();
    assert!(matches!(err, ParseError::Element { .. }), "{err}");
    assert!(err.line().is_some_and(|l| l > 1), "{err}");
}

#[test]
fn un_individuals_and_entities_keep_reference_numbers_and_date_ranges() {
    let list = parse(ListFormat::UnXml, "un-consolidated.xml").unwrap();
    assert_eq!(list.source, "un-sc");
    assert_eq!(list.version, "2026-11-20");
    let z = entry(&list, "QDi.006");
    assert_eq!(z.name, "AYMAN MUHAMMED RABI AL-ZAWAHIRI");
    assert_eq!(
        z.aliases,
        [
            "أيمن محمد ربيع الظواهري",
            "Ayman Al-Zawahari",
            "Abu Mohammed"
        ]
    );
    assert_eq!(z.nationalities, ["EG"]);
    assert_eq!(z.birth_dates, [date("1951-06-19")]);
    let ri = entry(&list, "KPi.004");
    assert_eq!(ri.name, "RI SU YONG");
    assert_eq!(ri.nationalities, ["KP"]);
    assert_eq!(
        ri.birth_dates,
        [1955, 1956, 1957, 1958].map(PartialDate::year)
    );
    let shabaab = entry(&list, "SOe.001");
    assert_eq!(shabaab.kind, EntityKind::Organization);
    assert_eq!(shabaab.aliases.len(), 2);
}

#[test]
fn un_record_without_an_id_is_reported_with_its_line() {
    let err = parse(ListFormat::UnXml, "un-missing-id.xml").unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("<INDIVIDUAL>") && msg.contains("REFERENCE_NUMBER"),
        "{msg}"
    );
    assert_eq!(err.line(), Some(53), "{msg}");
}

#[test]
fn uk_designations_give_primary_names_aliases_and_partial_dates() {
    let list = parse(ListFormat::UkSanctionsList, "uk-sanctions-list.xml").unwrap();
    assert_eq!(list.source, "uk-sanctions-list");
    assert_eq!(list.version, "2026-11-20");
    let putin = entry(&list, "RUS0251");
    assert_eq!(putin.name, "Vladimir Vladimirovich PUTIN");
    assert_eq!(putin.aliases, ["Владимир Владимирович Путин"]);
    assert_eq!(putin.birth_dates, [date("1952-10-07")]);
    assert_eq!(putin.nationalities, ["RU"]);
    let ri = entry(&list, "DPR0001");
    assert_eq!(ri.aliases, ["RI SU-YONG"]);
    assert_eq!(
        ri.birth_dates,
        [PartialDate::year(1955), PartialDate::year(1958)]
    );
    assert_eq!(ri.nationalities, ["KP"]);
    assert_eq!(entry(&list, "RUS0102").kind, EntityKind::Organization);
}

#[test]
fn opensanctions_lines_keep_targets_and_skip_other_schemas() {
    let list = parse(ListFormat::OpenSanctionsFtm, "opensanctions.ftm.jsonl").unwrap();
    assert_eq!(list.source, "opensanctions");
    assert_eq!(list.entries.len(), 4, "the Address line is skipped");
    let putin = entry(&list, "Q7747");
    assert_eq!(
        putin.aliases,
        ["Владимир Владимирович Путин", "Vladimir Poutine"]
    );
    assert_eq!(putin.nationalities, ["RU"]);
    assert_eq!(putin.topics, ["sanction", "role.pep"]);
    assert_eq!(putin.datasets, ["us_ofac_sdn", "eu_fsf"]);
    let kim = entry(&list, "Q1373");
    assert!(kim.topics.is_empty());
    assert_eq!(
        kim.birth_dates,
        [
            date("1984-01-08"),
            PartialDate::year(1983),
            PartialDate::year(1982)
        ]
    );
    assert_eq!(entry(&list, "ofac-15036").aliases, ["GRACE 1"]);
}

#[test]
fn broken_json_line_is_reported_with_its_number() {
    let err = parse(ListFormat::OpenSanctionsFtm, "opensanctions-bad.jsonl").unwrap_err();
    assert_eq!(err.line(), Some(3), "{err}");
}

#[test]
fn progress_reaches_the_file_size() {
    let path = fixture("ofac-csv");
    let total: u64 = ["sdn.csv", "alt.csv", "add.csv"]
        .iter()
        .map(|f| std::fs::metadata(path.join(f)).unwrap().len())
        .sum();
    let mut last = (0, 0);
    parse_path(ListFormat::OfacSdnCsv, &path, &mut |done, all| {
        last = (done, all)
    })
    .unwrap();
    assert_eq!(last, (total, total));
}

#[test]
fn the_same_content_gives_the_same_hash_version_and_other_content_another() {
    let a = parse(ListFormat::OpenSanctionsFtm, "opensanctions.ftm.jsonl").unwrap();
    let b = parse(ListFormat::OpenSanctionsFtm, "opensanctions.ftm.jsonl").unwrap();
    assert_eq!(a.version, b.version);
    let dir = std::env::temp_dir().join(format!("signet-ftm-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("one.jsonl");
    std::fs::write(
        &p,
        std::fs::read_to_string(fixture("opensanctions.ftm.jsonl"))
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    let c = parse_path(ListFormat::OpenSanctionsFtm, &p, &mut |_, _| {}).unwrap();
    assert_ne!(a.version, c.version);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_empty_file_is_refused_rather_than_replacing_a_list_with_nothing() {
    let dir = std::env::temp_dir().join(format!("signet-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("empty.jsonl");
    std::fs::write(&p, "").unwrap();
    let err = parse_path(ListFormat::OpenSanctionsFtm, &p, &mut |_, _| {}).unwrap_err();
    assert!(err.to_string().contains("no list entries"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn ofac_csv_in_latin_1_is_read_rather_than_refused() {
    let dir = std::env::temp_dir().join(format!("signet-ofac-latin1-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["alt.csv", "add.csv"] {
        std::fs::copy(fixture("ofac-csv").join(f), dir.join(f)).unwrap();
    }
    let mut sdn = std::fs::read(fixture("ofac-csv/sdn.csv")).unwrap();
    // "MADURO MOROS, Nicolas" with an accented a, as Windows-1252 writes it (0xE1).
    let at = sdn.windows(7).position(|w| w == b"Nicolas").unwrap();
    sdn[at + 5] = 0xE1;
    std::fs::write(dir.join("sdn.csv"), sdn).unwrap();
    let list = parse_path(ListFormat::OfacSdnCsv, &dir, &mut |_, _| {}).unwrap();
    assert_eq!(entry(&list, "22251").name, "MADURO MOROS, Nicolás");
    std::fs::remove_dir_all(&dir).unwrap();
}
