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
//!   ToUnicode, a code a simple font's encoding does not name) breaks the text like a line
//!   break. A page with such glyphs is read a second time, more simply (its own content stream
//!   only, not its Form XObjects), taking a code's text from the glyph names of the font's
//!   /Differences or, for one-byte fonts, from the code itself where it is printable Latin-1:
//!   this finds anchors drawn in Type3 fonts and in symbolic fonts that keep ASCII codes;
//!   two-byte fonts without ToUnicode stay unreadable;
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
//! [`MAX_INTERPRETED_BYTES`] of content in all is refused with [`PdfError::OverLimit`], as is
//! a page that saves more than [`MAX_SAVED_STATES`] graphics states at once (the interpreter
//! keeps each one, so a stream of `q` would otherwise cost memory many times its size). The
//! device keeps only the last few glyphs (as many as the longest needle has characters), so
//! memory does not grow with the page. Pages after the last needle is found are not read. The
//! second, simple reading of a page reads its content stream once more (counted too), and
//! reads each font dictionary once per document.

use std::collections::{HashMap, VecDeque};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use hayro::hayro_interpret::font::{Glyph, OutlineGlyph};
use hayro::hayro_interpret::hayro_cmap::{BfString, CMap};
use hayro::hayro_interpret::hayro_syntax::content::TypedIter;
use hayro::hayro_interpret::hayro_syntax::content::ops::TypedInstruction;
use hayro::hayro_interpret::hayro_syntax::object::dict::keys::{FORM, RESOURCES, SUBTYPE};
use hayro::hayro_interpret::hayro_syntax::object::{Array, Dict, Name, Object, Stream};
use hayro::hayro_interpret::hayro_syntax::page::{Page, Resources};
use hayro::hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};
use hayro::hayro_interpret::util::TransformExt;
use hayro::hayro_interpret::{
    BlendMode, CacheKey, ClipPath, Context, Device, GlyphDrawMode, Image, InterpreterCache,
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

/// Most graphics states saved at once (`q` without its `Q`, forms within forms) on a page that
/// is read: the interpreter keeps each in memory. Real files stay within a few dozen.
pub const MAX_SAVED_STATES: usize = 1024;

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
/// their content beyond [`MAX_INTERPRETED_BYTES`] or a page saves graphics states more than
/// [`MAX_SAVED_STATES`] deep, [`PdfError::Render`] when the interpreter fails on the file.
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
    let mut simple_fonts = HashMap::new();
    let mut budget = MAX_INTERPRETED_BYTES;
    let done = |found: &[Option<TextArea>]| {
        found
            .iter()
            .zip(wanted)
            .all(|(f, w)| f.is_some() || w.is_empty())
    };
    for (index, page) in pdf.pages().iter().enumerate() {
        if done(found) {
            break;
        }
        let cost = page_cost(page, budget).map_err(|why| {
            PdfError::OverLimit(match why {
                TooMuch::Content => format!(
                    "reading the text up to page {} would interpret more than {} bytes of \
                     content",
                    index + 1,
                    MAX_INTERPRETED_BYTES
                ),
                TooMuch::States => format!(
                    "page {} saves graphics states more than {} deep",
                    index + 1,
                    MAX_SAVED_STATES
                ),
            })
        })?;
        budget -= cost;

        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let (width, height) = page.render_dimensions();
        let (width, height) = (f64::from(width), f64::from(height));
        // User space to the displayed page: y down, from the top-left corner, rotated.
        let initial = page.initial_transform(true).to_kurbo();
        let mut ctx = Context::new(
            initial,
            Rect::new(0.0, 0.0, width, height),
            &cache,
            page.xref(),
            settings.clone(),
        );
        let mut device = Collector::new(wanted, found, number, width, height);
        interpret_page(page, &mut ctx, &mut device);
        let unmapped = device.unmapped;
        if unmapped > 0 && !done(found) {
            // Some glyphs had no Unicode value: read the page once more with the simple
            // reading below, which guesses more.
            let mut device = Collector::new(wanted, found, number, width, height);
            read_page_simply(page, initial, &mut simple_fonts, &mut device);
            let read = page.page_stream().map_or(0, <[u8]>::len);
            budget = budget.saturating_sub(u64::try_from(read).unwrap_or(u64::MAX));
        }
    }
    Ok(())
}

/// Why a page is not read.
enum TooMuch {
    /// More content than the budget left.
    Content,
    /// Graphics states saved deeper than [`MAX_SAVED_STATES`].
    States,
}

/// The content the interpreter reads for `page`, in bytes, with every Form XObject counted
/// each time it is drawn, or why the page is not to be read: more than `budget`, or graphics
/// states nested deeper than the interpreter should keep (it keeps every `q` in memory).
fn page_cost(page: &Page<'_>, budget: u64) -> Result<u64, TooMuch> {
    let mut left = budget;
    let content = page.page_stream().unwrap_or(&[]);
    content_cost(content, page.resources(), 0, 0, &mut left)?;
    Ok(budget - left)
}

fn charge(left: &mut u64, amount: usize) -> Result<(), TooMuch> {
    let amount = u64::try_from(amount).map_err(|_| TooMuch::Content)?;
    *left = left.checked_sub(amount).ok_or(TooMuch::Content)?;
    Ok(())
}

/// Measures `content` drawn `depth` forms deep with `saved` graphics states already saved.
fn content_cost(
    content: &[u8],
    resources: &Resources<'_>,
    depth: u32,
    saved: usize,
    left: &mut u64,
) -> Result<(), TooMuch> {
    charge(left, content.len())?;
    let mut level = saved;
    let mut ops = TypedIter::new(content);
    while let Some(op) = ops.next() {
        let x = match op {
            TypedInstruction::SaveState(_) => {
                level += 1;
                if level > MAX_SAVED_STATES {
                    return Err(TooMuch::States);
                }
                continue;
            }
            // The interpreter never restores past the states of the content that contains this
            // one.
            TypedInstruction::RestoreState(_) => {
                level = level.saturating_sub(1).max(saved);
                continue;
            }
            TypedInstruction::XObject(x) => x,
            _ => continue,
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
        // Drawing a form saves the state twice before its content runs.
        content_cost(&decoded, &inner, depth + 1, level + 2, left)?;
    }
    Ok(())
}

/// What is known of a glyph's shape: its outline, or only its width in em space (Type3, the
/// fallback reading).
#[derive(Clone)]
enum GlyphShape {
    Outline(OutlineGlyph),
    Em(f64),
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
    /// Glyphs drawn without a Unicode value.
    unmapped: usize,
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
            unmapped: 0,
        }
    }

    fn glyph(&mut self, glyph: &Glyph<'_>, transform: Affine) {
        if self.longest == 0 {
            return;
        }
        let text = glyph.as_unicode().map(|u| match u {
            BfString::Char(c) => c.to_string(),
            BfString::String(s) => s,
        });
        let (shape, advance) = match glyph {
            Glyph::Outline(g) => (
                GlyphShape::Outline(g.clone()),
                f64::from(g.advance_width().unwrap_or(0.0)),
            ),
            Glyph::Type3(_) => (GlyphShape::Em(0.5 * EM), 0.0),
        };
        if text.is_none() {
            self.unmapped += 1;
        }
        self.feed(transform, text, shape, advance);
    }

    /// One glyph: `transform` from its em space (1000 units) to the displayed page, its text
    /// (None when unknown), its shape and its advance in em space.
    fn feed(&mut self, transform: Affine, text: Option<String>, shape: GlyphShape, advance: f64) {
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
        GlyphShape::Em(width) => {
            let width = if width.is_finite() { *width } else { 0.0 };
            Rect::new(width.min(0.0), -0.2 * EM, width.max(0.0), 0.8 * EM)
        }
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

/// The fallback reading of a page, for glyphs the interpreter gave no Unicode value: the page's
/// own content stream (not its Form XObjects) read with a text state of its own, a font's
/// codes mapped by its ToUnicode CMap, else by the glyph names of its /Differences (the Adobe
/// names of ASCII characters and `uniXXXX`/`uXXXX`), else for simple fonts as the code itself
/// where it is printable Latin-1 (what WinAnsi and Standard encodings mostly agree on). Two-byte
/// (Type0) fonts map through ToUnicode only. Glyph widths come from /Widths (and /FontMatrix
/// for Type3) or /DW; a glyph is its advance wide and one em high.
fn read_page_simply(
    page: &Page<'_>,
    initial: Affine,
    fonts: &mut HashMap<u128, Option<Rc<SimpleFont>>>,
    device: &mut Collector<'_, '_>,
) {
    struct TextState {
        ctm: Affine,
        font: Option<Rc<SimpleFont>>,
        size: f64,
        char_space: f64,
        word_space: f64,
        scale: f64,
        leading: f64,
        rise: f64,
    }
    let Some(content) = page.page_stream() else {
        return;
    };
    let resources = page.resources();
    let mut stack: Vec<TextState> = Vec::new();
    let mut too_deep = 0u64;
    let mut st = TextState {
        ctm: Affine::IDENTITY,
        font: None,
        size: 0.0,
        char_space: 0.0,
        word_space: 0.0,
        scale: 1.0,
        leading: 0.0,
        rise: 0.0,
    };
    let (mut tm, mut tlm) = (Affine::IDENTITY, Affine::IDENTITY);
    let show = |st: &TextState, tm: &mut Affine, device: &mut Collector<'_, '_>, bytes: &[u8]| {
        let Some(font) = &st.font else {
            return;
        };
        let mut at = 0;
        while at < bytes.len() {
            let (code, len) = if font.two_byte && at + 1 < bytes.len() {
                (u32::from(bytes[at]) << 8 | u32::from(bytes[at + 1]), 2)
            } else {
                (u32::from(bytes[at]), 1)
            };
            at += len;
            let width = font.width(code);
            let text_space = Affine::new([st.size * st.scale, 0.0, 0.0, st.size, 0.0, st.rise]);
            let transform = initial * st.ctm * *tm * text_space * Affine::scale(1.0 / EM);
            device.feed(
                transform,
                font.text(code),
                GlyphShape::Em(width * EM),
                width * EM,
            );
            let word = if code == 32 && len == 1 {
                st.word_space
            } else {
                0.0
            };
            let advance = (width * st.size + st.char_space + word) * st.scale;
            *tm *= Affine::translate((advance, 0.0));
        }
    };
    let mut ops = TypedIter::new(content);
    while let Some(op) = ops.next() {
        match op {
            // At most 1024 saved states are kept; a deeper q is counted so its Q matches.
            TypedInstruction::SaveState(_) if stack.len() < 1024 => stack.push(TextState {
                font: st.font.clone(),
                ..st
            }),
            TypedInstruction::SaveState(_) => too_deep += 1,
            TypedInstruction::RestoreState(_) if too_deep > 0 => too_deep -= 1,
            TypedInstruction::RestoreState(_) => {
                if let Some(saved) = stack.pop() {
                    st = saved;
                }
            }
            TypedInstruction::Transform(t) => {
                st.ctm *= Affine::new([
                    t.0.as_f64(),
                    t.1.as_f64(),
                    t.2.as_f64(),
                    t.3.as_f64(),
                    t.4.as_f64(),
                    t.5.as_f64(),
                ]);
            }
            TypedInstruction::BeginText(_) => {
                tm = Affine::IDENTITY;
                tlm = Affine::IDENTITY;
            }
            TypedInstruction::TextFont(f) => {
                st.size = f.1.as_f64();
                // Each font dictionary is read once per document.
                st.font = resources.get_font(f.0).and_then(|d| {
                    fonts
                        .entry(d.cache_key())
                        .or_insert_with(|| SimpleFont::new(&d).map(Rc::new))
                        .clone()
                });
            }
            TypedInstruction::CharacterSpacing(c) => st.char_space = c.0.as_f64(),
            TypedInstruction::WordSpacing(w) => st.word_space = w.0.as_f64(),
            TypedInstruction::HorizontalScaling(h) => st.scale = h.0.as_f64() / 100.0,
            TypedInstruction::TextLeading(l) => st.leading = l.0.as_f64(),
            TypedInstruction::TextRise(r) => st.rise = r.0.as_f64(),
            TypedInstruction::NextLine(n) => {
                tlm *= Affine::translate((n.0.as_f64(), n.1.as_f64()));
                tm = tlm;
            }
            TypedInstruction::NextLineAndSetLeading(n) => {
                st.leading = -n.1.as_f64();
                tlm *= Affine::translate((n.0.as_f64(), n.1.as_f64()));
                tm = tlm;
            }
            TypedInstruction::SetTextMatrix(m) => {
                tlm = Affine::new([
                    m.0.as_f64(),
                    m.1.as_f64(),
                    m.2.as_f64(),
                    m.3.as_f64(),
                    m.4.as_f64(),
                    m.5.as_f64(),
                ]);
                tm = tlm;
            }
            TypedInstruction::NextLineUsingLeading(_) => {
                tlm *= Affine::translate((0.0, -st.leading));
                tm = tlm;
            }
            TypedInstruction::ShowText(t) => show(&st, &mut tm, device, t.0.as_bytes()),
            TypedInstruction::NextLineAndShowText(t) => {
                tlm *= Affine::translate((0.0, -st.leading));
                tm = tlm;
                show(&st, &mut tm, device, t.0.as_bytes());
            }
            TypedInstruction::ShowTextWithParameters(t) => {
                st.word_space = t.0.as_f64();
                st.char_space = t.1.as_f64();
                tlm *= Affine::translate((0.0, -st.leading));
                tm = tlm;
                show(&st, &mut tm, device, t.2.as_bytes());
            }
            TypedInstruction::ShowTexts(items) => {
                for item in items.0.iter::<Object<'_>>() {
                    match item {
                        Object::String(s) => show(&st, &mut tm, device, s.as_bytes()),
                        Object::Number(n) => {
                            let shift = -n.as_f64() / EM * st.size * st.scale;
                            tm *= Affine::translate((shift, 0.0));
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}

/// What the fallback reading knows of a font.
struct SimpleFont {
    /// Type0: codes of two bytes.
    two_byte: bool,
    to_unicode: Option<CMap>,
    /// Text for each one-byte code, from /Differences or the code itself.
    by_code: Vec<Option<char>>,
    first_char: u32,
    /// /Widths in glyph space.
    widths: Vec<f64>,
    /// Width of a code without one, in glyph space.
    missing: f64,
    /// Glyph space to text space: 1/1000, or a Type3 font's /FontMatrix.
    scale: f64,
}

impl SimpleFont {
    fn new(dict: &Dict<'_>) -> Option<SimpleFont> {
        let subtype = dict.get::<Name<'_>>(SUBTYPE)?;
        let two_byte = &*subtype == b"Type0";
        let to_unicode = dict
            .get::<Stream<'_>>(b"ToUnicode")
            .and_then(|s| s.decoded().ok())
            .and_then(|data| CMap::parse(&data, |_| None));
        if two_byte {
            let dw = dict
                .get::<Array<'_>>(b"DescendantFonts")
                .and_then(|a| a.iter::<Dict<'_>>().next())
                .and_then(|d| d.get::<f64>(b"DW"))
                .unwrap_or(1000.0);
            return Some(SimpleFont {
                two_byte,
                to_unicode,
                by_code: Vec::new(),
                first_char: 0,
                widths: Vec::new(),
                missing: dw,
                scale: 1.0 / EM,
            });
        }
        let mut by_code: Vec<Option<char>> = (0u8..=255)
            .map(|b| ((b' '..=b'~').contains(&b) || b >= 0xa0).then_some(char::from(b)))
            .collect();
        if let Some(differences) = dict
            .get::<Dict<'_>>(b"Encoding")
            .and_then(|e| e.get::<Array<'_>>(b"Differences"))
        {
            let mut code: Option<usize> = None;
            for item in differences.iter::<Object<'_>>() {
                match item {
                    Object::Number(n) => {
                        let v = n.as_f64();
                        code = (0.0..256.0).contains(&v).then_some(v as usize);
                    }
                    Object::Name(name) => {
                        if let Some(c) = code.filter(|&c| c < 256) {
                            by_code[c] = std::str::from_utf8(&name).ok().and_then(glyph_char);
                            code = Some(c + 1);
                        }
                    }
                    _ => {}
                }
            }
        }
        let scale = if &*subtype == b"Type3" {
            dict.get::<Array<'_>>(b"FontMatrix")
                .and_then(|m| m.iter::<f64>().next())
                .filter(|a| a.is_finite() && *a != 0.0)
                .unwrap_or(0.001)
        } else {
            1.0 / EM
        };
        let widths: Vec<f64> = dict
            .get::<Array<'_>>(b"Widths")
            .map(|w| w.iter::<f64>().take(256).collect())
            .unwrap_or_default();
        let missing = dict
            .get::<Dict<'_>>(b"FontDescriptor")
            .and_then(|d| d.get::<f64>(b"MissingWidth"))
            .unwrap_or(if widths.is_empty() { 500.0 } else { 0.0 });
        Some(SimpleFont {
            two_byte,
            to_unicode,
            by_code,
            first_char: dict.get::<u32>(b"FirstChar").unwrap_or(0),
            widths,
            missing,
            scale,
        })
    }

    /// A code's advance in text space (before the font size).
    fn width(&self, code: u32) -> f64 {
        let w = code
            .checked_sub(self.first_char)
            .and_then(|i| self.widths.get(usize::try_from(i).ok()?))
            .copied()
            .unwrap_or(self.missing);
        let w = w * self.scale;
        if w.is_finite() { w } else { 0.0 }
    }

    fn text(&self, code: u32) -> Option<String> {
        if let Some(u) = self
            .to_unicode
            .as_ref()
            .and_then(|m| m.lookup_bf_string(code))
        {
            match u {
                BfString::Char('\0') => {}
                BfString::Char(c) => return Some(c.to_string()),
                BfString::String(s) => return Some(s),
            }
        }
        let c = (*self.by_code.get(usize::try_from(code).ok()?)?)?;
        Some(c.to_string())
    }
}

/// The character of a glyph name: the Adobe names of the ASCII characters, `uniXXXX`,
/// `uXXXX`…`uXXXXXX`, and one-letter names.
fn glyph_char(name: &str) -> Option<char> {
    const NAMES: &[(&str, char)] = &[
        ("space", ' '),
        ("exclam", '!'),
        ("quotedbl", '"'),
        ("numbersign", '#'),
        ("dollar", '$'),
        ("percent", '%'),
        ("ampersand", '&'),
        ("quotesingle", '\''),
        ("quoteright", '\u{2019}'),
        ("quoteleft", '\u{2018}'),
        ("parenleft", '('),
        ("parenright", ')'),
        ("asterisk", '*'),
        ("plus", '+'),
        ("comma", ','),
        ("hyphen", '-'),
        ("minus", '\u{2212}'),
        ("period", '.'),
        ("slash", '/'),
        ("zero", '0'),
        ("one", '1'),
        ("two", '2'),
        ("three", '3'),
        ("four", '4'),
        ("five", '5'),
        ("six", '6'),
        ("seven", '7'),
        ("eight", '8'),
        ("nine", '9'),
        ("colon", ':'),
        ("semicolon", ';'),
        ("less", '<'),
        ("equal", '='),
        ("greater", '>'),
        ("question", '?'),
        ("at", '@'),
        ("bracketleft", '['),
        ("backslash", '\\'),
        ("bracketright", ']'),
        ("asciicircum", '^'),
        ("underscore", '_'),
        ("grave", '`'),
        ("braceleft", '{'),
        ("bar", '|'),
        ("braceright", '}'),
        ("asciitilde", '~'),
    ];
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_ascii_alphabetic()
    {
        return Some(c);
    }
    if let Some(&(_, c)) = NAMES.iter().find(|(n, _)| *n == name) {
        return Some(c);
    }
    let hex = name
        .strip_prefix("uni")
        .filter(|h| h.len() == 4)
        .or_else(|| {
            name.strip_prefix('u')
                .filter(|h| (4..=6).contains(&h.len()))
        })?;
    u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
}
