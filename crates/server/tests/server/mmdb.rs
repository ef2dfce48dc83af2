//! A writer of MaxMind DB files (`.mmdb`, <https://maxmind.github.io/MaxMind-DB/>) for tests:
//! an IPv4 country database that places networks in countries, in the format MaxMind's
//! GeoLite2-Country files have (`country.iso_code`), read by the same reader Signet uses.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

const NO_DATA: u32 = u32::MAX;
const DATA_BIT: u32 = 1 << 31;

fn string(s: &str) -> Vec<u8> {
    assert!(s.len() < 29, "short strings only");
    let mut out = vec![0x40 | s.len() as u8];
    out.extend_from_slice(s.as_bytes());
    out
}

fn map(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut out = vec![0xE0 | entries.len() as u8];
    for (key, value) in entries {
        out.extend(string(key));
        out.extend_from_slice(value);
    }
    out
}

/// An unsigned integer of the given type (5: uint16, 6: uint32, 9: uint64), in as few bytes
/// as it needs.
fn unsigned(kind: u8, value: u64) -> Vec<u8> {
    let bytes: Vec<u8> = value
        .to_be_bytes()
        .into_iter()
        .skip_while(|b| *b == 0)
        .collect();
    let mut out = if kind <= 7 {
        vec![(kind << 5) | bytes.len() as u8]
    } else {
        vec![bytes.len() as u8, kind - 7]
    };
    out.extend(bytes);
    out
}

fn array(items: &[Vec<u8>]) -> Vec<u8> {
    let mut out = vec![items.len() as u8, 11 - 7];
    for item in items {
        out.extend_from_slice(item);
    }
    out
}

/// A database placing each `(network, prefix length, ISO code)` in its country.
pub fn country_database(networks: &[(Ipv4Addr, u8, &str)]) -> Vec<u8> {
    // The data section: one record per country.
    let mut data = Vec::new();
    let mut offsets = BTreeMap::new();
    for (_, _, code) in networks {
        offsets.entry(code.to_string()).or_insert_with(|| {
            let at = data.len() as u32;
            data.extend(map(&[("country", map(&[("iso_code", string(code))]))]));
            at
        });
    }
    // The search tree: a node per prefix bit, both records empty until set.
    let mut nodes: Vec<[u32; 2]> = vec![[NO_DATA, NO_DATA]];
    for (network, prefix, code) in networks {
        assert!(*prefix >= 1 && *prefix <= 32);
        let bits = u32::from(*network);
        let mut node = 0usize;
        for depth in 0..*prefix {
            let bit = ((bits >> (31 - depth)) & 1) as usize;
            if depth + 1 == *prefix {
                nodes[node][bit] = DATA_BIT | offsets[*code];
            } else {
                let next = nodes[node][bit];
                if next == NO_DATA || next & DATA_BIT != 0 {
                    nodes.push([NO_DATA, NO_DATA]);
                    let new = (nodes.len() - 1) as u32;
                    nodes[node][bit] = new;
                    node = new as usize;
                } else {
                    node = next as usize;
                }
            }
        }
    }
    let count = nodes.len() as u32;
    let mut out = Vec::new();
    for node in &nodes {
        for record in node {
            let value = match *record {
                NO_DATA => count,
                r if r & DATA_BIT != 0 => count + 16 + (r & !DATA_BIT),
                r => r,
            };
            out.extend_from_slice(&value.to_be_bytes()[1..]);
        }
    }
    out.extend([0u8; 16]);
    out.extend(data);
    out.extend(b"\xAB\xCD\xEFMaxMind.com");
    out.extend(map(&[
        ("binary_format_major_version", unsigned(5, 2)),
        ("binary_format_minor_version", unsigned(5, 0)),
        ("build_epoch", unsigned(9, 1_767_225_600)),
        ("database_type", string("Signet-Test-Country")),
        ("description", map(&[("en", string("Test countries"))])),
        ("ip_version", unsigned(5, 4)),
        ("languages", array(&[string("en")])),
        ("node_count", unsigned(6, u64::from(count))),
        ("record_size", unsigned(5, 24)),
    ]));
    out
}

#[test]
fn the_database_reads_back_with_maxminds_reader() {
    let db = country_database(&[
        (Ipv4Addr::new(175, 45, 176, 0), 22, "KP"),
        (Ipv4Addr::new(198, 51, 100, 0), 24, "DE"),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("countries.mmdb");
    std::fs::write(&path, db).unwrap();
    let geo = signet_server::geoip::GeoIp::open(&path).unwrap();
    assert_eq!(
        geo.country("175.45.177.9".parse().unwrap()).as_deref(),
        Some("KP")
    );
    assert_eq!(
        geo.country("198.51.100.200".parse().unwrap()).as_deref(),
        Some("DE")
    );
    assert_eq!(geo.country("203.0.113.5".parse().unwrap()), None);
    assert_eq!(geo.country("::1".parse().unwrap()), None);
}
