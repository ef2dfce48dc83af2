//! Reading a PDF's structure and appending an incremental update to it (ISO 32000-1 §7.5.6).
//!
//! lopdf parses; the update itself is written here, because a signature needs what lopdf's
//! writer does not offer: a placeholder whose exact byte offsets are known, and output that is
//! the input followed by new bytes without copying the input twice.

use std::io::Write;

use lopdf::xref::XrefType;
use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId, StringFormat};

use crate::error::PdfError;

thread_local! {
    /// Whether this thread's load has met an object stream: from then on an object the filter
    /// sees may be a member of one.
    static AFTER_OBJECT_STREAM: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Stream contents are dropped while loading: signing and verifying need the document's
/// structure, never its page contents, and this keeps memory near one copy of the file. Object
/// streams keep their content because the objects inside them are parsed from it.
///
/// lopdf keeps a top-level object as the filter left it and ignores what the filter returns,
/// but keeps the returned object for a member of an object stream, and calls the filter on a
/// stream's members right after the stream itself (on the same thread). So until the first
/// object stream every object is top-level and nothing is cloned; after it, every object that
/// is not a stream (members never are) is returned as a copy. Cloning every object cost a
/// fifth of a form's parsing time.
fn drop_stream_content(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    if let Object::Stream(stream) = object {
        if stream.dict.has_type(b"ObjStm") {
            AFTER_OBJECT_STREAM.with(|after| after.set(true));
        } else {
            stream.content = Vec::new();
        }
        // Top-level: what is returned is not kept.
        return Some((id, Object::Null));
    }
    if AFTER_OBJECT_STREAM.with(std::cell::Cell::get) {
        Some((id, object.clone()))
    } else {
        Some((id, Object::Null))
    }
}

/// Parses the structure of `input` (streams emptied).
pub(crate) fn load_structure(input: &[u8]) -> Result<Document, PdfError> {
    if !input.starts_with(b"%PDF-") {
        return Err(PdfError::NotAPdf(
            "the file does not start with %PDF-".into(),
        ));
    }
    let options = LoadOptions {
        filter: Some(drop_stream_content),
        ..LoadOptions::default()
    };
    AFTER_OBJECT_STREAM.with(|after| after.set(false));
    let doc = Document::load_mem_with_options(input, options)
        .map_err(|e| PdfError::NotAPdf(e.to_string()));
    AFTER_OBJECT_STREAM.with(|after| after.set(false));
    let doc = doc?;
    if doc.trailer.has(b"Encrypt") || doc.encryption_state.is_some() {
        return Err(PdfError::Encrypted);
    }
    Ok(doc)
}

/// A text string per ISO 32000-1 §7.9.2.2: ASCII as is, anything else in UTF-16BE with a BOM.
pub(crate) fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xfe, 0xff];
        for unit in s.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// Decodes a PDF text string (UTF-16BE with BOM, else PDFDocEncoding read as Latin-1).
pub(crate) fn decode_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        bytes.iter().map(|&b| b as char).collect()
    }
}

fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &b in name {
        if b.is_ascii_alphanumeric() || b"-_.+:*@!'\"".contains(&b) {
            out.push(b);
        } else {
            let _ = write!(out, "#{b:02X}");
        }
    }
}

fn write_string(out: &mut Vec<u8>, bytes: &[u8], format: StringFormat) {
    let printable = bytes.iter().all(|&b| (0x20..0x7f).contains(&b));
    if format == StringFormat::Literal && printable {
        out.push(b'(');
        for &b in bytes {
            if matches!(b, b'(' | b')' | b'\\') {
                out.push(b'\\');
            }
            out.push(b);
        }
        out.push(b')');
    } else {
        out.push(b'<');
        out.extend_from_slice(hex::encode_upper(bytes).as_bytes());
        out.push(b'>');
    }
}

/// Serialises one PDF object. Streams get a correct /Length.
pub(crate) fn write_object(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Integer(i) => {
            let _ = write!(out, "{i}");
        }
        Object::Real(r) => {
            let text = format!("{r:.4}");
            let text = text.trim_end_matches('0').trim_end_matches('.');
            out.extend_from_slice(if text.is_empty() || text == "-" {
                b"0"
            } else {
                text.as_bytes()
            });
        }
        Object::Name(n) => write_name(out, n),
        Object::String(s, f) => write_string(out, s, *f),
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                write_object(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(d) => write_dict(out, d),
        Object::Stream(s) => {
            let mut dict = s.dict.clone();
            dict.set("Length", Object::Integer(s.content.len() as i64));
            write_dict(out, &dict);
            out.extend_from_slice(b"\nstream\n");
            out.extend_from_slice(&s.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference((id, generation)) => {
            let _ = write!(out, "{id} {generation} R");
        }
    }
}

fn write_dict(out: &mut Vec<u8>, d: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (k, v) in d.iter() {
        write_name(out, k);
        out.push(b' ');
        write_object(out, v);
    }
    out.extend_from_slice(b">>");
}

/// Fixed-width ByteRange placeholder: wide enough for any offset of a file under 10 GB.
pub(crate) const BYTE_RANGE_PLACEHOLDER: &[u8] = b"[0 9999999999 9999999999 9999999999]";

/// Where the signature placeholders ended up in the output.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Placeholder {
    /// Offset of the `[` of the ByteRange array.
    pub byte_range_at: usize,
    /// Offset of the `<` that opens /Contents.
    pub contents_start: usize,
    /// Offset just after the `>` that closes /Contents.
    pub contents_end: usize,
}

/// An incremental update under construction: new or replaced objects, in id order.
pub(crate) struct Update<'a> {
    pub doc: &'a Document,
    objects: Vec<(ObjectId, Object)>,
    next_id: u32,
    signature: Option<(ObjectId, Dictionary, usize)>,
}

impl<'a> Update<'a> {
    pub fn new(doc: &'a Document) -> Self {
        let size = doc
            .trailer
            .get(b"Size")
            .and_then(Object::as_i64)
            .unwrap_or(0)
            .max(0) as u32;
        let next_id = size.max(doc.max_id.saturating_add(1));
        Update {
            doc,
            objects: Vec::new(),
            next_id,
            signature: None,
        }
    }

    pub fn reserve_id(&mut self) -> ObjectId {
        let id = (self.next_id, 0);
        self.next_id += 1;
        id
    }

    pub fn set(&mut self, id: ObjectId, object: Object) {
        self.objects.retain(|(i, _)| *i != id);
        self.objects.push((id, object));
    }

    /// The current version of an object: ours if already replaced in this update, else the
    /// document's.
    pub fn get(&self, id: ObjectId) -> Result<Object, PdfError> {
        if let Some((_, o)) = self.objects.iter().find(|(i, _)| *i == id) {
            return Ok(o.clone());
        }
        self.doc
            .get_object(id)
            .cloned()
            .map_err(|e| PdfError::Malformed(format!("object {} {}: {e}", id.0, id.1)))
    }

    /// Declares the signature dictionary; it is written with placeholders for /ByteRange and
    /// /Contents (`reserved` bytes of DER, hence twice as many hex digits).
    pub fn set_signature(&mut self, id: ObjectId, dict: Dictionary, reserved: usize) {
        self.signature = Some((id, dict, reserved));
    }

    /// A guess at the update's size, to reserve room for it in one allocation.
    fn tail_hint(&self) -> usize {
        16 * 1024 + self.signature.as_ref().map_or(0, |(_, _, r)| 2 * r)
    }

    /// Appends the update to `input` itself, which is the file so far: the bytes are never
    /// copied, so a large file is held once. Returns the output with the placeholder
    /// positions.
    pub fn append_to(self, mut input: Vec<u8>) -> Result<(Vec<u8>, Option<Placeholder>), PdfError> {
        let placeholder = self.append_in_place(&mut input)?;
        Ok((input, placeholder))
    }

    /// Appends the update to `input`, which is the file so far. On an error `input` is left
    /// as it was: the update is written aside and added in one step at the end.
    pub fn append_in_place(mut self, input: &mut Vec<u8>) -> Result<Option<Placeholder>, PdfError> {
        let xref_type = self.doc.reference_table.cross_reference_type;
        let mut tail: Vec<u8> = Vec::with_capacity(self.tail_hint());
        if !input.ends_with(b"\n") {
            tail.push(b'\n');
        }
        let mut offsets: Vec<(u32, usize)> = Vec::new();
        let mut placeholder = None;
        self.objects.sort_by_key(|(id, _)| *id);
        let mut entries: Vec<(ObjectId, Option<Object>)> = self
            .objects
            .into_iter()
            .map(|(id, o)| (id, Some(o)))
            .collect();
        if let Some((id, _, _)) = &self.signature {
            entries.push((*id, None));
            entries.sort_by_key(|(id, _)| *id);
        }
        for (id, object) in &entries {
            offsets.push((id.0, input.len() + tail.len()));
            let _ = writeln!(tail, "{} {} obj", id.0, id.1);
            match object {
                Some(o) => write_object(&mut tail, o),
                None => {
                    let Some((_, dict, reserved)) = &self.signature else {
                        return Err(PdfError::Signing("signature dictionary missing".into()));
                    };
                    tail.extend_from_slice(b"<<");
                    for (k, v) in dict.iter() {
                        write_name(&mut tail, k);
                        tail.push(b' ');
                        write_object(&mut tail, v);
                    }
                    tail.extend_from_slice(b"/ByteRange ");
                    let byte_range_at = input.len() + tail.len();
                    tail.extend_from_slice(BYTE_RANGE_PLACEHOLDER);
                    tail.extend_from_slice(b"/Contents ");
                    let contents_start = input.len() + tail.len();
                    tail.push(b'<');
                    tail.resize(tail.len() + 2 * reserved, b'0');
                    tail.push(b'>');
                    let contents_end = input.len() + tail.len();
                    tail.extend_from_slice(b">>");
                    placeholder = Some(Placeholder {
                        byte_range_at,
                        contents_start,
                        contents_end,
                    });
                }
            }
            tail.extend_from_slice(b"\nendobj\n");
        }
        let mut trailer = Dictionary::new();
        for (k, v) in self.doc.trailer.iter() {
            if matches!(k.as_slice(), b"Root" | b"Info" | b"ID") {
                trailer.set(k.clone(), v.clone());
            }
        }
        if self.doc.xref_start != 0 {
            trailer.set("Prev", Object::Integer(self.doc.xref_start as i64));
        }
        let xref_at = input.len() + tail.len();
        match xref_type {
            XrefType::CrossReferenceTable => {
                trailer.set("Size", Object::Integer(i64::from(self.next_id)));
                tail.extend_from_slice(b"xref\n");
                for run in runs(&offsets) {
                    let _ = writeln!(tail, "{} {}", run[0].0, run.len());
                    for (_, off) in run {
                        let _ = write!(tail, "{off:010} 00000 n\r\n");
                    }
                }
                tail.extend_from_slice(b"trailer\n");
                write_dict(&mut tail, &trailer);
                tail.push(b'\n');
            }
            XrefType::CrossReferenceStream => {
                let xref_id = self.next_id;
                offsets.push((xref_id, xref_at));
                let mut data = Vec::with_capacity(offsets.len() * 11);
                let mut index = Vec::new();
                for run in runs(&offsets) {
                    index.push(Object::Integer(i64::from(run[0].0)));
                    index.push(Object::Integer(run.len() as i64));
                    for (_, off) in run {
                        data.push(1u8);
                        data.extend_from_slice(&(*off as u64).to_be_bytes());
                        data.extend_from_slice(&0u16.to_be_bytes());
                    }
                }
                trailer.set("Type", Object::Name(b"XRef".to_vec()));
                trailer.set("Size", Object::Integer(i64::from(xref_id) + 1));
                trailer.set("Index", Object::Array(index));
                trailer.set(
                    "W",
                    Object::Array(vec![
                        Object::Integer(1),
                        Object::Integer(8),
                        Object::Integer(2),
                    ]),
                );
                let stream = lopdf::Stream::new(trailer, data);
                let _ = writeln!(tail, "{xref_id} 0 obj");
                write_object(&mut tail, &Object::Stream(stream));
                tail.extend_from_slice(b"\nendobj\n");
            }
        }
        let _ = write!(tail, "startxref\n{xref_at}\n%%EOF\n");
        // Earlier bytes stay as they are: the update only ever extends the file.
        input.extend_from_slice(&tail);
        Ok(placeholder)
    }
}

/// Groups sorted (id, offset) pairs into runs of consecutive ids, one xref subsection each.
fn runs(offsets: &[(u32, usize)]) -> Vec<&[(u32, usize)]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=offsets.len() {
        if i == offsets.len() || offsets[i].0 != offsets[i - 1].0 + 1 {
            out.push(&offsets[start..i]);
            start = i;
        }
    }
    out.retain(|r| !r.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{SaveOptions, Stream, dictionary};

    /// A document with a content stream and dictionaries before and after it, saved with or
    /// without object streams.
    fn document(object_streams: bool) -> Vec<u8> {
        let mut doc = Document::with_version("1.7");
        let pages = doc.new_object_id();
        let font = doc.add_object(dictionary! { "Type" => "Font", "BaseFont" => "Helvetica" });
        let content = doc.add_object(Stream::new(dictionary! {}, b"BT ET".to_vec()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages, "Contents" => content,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        });
        doc.objects.insert(
            pages,
            Object::Dictionary(
                dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
            ),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        let options = SaveOptions::builder()
            .use_xref_streams(object_streams)
            .use_object_streams(object_streams)
            .build();
        doc.save_with_options(&mut out, options).unwrap();
        out
    }

    #[test]
    fn the_structure_holds_every_object_as_parsed_with_streams_emptied() {
        for object_streams in [false, true] {
            let file = document(object_streams);
            let full = Document::load_mem(&file).unwrap();
            let structure = load_structure(&file).unwrap();
            let mut dictionaries = 0;
            for (id, object) in &full.objects {
                let loaded = structure.objects.get(id);
                match object {
                    Object::Stream(s) if s.dict.has_type(b"ObjStm") => {}
                    Object::Stream(s) => {
                        let Some(Object::Stream(l)) = loaded else {
                            panic!("{id:?} missing ({object_streams})");
                        };
                        assert_eq!(l.dict, s.dict);
                        assert!(l.content.is_empty());
                    }
                    other => {
                        dictionaries += 1;
                        assert_eq!(loaded, Some(other), "{id:?} ({object_streams})");
                    }
                }
            }
            assert!(dictionaries >= 4, "{dictionaries}");
            // A load in between leaves no state behind for the next one.
            let again = load_structure(&document(false)).unwrap();
            assert!(again.catalog().is_ok());
        }
    }
}
