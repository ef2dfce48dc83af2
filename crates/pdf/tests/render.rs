//! Page images for the signer's hosted page: size, content, bounds and hostile input.

mod common;

use signet_pdf::*;

/// A decoded PNG as 8-bit grey levels (luma of the RGB channels over white), with its size.
struct Image {
    width: u32,
    height: u32,
    grey: Vec<u8>,
}

impl Image {
    fn decode(png_bytes: &[u8]) -> Image {
        assert_eq!(&png_bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
        let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
        decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
        let mut reader = decoder.read_info().expect("PNG header");
        let mut buf = vec![0; reader.output_buffer_size().expect("buffer size")];
        let frame = reader.next_frame(&mut buf).expect("PNG data");
        let channels = frame.color_type.samples();
        let grey = buf[..frame.buffer_size()]
            .chunks(channels)
            .map(|px| {
                let (r, g, b) = if channels >= 3 {
                    (px[0], px[1], px[2])
                } else {
                    (px[0], px[0], px[0])
                };
                let a = if channels == 4 || channels == 2 {
                    px[channels - 1]
                } else {
                    255
                };
                let luma = (u32::from(r) * 299 + u32::from(g) * 587 + u32::from(b) * 114) / 1000;
                // Composite over white, so that a transparent background would count as white.
                ((luma * u32::from(a) + 255 * (255 - u32::from(a))) / 255) as u8
            })
            .collect();
        Image {
            width: frame.width,
            height: frame.height,
            grey,
        }
    }

    /// Pixels in `rows` at least as dark as mid-grey ink (the 8 pt text of a signature block is
    /// thin at 600 px and antialiased to greys).
    fn dark_in_rows(&self, rows: std::ops::Range<u32>) -> usize {
        let w = self.width as usize;
        self.grey[rows.start as usize * w..rows.end as usize * w]
            .iter()
            .filter(|&&g| g < 160)
            .count()
    }

    fn white(&self) -> usize {
        self.grey.iter().filter(|&&g| g > 245).count()
    }
}

#[test]
fn page_0_renders_at_600_px_with_the_page_aspect_ratio_and_dark_text_on_white() {
    let pdf = common::make_pdf(2, false, 0);
    let img = Image::decode(&render_page_png(&pdf, 0, 600).expect("render"));
    assert_eq!(img.width, 600);
    let expected = 600.0 * 842.0 / 595.0;
    assert!(
        (f64::from(img.height) - expected).abs() <= 1.0,
        "height {} vs {expected}",
        img.height
    );
    let total = img.grey.len();
    let dark = img.dark_in_rows(0..img.height);
    assert!(dark > 100, "text drawn: {dark} dark pixels");
    assert!(
        img.white() > total * 95 / 100,
        "mostly white: {} of {total}",
        img.white()
    );
    // The title line sits at y = 720 pt from the bottom, i.e. about 122 pt from the top.
    let top = (600.0 / 595.0 * 100.0) as u32..(600.0 / 595.0 * 135.0) as u32;
    assert!(
        img.dark_in_rows(top) > 100,
        "the title is where the PDF puts it"
    );
}

#[test]
fn page_count_counts_the_pages() {
    assert_eq!(
        page_count(&common::make_pdf(2, false, 0)).expect("count"),
        2
    );
    assert_eq!(page_count(&common::make_pdf(3, true, 0)).expect("count"), 3);
}

#[test]
fn a_page_index_past_the_last_page_is_refused() {
    let pdf = common::make_pdf(2, false, 0);
    let err = render_page_png(&pdf, 2, 600).expect_err("index 2 of 2 pages");
    assert!(matches!(err, PdfError::Render(_)), "{err:?}");
    assert!(err.to_string().contains("out of range"), "{err}");
    assert_eq!(err.status_code(), 6004);
    assert_eq!(err.return_code(), None);
    assert!(render_page_png(&pdf, usize::MAX, 600).is_err());
}

#[test]
fn widths_outside_100_to_2000_px_are_refused() {
    let pdf = common::make_pdf(1, false, 0);
    for width in [0, 50, 99, 2001, u32::MAX] {
        let err = render_page_png(&pdf, 0, width).expect_err("width out of bounds");
        assert!(matches!(err, PdfError::Render(_)), "{width}: {err:?}");
    }
    for width in [MIN_WIDTH_PX, MAX_WIDTH_PX] {
        let img = Image::decode(&render_page_png(&pdf, 0, width).expect("bounds are inclusive"));
        assert_eq!(img.width, width);
    }
}

#[test]
fn garbage_and_truncated_input_is_an_error_not_a_panic() {
    let pdf = common::make_pdf(2, false, 0);
    let inputs: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"GIF89a not a pdf at all".to_vec(),
        b"%PDF-1.7\ngarbage without structure".to_vec(),
        (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect(),
        pdf[..pdf.len() / 3].to_vec(),
    ];
    for input in &inputs {
        assert!(
            render_page_png(input, 0, 600).is_err(),
            "{} bytes rendered",
            input.len()
        );
    }
    assert!(page_count(b"GIF89a not a pdf at all").is_err());
}

#[test]
fn a_pdf_with_a_damaged_content_stream_still_yields_a_result() {
    // Corrupt bytes inside the file (not the header): whatever the renderer makes of it, it
    // answers with an image or an error.
    let mut pdf = common::make_pdf(2, false, 0);
    let mid = pdf.len() / 2;
    for b in &mut pdf[mid..mid + 64] {
        *b = b'(';
    }
    let _ = render_page_png(&pdf, 0, 300);
    let _ = render_page_png(&pdf, 1, 300);
}

#[test]
fn a_signed_pdf_renders_with_its_visible_signature_block_at_the_bottom_of_the_last_page() {
    let trust = TrustStore::generate("Acme Onboarding", common::now()).expect("trust store");
    let input = common::make_pdf(2, false, 0);
    let opts = SignOptions {
        signer_name: "Ana Silva".into(),
        reason: Some("I agree".into()),
        location: None,
        contact: None,
        signing_time: common::now(),
        timestamp: true,
        form: Default::default(),
        visible: Some(VisibleBlock {
            lines: vec!["Signed by Ana Silva".into(), "2026-11-22 09:30 UTC".into()],
        }),
    };
    let signed = sign_pdf(&input, &trust.seal_credential(), &trust, &opts).expect("sign");
    assert_eq!(page_count(&signed).expect("count"), 2);

    let unsigned_last = Image::decode(&render_page_png(&input, 1, 600).expect("render"));
    let last = Image::decode(&render_page_png(&signed, 1, 600).expect("render signed"));
    assert_eq!(
        (last.width, last.height),
        (unsigned_last.width, unsigned_last.height)
    );
    let bottom = last.height * 3 / 4..last.height;
    assert_eq!(
        unsigned_last.dark_in_rows(bottom.clone()),
        0,
        "nothing at the bottom before signing"
    );
    let dark = last.dark_in_rows(bottom);
    assert!(
        dark > 200,
        "the signature block is drawn: {dark} dark pixels"
    );

    // The first page is unchanged by signing.
    let first = render_page_png(&signed, 0, 600).expect("render page 0");
    assert_eq!(first, render_page_png(&input, 0, 600).expect("render"));
}
