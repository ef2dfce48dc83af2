//! The certificate of completion: the PDF handed out beside a signed document, with the facts of
//! the document, its signers and its full hash-chained audit trail.
//!
//! The PDF is drawn with krilla, with DejaVu Sans embedded (subsetted to the glyphs used) so that
//! names in any script the font covers (Latin, Cyrillic, Greek, …) are real text that can be
//! searched and extracted. Text is laid out here: every string is measured with the font's own
//! advances and wrapped to its column, and rows that do not fit move to the next page, whose
//! table starts again with its header row. The output is unsigned; the server seals it with
//! [`crate::sign_pdf`].

use chrono::{DateTime, Datelike, Timelike, Utc};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Data, Document};
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::raw::TableProvider;
use skrifa::{FontRef, MetadataProvider};

use crate::PdfError;

static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// What a test-mode certificate of completion says on every page.
const TEST_NOTICE: &str = "TEST — made in test mode; not valid for real signatures";

/// Everything the certificate of completion shows about one document.
#[derive(Debug, Clone)]
pub struct Completion {
    /// The document's identifier.
    pub document_id: String,
    /// The document's name, as uploaded.
    pub document_name: String,
    /// The document's final status, e.g. `finished`.
    pub status: String,
    /// When the document was created.
    pub created_at: DateTime<Utc>,
    /// When this certificate was generated.
    pub generated_at: DateTime<Utc>,
    /// SHA-256 of the original file, in hex.
    pub original_sha256: String,
    /// SHA-256 of the final file, in hex; `None` while the document is unfinished.
    pub final_sha256: Option<String>,
    /// The tenant or organisation that issues the certificate.
    pub issuer: String,
    /// The signers, in signing order.
    pub signers: Vec<CompletionSigner>,
    /// The audit trail, oldest entry first.
    pub audit: Vec<CompletionEntry>,
    /// Hash of the last audit entry, in hex.
    pub chain_head: String,
    /// Made in test mode: every page says so, because nothing signed in test mode is real.
    pub test_mode: bool,
}

/// One signer of the document.
#[derive(Debug, Clone)]
pub struct CompletionSigner {
    /// The signer's name.
    pub name: String,
    /// The signer's email address, if known.
    pub email: Option<String>,
    /// The signer's phone number, if known.
    pub phone: Option<String>,
    /// The signature level: `simple` or `advanced`.
    pub level: String,
    /// The signer's status, e.g. `signed`.
    pub status: String,
    /// When the signer signed, if they did.
    pub signed_at: Option<DateTime<Utc>>,
    /// Subject of the certificate the signature was made with, if any.
    pub certificate_subject: Option<String>,
}

/// One entry of the audit trail.
#[derive(Debug, Clone)]
pub struct CompletionEntry {
    /// When it happened.
    pub at: DateTime<Utc>,
    /// What happened.
    pub action: String,
    /// Who did it.
    pub actor: String,
    /// The IP address the request came from, if known.
    pub ip: Option<String>,
    /// The user agent of the request, if known.
    pub user_agent: Option<String>,
    /// SHA-256 of the document at that moment, in hex.
    pub document_sha256: String,
    /// This entry's hash: SHA-256 of the previous entry's hash and this entry's content, in hex.
    pub hash: String,
}

/// Draws the certificate of completion of a document as an unsigned PDF (A4 portrait, as many
/// pages as the audit trail needs).
pub fn completion_certificate(c: &Completion) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::load()?;
    let mut layout = Layout::new(&fonts);
    layout.certificate(c);
    render(&fonts, c, layout.finish())
}

// ---------------------------------------------------------------------------------------------
// Page geometry, in points, with the origin at the top left (krilla's convention).

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN_X: f32 = 48.0;
const TOP: f32 = 56.0;
/// Content stops here; the footer lives below.
const BOTTOM: f32 = PAGE_H - 62.0;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;

const BLACK: (u8, u8, u8) = (0x1a, 0x1a, 0x1a);
const GREY: (u8, u8, u8) = (0x5f, 0x63, 0x68);
const RULE: (u8, u8, u8) = (0xc8, 0xcc, 0xd0);
const BAND: (u8, u8, u8) = (0xee, 0xf1, 0xf4);
const ACCENT: (u8, u8, u8) = (0x1f, 0x4e, 0x79);
/// The colour of the test-mode notice.
const WARN: (u8, u8, u8) = (0xb0, 0x1c, 0x1c);

// ---------------------------------------------------------------------------------------------
// Fonts and measuring.

/// One embedded face: krilla's handle for drawing, skrifa's tables for measuring.
struct Face {
    font: Font,
    charmap: skrifa::charmap::Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
}

impl Face {
    fn load(data: &'static [u8], name: &str) -> Result<Face, PdfError> {
        let bad = || PdfError::Completion(format!("the embedded font {name} cannot be read"));
        let font = Font::new(Data::from(data), 0).ok_or_else(bad)?;
        let font_ref = FontRef::new(data).map_err(|_| bad())?;
        let units_per_em = f32::from(font_ref.head().map_err(|_| bad())?.units_per_em());
        Ok(Face {
            font,
            charmap: font_ref.charmap(),
            metrics: font_ref.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
        })
    }

    /// One glyph per character, with the font's advances: enough for the scripts DejaVu Sans
    /// covers, written in precomposed form. Each glyph carries its character's byte range, which
    /// is what makes the text extractable.
    fn shape(&self, text: &str) -> Vec<KrillaGlyph> {
        text.char_indices()
            .map(|(at, ch)| {
                let gid = self.charmap.map(ch).unwrap_or(skrifa::GlyphId::NOTDEF);
                let advance = self.metrics.advance_width(gid).unwrap_or(0.0) / self.units_per_em;
                KrillaGlyph::new(
                    GlyphId::new(gid.to_u32()),
                    advance,
                    0.0,
                    0.0,
                    0.0,
                    at..at + ch.len_utf8(),
                    None,
                )
            })
            .collect()
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|ch| {
                let gid = self.charmap.map(ch).unwrap_or(skrifa::GlyphId::NOTDEF);
                self.metrics.advance_width(gid).unwrap_or(0.0)
            })
            .sum::<f32>()
            / self.units_per_em
            * size
    }
}

struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    fn load() -> Result<Fonts, PdfError> {
        Ok(Fonts {
            regular: Face::load(REGULAR, "DejaVu Sans")?,
            bold: Face::load(BOLD, "DejaVu Sans Bold")?,
        })
    }

    fn face(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }
}

/// Control characters would draw as missing glyphs; a line break in a field becomes a space.
fn clean(text: &str) -> String {
    text.chars()
        .map(|ch| if ch.is_control() { ' ' } else { ch })
        .collect()
}

/// Greedy word wrap to `width`; a word wider than the line (a hash, a long user agent token) is
/// broken between characters. Never returns an empty vector.
fn wrap(face: &Face, text: &str, size: f32, width: f32) -> Vec<String> {
    let text = clean(text);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if face.width(&candidate, size) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if face.width(word, size) <= width {
            line = word.to_string();
            continue;
        }
        for ch in word.chars() {
            let mut next = line.clone();
            next.push(ch);
            if face.width(&next, size) > width && !line.is_empty() {
                lines.push(std::mem::replace(&mut line, ch.to_string()));
            } else {
                line = next;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` on one line of at most `width`, cut with an ellipsis if needed.
fn fit(face: &Face, text: &str, size: f32, width: f32) -> String {
    let text = clean(text);
    if face.width(&text, size) <= width {
        return text;
    }
    let mut out = String::new();
    for ch in text.chars() {
        let mut next = out.clone();
        next.push(ch);
        next.push('…');
        if face.width(&next, size) > width {
            break;
        }
        out.push(ch);
    }
    out.push('…');
    out
}

fn time(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

fn or_dash(value: Option<&str>) -> String {
    match value {
        Some(v) if !v.trim().is_empty() => v.to_string(),
        _ => "—".to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// Layout: pages as lists of drawing operations, so that the footer can say "Page n of m".

enum Op {
    Text {
        x: f32,
        baseline: f32,
        size: f32,
        bold: bool,
        color: (u8, u8, u8),
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: (u8, u8, u8),
    },
}

/// Text at a horizontal offset from the left margin, on one line of a [`Layout::block`].
struct Piece {
    dx: f32,
    bold: bool,
    color: (u8, u8, u8),
    text: String,
}

impl Piece {
    fn new(dx: f32, bold: bool, color: (u8, u8, u8), text: String) -> Piece {
        Piece {
            dx,
            bold,
            color,
            text,
        }
    }
}

/// A table column: its title and width.
struct Column {
    title: &'static str,
    width: f32,
}

const SIGNER_COLUMNS: [Column; 6] = [
    Column {
        title: "Name",
        width: 92.0,
    },
    Column {
        title: "Email / phone",
        width: 108.0,
    },
    Column {
        title: "Level",
        width: 46.0,
    },
    Column {
        title: "Status",
        width: 50.0,
    },
    Column {
        title: "Signed at",
        width: 70.0,
    },
    Column {
        title: "Certificate subject",
        width: CONTENT_W - 92.0 - 108.0 - 46.0 - 50.0 - 70.0,
    },
];

const AUDIT_COLUMNS: [Column; 5] = [
    Column {
        title: "#",
        width: 22.0,
    },
    Column {
        title: "Time (UTC)",
        width: 84.0,
    },
    Column {
        title: "Action",
        width: 112.0,
    },
    Column {
        title: "Actor",
        width: 174.0,
    },
    Column {
        title: "IP address",
        width: CONTENT_W - 22.0 - 84.0 - 112.0 - 174.0,
    },
];

const CELL_PAD: f32 = 3.0;

struct Layout<'f> {
    fonts: &'f Fonts,
    pages: Vec<Vec<Op>>,
    y: f32,
}

impl<'f> Layout<'f> {
    fn new(fonts: &'f Fonts) -> Self {
        Layout {
            fonts,
            pages: vec![Vec::new()],
            y: TOP,
        }
    }

    fn finish(self) -> Vec<Vec<Op>> {
        self.pages
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Whether `height` more points fit on the current page.
    fn fits(&self, height: f32) -> bool {
        self.y + height <= BOTTOM
    }

    fn text(&mut self, x: f32, baseline: f32, size: f32, bold: bool, color: (u8, u8, u8), s: &str) {
        self.ops().push(Op::Text {
            x,
            baseline,
            size,
            bold,
            color,
            text: s.to_string(),
        });
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: (u8, u8, u8)) {
        self.ops().push(Op::Rect { x, y, w, h, color });
    }

    fn rule(&mut self, color: (u8, u8, u8), thickness: f32) {
        let y = self.y;
        self.rect(MARGIN_X, y, CONTENT_W, thickness, color);
    }

    /// A paragraph over the full width; moves to a new page between lines if needed.
    fn paragraph(&mut self, text: &str, size: f32, bold: bool, color: (u8, u8, u8)) {
        let leading = size * 1.35;
        for line in wrap(self.fonts.face(bold), text, size, CONTENT_W) {
            if !self.fits(leading) {
                self.new_page();
            }
            let baseline = self.y + size;
            self.text(MARGIN_X, baseline, size, bold, color, &line);
            self.y += leading;
        }
    }

    fn heading(&mut self, title: &str) {
        // Keep a heading with at least a few lines of what follows it.
        if !self.fits(70.0) {
            self.new_page();
        }
        self.y += 6.0;
        let size = 12.5;
        let baseline = self.y + size;
        self.text(MARGIN_X, baseline, size, true, ACCENT, title);
        self.y += size + 5.0;
        self.rule(ACCENT, 0.8);
        self.y += 6.0;
    }

    fn certificate(&mut self, c: &Completion) {
        self.title(c);
        self.facts(c);
        self.signers(c);
        self.audit(c);
    }

    fn title(&mut self, c: &Completion) {
        let size = 22.0;
        self.text(
            MARGIN_X,
            self.y + size,
            size,
            true,
            BLACK,
            if c.test_mode {
                "Certificate of completion — TEST"
            } else {
                "Certificate of completion"
            },
        );
        self.y += size + 10.0;
        if c.test_mode {
            self.paragraph(TEST_NOTICE, 11.0, true, WARN);
            self.y += 4.0;
        }
        let issued = format!(
            "Issued by {} on {}",
            clean(&c.issuer),
            time(&c.generated_at)
        );
        self.paragraph(&issued, 9.5, false, GREY);
        self.y += 6.0;
    }

    /// The document facts: label on the left, wrapped value on the right.
    fn facts(&mut self, c: &Completion) {
        self.heading("Document");
        let final_hash = c
            .final_sha256
            .clone()
            .unwrap_or_else(|| "not yet available: the document is not finished".into());
        let rows: Vec<(&str, String)> = vec![
            ("Document name", c.document_name.clone()),
            ("Document ID", c.document_id.clone()),
            ("Status", c.status.clone()),
            ("Created", time(&c.created_at)),
            ("Original SHA-256", c.original_sha256.clone()),
            ("Final SHA-256", final_hash),
            ("Signers", c.signers.len().to_string()),
            ("Audit trail entries", c.audit.len().to_string()),
            ("Audit chain head", c.chain_head.clone()),
            ("Certificate generated", time(&c.generated_at)),
        ];
        let size = 9.0;
        let label_w = 118.0;
        for (label, value) in rows {
            let lines = wrap(&self.fonts.regular, &value, size, CONTENT_W - label_w);
            let slots = lines
                .into_iter()
                .enumerate()
                .map(|(i, line)| {
                    let mut slot = Vec::new();
                    if i == 0 {
                        slot.push(Piece::new(0.0, true, GREY, label.to_string()));
                    }
                    slot.push(Piece::new(label_w, false, BLACK, line));
                    slot
                })
                .collect();
            self.block(slots, size, size * 1.4, 1.5, None, false);
        }
        self.y += 8.0;
    }

    /// A header row with a shaded band.
    fn header_row(&mut self, columns: &[Column], size: f32) {
        let height = size * 1.3 + 2.0 * CELL_PAD;
        let y = self.y;
        self.rect(MARGIN_X, y, CONTENT_W, height, BAND);
        let mut x = MARGIN_X;
        for column in columns {
            let title = fit(
                &self.fonts.bold,
                column.title,
                size,
                column.width - CELL_PAD,
            );
            self.text(x + CELL_PAD, y + CELL_PAD + size, size, true, BLACK, &title);
            x += column.width;
        }
        self.y += height;
    }

    /// Lines of text (each a few pieces at fixed offsets) kept together on one page when they
    /// fit on one; a block taller than a page is split between lines, and each page it
    /// continues on starts with the table's header row, if there is a table.
    fn block(
        &mut self,
        slots: Vec<Vec<Piece>>,
        size: f32,
        leading: f32,
        pad: f32,
        header: Option<&[Column]>,
        rule: bool,
    ) {
        let header_h = header.map_or(0.0, |_| size * 1.3 + 2.0 * CELL_PAD);
        let height = slots.len() as f32 * leading + 2.0 * pad;
        if !self.fits(height) && height <= BOTTOM - TOP - header_h {
            self.next_page(header, size);
        }
        let mut rest = slots.as_slice();
        loop {
            let room = ((BOTTOM - self.y - 2.0 * pad) / leading).floor();
            if room < 1.0 {
                self.next_page(header, size);
                continue;
            }
            let n = rest.len().min(room as usize);
            let (now, later) = rest.split_at(n);
            let top = self.y;
            for (i, slot) in now.iter().enumerate() {
                let baseline = top + pad + size + i as f32 * leading;
                for p in slot {
                    self.text(MARGIN_X + p.dx, baseline, size, p.bold, p.color, &p.text);
                }
            }
            self.y = top + n as f32 * leading + 2.0 * pad;
            if rule {
                self.rule(RULE, 0.5);
                self.y += 0.5;
            }
            if later.is_empty() {
                break;
            }
            rest = later;
            self.next_page(header, size);
        }
    }

    fn next_page(&mut self, header: Option<&[Column]>, size: f32) {
        self.new_page();
        if let Some(columns) = header {
            self.header_row(columns, size);
        }
    }

    /// One table row of wrapped cells, plus optional labelled lines under it (from the second
    /// column on, for values too wide for a column, such as hashes).
    fn row(&mut self, columns: &[Column], cells: &[String], extra: &[(String, String)], size: f32) {
        let wrapped: Vec<Vec<String>> = columns
            .iter()
            .zip(cells)
            .map(|(col, cell)| wrap(&self.fonts.regular, cell, size, col.width - 2.0 * CELL_PAD))
            .collect();
        let main_lines = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        let mut slots: Vec<Vec<Piece>> = (0..main_lines).map(|_| Vec::new()).collect();
        let mut x = 0.0;
        for (col, lines) in columns.iter().zip(wrapped) {
            for (slot, line) in slots.iter_mut().zip(lines) {
                slot.push(Piece::new(x + CELL_PAD, false, BLACK, line));
            }
            x += col.width;
        }
        let indent = columns.first().map_or(0.0, |c| c.width) + CELL_PAD;
        // The extra lines' values start at one edge, after the widest label, and in line with
        // the second column when the labels fit under the first.
        let label_w = extra
            .iter()
            .map(|(label, _)| self.fonts.bold.width(label, size))
            .fold(0.0, f32::max)
            + 6.0;
        let label_w = label_w.max(columns.get(1).map_or(0.0, |c| c.width));
        for (label, value) in extra {
            let width = CONTENT_W - indent - label_w - CELL_PAD;
            for (i, line) in wrap(&self.fonts.regular, value, size, width)
                .into_iter()
                .enumerate()
            {
                let mut slot = Vec::new();
                if i == 0 {
                    slot.push(Piece::new(indent, true, GREY, label.clone()));
                }
                slot.push(Piece::new(indent + label_w, false, BLACK, line));
                slots.push(slot);
            }
        }
        self.block(slots, size, size * 1.3, CELL_PAD, Some(columns), true);
    }

    fn signers(&mut self, c: &Completion) {
        self.heading("Signers");
        let size = 8.0;
        if c.signers.is_empty() {
            self.paragraph("This document has no signers.", 9.0, false, GREY);
            return;
        }
        self.header_row(&SIGNER_COLUMNS, size);
        for s in &c.signers {
            let contact = match (&s.email, &s.phone) {
                (Some(e), Some(p)) => format!("{e} {p}"),
                (Some(e), None) => e.clone(),
                (None, Some(p)) => p.clone(),
                (None, None) => "—".into(),
            };
            let cells = [
                s.name.clone(),
                contact,
                s.level.clone(),
                s.status.clone(),
                s.signed_at.as_ref().map_or_else(|| "—".into(), time),
                or_dash(s.certificate_subject.as_deref()),
            ];
            self.row(&SIGNER_COLUMNS, &cells, &[], size);
        }
        self.y += 10.0;
    }

    fn audit(&mut self, c: &Completion) {
        self.heading("Audit trail");
        self.paragraph(
            "The entries of the audit trail are hash-chained: each entry hash is the SHA-256 of \
             the previous entry hash followed by the entry's content, so changing, removing or \
             reordering any entry changes every hash after it. Times are in UTC.",
            8.5,
            false,
            BLACK,
        );
        self.y += 2.0;
        self.paragraph(
            &format!("Chain head (hash of the last entry): {}", c.chain_head),
            8.5,
            true,
            BLACK,
        );
        self.y += 6.0;
        let size = 6.5;
        if c.audit.is_empty() {
            self.paragraph("The audit trail is empty.", 9.0, false, GREY);
            return;
        }
        if !self.fits(60.0) {
            self.new_page();
        }
        self.header_row(&AUDIT_COLUMNS, size);
        for (i, e) in c.audit.iter().enumerate() {
            let cells = [
                (i + 1).to_string(),
                e.at.format("%Y-%m-%d %H:%M:%S").to_string(),
                e.action.clone(),
                e.actor.clone(),
                or_dash(e.ip.as_deref()),
            ];
            let extra = [
                ("User agent".to_string(), or_dash(e.user_agent.as_deref())),
                ("Document SHA-256".to_string(), e.document_sha256.clone()),
                ("Entry hash".to_string(), e.hash.clone()),
            ];
            self.row(&AUDIT_COLUMNS, &cells, &extra, size);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Rendering.

fn fill(color: (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

fn draw_text(surface: &mut Surface<'_>, face: &Face, x: f32, baseline: f32, size: f32, s: &str) {
    let glyphs = face.shape(s);
    surface.draw_glyphs(
        Point::from_xy(x, baseline),
        &glyphs,
        face.font.clone(),
        s,
        size,
        false,
    );
}

fn draw_op(surface: &mut Surface<'_>, fonts: &Fonts, op: &Op) {
    match op {
        Op::Text {
            x,
            baseline,
            size,
            bold,
            color,
            text,
        } => {
            surface.set_fill(Some(fill(*color)));
            draw_text(surface, fonts.face(*bold), *x, *baseline, *size, text);
        }
        Op::Rect { x, y, w, h, color } => {
            let mut pb = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                pb.push_rect(rect);
            }
            if let Some(path) = pb.finish() {
                surface.set_fill(Some(fill(*color)));
                surface.draw_path(&path);
            }
        }
    }
}

fn footer(surface: &mut Surface<'_>, fonts: &Fonts, c: &Completion, page: usize, pages: usize) {
    let size = 7.0;
    let rule_y = PAGE_H - 46.0;
    draw_op(
        surface,
        fonts,
        &Op::Rect {
            x: MARGIN_X,
            y: rule_y,
            w: CONTENT_W,
            h: 0.5,
            color: RULE,
        },
    );
    let baseline = rule_y + 13.0;
    let number = format!("Page {page} of {pages}");
    let number_w = fonts.regular.width(&number, size);
    let note = if c.test_mode {
        TEST_NOTICE
    } else {
        "Signet — this certificate is sealed; verify it with `signet verify`"
    };
    let note = fit(&fonts.regular, note, size, CONTENT_W - number_w - 12.0);
    surface.set_fill(Some(fill(GREY)));
    draw_text(surface, &fonts.regular, MARGIN_X, baseline, size, &note);
    let x = MARGIN_X + CONTENT_W - number_w;
    draw_text(surface, &fonts.regular, x, baseline, size, &number);
    if page > 1 {
        // A running head on continuation pages says which document they belong to; a long
        // name is cut, the identifier never.
        let prefix = "Certificate of completion — ";
        let id = format!(" ({})", clean(&c.document_id));
        let room = CONTENT_W - fonts.regular.width(prefix, size) - fonts.regular.width(&id, size);
        let name = fit(&fonts.regular, &c.document_name, size, room.max(0.0));
        let head = fit(
            &fonts.regular,
            &format!("{prefix}{name}{id}"),
            size,
            CONTENT_W,
        );
        draw_text(surface, &fonts.regular, MARGIN_X, 34.0, size, &head);
    }
}

fn metadata(c: &Completion) -> Metadata {
    let t = c.generated_at;
    let date = krilla::metadata::DateTime::new(u16::try_from(t.year()).unwrap_or(1970))
        .month(u8::try_from(t.month()).unwrap_or(1))
        .day(u8::try_from(t.day()).unwrap_or(1))
        .hour(u8::try_from(t.hour()).unwrap_or(0))
        .minute(u8::try_from(t.minute()).unwrap_or(0))
        .second(u8::try_from(t.second()).unwrap_or(0))
        .utc_offset_hour(0)
        .utc_offset_minute(0);
    Metadata::new()
        .title(format!(
            "Certificate of completion — {}",
            clean(&c.document_name)
        ))
        .description(format!(
            "Certificate of completion of document {}",
            c.document_id
        ))
        .creator("Signet".into())
        .producer("Signet".into())
        .authors(vec![clean(&c.issuer)])
        .language("en".into())
        .creation_date(date)
}

fn render(fonts: &Fonts, c: &Completion, pages: Vec<Vec<Op>>) -> Result<Vec<u8>, PdfError> {
    let mut document = Document::new();
    document.set_metadata(metadata(c));
    let count = pages.len();
    for (i, ops) in pages.iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
            .ok_or_else(|| PdfError::Completion("invalid page size".into()))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for op in ops {
            draw_op(&mut surface, fonts, op);
        }
        footer(&mut surface, fonts, c, i + 1, count);
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| PdfError::Completion(format!("cannot write the PDF: {e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_never_exceeds_the_width_and_breaks_long_tokens() {
        let fonts = Fonts::load().expect("fonts");
        let hash = "ab".repeat(32);
        let text = format!("Ελένη Παπαδοπούλου signed with hash {hash} at the office");
        for width in [40.0, 80.0, 200.0] {
            let lines = wrap(&fonts.regular, &text, 8.0, width);
            assert!(lines.len() > 1);
            for line in &lines {
                assert!(
                    fonts.regular.width(line, 8.0) <= width,
                    "{line:?} > {width}"
                );
            }
            let joined: String = lines.concat().chars().filter(|c| *c != ' ').collect();
            let original: String = text.chars().filter(|c| *c != ' ').collect();
            assert_eq!(joined, original);
        }
    }

    #[test]
    fn fitting_cuts_with_an_ellipsis() {
        let fonts = Fonts::load().expect("fonts");
        let cut = fit(&fonts.regular, &"x".repeat(500), 7.0, 100.0);
        assert!(cut.ends_with('…'));
        assert!(fonts.regular.width(&cut, 7.0) <= 100.0);
        assert_eq!(fit(&fonts.regular, "short", 7.0, 100.0), "short");
    }
}
