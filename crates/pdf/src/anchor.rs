//! Anchors: a text in a PDF's text layer (e.g. `{{client_signature}}`) that a form field is
//! placed over, found as the reader sees the page.
//!
//! The page is run through hayro's interpreter with a device that keeps nothing but the glyphs:
//! each glyph arrives with its transform and its Unicode value (ToUnicode CMap, else the font's
//! encoding and glyph names), after fonts, `Tj`/`TJ`/`'`/`"`, text and graphics matrices and
//! Form XObjects have been dealt with. The text of a page is the sequence of those glyphs in
//! the order the content draws them, and a needle matches where its characters follow one
//! another in that sequence, however the glyph runs were split between operators.
//!
//! Matching rules:
//!
//! - the text must match exactly (case and all), but white space does not count on either
//!   side: `Sign here` is found where `Sign` and `here` are drawn apart with no space glyph
//!   between them, and a needle of only white space is never found;
//! - the glyphs of a match must follow one another on one line: a glyph that starts more than
//!   half an em above or below where the previous one ended, more than half an em back or more
//!   than three ems ahead of it, starts the text anew, so an anchor never spans two lines, two
//!   columns or two drawings of the same text;
//! - the same glyph drawn twice at the same place (fill, then stroke) counts once;
//! - invisible text (render mode 3, e.g. an OCR layer) and text of any colour count; text in
//!   hidden optional content, in annotations and text used only as a clip (mode 7) does not;
//! - a glyph without a Unicode value (a CID font without ToUnicode, a Type3 font without
//!   ToUnicode, a code outside a simple font's encoding) breaks the text like a line break;
//! - a match must touch the visible page; one drawn entirely outside it is skipped.
//!
//! The area is the union of the matched glyphs' boxes: each glyph's outline bounds joined with
//! its advance along the baseline; a glyph without an outline (Type3, an empty glyph) counts
//! as its em square from 0.2 em below the baseline to 0.8 em above, half an em wide for Type3.
//! It is expressed like [`crate::FieldArea`]: fractions of the visible page (CropBox within
//! MediaBox, rotated by /Rotate) from the top-left corner as displayed, clamped to the page;
//! the same geometry as the page images of [`crate::render_page_png`].
//!
//! Bounded work: the file is expected to have passed [`crate::scan`], which bounds every
//! decoded stream. What the scan cannot see is repetition: a Form XObject drawn many times,
//! or forms drawing forms, multiplies the content to interpret. Before each page is
//! interpreted, its content is measured with the Form XObjects expanded (as deep as the
//! interpreter goes), and a document whose pages would make the interpreter read more than
//! [`MAX_INTERPRETED_BYTES`] of content in all is refused with [`PdfError::OverLimit`]. The
//! device keeps only the last few glyphs (as many as the longest needle has characters), so
//! memory does not grow with the page. Pages after the last needle is found are not read.

use std::collections::{HashMap, VecDeque};
use std::panic::{AssertUnwindSafe, catch_unwind};

use hayro::hayro_interpret::font::{Glyph, OutlineGlyph};
use hayro::hayro_interpret::hayro_syntax::content::TypedIter;
use hayro::hayro_interpret::hayro_syntax::content::ops::TypedInstruction;
use hayro::hayro_interpret::hayro_syntax::object::dict::keys::{FORM, RESOURCES, SUBTYPE};
use hayro::hayro_interpret::hayro_syntax::object::{Dict, Name};
use hayro::hayro_interpret::hayro_syntax::page::{Page, Resources};
use hayro::hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};
use hayro::hayro_interpret::util::TransformExt;
use hayro::hayro_interpret::{
    BlendMode, ClipPath, Context, Device, GlyphDrawMode, Image, InterpreterCache,
    InterpreterSettings, Paint, PathDrawMode, SoftMask, interpret_page,
};
use hayro::vello_cpu::kurbo::{Affine, BezPath, Point, Rect, Shape};

use crate::PdfError;

/// Where a text stands on a page: page from 1; x, y, w, h fractions of the page from its
/// top-left corner as displayed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextArea {
    /// Page number, from 1.
    pub page: u32,
    /// Left edge, as a fraction of the displayed page's width.
    pub x: f64,
    /// Top edge, as a fraction of the displayed page's height.
    pub y: f64,
    /// Width, as a fraction of the displayed page's width.
    pub w: f64,
    /// Height, as a fraction of the displayed page's height.
    pub h: f64,
}

/// Most content, in bytes, that [`find_anchors`] lets the interpreter read in one document,
/// counting a Form XObject's content again (and a kilobyte more) each time it is drawn:
/// the default limit on all decoded streams ([`crate::DEFAULT_MAX_DECOMPRESSED_BYTES`]), so a
/// file that repeats its content costs no more than the largest file intake lets through.
pub const MAX_INTERPRETED_BYTES: u64 = crate::DEFAULT_MAX_DECOMPRESSED_BYTES;

/// What drawing a Form XObject costs beyond its content, in bytes of [`MAX_INTERPRETED_BYTES`]:
/// the interpreter saves and restores its state, clips to the form's box, reads its resources.
/// Charging it keeps a file of many small forms drawn over and over within some sixty
/// thousand drawings.
const FORM_OVERHEAD: usize = 1024;

/// How deep Form XObjects are measured: one more than hayro interprets (50), so the measure
/// never counts less than the interpreter does.
const MAX_FORM_DEPTH: u32 = 51;

/// Glyph space is 1000 units per em in hayro's glyph transform.
const EM: f64 = 1000.0;

/// For each needle, its first occurrence in reading order (page by page), or None.
/// Bounded work: a file that passed `intake::scan` never makes this loop or allocate without bound.
///
/// Reading order is the order in which a page's content draws its glyphs; the module
/// documentation gives the matching rules and the geometry of the area.
///
/// Errors: [`PdfError::NotAPdf`] for bytes that do not parse, [`PdfError::Malformed`] for a
/// document without pages, [`PdfError::Encrypted`] for a
/// document that needs a password, [`PdfError::OverLimit`] when the pages to read repeat
/// their content beyond [`MAX_INTERPRETED_BYTES`], [`PdfError::Render`] when the interpreter
/// fails on the file.
pub fn find_anchors(input: &[u8], needles: &[&str]) -> Result<Vec<Option<TextArea>>, PdfError> {
    let wanted: Vec<Vec<char>> = needles
        .iter()
        .map(|n| n.chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    let mut found = vec![None; needles.len()];
    catch_unwind(AssertUnwindSafe(|| search(input, &wanted, &mut found))).unwrap_or_else(|_| {
        Err(PdfError::Render(
            "the interpreter failed on this file".into(),
        ))
    })?;
    Ok(found)
}

fn open(input: &[u8]) -> Result<Pdf, PdfError> {
    Pdf::new(input.to_vec()).map_err(|e| match e {
        LoadPdfError::Decryption(_) => PdfError::Encrypted,
        LoadPdfError::Invalid => PdfError::NotAPdf("the interpreter cannot read it".into()),
    })
}

fn search(
    input: &[u8],
    wanted: &[Vec<char>],
    found: &mut [Option<TextArea>],
) -> Result<(), PdfError> {
    let pdf = open(input)?;
    if pdf.pages().is_empty() {
        return Err(PdfError::Malformed("the PDF has no pages".into()));
    }
    let settings = InterpreterSettings {
        render_annotations: false,
        ..InterpreterSettings::default()
    };
    let cache = InterpreterCache::new();
    let mut budget = MAX_INTERPRETED_BYTES;
    for (index, page) in pdf.pages().iter().enumerate() {
        let done = |found: &[Option<TextArea>]| {
            found
                .iter()
                .zip(wanted)
                .all(|(f, w)| f.is_some() || w.is_empty())
        };
        if done(found) {
            break;
        }
        let cost = page_cost(page, budget).ok_or_else(|| {
            PdfError::OverLimit(format!(
                "reading the text up to page {} would interpret more than {} bytes of content",
                index + 1,
                MAX_INTERPRETED_BYTES
            ))
        })?;
        budget -= cost;

        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let (width, height) = page.render_dimensions();
        let (width, height) = (f64::from(width), f64::from(height));
        let mut ctx = Context::new(
            page.initial_transform(true).to_kurbo(),
            Rect::new(0.0, 0.0, width, height),
            &cache,
            page.xref(),
            settings.clone(),
        );
        let mut device = Collector::new(wanted, found, number, width, height);
        interpret_page(page, &mut ctx, &mut device);
    }
    Ok(())
}

/// The content the interpreter reads for `page`, in bytes, with every Form XObject counted
/// each time it is drawn; None once it passes `budget`.
fn page_cost(page: &Page<'_>, budget: u64) -> Option<u64> {
    let mut left = budget;
    let content = page.page_stream().unwrap_or(&[]);
    content_cost(content, page.resources(), 0, &mut left)?;
    Some(budget - left)
}

fn charge(left: &mut u64, amount: usize) -> Option<()> {
    *left = left.checked_sub(u64::try_from(amount).ok()?)?;
    Some(())
}

fn content_cost(
    content: &[u8],
    resources: &Resources<'_>,
    depth: u32,
    left: &mut u64,
) -> Option<()> {
    charge(left, content.len())?;
    let mut ops = TypedIter::new(content);
    while let Some(op) = ops.next() {
        let TypedInstruction::XObject(x) = op else {
            continue;
        };
        charge(left, 1)?;
        if depth >= MAX_FORM_DEPTH {
            continue;
        }
        let Some(stream) = resources.get_x_object(x.0) else {
            continue;
        };
        if stream.dict().get::<Name<'_>>(SUBTYPE).as_deref() != Some(FORM) {
            continue;
        }
        let Ok(decoded) = stream.decoded() else {
            continue;
        };
        let inner = Resources::from_parent(
            stream.dict().get::<Dict<'_>>(RESOURCES).unwrap_or_default(),
            resources.clone(),
        );
        charge(left, FORM_OVERHEAD)?;
        content_cost(&decoded, &inner, depth + 1, left)?;
    }
    Some(())
}

/// What is known of a glyph's shape: its outline, or nothing (Type3).
#[derive(Clone)]
enum GlyphShape {
    Outline(OutlineGlyph),
    Nominal,
}

/// One character of the page's text, with the glyph that drew it.
struct Entry {
    ch: char,
    shape: GlyphShape,
    /// Glyph space (1000 units per em) to displayed page space (points, y down).
    transform: Affine,
}

/// The device: follows the glyphs of one page and records the first match of each needle.
struct Collector<'w, 'f> {
    wanted: &'w [Vec<char>],
    found: &'f mut [Option<TextArea>],
    /// Needles by their last character, the only moment they can match.
    by_last: HashMap<char, Vec<usize>>,
    window: VecDeque<Entry>,
    longest: usize,
    page: u32,
    width: f64,
    height: f64,
    /// The previous glyph: its transform and text (to drop a second drawing at the same place)
    /// and where it ended (to tell a continued line from a jump).
    last: Option<(Affine, Option<String>, Point)>,
}

impl<'w, 'f> Collector<'w, 'f> {
    fn new(
        wanted: &'w [Vec<char>],
        found: &'f mut [Option<TextArea>],
        page: u32,
        width: f64,
        height: f64,
    ) -> Self {
        let mut by_last: HashMap<char, Vec<usize>> = HashMap::new();
        for (i, w) in wanted.iter().enumerate() {
            if let Some(&c) = w.last()
                && found[i].is_none()
            {
                by_last.entry(c).or_default().push(i);
            }
        }
        let longest = wanted.iter().map(Vec::len).max().unwrap_or(0);
        Collector {
            wanted,
            found,
            by_last,
            window: VecDeque::with_capacity(longest),
            longest,
            page,
            width,
            height,
            last: None,
        }
    }

    fn glyph(&mut self, glyph: &Glyph<'_>, transform: Affine) {
        if self.longest == 0 {
            return;
        }
        let text = glyph.as_unicode().map(|u| match u {
            hayro::hayro_interpret::hayro_cmap::BfString::Char(c) => c.to_string(),
            hayro::hayro_interpret::hayro_cmap::BfString::String(s) => s,
        });
        let coeffs = transform.as_coeffs();
        if !coeffs.iter().all(|c| c.is_finite()) || transform.determinant().abs() < 1e-12 {
            self.window.clear();
            self.last = None;
            return;
        }
        if let Some((t, s, _)) = &self.last
            && *t == transform
            && *s == text
        {
            return;
        }
        let (shape, advance) = match glyph {
            Glyph::Outline(g) => (
                GlyphShape::Outline(g.clone()),
                f64::from(g.advance_width().unwrap_or(0.0)),
            ),
            Glyph::Type3(_) => (GlyphShape::Nominal, 0.0),
        };
        if let Some((_, _, end)) = self.last {
            // Where the previous glyph ended, in this glyph's em space (origin at 0, 0).
            let p = transform.inverse() * end;
            let jumped = p.y.abs() > 0.5 * EM || p.x > 0.5 * EM || p.x < -3.0 * EM;
            if jumped || !(p.x.is_finite() && p.y.is_finite()) {
                self.window.clear();
            }
        }
        let end = transform * Point::new(if advance.is_finite() { advance } else { 0.0 }, 0.0);
        self.last = Some((transform, text.clone(), end));

        let Some(text) = text else {
            self.window.clear();
            return;
        };
        for ch in text.chars().filter(|c| !c.is_whitespace()) {
            if self.window.len() == self.longest {
                self.window.pop_front();
            }
            self.window.push_back(Entry {
                ch,
                shape: shape.clone(),
                transform,
            });
            self.check(ch);
        }
    }

    fn check(&mut self, ch: char) {
        let Some(candidates) = self.by_last.get(&ch) else {
            return;
        };
        for &i in candidates {
            if self.found[i].is_some() {
                continue;
            }
            let needle = &self.wanted[i];
            if self.window.len() < needle.len()
                || !self
                    .window
                    .iter()
                    .rev()
                    .zip(needle.iter().rev())
                    .all(|(e, c)| e.ch == *c)
            {
                continue;
            }
            let start = self.window.len() - needle.len();
            let boxes = self.window.range(start..).map(glyph_box);
            self.found[i] = self.area(boxes);
        }
    }

    /// The union of `boxes` as a [`TextArea`], clamped to the page; None when nothing of it
    /// lies on the page.
    fn area(&self, boxes: impl Iterator<Item = Rect>) -> Option<TextArea> {
        let union = boxes.reduce(|a, b| a.union(b))?;
        let clamped = union.intersect(Rect::new(0.0, 0.0, self.width, self.height));
        if !(clamped.width() > 0.0 && clamped.height() > 0.0) {
            return None;
        }
        Some(TextArea {
            page: self.page,
            x: clamped.x0 / self.width,
            y: clamped.y0 / self.height,
            w: clamped.width() / self.width,
            h: clamped.height() / self.height,
        })
    }
}

/// The box of one glyph on the displayed page.
fn glyph_box(e: &Entry) -> Rect {
    let em = match &e.shape {
        GlyphShape::Outline(g) => {
            let advance = f64::from(g.advance_width().unwrap_or(0.0));
            let advance = if advance.is_finite() { advance } else { 0.0 };
            let outline: BezPath = g.outline();
            let bounds = outline.bounding_box();
            let height = bounds.height();
            if outline.elements().is_empty() || height.is_nan() || height <= 0.0 {
                Rect::new(0.0, -0.2 * EM, advance.max(0.0), 0.8 * EM)
            } else {
                Rect::new(
                    bounds.x0.min(0.0),
                    bounds.y0,
                    bounds.x1.max(advance),
                    bounds.y1,
                )
            }
        }
        GlyphShape::Nominal => Rect::new(0.0, -0.2 * EM, 0.5 * EM, 0.8 * EM),
    };
    (e.transform * em.to_path(0.1)).bounding_box()
}

impl<'a> Device<'a> for Collector<'_, '_> {
    fn set_soft_mask(&mut self, _: Option<SoftMask<'a>>) {}
    fn set_blend_mode(&mut self, _: BlendMode) {}
    fn draw_path(&mut self, _: &BezPath, _: Affine, _: &Paint<'a>, _: &PathDrawMode) {}
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn draw_glyph(
        &mut self,
        glyph: &Glyph<'a>,
        transform: Affine,
        glyph_transform: Affine,
        _: &Paint<'a>,
        _: &GlyphDrawMode,
    ) {
        self.glyph(glyph, transform * glyph_transform);
    }
    fn draw_image(&mut self, _: Image<'a, '_>, _: Affine) {}
    fn pop_clip_path(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}
