//! Byte-level mutations of a seed input, as proptest values so that a failure shrinks to the
//! fewest, smallest mutations of the simplest seed that still fail.

use std::fmt;

use proptest::prelude::*;
use proptest::sample::Index;

/// The longest input a case gets; mutations past it are cut. Parsers' own size limits are far
/// above it, so it only keeps a case fast, and the memory limit is per input byte anyway.
pub const MAX_INPUT: usize = 256 * 1024;

/// One edit of the input. Positions are [`Index`]es, scaled to the input as it is when the edit
/// applies, so they stay meaningful whatever the edits before them did.
#[derive(Clone)]
pub enum Mutation {
    /// Flips one bit of one byte.
    FlipBit { at: Index, bit: u8 },
    /// Overwrites one byte.
    SetByte { at: Index, value: u8 },
    /// Overwrites one byte with a boundary value (0, 0x7F, 0x80, 0xFF, …).
    Boundary { at: Index, which: Index },
    /// Inserts a few random bytes.
    Insert { at: Index, bytes: Vec<u8> },
    /// Inserts a token of the target's dictionary (a keyword of its format), or overwrites the
    /// bytes at `at` with it.
    Token {
        at: Index,
        which: Index,
        overwrite: bool,
    },
    /// Replaces the next run of ASCII digits at or after `at` with an extreme number.
    Number { at: Index, which: Index },
    /// Deletes up to `len` bytes.
    Delete { at: Index, len: usize },
    /// Copies `len` bytes from one place of the input to another.
    Duplicate { from: Index, len: usize, to: Index },
    /// Repeats `len` bytes `times` times in place: nesting, long runs, many records.
    Repeat {
        from: Index,
        len: usize,
        times: usize,
    },
    /// Inserts `len` bytes of another seed of the corpus.
    Splice {
        seed: Index,
        from: Index,
        len: usize,
        at: Index,
    },
    /// Cuts the input at `at`.
    Truncate { at: Index },
}

/// Byte values at the edges of signedness, ASCII and UTF-8.
const BOUNDARY: &[u8] = &[
    0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1A, 0x20, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xEF, 0xF0, 0xF4,
    0xFE, 0xFF,
];

/// Numbers at the edges of the integer types parsers read them into, and a few that are not
/// numbers of the expected shape at all.
const NUMBERS: &[&[u8]] = &[
    b"0",
    b"-1",
    b"-0",
    b"1",
    b"255",
    b"256",
    b"65535",
    b"65536",
    b"2147483647",
    b"2147483648",
    b"-2147483649",
    b"4294967295",
    b"4294967296",
    b"9223372036854775807",
    b"9223372036854775808",
    b"18446744073709551616",
    b"99999999999999999999999999999999",
    b"1e308",
    b"1e999",
    b"0.0000001",
    b"1.5",
    b"00000000",
];

fn at(len: usize, i: &Index) -> usize {
    // An index into 0..=len: an edit may apply at the very end.
    i.index(len + 1)
}

impl Mutation {
    /// Applies the edit to `data`; `seeds` is the corpus, for splices, and `dictionary` the
    /// target's tokens.
    pub fn apply(&self, data: &mut Vec<u8>, seeds: &[Vec<u8>], dictionary: &[&[u8]]) {
        let len = data.len();
        match self {
            Mutation::FlipBit { at: i, bit } => {
                if len > 0 {
                    data[i.index(len)] ^= 1 << (bit % 8);
                }
            }
            Mutation::SetByte { at: i, value } => {
                if len > 0 {
                    data[i.index(len)] = *value;
                }
            }
            Mutation::Boundary { at: i, which } => {
                if len > 0 {
                    data[i.index(len)] = BOUNDARY[which.index(BOUNDARY.len())];
                }
            }
            Mutation::Insert { at: i, bytes } => {
                let p = at(len, i);
                data.splice(p..p, bytes.iter().copied());
            }
            Mutation::Token {
                at: i,
                which,
                overwrite,
            } => {
                if dictionary.is_empty() {
                    return;
                }
                let token = dictionary[which.index(dictionary.len())];
                let p = at(len, i);
                let end = if *overwrite {
                    (p + token.len()).min(len)
                } else {
                    p
                };
                data.splice(p..end, token.iter().copied());
            }
            Mutation::Number { at: i, which } => {
                let p = at(len, i);
                let Some(start) = data[p..].iter().position(u8::is_ascii_digit) else {
                    return;
                };
                let start = p + start;
                let end = data[start..]
                    .iter()
                    .position(|b| !b.is_ascii_digit())
                    .map_or(len, |n| start + n);
                let number = NUMBERS[which.index(NUMBERS.len())];
                data.splice(start..end, number.iter().copied());
            }
            Mutation::Delete { at: i, len: n } => {
                let p = at(len, i);
                let end = (p + n).min(len);
                data.drain(p..end);
            }
            Mutation::Duplicate { from, len: n, to } => {
                let p = at(len, from);
                let chunk = data[p..(p + n).min(len)].to_vec();
                let q = at(len, to);
                data.splice(q..q, chunk);
            }
            Mutation::Repeat {
                from,
                len: n,
                times,
            } => {
                let p = at(len, from);
                let chunk = data[p..(p + n).min(len)].to_vec();
                let copies: Vec<u8> = chunk
                    .iter()
                    .copied()
                    .cycle()
                    .take(chunk.len() * times)
                    .collect();
                data.splice(p..p, copies);
            }
            Mutation::Splice {
                seed,
                from,
                len: n,
                at: i,
            } => {
                if seeds.is_empty() {
                    return;
                }
                let other = &seeds[seed.index(seeds.len())];
                let p = at(other.len(), from);
                let chunk = &other[p..(p + n).min(other.len())];
                let q = at(len, i);
                data.splice(q..q, chunk.iter().copied());
            }
            Mutation::Truncate { at: i } => {
                let p = at(len, i);
                data.truncate(p);
            }
        }
        data.truncate(MAX_INPUT);
    }
}

impl fmt::Debug for Mutation {
    // Positions print as the raw index proptest drew; the saved input is what to look at.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Mutation::FlipBit { .. } => "flip-bit",
            Mutation::SetByte { .. } => "set-byte",
            Mutation::Boundary { .. } => "boundary-byte",
            Mutation::Insert { .. } => "insert",
            Mutation::Token { .. } => "token",
            Mutation::Number { .. } => "number",
            Mutation::Delete { .. } => "delete",
            Mutation::Duplicate { .. } => "duplicate",
            Mutation::Repeat { .. } => "repeat",
            Mutation::Splice { .. } => "splice",
            Mutation::Truncate { .. } => "truncate",
        };
        f.write_str(name)
    }
}

/// Any one mutation, weighted towards the small edits that keep most of a seed's structure.
pub fn mutation() -> impl Strategy<Value = Mutation> {
    let i = any::<Index>;
    prop_oneof![
        3 => (i(), 0u8..8).prop_map(|(at, bit)| Mutation::FlipBit { at, bit }),
        2 => (i(), any::<u8>()).prop_map(|(at, value)| Mutation::SetByte { at, value }),
        2 => (i(), i()).prop_map(|(at, which)| Mutation::Boundary { at, which }),
        2 => (i(), proptest::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        3 => (i(), i(), any::<bool>())
            .prop_map(|(at, which, overwrite)| Mutation::Token { at, which, overwrite }),
        2 => (i(), i()).prop_map(|(at, which)| Mutation::Number { at, which }),
        2 => (i(), 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        1 => (i(), 1usize..256, i()).prop_map(|(from, len, to)| Mutation::Duplicate { from, len, to }),
        1 => (i(), 1usize..32, 2usize..128)
            .prop_map(|(from, len, times)| Mutation::Repeat { from, len, times }),
        1 => (i(), i(), 1usize..256, i())
            .prop_map(|(seed, from, len, at)| Mutation::Splice { seed, from, len, at }),
        1 => i().prop_map(|at| Mutation::Truncate { at }),
    ]
}
