//! Page images for the signer's hosted page: one page of a PDF rasterised to a PNG with
//! `hayro`, a pure-Rust PDF renderer (no pdfium, poppler or other native library to ship).
//!
//! The work is bounded by the caller's input: the width must lie in [`MIN_WIDTH_PX`]..=
//! [`MAX_WIDTH_PX`], and a page whose aspect ratio would make the image taller than
//! [`MAX_HEIGHT_PX`] is refused. Bytes that do not parse are an error; the renderer is also
//! run under `catch_unwind` so that a bug in it on a hostile file becomes an error rather than
//! a crashed request (this defence needs the default `panic = "unwind"`).

use std::panic::{AssertUnwindSafe, catch_unwind};

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::{LoadPdfError, Pdf};
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{RenderCache, RenderSettings};

use crate::PdfError;

/// The narrowest image [`render_page_png`] draws, in pixels.
pub const MIN_WIDTH_PX: u32 = 100;
/// The widest image [`render_page_png`] draws, in pixels.
pub const MAX_WIDTH_PX: u32 = 2000;
/// The tallest image [`render_page_png`] draws, in pixels: four times the widest, enough for
/// an A4 page at any allowed width and for long receipts, not for a 1×1000 strip at 2000 px.
pub const MAX_HEIGHT_PX: u32 = 4 * MAX_WIDTH_PX;

fn open(pdf: &[u8]) -> Result<Pdf, PdfError> {
    // Reading the cross-reference data can panic on a hostile file too (an offset near 2^32
    // overflowed an addition in hayro-syntax 0.6), so opening is guarded like drawing.
    let opened = catch_unwind(AssertUnwindSafe(|| Pdf::new(pdf.to_vec())))
        .map_err(|_| PdfError::Render("the renderer failed on this file".into()))?;
    opened.map_err(|e| match e {
        LoadPdfError::Decryption(_) => PdfError::Encrypted,
        LoadPdfError::Invalid => PdfError::NotAPdf("the renderer cannot read it".into()),
    })
}

/// Number of pages of `pdf`: reads the cross-reference table and the page tree, not the
/// page contents.
pub fn page_count(pdf: &[u8]) -> Result<usize, PdfError> {
    guarded(|| Ok(open(pdf)?.pages().len()))
}

/// Runs `f`, a call into the renderer, turning a panic into an error.
fn guarded<T>(f: impl FnOnce() -> Result<T, PdfError>) -> Result<T, PdfError> {
    catch_unwind(AssertUnwindSafe(f))
        .unwrap_or_else(|_| Err(PdfError::Render("the renderer failed on this file".into())))
}

/// Renders page `index` (0-based) of `pdf` as a PNG `width_px` pixels wide (height by the
/// page's aspect ratio, rotation applied), on a white background.
///
/// Errors: [`PdfError::Render`] for a width outside 100..=2000, an index past the last page,
/// a page too tall for the width, or a failure inside the renderer; [`PdfError::NotAPdf`] for
/// bytes that do not parse; [`PdfError::Encrypted`] for a document that needs a password.
pub fn render_page_png(pdf: &[u8], index: usize, width_px: u32) -> Result<Vec<u8>, PdfError> {
    guarded(|| render_page(pdf, index, width_px))
}

fn render_page(pdf: &[u8], index: usize, width_px: u32) -> Result<Vec<u8>, PdfError> {
    if !(MIN_WIDTH_PX..=MAX_WIDTH_PX).contains(&width_px) {
        return Err(PdfError::Render(format!(
            "width {width_px} px is outside {MIN_WIDTH_PX}..={MAX_WIDTH_PX}"
        )));
    }
    let doc = open(pdf)?;
    let pages = doc.pages();
    let Some(page) = pages.get(index) else {
        return Err(PdfError::Render(format!(
            "page index {index} is out of range: the document has {} pages",
            pages.len()
        )));
    };

    let (page_w, page_h) = page.render_dimensions();
    if !(page_w.is_finite() && page_h.is_finite() && page_w > 0.0 && page_h > 0.0) {
        return Err(PdfError::Render(format!(
            "page {index} has unusable dimensions {page_w}×{page_h}"
        )));
    }
    let scale = f64::from(width_px) / f64::from(page_w);
    let height = (f64::from(page_h) * scale).round().max(1.0);
    if height > f64::from(MAX_HEIGHT_PX) {
        return Err(PdfError::Render(format!(
            "page {index} would be {height} px tall at {width_px} px wide, more than \
             {MAX_HEIGHT_PX}"
        )));
    }
    // Both fit in u16: width ≤ 2000 and height ≤ 8000 were checked above.
    let (width_u16, height_u16) = match (u16::try_from(width_px), u16::try_from(height as u32)) {
        (Ok(w), Ok(h)) => (w, h),
        _ => return Err(PdfError::Render("image size out of range".into())),
    };
    let settings = RenderSettings {
        x_scale: scale as f32,
        y_scale: scale as f32,
        width: Some(width_u16),
        height: Some(height_u16),
        bg_color: WHITE,
    };

    let drawn = catch_unwind(AssertUnwindSafe(|| {
        let cache = RenderCache::new();
        hayro::render(page, &cache, &InterpreterSettings::default(), &settings).into_png()
    }));
    match drawn {
        Ok(Ok(png)) => Ok(png),
        Ok(Err(e)) => Err(PdfError::Render(format!("PNG encoding failed: {e}"))),
        Err(_) => Err(PdfError::Render(format!(
            "the renderer failed on page {index}"
        ))),
    }
}
