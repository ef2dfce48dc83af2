use std::io::Write;

use super::*;

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// A one-page PDF whose page content is `content` under `filter`, with a correct xref.
fn pdf_with_content(filter: &str, content: &[u8]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    let mut obj = |out: &mut Vec<u8>, body: &[u8]| {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", offsets.len()).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    };
    obj(&mut out, b"<< /Type /Catalog /Pages 2 0 R >>");
    obj(&mut out, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    obj(
        &mut out,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    );
    let mut stream = format!("<< /Length {} {filter} >>\nstream\n", content.len()).into_bytes();
    stream.extend_from_slice(content);
    stream.extend_from_slice(b"\nendstream");
    obj(&mut out, &stream);
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes(),
    );
    for o in &offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn small() -> Limits {
    Limits {
        max_decompressed_bytes: 1 << 20,
        ..Limits::default()
    }
}

#[test]
fn flate_stops_at_the_cap() {
    let spaces = vec![b' '; 4 << 20];
    let packed = zlib(&spaces);
    assert!(packed.len() < 64 << 10);
    assert_eq!(decode_flate(&packed, 1 << 20).unwrap(), None);
    assert_eq!(
        decode_flate(&packed, 4 << 20).unwrap().unwrap().len(),
        4 << 20
    );
    // Raw deflate without the zlib header is read too, as renderers do.
    let mut raw = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
    raw.write_all(b"hello world").unwrap();
    assert_eq!(
        decode_flate(&raw.finish().unwrap(), 100).unwrap().unwrap(),
        b"hello world"
    );
    // A zlib stream whose checksum is cut off still decodes whole.
    let mut cut = zlib(&[b'a'; 1000]);
    cut.truncate(cut.len() - 4);
    assert_eq!(decode_flate(&cut, 10_000).unwrap().unwrap(), [b'a'; 1000]);
}

#[test]
fn a_damaged_flate_stream_is_malformed_not_measured_as_empty() {
    // The renderer's decoder goes on past errors, so what a strict decoder cannot read to a
    // clean end is refused instead of counted by what it read before its error.
    let garbage = [0xffu8, 0xff, 0x00, 0x12, 0x34, 0x56, 0x78, 0x9a];
    assert!(matches!(
        decode_flate(&garbage, 1 << 20),
        Err(PdfError::Malformed(_))
    ));
}

#[test]
fn lzw_stops_at_the_cap() {
    let data = vec![b'x'; 1 << 20];
    let packed = weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
        .encode(&data)
        .unwrap();
    assert_eq!(decode_lzw(&packed, 1000), None);
    assert_eq!(decode_lzw(&packed, 2 << 20).unwrap(), data);
}

#[test]
fn ascii_and_run_length_decoders() {
    assert_eq!(decode_ascii_hex(b"48 65 6c6C6f>", 100).unwrap(), b"Hello");
    assert_eq!(decode_ascii_hex(b"414>", 100).unwrap(), b"A@");
    assert_eq!(decode_ascii_hex(b"4142>", 1), None);
    assert_eq!(decode_ascii85(b"87cURDZ~>", 100).unwrap(), b"Hello");
    assert_eq!(decode_ascii85(b"zz~>", 100).unwrap(), [0u8; 8]);
    assert_eq!(decode_ascii85(b"zz~>", 7), None);
    assert_eq!(
        decode_run_length(&[2, b'a', b'b', b'c', 254, b'z', 128], 100).unwrap(),
        b"abczzz"
    );
    assert_eq!(
        decode_run_length(&[129, b'z', 129, b'z', 128], 300)
            .unwrap()
            .len(),
        256
    );
    assert_eq!(decode_run_length(&[129, b'z', 129, b'z', 128], 255), None);
}

#[test]
fn an_ordinary_pdf_passes_and_is_measured() {
    let content = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET";
    let pdf = pdf_with_content("/Filter /FlateDecode", &zlib(content));
    let s = scan(&pdf, &Limits::default()).unwrap();
    assert_eq!(s.objects, 4);
    assert_eq!(s.streams, 1);
    assert_eq!(s.decompressed_bytes, content.len() as u64);
    crate::check_pdf(&pdf, 1 << 20).unwrap();
}

#[test]
fn a_compressed_bomb_is_over_the_limit() {
    let pdf = pdf_with_content("/Filter /FlateDecode", &zlib(&vec![b' '; 2 << 20]));
    let e = scan(&pdf, &small()).unwrap_err();
    assert!(matches!(e, PdfError::OverLimit(_)), "{e}");
    assert_eq!(e.return_code(), Some(93));
    // Under a larger budget the same file is fine.
    assert!(scan(&pdf, &Limits::default()).is_ok());
}

#[test]
fn the_budget_is_for_all_streams_together() {
    // Two streams of 600 KiB each: each fits in 1 MiB, both do not.
    let mut pdf = pdf_with_content("/Filter /FlateDecode", &zlib(&vec![b' '; 600 << 10]));
    let extra = zlib(&vec![b'q'; 600 << 10]);
    pdf.extend_from_slice(
        format!(
            "9 0 obj\n<< /Length {} /Filter /Fl >>\nstream\n",
            extra.len()
        )
        .as_bytes(),
    );
    pdf.extend_from_slice(&extra);
    pdf.extend_from_slice(b"\nendstream\nendobj\n");
    assert!(matches!(scan(&pdf, &small()), Err(PdfError::OverLimit(_))));
}

#[test]
fn a_wrong_length_does_not_hide_data() {
    let packed = zlib(&vec![b' '; 2 << 20]);
    let mut pdf = pdf_with_content("/Filter /FlateDecode", &packed);
    let fake = format!("/Length {} ", packed.len());
    let at = memchr::memmem::find(&pdf, fake.as_bytes()).unwrap();
    pdf.splice(
        at..at + fake.len(),
        format!("/Length {:<w$} ", 10, w = fake.len() - 9).bytes(),
    );
    assert!(matches!(scan(&pdf, &small()), Err(PdfError::OverLimit(_))));
}

#[test]
fn chained_filters_are_decoded_in_turn_and_bounded() {
    let inner = zlib(&vec![b' '; 2 << 20]);
    let hex: String = inner.iter().map(|b| format!("{b:02x}")).collect::<String>() + ">";
    let pdf = pdf_with_content("/Filter [/ASCIIHexDecode /FlateDecode]", hex.as_bytes());
    assert!(matches!(scan(&pdf, &small()), Err(PdfError::OverLimit(_))));
    assert!(scan(&pdf, &Limits::default()).is_ok());
}

#[test]
fn unknown_long_or_misplaced_filters_are_malformed() {
    for filter in [
        "/Filter /BrotliDecode",
        "/Filter [/AHx /AHx /AHx /AHx /AHx]",
        "/Filter [/DCTDecode /FlateDecode]",
        "/Filter 7 0 R",
    ] {
        let pdf = pdf_with_content(filter, b"00>");
        let e = scan(&pdf, &Limits::default()).unwrap_err();
        assert!(matches!(e, PdfError::Malformed(_)), "{filter}: {e}");
        assert_eq!(e.return_code(), Some(91));
    }
}

#[test]
fn a_huge_array_is_refused_before_parsing() {
    let mut pdf = pdf_with_content("", b"");
    pdf.extend_from_slice(b"9 0 obj\n[");
    for _ in 0..(MAX_ARRAY_LEN + 1) {
        pdf.extend_from_slice(b"0 ");
    }
    pdf.extend_from_slice(b"]\nendobj\n");
    assert!(matches!(
        scan(&pdf, &Limits::default()),
        Err(PdfError::OverLimit(_))
    ));
}

#[test]
fn too_many_values_or_objects_are_refused() {
    let mut pdf = pdf_with_content("", b"");
    let row = "[0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0]";
    pdf.extend_from_slice(b"9 0 obj\n[");
    for _ in 0..(MAX_VALUES / 41 + 1) {
        pdf.extend_from_slice(row.as_bytes());
    }
    pdf.extend_from_slice(b"]\nendobj\n");
    assert!(matches!(
        scan(&pdf, &Limits::default()),
        Err(PdfError::OverLimit(_))
    ));

    let mut pdf = pdf_with_content("", b"");
    for i in 0..20 {
        pdf.extend_from_slice(format!("{} 0 obj null endobj\n", 10 + i).as_bytes());
    }
    let few = Limits {
        max_objects: 10,
        ..Limits::default()
    };
    assert!(matches!(scan(&pdf, &few), Err(PdfError::OverLimit(_))));
}

#[test]
fn deep_nesting_is_malformed() {
    let mut pdf = pdf_with_content("", b"");
    pdf.extend_from_slice(b"9 0 obj\n");
    pdf.extend_from_slice(&[b'['; MAX_NESTING + 1]);
    pdf.extend_from_slice(&[b']'; MAX_NESTING + 1]);
    pdf.extend_from_slice(b"\nendobj\n");
    assert!(matches!(
        scan(&pdf, &Limits::default()),
        Err(PdfError::Malformed(_))
    ));
}

#[test]
fn an_object_hidden_inside_another_streams_data_is_measured() {
    let bomb = zlib(&vec![b' '; 2 << 20]);
    let mut hidden = format!(
        "5 0 obj\n<< /Length {} /Filter /FlateDecode >>\nstream\n",
        bomb.len()
    )
    .into_bytes();
    hidden.extend_from_slice(&bomb);
    hidden.extend_from_slice(b"\nendstream\nendobj\n");
    // The outer stream is unfiltered and its /Length covers the hidden object.
    let pdf = pdf_with_content("", &hidden);
    assert!(matches!(scan(&pdf, &small()), Err(PdfError::OverLimit(_))));
}

#[test]
fn a_stream_after_an_unreadable_dictionary_is_refused() {
    let mut pdf = pdf_with_content("", b"");
    pdf.extend_from_slice(
        b"9 0 obj\n<< /Filter /FlateDecode /Odd ) >>\nstream\nxx\nendstream\nendobj\n",
    );
    assert!(matches!(
        scan(&pdf, &Limits::default()),
        Err(PdfError::Malformed(_))
    ));
}

#[test]
fn inline_images_are_decoded_against_the_budget() {
    let mut content = b"q BI /W 10 /H 10 /BPC 8 /CS /G /F /Fl ID ".to_vec();
    content.extend_from_slice(&zlib(&vec![0u8; 2 << 20]));
    content.extend_from_slice(b" EI Q");
    let pdf = pdf_with_content("", &content);
    assert!(matches!(scan(&pdf, &small()), Err(PdfError::OverLimit(_))));
    let huge = pdf_with_content("", b"BI /W 100000 /H 100000 /BPC 1 ID x EI");
    assert!(matches!(
        scan(&huge, &Limits::default()),
        Err(PdfError::OverLimit(_))
    ));
}

#[test]
fn images_larger_than_the_pixel_cap_are_refused() {
    let mut pdf = pdf_with_content("", b"");
    pdf.extend_from_slice(
        b"9 0 obj\n<< /Type /XObject /Subtype /Image /Width 100000 /Height 100000 /BitsPerComponent 8 /Length 2 /Filter /DCTDecode >>\nstream\n\xff\xd8\nendstream\nendobj\n",
    );
    assert!(matches!(
        scan(&pdf, &Limits::default()),
        Err(PdfError::OverLimit(_))
    ));
    // A JPEG's own header counts even when the dictionary says less.
    let mut jpeg = vec![0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08];
    jpeg.extend_from_slice(&60000u16.to_be_bytes());
    jpeg.extend_from_slice(&60000u16.to_be_bytes());
    assert_eq!(jpeg_size(&jpeg), Some((60000, 60000)));
    let mut pdf = pdf_with_content("", b"");
    pdf.extend_from_slice(
        format!("9 0 obj\n<< /Subtype /Image /Width 10 /Height 10 /Length {} /Filter /DCTDecode >>\nstream\n", jpeg.len()).as_bytes(),
    );
    pdf.extend_from_slice(&jpeg);
    pdf.extend_from_slice(b"\nendstream\nendobj\n");
    assert!(matches!(
        scan(&pdf, &Limits::default()),
        Err(PdfError::OverLimit(_))
    ));
}

#[test]
fn object_stream_members_are_counted_and_read() {
    let members = b"10 0 11 5 [1 2] << /A 1 >>";
    let packed = zlib(members);
    let mut pdf = pdf_with_content("", b"");
    pdf.extend_from_slice(
        format!(
            "9 0 obj\n<< /Type /ObjStm /N 2 /First 10 /Length {} /Filter /FlateDecode >>\nstream\n",
            packed.len()
        )
        .as_bytes(),
    );
    pdf.extend_from_slice(&packed);
    pdf.extend_from_slice(b"\nendstream\nendobj\n");
    let s = scan(&pdf, &Limits::default()).unwrap();
    assert_eq!(s.objects, 5 + 2);

    // Members that all point at one big array cost each time they are read.
    let mut members = String::new();
    let n = 5_000;
    for i in 0..n {
        members.push_str(&format!("{} 0 ", 100 + i));
    }
    let first = members.len();
    members.push('[');
    for _ in 0..50_000 {
        members.push_str("0 ");
    }
    members.push(']');
    let packed = zlib(members.as_bytes());
    let mut pdf = pdf_with_content("", b"");
    pdf.extend_from_slice(
        format!("9 0 obj\n<< /Type /ObjStm /N {n} /First {first} /Length {} /Filter /FlateDecode >>\nstream\n", packed.len()).as_bytes(),
    );
    pdf.extend_from_slice(&packed);
    pdf.extend_from_slice(b"\nendstream\nendobj\n");
    assert!(scan(&pdf, &Limits::default()).is_err());
}

#[test]
fn not_a_pdf_is_92() {
    let e = scan(b"hello", &Limits::default()).unwrap_err();
    assert_eq!(e.return_code(), Some(92));
}
