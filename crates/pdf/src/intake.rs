//! Intake of untrusted PDFs: one pass over the raw bytes that bounds the work the parsers will
//! do with a file before lopdf (signing, verification) or hayro (page images) ever see it.
//!
//! Neither parser limits what a hostile file costs: hayro inflates a page's content stream
//! whole (400 MiB of compressed spaces fit in a 400 KB upload), and lopdf turns every value
//! outside streams into a ~100-byte `Object` (a 10 MB array of zeros is a gigabyte). So the
//! scan here reads the file with a tokenizer of its own that keeps almost nothing, and refuses
//! the file when a limit is crossed:
//!
//! - every stream is decoded through its filter chain with decoders that stop at the byte
//!   budget, and the total decoded size of all streams (object streams and inline images
//!   included) must stay within [`Limits::max_decompressed_bytes`];
//! - at most [`MAX_FILTERS`] filters per stream, only the standard ones, image codecs last;
//! - images at most [`MAX_IMAGE_PIXELS`] pixels (the dictionary's size, and a JPEG's or
//!   JPEG 2000's own header);
//! - at most [`Limits::max_objects`] objects, [`MAX_VALUES`] values outside streams,
//!   [`MAX_ARRAY_LEN`] entries in one array or dictionary, nesting [`MAX_NESTING`] deep.
//!
//! The scan does not trust the cross-reference table: every `obj` keyword in the file starts
//! a candidate object, also inside other streams' data, because a repairing parser (hayro
//! rebuilds a broken table by scanning) may find objects there. A `stream` keyword right after
//! a dictionary that the scan could not read is refused, so a parser more lenient than this
//! one cannot be led to a stream that was never measured. Overlapping candidates are paid for
//! from a work budget proportional to the file, so the scan itself stays linear.

use std::io::Read;

use crate::PdfError;

/// Default of [`Limits::max_decompressed_bytes`]: 64 MiB.
pub const DEFAULT_MAX_DECOMPRESSED_BYTES: u64 = 64 << 20;
/// Default of [`Limits::max_objects`].
pub const MAX_OBJECTS: usize = 500_000;
/// Default of [`Limits::max_pages`].
pub const MAX_PAGES: usize = 2_000;
/// Deepest nesting of arrays and dictionaries (real files stay under ten).
pub const MAX_NESTING: usize = 32;
/// Most filters on one stream (real files use one or two).
pub const MAX_FILTERS: usize = 4;
/// Most entries in one array or dictionary.
pub const MAX_ARRAY_LEN: usize = 100_000;
/// Most values outside streams in the whole file: what bounds lopdf's memory (it spends
/// about 120 bytes on each, so this is under 200 MB).
pub const MAX_VALUES: usize = 1_500_000;
/// Most pixels in one image: an A4 page scanned at 600 dpi is 35 million.
pub const MAX_IMAGE_PIXELS: u64 = 40_000_000;
/// Object streams inside object streams, at most this deep.
const MAX_OBJSTM_DEPTH: usize = 2;

/// What intake accepts.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Total decoded size of all streams of the document, in bytes.
    pub max_decompressed_bytes: u64,
    /// Most indirect objects (in the file and in object streams).
    pub max_objects: usize,
    /// Most pages.
    pub max_pages: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_decompressed_bytes: DEFAULT_MAX_DECOMPRESSED_BYTES,
            max_objects: MAX_OBJECTS,
            max_pages: MAX_PAGES,
        }
    }
}

/// What the scan measured.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scanned {
    /// Objects found (candidates that parsed, plus the members of object streams).
    pub objects: usize,
    /// Streams decoded.
    pub streams: usize,
    /// Total decoded size of all streams, in bytes.
    pub decompressed_bytes: u64,
    /// Values read outside streams.
    pub values: usize,
}

/// Scans `input` against `limits`; see the module documentation. Pages are counted later,
/// by the parser, once the scan has made parsing safe ([`crate::check_pdf`]).
///
/// Errors: [`PdfError::OverLimit`] when a limit is crossed, [`PdfError::Malformed`] for a
/// structure no limit can bound (unknown filters, nesting too deep, a stream whose dictionary
/// cannot be read), [`PdfError::NotAPdf`] without the `%PDF-` header.
pub fn scan(input: &[u8], limits: &Limits) -> Result<Scanned, PdfError> {
    if !input.starts_with(b"%PDF-") {
        return Err(PdfError::NotAPdf(
            "the file does not start with %PDF-".into(),
        ));
    }
    let mut s = Scanner {
        limits,
        out: Scanned::default(),
        work: 0,
        work_allowed: input.len().saturating_mul(4).saturating_add(1 << 20),
    };
    let starts: Vec<usize> = memchr::memmem::find_iter(input, b"obj")
        .filter(|&i| {
            (i == 0 || !is_regular(input[i - 1]))
                && input.get(i + 3).is_none_or(|&b| !is_regular(b))
        })
        .map(|i| i + 3)
        .collect();
    s.region(input, &starts, 0, true)?;
    Ok(s.out)
}

struct Scanner<'l> {
    limits: &'l Limits,
    out: Scanned,
    work: usize,
    work_allowed: usize,
}

/// Why a candidate stopped: bad syntax only drops the candidate (it may be stray bytes inside
/// binary data); a crossed limit refuses the file.
enum Stop {
    Syntax,
    Refuse(PdfError),
}

impl From<PdfError> for Stop {
    fn from(e: PdfError) -> Stop {
        Stop::Refuse(e)
    }
}

fn over(what: String) -> PdfError {
    PdfError::OverLimit(what)
}

impl Scanner<'_> {
    /// Reads one object at each of `starts` in `data` (the file, or a decoded object stream),
    /// measures the streams that follow dictionaries, and refuses streams that belong to no
    /// dictionary read here.
    fn region(
        &mut self,
        data: &[u8],
        starts: &[usize],
        depth: usize,
        count: bool,
    ) -> Result<(), PdfError> {
        let mut measured = std::collections::HashSet::new();
        for &start in starts {
            let mut lex = Lexer { data, pos: start };
            let parsed = self.object(&mut lex, depth);
            self.work = self.work.saturating_add(lex.pos.saturating_sub(start));
            if self.work > self.work_allowed {
                return Err(PdfError::Malformed(
                    "objects overlap too much to be read".into(),
                ));
            }
            match parsed {
                Ok(stream_keyword) => {
                    measured.extend(stream_keyword);
                    if count {
                        self.out.objects += 1;
                    }
                }
                Err(Stop::Syntax) => {}
                Err(Stop::Refuse(e)) => return Err(e),
            }
            if self.out.objects > self.limits.max_objects {
                return Err(over(format!(
                    "more than {} objects",
                    self.limits.max_objects
                )));
            }
        }
        for pos in memchr::memmem::find_iter(data, b"stream") {
            if !measured.contains(&pos) && follows_dictionary(data, pos) && ends_keyword(data, pos)
            {
                return Err(PdfError::Malformed(format!(
                    "a stream at byte {pos} follows a dictionary that cannot be read"
                )));
            }
        }
        Ok(())
    }

    /// One object; returns the position of its `stream` keyword when it is a stream.
    fn object(&mut self, lex: &mut Lexer<'_>, depth: usize) -> Result<Option<usize>, Stop> {
        let first = lex.next()?.ok_or(Stop::Syntax)?;
        let value = self.value(lex, first, 0)?;
        let Val::Dict(dict) = value else {
            return Ok(None);
        };
        lex.skip_space();
        let keyword = lex.pos;
        if !lex.data[keyword..].starts_with(b"stream") || !ends_keyword(lex.data, keyword) {
            return Ok(None);
        }
        lex.pos += 6;
        match lex.data.get(lex.pos..lex.pos + 2) {
            Some(b"\r\n") => lex.pos += 2,
            _ if matches!(lex.data.get(lex.pos), Some(b'\n' | b'\r')) => lex.pos += 1,
            _ => {}
        }
        self.stream(lex.data, lex.pos, &dict, depth)?;
        Ok(Some(keyword))
    }

    fn count_value(&mut self) -> Result<(), Stop> {
        self.out.values += 1;
        if self.out.values > MAX_VALUES {
            return Err(over(format!("more than {MAX_VALUES} values outside streams")).into());
        }
        Ok(())
    }

    fn value<'a>(
        &mut self,
        lex: &mut Lexer<'a>,
        first: Tok<'a>,
        depth: usize,
    ) -> Result<Val<'a>, Stop> {
        self.count_value()?;
        Ok(match first {
            Tok::Int(i) => {
                // `n g R` is one value, a reference.
                let save = lex.pos;
                if let Ok(Some(Tok::Int(_))) = lex.next()
                    && let Ok(Some(Tok::Word(b"R"))) = lex.next()
                {
                    Val::Ref
                } else {
                    lex.pos = save;
                    Val::Int(i)
                }
            }
            Tok::Name(n) => Val::Name(n),
            Tok::Real | Tok::Str => Val::Other,
            Tok::Word(b"true" | b"false" | b"null") => Val::Other,
            Tok::ArrayOpen => {
                if depth >= MAX_NESTING {
                    return Err(PdfError::Malformed(format!(
                        "arrays and dictionaries nested more than {MAX_NESTING} deep"
                    ))
                    .into());
                }
                let mut kept = Vec::new();
                let mut len = 0usize;
                loop {
                    let t = lex.next()?.ok_or(Stop::Syntax)?;
                    if t == Tok::ArrayClose {
                        break;
                    }
                    let v = self.value(lex, t, depth + 1)?;
                    len += 1;
                    if len > MAX_ARRAY_LEN {
                        return Err(
                            over(format!("an array of more than {MAX_ARRAY_LEN} entries")).into(),
                        );
                    }
                    // Only short arrays matter to the scan (filter chains, sizes).
                    if kept.len() < 2 * MAX_FILTERS {
                        kept.push(v);
                    }
                }
                Val::Array(kept)
            }
            Tok::DictOpen => {
                if depth >= MAX_NESTING {
                    return Err(PdfError::Malformed(format!(
                        "arrays and dictionaries nested more than {MAX_NESTING} deep"
                    ))
                    .into());
                }
                let mut kept = Vec::new();
                let mut len = 0usize;
                loop {
                    let key = match lex.next()?.ok_or(Stop::Syntax)? {
                        Tok::DictClose => break,
                        Tok::Name(k) => k,
                        _ => return Err(Stop::Syntax),
                    };
                    let t = lex.next()?.ok_or(Stop::Syntax)?;
                    let v = self.value(lex, t, depth + 1)?;
                    len += 1;
                    if len > MAX_ARRAY_LEN {
                        return Err(over(format!(
                            "a dictionary of more than {MAX_ARRAY_LEN} entries"
                        ))
                        .into());
                    }
                    if KEPT_KEYS.contains(&key) {
                        kept.push((key, v));
                    }
                }
                Val::Dict(kept)
            }
            Tok::Word(_) | Tok::ArrayClose | Tok::DictClose | Tok::Brace => {
                return Err(Stop::Syntax);
            }
        })
    }

    /// Measures the stream whose data starts at `start` in `data`.
    fn stream(
        &mut self,
        data: &[u8],
        start: usize,
        dict: &[(&[u8], Val<'_>)],
        depth: usize,
    ) -> Result<(), PdfError> {
        self.out.streams += 1;
        let get = |key: &[u8]| dict.iter().find(|(k, _)| name_eq(k, key)).map(|(_, v)| v);
        let filters = filter_chain(get(b"Filter"))?;
        let is_image = get(b"Subtype").is_some_and(|v| v.is_name(b"Image"));
        if is_image {
            let w = get(b"Width").and_then(Val::int).unwrap_or(0);
            let h = get(b"Height").and_then(Val::int).unwrap_or(0);
            check_pixels(w, h)?;
        }
        let tail = &data[start.min(data.len())..];
        let decoded = if filters.is_empty() {
            // Unfiltered: the data as written, up to `endstream` — searched no further than a
            // valid /Length, so that many short streams cannot each search the rest of the file.
            let end = match get(b"Length").and_then(Val::int) {
                Some(n) if n >= 0 && (n as usize) <= tail.len() => {
                    let n = n as usize;
                    memchr::memmem::find(&tail[..n], b"endstream").unwrap_or(n)
                }
                _ => memchr::memmem::find(tail, b"endstream").unwrap_or(tail.len()),
            };
            self.charge(end as u64)?;
            std::borrow::Cow::Borrowed(&tail[..end])
        } else {
            // Every decoder stops at its own end marker: the data is read from the keyword
            // to the end of the file, so a crafted /Length cannot hide any of it.
            match self.decode_chain(tail, &filters)? {
                Some(d) => std::borrow::Cow::Owned(d),
                None => return Ok(()),
            }
        };
        if get(b"Type").is_some_and(|v| v.is_name(b"ObjStm")) {
            return self.object_stream(&decoded, dict, depth);
        }
        if !is_image {
            self.inline_images(&decoded)?;
        }
        Ok(())
    }

    fn charge(&mut self, n: u64) -> Result<(), PdfError> {
        self.out.decompressed_bytes = self.out.decompressed_bytes.saturating_add(n);
        if self.out.decompressed_bytes > self.limits.max_decompressed_bytes {
            return Err(over(format!(
                "its streams decompress to more than {} bytes",
                self.limits.max_decompressed_bytes
            )));
        }
        Ok(())
    }

    fn remaining(&self) -> u64 {
        self.limits
            .max_decompressed_bytes
            .saturating_sub(self.out.decompressed_bytes)
    }

    /// Runs `filters` over `data` within the remaining budget and charges the output. `None`
    /// when the chain ends in an image codec (its size was checked from the image's header).
    fn decode_chain(
        &mut self,
        data: &[u8],
        filters: &[Filter],
    ) -> Result<Option<Vec<u8>>, PdfError> {
        let mut current: std::borrow::Cow<'_, [u8]> = std::borrow::Cow::Borrowed(data);
        for f in filters {
            let cap = self.remaining();
            let next = match f {
                Filter::Flate => decode_flate(&current, cap)?,
                Filter::Lzw => decode_lzw(&current, cap),
                Filter::AsciiHex => decode_ascii_hex(&current, cap),
                Filter::Ascii85 => decode_ascii85(&current, cap),
                Filter::RunLength => decode_run_length(&current, cap),
                Filter::Dct => {
                    if let Some((w, h)) = jpeg_size(&current) {
                        check_pixels(w, h)?;
                    }
                    return Ok(None);
                }
                Filter::Jpx => {
                    if let Some((w, h)) = jpx_size(&current) {
                        check_pixels(w, h)?;
                    }
                    return Ok(None);
                }
                Filter::OtherImage => return Ok(None),
            };
            let next = next.ok_or_else(|| {
                over(format!(
                    "its streams decompress to more than {} bytes",
                    self.limits.max_decompressed_bytes
                ))
            })?;
            current = std::borrow::Cow::Owned(next);
        }
        self.charge(current.len() as u64)?;
        Ok(Some(current.into_owned()))
    }

    /// The members of an object stream: `N` pairs of numbers, then each object at `First` +
    /// its offset, read the way a parser reads them, overlaps paid from the work budget.
    fn object_stream(
        &mut self,
        decoded: &[u8],
        dict: &[(&[u8], Val<'_>)],
        depth: usize,
    ) -> Result<(), PdfError> {
        if depth >= MAX_OBJSTM_DEPTH {
            return Err(PdfError::Malformed("object streams nested too deep".into()));
        }
        let get = |key: &[u8]| {
            dict.iter()
                .find(|(k, _)| name_eq(k, key))
                .and_then(|(_, v)| v.int())
        };
        let n = get(b"N").unwrap_or(0).max(0) as usize;
        let first = get(b"First").unwrap_or(0).max(0) as usize;
        if n > self.limits.max_objects {
            return Err(over(format!(
                "more than {} objects",
                self.limits.max_objects
            )));
        }
        self.out.objects += n;
        self.work_allowed = self
            .work_allowed
            .saturating_add(decoded.len().saturating_mul(4));
        let mut lex = Lexer {
            data: decoded,
            pos: 0,
        };
        let mut starts = Vec::with_capacity(n.min(decoded.len() / 4 + 1));
        for _ in 0..n {
            let (Ok(Some(Tok::Int(_))), Ok(Some(Tok::Int(off)))) = (lex.next(), lex.next()) else {
                break;
            };
            if off >= 0 {
                starts.push(first.saturating_add(off as usize).min(decoded.len()));
            }
        }
        self.work = self.work.saturating_add(lex.pos);
        // The members were counted by N above, not again as candidates.
        self.region(decoded, &starts, depth + 1, false)
    }

    /// Inline images (`BI … ID data EI`) in what may be a content stream: their data is
    /// decoded by the renderer too.
    fn inline_images(&mut self, content: &[u8]) -> Result<(), PdfError> {
        if memchr::memmem::find(content, b"ID").is_none() {
            return Ok(());
        }
        for at in memchr::memmem::find_iter(content, b"BI") {
            if (at > 0 && is_regular(content[at - 1])) || !ends_keyword(content, at) {
                continue;
            }
            let mut lex = Lexer {
                data: content,
                pos: at + 2,
            };
            let mut filter = None;
            let (mut w, mut h) = (0, 0);
            let mut entries = 0;
            // `/Key value` pairs up to ID; anything unexpected ends this one.
            let data_start = loop {
                match lex.next() {
                    Ok(Some(Tok::Word(b"ID"))) => break Some(lex.pos + 1),
                    Ok(Some(Tok::Name(k))) => {
                        let Ok(Some(t)) = lex.next() else { break None };
                        let before = self.out.values;
                        let Ok(v) = self.value(&mut lex, t, 1) else {
                            break None;
                        };
                        self.out.values = before;
                        match k {
                            b"F" | b"Filter" => filter = Some(v),
                            b"W" | b"Width" => w = v.int().unwrap_or(0),
                            b"H" | b"Height" => h = v.int().unwrap_or(0),
                            _ => {}
                        }
                    }
                    _ => break None,
                }
                entries += 1;
                if entries > 64 {
                    break None;
                }
            };
            let Some(data_start) = data_start else {
                continue;
            };
            check_pixels(w, h)?;
            let filters = filter_chain(filter.as_ref())?;
            if !filters.is_empty() {
                self.decode_chain(&content[data_start.min(content.len())..], &filters)?;
            }
        }
        Ok(())
    }
}

/// Dictionary keys the scan reads; the rest are counted and dropped.
const KEPT_KEYS: &[&[u8]] = &[
    b"Type", b"Subtype", b"Filter", b"Length", b"Width", b"Height", b"N", b"First",
];

fn check_pixels(w: i64, h: i64) -> Result<(), PdfError> {
    let pixels = (w.max(0) as u64).saturating_mul(h.max(0) as u64);
    if pixels > MAX_IMAGE_PIXELS {
        return Err(over(format!(
            "an image of {w}×{h} pixels, more than {MAX_IMAGE_PIXELS}"
        )));
    }
    Ok(())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Filter {
    Flate,
    Lzw,
    AsciiHex,
    Ascii85,
    RunLength,
    Dct,
    Jpx,
    /// CCITT fax and JBIG2: bounded by the image dictionary's size.
    OtherImage,
}

fn filter_chain(v: Option<&Val<'_>>) -> Result<Vec<Filter>, PdfError> {
    let names: Vec<&Val<'_>> = match v {
        None | Some(Val::Other) => Vec::new(),
        Some(Val::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
    };
    if names.len() > MAX_FILTERS {
        return Err(PdfError::Malformed(format!(
            "more than {MAX_FILTERS} filters on one stream"
        )));
    }
    let mut out = Vec::new();
    for (i, v) in names.iter().enumerate() {
        let Val::Name(raw) = v else {
            return Err(PdfError::Malformed(
                "a stream filter that is not a name".into(),
            ));
        };
        let name = unescape_name(raw);
        let f = match name.as_slice() {
            b"FlateDecode" | b"Fl" => Filter::Flate,
            b"LZWDecode" | b"LZW" => Filter::Lzw,
            b"ASCIIHexDecode" | b"AHx" => Filter::AsciiHex,
            b"ASCII85Decode" | b"A85" => Filter::Ascii85,
            b"RunLengthDecode" | b"RL" => Filter::RunLength,
            b"DCTDecode" | b"DCT" => Filter::Dct,
            b"JPXDecode" => Filter::Jpx,
            b"CCITTFaxDecode" | b"CCF" | b"JBIG2Decode" => Filter::OtherImage,
            other => {
                return Err(PdfError::Malformed(format!(
                    "unsupported stream filter /{}",
                    String::from_utf8_lossy(other)
                )));
            }
        };
        if matches!(f, Filter::Dct | Filter::Jpx | Filter::OtherImage) && i + 1 != names.len() {
            return Err(PdfError::Malformed(
                "an image filter that is not the last of its chain".into(),
            ));
        }
        out.push(f);
    }
    Ok(out)
}

fn unescape_name(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#'
            && let Some(Ok(b)) = raw
                .get(i + 1..i + 3)
                .map(|h| u8::from_str_radix(std::str::from_utf8(h).unwrap_or("zz"), 16))
        {
            out.push(b);
            i += 3;
        } else {
            out.push(raw[i]);
            i += 1;
        }
    }
    out
}

fn name_eq(raw: &[u8], plain: &[u8]) -> bool {
    raw == plain || (raw.contains(&b'#') && unescape_name(raw) == plain)
}

// ---- Decoders that stop at a byte budget ----
//
// Each returns what the filter produces, or `None` when that would exceed `cap` bytes. Broken
// data ends the output where it breaks (renderers show what they can decode, so what they
// can decode is what counts).

/// Output sink that refuses to grow past `cap`.
fn push_capped(out: &mut Vec<u8>, bytes: &[u8], cap: u64) -> bool {
    if (out.len() + bytes.len()) as u64 > cap {
        return false;
    }
    out.extend_from_slice(bytes);
    true
}

/// How a capped read of a decoder ended.
enum Decoded {
    /// The decoder reached its end without an error.
    Clean(Vec<u8>),
    /// The decoder stopped on an error.
    Broken,
    /// More than the cap.
    Over,
}

fn read_to_end_capped(reader: impl Read, cap: u64) -> Decoded {
    let mut out = Vec::new();
    let mut limited = reader.take(cap.saturating_add(1));
    let mut buf = [0u8; 64 * 1024];
    loop {
        match limited.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(_) => return Decoded::Broken,
        }
    }
    if out.len() as u64 > cap {
        Decoded::Over
    } else {
        Decoded::Clean(out)
    }
}

/// FlateDecode: zlib; else raw deflate (a missing zlib header); else the deflate data after a
/// zlib header whose checksum is missing or wrong. `Ok(None)` past `cap`; `Err` when no reading
/// decodes to a clean end. Such a stream is refused rather than measured by what a strict
/// decoder got out of it before its error: the page renderer's decoder is lenient and goes on
/// past errors, so a damaged stream that measures as empty here could decode to gigabytes
/// there.
pub(crate) fn decode_flate(data: &[u8], cap: u64) -> Result<Option<Vec<u8>>, PdfError> {
    let mut readings: Vec<&[u8]> = vec![data];
    if data.len() >= 2
        && data[0] & 0x0f == 8
        && (u16::from(data[0]) << 8 | u16::from(data[1])) % 31 == 0
    {
        readings.push(&data[2..]);
    }
    match read_to_end_capped(flate2::read::ZlibDecoder::new(data), cap) {
        Decoded::Clean(v) => return Ok(Some(v)),
        Decoded::Over => return Ok(None),
        Decoded::Broken => {}
    }
    for reading in readings {
        match read_to_end_capped(flate2::read::DeflateDecoder::new(reading), cap) {
            Decoded::Clean(v) => return Ok(Some(v)),
            Decoded::Over => return Ok(None),
            Decoded::Broken => {}
        }
    }
    Err(PdfError::Malformed(
        "a Flate-compressed stream is damaged".into(),
    ))
}

/// LZWDecode with the early code-size change PDF uses by default.
pub(crate) fn decode_lzw(data: &[u8], cap: u64) -> Option<Vec<u8>> {
    let mut decoder = weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
    let mut out = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    let mut input = data;
    loop {
        let r = decoder.decode_bytes(input, &mut buf);
        input = &input[r.consumed_in..];
        if !push_capped(&mut out, &buf[..r.consumed_out], cap) {
            return None;
        }
        match r.status {
            Ok(weezl::LzwStatus::Ok) if r.consumed_in > 0 || r.consumed_out > 0 => {}
            _ => break,
        }
    }
    Some(out)
}

pub(crate) fn decode_ascii_hex(data: &[u8], cap: u64) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut high: Option<u8> = None;
    for &b in data {
        let v = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            b'>' => break,
            _ if is_space(b) => continue,
            _ => break,
        };
        match high.take() {
            None => high = Some(v),
            Some(h) => {
                if !push_capped(&mut out, &[h << 4 | v], cap) {
                    return None;
                }
            }
        }
    }
    if let Some(h) = high
        && !push_capped(&mut out, &[h << 4], cap)
    {
        return None;
    }
    Some(out)
}

pub(crate) fn decode_ascii85(data: &[u8], cap: u64) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut group = [0u8; 5];
    let mut n = 0;
    let data = data.strip_prefix(b"<~").unwrap_or(data);
    for &b in data {
        match b {
            b'~' => break,
            b'z' if n == 0 => {
                if !push_capped(&mut out, &[0; 4], cap) {
                    return None;
                }
            }
            b'!'..=b'u' => {
                group[n] = b - b'!';
                n += 1;
                if n == 5 {
                    let v = group.iter().fold(0u64, |acc, &d| acc * 85 + u64::from(d));
                    let bytes = (v as u32).to_be_bytes();
                    if !push_capped(&mut out, &bytes, cap) {
                        return None;
                    }
                    n = 0;
                }
            }
            _ if is_space(b) => {}
            _ => break,
        }
    }
    if n > 1 {
        for d in group.iter_mut().skip(n) {
            *d = 84;
        }
        let v = group.iter().fold(0u64, |acc, &d| acc * 85 + u64::from(d));
        if !push_capped(&mut out, &(v as u32).to_be_bytes()[..n - 1], cap) {
            return None;
        }
    }
    Some(out)
}

pub(crate) fn decode_run_length(data: &[u8], cap: u64) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&len) = data.get(i) {
        match len {
            128 => break,
            0..=127 => {
                let run = data.get(i + 1..i + 2 + len as usize)?;
                if !push_capped(&mut out, run, cap) {
                    return None;
                }
                i += 2 + len as usize;
            }
            _ => {
                let Some(&b) = data.get(i + 1) else { break };
                if !push_capped(&mut out, &[b; 128][..257 - len as usize], cap) {
                    return None;
                }
                i += 2;
            }
        }
    }
    Some(out)
}

/// Width and height from a JPEG's start-of-frame marker.
fn jpeg_size(data: &[u8]) -> Option<(i64, i64)> {
    let mut i = 2;
    if !data.starts_with(&[0xff, 0xd8]) {
        return None;
    }
    while i + 4 <= data.len() {
        if data[i] != 0xff {
            return None;
        }
        let marker = data[i + 1];
        if marker == 0xff {
            i += 1;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([data[i + 2], data[i + 3]]));
        if matches!(marker, 0xc0..=0xcf) && !matches!(marker, 0xc4 | 0xc8 | 0xcc) {
            let h = u16::from_be_bytes([*data.get(i + 5)?, *data.get(i + 6)?]);
            let w = u16::from_be_bytes([*data.get(i + 7)?, *data.get(i + 8)?]);
            return Some((i64::from(w), i64::from(h)));
        }
        i += 2 + len;
    }
    None
}

/// Width and height from a JPEG 2000 codestream's SIZ marker (raw or inside a JP2 file).
fn jpx_size(data: &[u8]) -> Option<(i64, i64)> {
    let at = memchr::memmem::find(data, &[0xff, 0x4f, 0xff, 0x51])?;
    let siz = data.get(at + 4..at + 4 + 2 + 2 + 16)?;
    let u = |o: usize| {
        i64::from(u32::from_be_bytes([
            siz[o],
            siz[o + 1],
            siz[o + 2],
            siz[o + 3],
        ]))
    };
    let (x, y, xo, yo) = (u(4), u(8), u(12), u(16));
    Some(((x - xo).max(0), (y - yo).max(0)))
}

// ---- The tokenizer ----

fn is_space(b: u8) -> bool {
    matches!(b, 0 | 9 | 10 | 12 | 13 | 32)
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(b: u8) -> bool {
    !is_space(b) && !is_delimiter(b)
}

fn ends_keyword(data: &[u8], at: usize) -> bool {
    let len = if data[at..].starts_with(b"stream") {
        6
    } else {
        2
    };
    data.get(at + len).is_none_or(|&b| !is_regular(b))
}

/// How far back [`follows_dictionary`] looks for the start of a line.
const MAX_LINE_LOOKBACK: usize = 4096;

/// Whether the `stream` keyword at `at` comes right after a dictionary's `>>` (white space
/// and comments between), as a stream's does.
fn follows_dictionary(data: &[u8], at: usize) -> bool {
    if at > 0 && is_regular(data[at - 1]) {
        return false;
    }
    let mut i = at;
    // Up to a few comment lines between the dictionary and the keyword.
    for _ in 0..8 {
        while i > 0 && is_space(data[i - 1]) {
            i -= 1;
        }
        if i >= 2 && &data[i - 2..i] == b">>" {
            return true;
        }
        // A comment runs from % to the end of its line: look for one on this line. The look
        // back is bounded, or a file of one long line full of `stream` words would cost the
        // square of its length; a line longer than that is judged a stream we cannot read.
        let window = i.saturating_sub(MAX_LINE_LOOKBACK);
        let line_start = match memchr::memrchr2(b'\n', b'\r', &data[window..i]) {
            Some(p) => window + p + 1,
            None if window == 0 => 0,
            None => return true,
        };
        match data[line_start..i].iter().position(|&b| b == b'%') {
            Some(p) => i = line_start + p,
            None => return false,
        }
    }
    false
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok<'a> {
    ArrayOpen,
    ArrayClose,
    DictOpen,
    DictClose,
    Brace,
    Name(&'a [u8]),
    Int(i64),
    Real,
    Str,
    Word(&'a [u8]),
}

/// A value as far as the scan needs it.
#[derive(Debug)]
enum Val<'a> {
    Int(i64),
    Name(&'a [u8]),
    Ref,
    Array(Vec<Val<'a>>),
    Dict(Vec<(&'a [u8], Val<'a>)>),
    Other,
}

impl Val<'_> {
    fn int(&self) -> Option<i64> {
        match self {
            Val::Int(i) => Some(*i),
            _ => None,
        }
    }

    fn is_name(&self, plain: &[u8]) -> bool {
        matches!(self, Val::Name(n) if name_eq(n, plain))
    }
}

struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Lexer<'a> {
    fn skip_space(&mut self) {
        loop {
            while self.pos < self.data.len() && is_space(self.data[self.pos]) {
                self.pos += 1;
            }
            if self.data.get(self.pos) == Some(&b'%') {
                while self.pos < self.data.len() && !matches!(self.data[self.pos], b'\r' | b'\n') {
                    self.pos += 1;
                }
            } else {
                return;
            }
        }
    }

    fn regular_run(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.pos < self.data.len() && is_regular(self.data[self.pos]) {
            self.pos += 1;
        }
        &self.data[start..self.pos]
    }

    fn next(&mut self) -> Result<Option<Tok<'a>>, Stop> {
        self.skip_space();
        let Some(&b) = self.data.get(self.pos) else {
            return Ok(None);
        };
        Ok(Some(match b {
            b'[' => {
                self.pos += 1;
                Tok::ArrayOpen
            }
            b']' => {
                self.pos += 1;
                Tok::ArrayClose
            }
            b'{' | b'}' => {
                self.pos += 1;
                Tok::Brace
            }
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                Tok::DictOpen
            }
            b'>' if self.data.get(self.pos + 1) == Some(&b'>') => {
                self.pos += 2;
                Tok::DictClose
            }
            b'<' => {
                let Some(end) = memchr::memchr(b'>', &self.data[self.pos..]) else {
                    // Nothing closes it: the rest of the data was read, and is paid for.
                    self.pos = self.data.len();
                    return Err(Stop::Syntax);
                };
                self.pos += end + 1;
                Tok::Str
            }
            b'(' => {
                let mut depth = 0usize;
                loop {
                    let Some(&c) = self.data.get(self.pos) else {
                        return Err(Stop::Syntax);
                    };
                    self.pos += 1;
                    match c {
                        b'\\' => self.pos += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                Tok::Str
            }
            b'/' => {
                self.pos += 1;
                Tok::Name(self.regular_run())
            }
            b')' | b'>' => return Err(Stop::Syntax),
            _ => {
                let word = self.regular_run();
                let digits = word
                    .strip_prefix(b"+")
                    .or_else(|| word.strip_prefix(b"-"))
                    .unwrap_or(word);
                if !digits.is_empty() && digits.iter().all(u8::is_ascii_digit) {
                    match std::str::from_utf8(word)
                        .ok()
                        .and_then(|s| s.parse::<i64>().ok())
                    {
                        Some(i) => Tok::Int(i),
                        None => Tok::Real,
                    }
                } else if !digits.is_empty()
                    && digits.iter().all(|c| c.is_ascii_digit() || *c == b'.')
                {
                    Tok::Real
                } else {
                    Tok::Word(word)
                }
            }
        }))
    }
}

#[cfg(test)]
mod tests;
