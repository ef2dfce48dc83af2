//! Documents written in HTML: a strict subset (described in `docs/html.md`) parsed here, laid out
//! with parley and drawn with krilla into an A4 PDF, without a browser.
//!
//! The parser is small and strict on purpose: every tag, attribute, CSS property and character
//! reference outside the subset is refused with the line and column where it stands, so an
//! integrator learns at once what will not render (the API answers `422` with return code 76).
//! Everything is bounded by [`HtmlLimits`]: input size, nesting depth, pictures, fields, pages.
//!
//! Text is shaped and broken into lines by parley (UAX #14 line breaking, bidi, harfrust shaping)
//! with DejaVu Sans and DejaVu Sans Bold embedded (italic is DejaVu slanted); every glyph keeps
//! its characters, so the text can be searched and extracted. A `<signet-field>` tag is an inline
//! box where it stands; [`render_html`] returns where each one landed, as fractions of its page,
//! ready for [`crate::add_form_fields`].

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use base64::Engine as _;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Data, Document};
use parley::fontique::Blob;
use parley::{
    Alignment, AlignmentOptions, FontContext, FontFamily, FontFamilyName, FontStyle, FontWeight,
    InlineBox, InlineBoxKind, LayoutContext, LineHeight, OverflowWrap, PositionedLayoutItem,
    StyleProperty,
};

use crate::picture::Picture;

static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// A field a `<signet-field>` tag placed: where it stands once laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedField {
    /// The field's name, unique in the document.
    pub name: String,
    /// Its type, as written (`signature`, `text`, `date`, …).
    pub kind: String,
    /// The signer it belongs to (index from 0), for a document.
    pub signer: Option<u32>,
    /// The role it belongs to, for a template.
    pub role: Option<String>,
    /// The page, from 1.
    pub page: u32,
    /// Fractions of the page from its top-left corner.
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// Why an HTML document was refused, and where: line and column (both from 1, the column in
/// characters) of the construct at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HtmlError {
    pub line: u32,
    pub column: u32,
    pub what: String,
}

impl std::fmt::Display for HtmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.what
        )
    }
}

impl std::error::Error for HtmlError {}

/// What a document written in HTML may take.
#[derive(Clone, Debug)]
pub struct HtmlLimits {
    /// The HTML itself, in bytes.
    pub max_bytes: usize,
    /// How deeply elements may nest (at most 256 whatever is set).
    pub max_depth: usize,
    /// Pages of the output.
    pub max_pages: u32,
    /// `<signet-field>` tags.
    pub max_fields: usize,
    /// `<img>` tags.
    pub max_images: usize,
    /// One picture's bytes, decoded from its data URI.
    pub max_image_bytes: usize,
    /// A picture's widest or tallest side, in pixels.
    pub max_image_side: u32,
    /// Columns of a table.
    pub max_columns: usize,
}

impl Default for HtmlLimits {
    fn default() -> Self {
        HtmlLimits {
            max_bytes: 2 << 20,
            max_depth: 32,
            max_pages: 100,
            max_fields: 300,
            max_images: 50,
            max_image_bytes: 1 << 20,
            max_image_side: 4000,
            max_columns: 20,
        }
    }
}

/// The field types a `<signet-field>` may name (those of SPEC's fields).
pub const FIELD_TYPES: [&str; 10] = [
    "signature",
    "initials",
    "name",
    "email",
    "date",
    "text",
    "number",
    "checkbox",
    "select",
    "image",
];

/// Renders `html` to an unsigned A4 PDF and says where each `<signet-field>` landed.
pub fn render_html(
    html: &str,
    limits: &HtmlLimits,
) -> Result<(Vec<u8>, Vec<PlacedField>), HtmlError> {
    if html.len() > limits.max_bytes {
        return Err(err(
            Pos { line: 1, column: 1 },
            format!(
                "the document is {} bytes, over the limit of {}",
                html.len(),
                limits.max_bytes
            ),
        ));
    }
    let root = parse(html, limits)?;
    let mut builder = Builder {
        limits,
        blocks: Vec::new(),
        fields: Vec::new(),
        images: Vec::new(),
        names: HashSet::new(),
        title: None,
    };
    builder.document(&root)?;
    let Builder {
        blocks,
        fields,
        images,
        title,
        ..
    } = builder;
    let mut engine = Engine::new();
    let mut flow = Flow {
        pages: vec![Vec::new()],
        y: TOP,
        placed: Vec::new(),
        pending_break: false,
        max_pages: limits.max_pages,
    };
    for block in &blocks {
        flow.block(&mut engine, block, &fields)?;
    }
    let pdf = draw(&flow.pages, &images, title.as_deref())?;
    Ok((pdf, flow.placed))
}

// ---------------------------------------------------------------------------------------------
// Parsing: a strict tokenizer that builds the element tree and knows where everything stands.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Pos {
    line: u32,
    column: u32,
}

fn err(at: Pos, what: impl Into<String>) -> HtmlError {
    HtmlError {
        line: at.line,
        column: at.column,
        what: what.into(),
    }
}

#[derive(Debug)]
struct Attr {
    name: String,
    value: String,
    at: Pos,
}

#[derive(Debug)]
struct Element {
    tag: &'static str,
    attrs: Vec<Attr>,
    children: Vec<Node>,
    at: Pos,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&Attr> {
        self.attrs.iter().find(|a| a.name == name)
    }
}

#[derive(Debug)]
enum Node {
    Text(String, Pos),
    Element(Element),
}

const TAGS: [&str; 27] = [
    "html",
    "head",
    "title",
    "meta",
    "body",
    "h1",
    "h2",
    "h3",
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "b",
    "strong",
    "i",
    "em",
    "img",
    "div",
    "hr",
    "signet-field",
];

fn void(tag: &str) -> bool {
    matches!(tag, "br" | "hr" | "img" | "meta" | "signet-field")
}

fn inline_tag(tag: &str) -> bool {
    matches!(
        tag,
        "b" | "strong" | "i" | "em" | "br" | "img" | "signet-field"
    )
}

fn allowed_attr(tag: &str, attr: &str) -> bool {
    match attr {
        "id" => true,
        "style" => !matches!(
            tag,
            "html"
                | "head"
                | "title"
                | "meta"
                | "body"
                | "thead"
                | "tbody"
                | "br"
                | "img"
                | "signet-field"
        ),
        "class" => tag == "hr",
        "lang" => tag == "html",
        _ => match tag {
            "img" => matches!(attr, "src" | "alt" | "width" | "height"),
            "meta" => attr == "charset",
            "signet-field" => matches!(
                attr,
                "name" | "type" | "signer" | "role" | "width" | "height"
            ),
            _ => false,
        },
    }
}

struct Cursor<'a> {
    s: &'a str,
    i: usize,
    line: u32,
    column: u32,
}

impl<'a> Cursor<'a> {
    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.column,
        }
    }

    fn rest(&self) -> &'a str {
        &self.s[self.i..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += c.len_utf8();
        match c {
            '\n' => {
                self.line = self.line.saturating_add(1);
                self.column = 1;
            }
            '\r' => {}
            _ => self.column = self.column.saturating_add(1),
        }
        Some(c)
    }

    /// Consumes `lit` if the input starts with it, ASCII case aside.
    fn eat(&mut self, lit: &str) -> bool {
        let rest = self.rest().as_bytes();
        if rest.len() >= lit.len() && rest[..lit.len()].eq_ignore_ascii_case(lit.as_bytes()) {
            for _ in lit.chars() {
                self.bump();
            }
            true
        } else {
            false
        }
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(|c| c.is_ascii_whitespace()) {
            self.bump();
        }
    }
}

fn parse(html: &str, limits: &HtmlLimits) -> Result<Element, HtmlError> {
    let max_depth = limits.max_depth.clamp(1, 256);
    let mut c = Cursor {
        s: html,
        i: 0,
        line: 1,
        column: 1,
    };
    let mut stack = vec![Element {
        tag: "#root",
        attrs: Vec::new(),
        children: Vec::new(),
        at: c.pos(),
    }];
    let mut text = String::new();
    let mut text_at = c.pos();
    while let Some(ch) = c.peek() {
        if ch != '<' {
            if text.is_empty() {
                text_at = c.pos();
            }
            if ch == '&' {
                text.push_str(&reference(&mut c)?);
            } else {
                c.bump();
                if !ch.is_control() || ch.is_ascii_whitespace() {
                    text.push(ch);
                }
            }
            continue;
        }
        if !text.is_empty()
            && let Some(top) = stack.last_mut()
        {
            top.children
                .push(Node::Text(std::mem::take(&mut text), text_at));
        }
        let at = c.pos();
        c.bump();
        if c.eat("!--") {
            let Some(end) = c.rest().find("-->") else {
                return Err(err(at, "a comment that is never closed (-->)"));
            };
            let stop = c.i + end + 3;
            while c.i < stop {
                c.bump();
            }
            continue;
        }
        if c.peek() == Some('!') {
            c.bump();
            if c.eat("doctype") {
                c.skip_ws();
                if c.eat("html") {
                    c.skip_ws();
                    if c.peek() == Some('>') {
                        c.bump();
                        continue;
                    }
                }
            }
            return Err(err(at, "only <!DOCTYPE html> is accepted"));
        }
        if c.peek() == Some('/') {
            c.bump();
            let name = tag_name(&mut c).ok_or_else(|| err(at, "a closing tag without a name"))?;
            c.skip_ws();
            if c.peek() != Some('>') {
                return Err(err(
                    at,
                    format!("the closing tag </{name}> is not closed by '>'"),
                ));
            }
            c.bump();
            close(&mut stack, &name, at)?;
            continue;
        }
        if !c.peek().is_some_and(|ch| ch.is_ascii_alphabetic()) {
            return Err(err(
                at,
                "a '<' that starts no tag (write &lt; for the character)",
            ));
        }
        let name = tag_name(&mut c).unwrap_or_default();
        let Some(tag) = TAGS.iter().find(|t| **t == name).copied() else {
            return Err(err(
                at,
                format!("<{name}> is outside the HTML subset Signet renders (see docs/html.md)"),
            ));
        };
        let attrs = attributes(&mut c, tag, at)?;
        let depth = stack.len();
        if depth > max_depth {
            return Err(err(at, format!("elements nest more than {max_depth} deep")));
        }
        let element = Element {
            tag,
            attrs,
            children: Vec::new(),
            at,
        };
        if void(tag) {
            if let Some(top) = stack.last_mut() {
                top.children.push(Node::Element(element));
            }
        } else {
            stack.push(element);
        }
    }
    if !text.is_empty()
        && let Some(top) = stack.last_mut()
    {
        top.children.push(Node::Text(text, text_at));
    }
    if stack.len() > 1 {
        let open = stack.last().map(|e| (e.tag, e.at)).unwrap_or(("", c.pos()));
        return Err(err(open.1, format!("<{}> is never closed", open.0)));
    }
    Ok(stack.pop().unwrap_or(Element {
        tag: "#root",
        attrs: Vec::new(),
        children: Vec::new(),
        at: Pos { line: 1, column: 1 },
    }))
}

fn tag_name(c: &mut Cursor<'_>) -> Option<String> {
    let mut name = String::new();
    while let Some(ch) = c.peek() {
        if ch.is_ascii_alphanumeric() || ch == '-' {
            name.push(ch.to_ascii_lowercase());
            c.bump();
            if name.len() > 40 {
                break;
            }
        } else {
            break;
        }
    }
    (!name.is_empty()).then_some(name)
}

fn close(stack: &mut Vec<Element>, name: &str, at: Pos) -> Result<(), HtmlError> {
    if void(name) {
        // `<signet-field …></signet-field>`: the closing tag of a void element right after it.
        let follows = stack
            .last()
            .and_then(|top| top.children.last())
            .is_some_and(
                |n| matches!(n, Node::Element(e) if e.tag == name && e.children.is_empty()),
            );
        if follows {
            return Ok(());
        }
        return Err(err(
            at,
            format!("</{name}> closes nothing: <{name}> has no content"),
        ));
    }
    let top = stack.last().map(|e| (e.tag, e.at));
    match top {
        Some((tag, _)) if tag == name && stack.len() > 1 => {
            if let Some(done) = stack.pop()
                && let Some(parent) = stack.last_mut()
            {
                parent.children.push(Node::Element(done));
            }
            Ok(())
        }
        Some((tag, open)) if stack.len() > 1 => Err(err(
            at,
            format!(
                "</{name}> where </{tag}> is expected (<{tag}> opened at line {}, column {}); \
                 every element must be closed in order",
                open.line, open.column
            ),
        )),
        _ => Err(err(at, format!("</{name}> closes nothing"))),
    }
}

fn attributes(c: &mut Cursor<'_>, tag: &str, tag_at: Pos) -> Result<Vec<Attr>, HtmlError> {
    let mut attrs: Vec<Attr> = Vec::new();
    loop {
        c.skip_ws();
        match c.peek() {
            None => {
                return Err(err(
                    tag_at,
                    format!("the tag <{tag}> is never closed by '>'"),
                ));
            }
            Some('>') => {
                c.bump();
                return Ok(attrs);
            }
            Some('/') => {
                let at = c.pos();
                c.bump();
                if c.peek() == Some('>') {
                    c.bump();
                    return Ok(attrs);
                }
                return Err(err(at, "a '/' inside a tag"));
            }
            _ => {}
        }
        let at = c.pos();
        let mut name = String::new();
        while let Some(ch) = c.peek() {
            if ch.is_ascii_whitespace() || matches!(ch, '/' | '>' | '=' | '"' | '\'' | '<') {
                break;
            }
            name.push(ch.to_ascii_lowercase());
            c.bump();
        }
        if name.is_empty() {
            return Err(err(at, format!("an unexpected character inside <{tag}>")));
        }
        c.skip_ws();
        let mut value = String::new();
        if c.peek() == Some('=') {
            c.bump();
            c.skip_ws();
            match c.peek() {
                Some(q @ ('"' | '\'')) => {
                    c.bump();
                    loop {
                        match c.peek() {
                            None => {
                                return Err(err(
                                    at,
                                    format!("the value of {name} is never closed by {q}"),
                                ));
                            }
                            Some(ch) if ch == q => {
                                c.bump();
                                break;
                            }
                            Some('&') => value.push_str(&reference(c)?),
                            Some(ch) => {
                                c.bump();
                                value.push(ch);
                            }
                        }
                    }
                }
                _ => {
                    while let Some(ch) = c.peek() {
                        if ch.is_ascii_whitespace() || ch == '>' {
                            break;
                        }
                        if matches!(ch, '"' | '\'' | '<' | '=' | '`') {
                            return Err(err(c.pos(), format!("the value of {name} needs quotes")));
                        }
                        if ch == '&' {
                            value.push_str(&reference(c)?);
                        } else {
                            c.bump();
                            value.push(ch);
                        }
                    }
                }
            }
        }
        if name.starts_with("on") {
            return Err(err(
                at,
                format!("event handlers ({name}) are outside the subset: no scripts run"),
            ));
        }
        if !allowed_attr(tag, &name) {
            return Err(err(
                at,
                format!("the attribute {name} on <{tag}> is outside the subset"),
            ));
        }
        if attrs.iter().any(|a| a.name == name) {
            return Err(err(at, format!("the attribute {name} is given twice")));
        }
        if attrs.len() >= 16 {
            return Err(err(at, format!("too many attributes on <{tag}>")));
        }
        attrs.push(Attr { name, value, at });
    }
}

/// A character reference at the cursor (which stands on `&`). A `&` that starts none (`R&D`,
/// `a & b`) is itself.
fn reference(c: &mut Cursor<'_>) -> Result<String, HtmlError> {
    let at = c.pos();
    let rest = c.rest();
    let body = &rest[1..];
    let end = body
        .char_indices()
        .take(34)
        .find(|(_, ch)| !(ch.is_ascii_alphanumeric() || *ch == '#'));
    let Some((len, ';')) = end else {
        c.bump();
        return Ok("&".into());
    };
    let name = &body[..len];
    if name.is_empty() {
        c.bump();
        return Ok("&".into());
    }
    let out = if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()
        } else {
            num.parse::<u32>().ok()
        };
        match code.and_then(char::from_u32) {
            Some(ch) if !ch.is_control() || ch.is_ascii_whitespace() => ch.to_string(),
            _ => {
                return Err(err(
                    at,
                    format!("&{name}; is not a character Signet can draw"),
                ));
            }
        }
    } else {
        let ch = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            "copy" => '©',
            "reg" => '®',
            "euro" => '€',
            "pound" => '£',
            "sect" => '§',
            "deg" => '°',
            "ndash" => '–',
            "mdash" => '—',
            "hellip" => '…',
            "laquo" => '«',
            "raquo" => '»',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "middot" => '·',
            "bull" => '•',
            "times" => '×',
            _ => {
                return Err(err(
                    at,
                    format!(
                        "the character reference &{name}; is outside the subset (use the \
                         character itself or &#NNNN;)"
                    ),
                ));
            }
        };
        ch.to_string()
    };
    for _ in 0..len + 2 {
        c.bump();
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// The element tree becomes blocks: paragraphs (inline text with boxes), tables, rules, breaks.

#[derive(Clone, Copy)]
enum BoxKind {
    Field(usize),
    Image(usize),
}

impl BoxKind {
    fn id(self) -> u64 {
        match self {
            BoxKind::Field(i) => (i as u64) << 1,
            BoxKind::Image(i) => ((i as u64) << 1) | 1,
        }
    }

    fn from_id(id: u64) -> BoxKind {
        let index = usize::try_from(id >> 1).unwrap_or(usize::MAX);
        if id & 1 == 0 {
            BoxKind::Field(index)
        } else {
            BoxKind::Image(index)
        }
    }
}

struct InlineBoxSpec {
    index: usize,
    kind: BoxKind,
    w: f32,
    h: f32,
}

/// Inline content: collapsed text, bold and italic ranges, and boxes at byte offsets.
#[derive(Default)]
struct Inline {
    text: String,
    spans: Vec<(Range<usize>, bool, bool)>,
    boxes: Vec<InlineBoxSpec>,
    /// The last thing written was a space, a line break or nothing at all.
    space: bool,
}

impl Inline {
    fn new() -> Inline {
        Inline {
            space: true,
            ..Inline::default()
        }
    }

    fn trim_end(&mut self) {
        let boxed = self.boxes.iter().any(|b| b.index == self.text.len());
        if self.text.ends_with(' ') && !boxed {
            self.text.pop();
        }
    }

    fn push_text(&mut self, s: &str, bold: bool, italic: bool) {
        let start = self.text.len();
        for ch in s.chars() {
            if ch.is_whitespace() && ch != '\u{a0}' {
                if !self.space {
                    self.text.push(' ');
                    self.space = true;
                }
            } else if !ch.is_control() {
                self.text.push(ch);
                self.space = false;
            }
        }
        if (bold || italic) && self.text.len() > start {
            self.spans.push((start..self.text.len(), bold, italic));
        }
    }

    fn push_break(&mut self) {
        self.trim_end();
        self.text.push('\n');
        self.space = true;
    }

    fn push_box(&mut self, kind: BoxKind, w: f32, h: f32) {
        self.boxes.push(InlineBoxSpec {
            index: self.text.len(),
            kind,
            w,
            h,
        });
        self.space = false;
    }

    fn finish(&mut self) {
        self.trim_end();
        let len = self.text.len();
        for (range, _, _) in &mut self.spans {
            range.end = range.end.min(len);
            range.start = range.start.min(range.end);
        }
    }

    fn is_empty(&self) -> bool {
        self.boxes.is_empty() && self.text.trim().is_empty()
    }
}

#[derive(Clone, Copy)]
struct Style {
    size: f32,
    bold: bool,
    italic: bool,
    align: Alignment,
}

struct Para {
    inline: Inline,
    style: Style,
    indent: f32,
    before: f32,
    after: f32,
    marker: Option<String>,
    at: Pos,
}

struct Cell {
    inline: Inline,
    header: bool,
    align: Alignment,
}

struct Row {
    cells: Vec<Cell>,
    at: Pos,
}

enum Block {
    Para(Para),
    Table {
        rows: Vec<Row>,
        columns: usize,
        indent: f32,
    },
    Rule {
        indent: f32,
        at: Pos,
    },
    PageBreak,
}

struct FieldSpec {
    name: String,
    kind: String,
    signer: Option<u32>,
    role: Option<String>,
}

/// What a `style` attribute says, within the tiny CSS subset.
#[derive(Default)]
struct Css {
    align: Option<Alignment>,
    bold: Option<bool>,
    italic: Option<bool>,
    break_before: bool,
    break_after: bool,
}

fn css(element: &Element) -> Result<Css, HtmlError> {
    let mut out = Css::default();
    let Some(attr) = element.attr("style") else {
        return Ok(out);
    };
    let tag = element.tag;
    let inline = inline_tag(tag);
    let cell = matches!(tag, "td" | "th" | "tr" | "thead" | "tbody");
    for decl in attr.value.split(';') {
        if decl.trim().is_empty() {
            continue;
        }
        let Some((prop, value)) = decl.split_once(':') else {
            return Err(err(
                attr.at,
                format!("\"{}\" is not a CSS declaration", decl.trim()),
            ));
        };
        let prop = prop.trim().to_ascii_lowercase();
        let value = value.trim().to_ascii_lowercase();
        let bad = || {
            err(
                attr.at,
                format!("the CSS \"{prop}: {value}\" on <{tag}> is outside the subset"),
            )
        };
        match prop.as_str() {
            "text-align" if !inline => {
                out.align = Some(match value.as_str() {
                    "left" | "start" => Alignment::Start,
                    "right" | "end" => Alignment::End,
                    "center" => Alignment::Center,
                    "justify" => Alignment::Justify,
                    _ => return Err(bad()),
                });
            }
            "font-weight" => {
                out.bold = Some(match value.as_str() {
                    "bold" | "700" => true,
                    "normal" | "400" => false,
                    _ => return Err(bad()),
                });
            }
            "font-style" => {
                out.italic = Some(match value.as_str() {
                    "italic" | "oblique" => true,
                    "normal" => false,
                    _ => return Err(bad()),
                });
            }
            "page-break-after" | "break-after" | "page-break-before" | "break-before"
                if !inline && !cell =>
            {
                let always = match value.as_str() {
                    "always" | "page" => true,
                    "auto" => false,
                    _ => return Err(bad()),
                };
                if prop.ends_with("before") {
                    out.break_before = always;
                } else {
                    out.break_after = always;
                }
            }
            _ => return Err(bad()),
        }
    }
    Ok(out)
}

// Page geometry in points, origin at the top left (krilla's convention): A4 with 2 cm margins.
const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 56.69;
const TOP: f32 = MARGIN;
const BOTTOM: f32 = PAGE_H - MARGIN;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
const CONTENT_H: f32 = BOTTOM - TOP;
const BODY_SIZE: f32 = 10.5;
const LIST_INDENT: f32 = 20.0;
const CELL_PAD: f32 = 4.0;

const BLACK: (u8, u8, u8) = (0x1a, 0x1a, 0x1a);
const RULE: (u8, u8, u8) = (0x9a, 0xa0, 0xa6);
const BAND: (u8, u8, u8) = (0xee, 0xf1, 0xf4);

fn body_style() -> Style {
    Style {
        size: BODY_SIZE,
        bold: false,
        italic: false,
        align: Alignment::Start,
    }
}

struct Builder<'l> {
    limits: &'l HtmlLimits,
    blocks: Vec<Block>,
    fields: Vec<FieldSpec>,
    images: Vec<Image>,
    names: HashSet<String>,
    title: Option<String>,
}

impl Builder<'_> {
    fn document(&mut self, root: &Element) -> Result<(), HtmlError> {
        let mut body: Vec<&Node> = Vec::new();
        self.unwrap(root, &mut body, 0)?;
        let mut marker = None;
        self.flow(&body, 0.0, Alignment::Start, &mut marker)
    }

    /// `<html>`, `<head>` and `<body>` are optional and may appear once each, in that order;
    /// what they hold is gathered here.
    fn unwrap<'n>(
        &mut self,
        element: &'n Element,
        body: &mut Vec<&'n Node>,
        level: u8,
    ) -> Result<(), HtmlError> {
        for node in &element.children {
            match node {
                Node::Element(e) if e.tag == "html" && level == 0 => self.unwrap(e, body, 1)?,
                Node::Element(e) if e.tag == "body" && level < 2 => self.unwrap(e, body, 2)?,
                Node::Element(e) if e.tag == "head" && level < 2 => self.head(e)?,
                _ => body.push(node),
            }
        }
        Ok(())
    }

    fn head(&mut self, head: &Element) -> Result<(), HtmlError> {
        for node in &head.children {
            match node {
                Node::Text(t, at) if !t.trim().is_empty() => {
                    return Err(err(*at, "text inside <head> outside <title>"));
                }
                Node::Text(..) => {}
                Node::Element(e) if e.tag == "title" => {
                    let mut title = String::new();
                    for child in &e.children {
                        match child {
                            Node::Text(t, _) => title.push_str(t),
                            Node::Element(x) => {
                                return Err(err(x.at, format!("<{}> inside <title>", x.tag)));
                            }
                        }
                    }
                    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
                    self.title = (!title.is_empty()).then_some(title);
                }
                Node::Element(e) if e.tag == "meta" => {
                    let utf8 = e
                        .attr("charset")
                        .is_some_and(|a| a.value.eq_ignore_ascii_case("utf-8"));
                    if !utf8 {
                        return Err(err(e.at, "only <meta charset=\"utf-8\"> is accepted"));
                    }
                }
                Node::Element(e) => {
                    return Err(err(e.at, format!("<{}> inside <head>", e.tag)));
                }
            }
        }
        Ok(())
    }

    fn flush(
        &mut self,
        run: &mut Vec<&Node>,
        indent: f32,
        align: Alignment,
        marker: &mut Option<String>,
    ) -> Result<(), HtmlError> {
        if run.is_empty() {
            return Ok(());
        }
        let at = match run[0] {
            Node::Text(_, at) => *at,
            Node::Element(e) => e.at,
        };
        let mut inline = Inline::new();
        for node in run.drain(..) {
            self.inline(node, false, false, &mut inline, "body")?;
        }
        inline.finish();
        if inline.is_empty() && marker.is_none() {
            return Ok(());
        }
        let style = Style {
            align,
            ..body_style()
        };
        self.blocks.push(Block::Para(Para {
            inline,
            style,
            indent,
            before: 0.0,
            after: BODY_SIZE * 0.6,
            marker: marker.take(),
            at,
        }));
        Ok(())
    }

    fn flow(
        &mut self,
        nodes: &[&Node],
        indent: f32,
        align: Alignment,
        marker: &mut Option<String>,
    ) -> Result<(), HtmlError> {
        let mut run: Vec<&Node> = Vec::new();
        for node in nodes {
            let element = match node {
                Node::Text(..) => {
                    run.push(node);
                    continue;
                }
                Node::Element(e) if inline_tag(e.tag) => {
                    run.push(node);
                    continue;
                }
                Node::Element(e) => e,
            };
            self.flush(&mut run, indent, align, marker)?;
            let style = css(element)?;
            if style.break_before {
                self.blocks.push(Block::PageBreak);
            }
            let align_here = style.align.unwrap_or(align);
            match element.tag {
                "p" | "h1" | "h2" | "h3" => {
                    let (size, bold, before, after) = match element.tag {
                        "h1" => (20.0, true, 14.0, 8.0),
                        "h2" => (15.5, true, 12.0, 6.0),
                        "h3" => (12.5, true, 10.0, 5.0),
                        _ => (BODY_SIZE, false, 0.0, BODY_SIZE * 0.6),
                    };
                    let bold = style.bold.unwrap_or(bold);
                    let italic = style.italic.unwrap_or(false);
                    let mut inline = Inline::new();
                    for child in &element.children {
                        self.inline(child, bold, italic, &mut inline, element.tag)?;
                    }
                    inline.finish();
                    if !inline.is_empty() || marker.is_some() {
                        self.blocks.push(Block::Para(Para {
                            inline,
                            style: Style {
                                size,
                                bold,
                                italic,
                                align: align_here,
                            },
                            indent,
                            before,
                            after,
                            marker: marker.take(),
                            at: element.at,
                        }));
                    }
                }
                "div" => {
                    let children: Vec<&Node> = element.children.iter().collect();
                    self.flow(&children, indent, align_here, marker)?;
                }
                "ul" | "ol" => {
                    self.marker_alone(indent, marker, element.at);
                    self.list(element, indent, align_here)?;
                }
                "table" => {
                    self.marker_alone(indent, marker, element.at);
                    self.table(element, indent, align_here)?;
                }
                "hr" => {
                    let page_break = match element.attr("class") {
                        Some(a) if a.value.trim() == "page-break" => true,
                        Some(a) => {
                            return Err(err(
                                a.at,
                                "the only class Signet knows is class=\"page-break\" on <hr>",
                            ));
                        }
                        None => false,
                    };
                    if page_break {
                        self.blocks.push(Block::PageBreak);
                    } else {
                        self.marker_alone(indent, marker, element.at);
                        self.blocks.push(Block::Rule {
                            indent,
                            at: element.at,
                        });
                    }
                }
                other => {
                    return Err(err(
                        element.at,
                        format!("<{other}> cannot stand here (see docs/html.md for where it may)"),
                    ));
                }
            }
            if style.break_after {
                self.blocks.push(Block::PageBreak);
            }
        }
        self.flush(&mut run, indent, align, marker)
    }

    /// A list item that starts with a list, a table or a rule: its marker stands on a line of
    /// its own.
    fn marker_alone(&mut self, indent: f32, marker: &mut Option<String>, at: Pos) {
        if let Some(m) = marker.take() {
            self.blocks.push(Block::Para(Para {
                inline: Inline::new(),
                style: body_style(),
                indent,
                before: 0.0,
                after: 0.0,
                marker: Some(m),
                at,
            }));
        }
    }

    fn list(&mut self, list: &Element, indent: f32, align: Alignment) -> Result<(), HtmlError> {
        let mut number = 0u32;
        for node in &list.children {
            match node {
                Node::Text(t, at) => {
                    if !t.trim().is_empty() {
                        return Err(err(
                            *at,
                            format!("text directly inside <{}>: put it in an <li>", list.tag),
                        ));
                    }
                }
                Node::Element(li) if li.tag == "li" => {
                    let style = css(li)?;
                    if style.break_before || style.break_after {
                        return Err(err(li.at, "page breaks are outside the subset on <li>"));
                    }
                    number += 1;
                    let mut marker = Some(if list.tag == "ol" {
                        format!("{number}.")
                    } else {
                        "•".to_string()
                    });
                    let children: Vec<&Node> = li.children.iter().collect();
                    let inner = indent + LIST_INDENT;
                    self.flow(&children, inner, style.align.unwrap_or(align), &mut marker)?;
                    self.marker_alone(inner, &mut marker, li.at);
                }
                Node::Element(e) => {
                    return Err(err(
                        e.at,
                        format!(
                            "<{}> directly inside <{}>: only <li> may be",
                            e.tag, list.tag
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    fn table(&mut self, table: &Element, indent: f32, align: Alignment) -> Result<(), HtmlError> {
        let mut rows = Vec::new();
        let mut trs: Vec<&Element> = Vec::new();
        for node in &table.children {
            match node {
                Node::Text(t, at) if !t.trim().is_empty() => {
                    return Err(err(*at, "text directly inside <table>: put it in a <td>"));
                }
                Node::Text(..) => {}
                Node::Element(e) if e.tag == "tr" => trs.push(e),
                Node::Element(e) if matches!(e.tag, "thead" | "tbody") => {
                    for inner in &e.children {
                        match inner {
                            Node::Text(t, at) if !t.trim().is_empty() => {
                                return Err(err(*at, "text outside a cell of the table"));
                            }
                            Node::Text(..) => {}
                            Node::Element(tr) if tr.tag == "tr" => trs.push(tr),
                            Node::Element(x) => {
                                return Err(err(
                                    x.at,
                                    format!("<{}> inside <{}>: only <tr> may be", x.tag, e.tag),
                                ));
                            }
                        }
                    }
                }
                Node::Element(e) => {
                    return Err(err(
                        e.at,
                        format!("<{}> directly inside <table>: only <tr> may be", e.tag),
                    ));
                }
            }
        }
        let mut columns = 0;
        for tr in trs {
            let row_align = css(tr)?.align.unwrap_or(align);
            let mut cells = Vec::new();
            for node in &tr.children {
                match node {
                    Node::Text(t, at) if !t.trim().is_empty() => {
                        return Err(err(*at, "text directly inside <tr>: put it in a <td>"));
                    }
                    Node::Text(..) => {}
                    Node::Element(td) if matches!(td.tag, "td" | "th") => {
                        let style = css(td)?;
                        let header = td.tag == "th";
                        let bold = style.bold.unwrap_or(header);
                        let italic = style.italic.unwrap_or(false);
                        let mut inline = Inline::new();
                        for child in &td.children {
                            self.inline(child, bold, italic, &mut inline, td.tag)?;
                        }
                        inline.finish();
                        cells.push(Cell {
                            inline,
                            header,
                            align: style.align.unwrap_or(row_align),
                        });
                        if cells.len() > self.limits.max_columns {
                            return Err(err(
                                td.at,
                                format!("a table of more than {} columns", self.limits.max_columns),
                            ));
                        }
                    }
                    Node::Element(e) => {
                        return Err(err(
                            e.at,
                            format!(
                                "<{}> directly inside <tr>: only <td> and <th> may be",
                                e.tag
                            ),
                        ));
                    }
                }
            }
            columns = columns.max(cells.len());
            rows.push(Row { cells, at: tr.at });
        }
        if columns > 0 {
            self.blocks.push(Block::Table {
                rows,
                columns,
                indent,
            });
        }
        Ok(())
    }

    fn inline(
        &mut self,
        node: &Node,
        bold: bool,
        italic: bool,
        out: &mut Inline,
        parent: &str,
    ) -> Result<(), HtmlError> {
        let e = match node {
            Node::Text(t, _) => {
                out.push_text(t, bold, italic);
                return Ok(());
            }
            Node::Element(e) => e,
        };
        match e.tag {
            "b" | "strong" | "i" | "em" => {
                let style = css(e)?;
                let bold = style
                    .bold
                    .unwrap_or(bold || matches!(e.tag, "b" | "strong"));
                let italic = style
                    .italic
                    .unwrap_or(italic || matches!(e.tag, "i" | "em"));
                for child in &e.children {
                    self.inline(child, bold, italic, out, e.tag)?;
                }
            }
            "br" => out.push_break(),
            "img" => {
                let (index, w, h) = self.image(e)?;
                out.push_box(BoxKind::Image(index), w, h);
            }
            "signet-field" => {
                let (index, w, h) = self.field(e)?;
                out.push_box(BoxKind::Field(index), w, h);
            }
            other => {
                return Err(err(
                    e.at,
                    format!(
                        "<{other}> inside <{parent}>: only text, <b>, <strong>, <i>, <em>, <br>, <img> and <signet-field> may be"
                    ),
                ));
            }
        }
        Ok(())
    }

    fn image(&mut self, img: &Element) -> Result<(usize, f32, f32), HtmlError> {
        if self.images.len() >= self.limits.max_images {
            return Err(err(
                img.at,
                format!("more than {} pictures", self.limits.max_images),
            ));
        }
        let Some(src) = img.attr("src") else {
            return Err(err(img.at, "<img> without src"));
        };
        let value = src.value.trim();
        let Some((head, payload)) = value
            .strip_prefix("data:")
            .and_then(|rest| rest.split_once(','))
        else {
            return Err(err(
                src.at,
                "external URLs are outside the subset: a picture is a data: URI",
            ));
        };
        let head = head.to_ascii_lowercase();
        let jpeg = match head.as_str() {
            "image/png;base64" => false,
            "image/jpeg;base64" | "image/jpg;base64" => true,
            _ => {
                return Err(err(
                    src.at,
                    "a picture is data:image/png;base64,… or data:image/jpeg;base64,…",
                ));
            }
        };
        let encoded: String = payload
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .collect();
        if encoded.len() / 4 * 3 > self.limits.max_image_bytes + 3 {
            return Err(err(
                src.at,
                format!("a picture over {} bytes", self.limits.max_image_bytes),
            ));
        }
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(encoded.as_bytes())
            .map_err(|_| err(src.at, "the picture's data is not valid base64"))?;
        if bytes.len() > self.limits.max_image_bytes {
            return Err(err(
                src.at,
                format!("a picture over {} bytes", self.limits.max_image_bytes),
            ));
        }
        // The picture is read (a PNG decoded whole) before krilla sees it, within the side limit.
        let picture = Picture::read(&bytes, self.limits.max_image_side).map_err(|e| {
            err(
                src.at,
                format!("the picture cannot be used: {}", e.to_string().trim()),
            )
        })?;
        if (picture.filter == "DCTDecode") != jpeg {
            return Err(err(
                src.at,
                "the picture's data is not of the type its URI names",
            ));
        }
        let data = Data::from(bytes);
        let image = if jpeg {
            Image::from_jpeg(data, true)
        } else {
            Image::from_png(data, true)
        }
        .map_err(|_| err(src.at, "the picture cannot be embedded"))?;
        // Natural size: a CSS pixel is 0.75 pt; width or height attributes (in pt) win, the
        // other side follows the picture's proportions.
        let (pw, ph) = (picture.width.max(1) as f32, picture.height.max(1) as f32);
        let width = length(img, "width", 1.0, CONTENT_W)?;
        let height = length(img, "height", 1.0, CONTENT_H)?;
        let (w, h) = match (width, height) {
            (Some(w), Some(h)) => (w, h),
            (Some(w), None) => (w, w * ph / pw),
            (None, Some(h)) => (h * pw / ph, h),
            (None, None) => (pw * 0.75, ph * 0.75),
        };
        let scale = (CONTENT_W / w).min(CONTENT_H * 0.9 / h).min(1.0);
        self.images.push(image);
        Ok((self.images.len() - 1, w * scale, h * scale))
    }

    fn field(&mut self, tag: &Element) -> Result<(usize, f32, f32), HtmlError> {
        if self.fields.len() >= self.limits.max_fields {
            return Err(err(
                tag.at,
                format!("more than {} fields", self.limits.max_fields),
            ));
        }
        let name = tag
            .attr("name")
            .ok_or_else(|| err(tag.at, "<signet-field> without name"))?;
        let n = name.value.trim();
        let good = !n.is_empty()
            && n.chars().count() <= 100
            && n.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
        if !good {
            return Err(err(
                name.at,
                "a field name is 1 to 100 letters, digits and _-.",
            ));
        }
        if !self.names.insert(n.to_string()) {
            return Err(err(name.at, format!("a second field named {n}")));
        }
        let kind = tag
            .attr("type")
            .ok_or_else(|| err(tag.at, "<signet-field> without type"))?;
        let k = kind.value.trim().to_ascii_lowercase();
        let Some(k) = FIELD_TYPES.iter().find(|t| **t == k) else {
            return Err(err(
                kind.at,
                format!(
                    "the field type {} is none of {}",
                    kind.value,
                    FIELD_TYPES.join(", ")
                ),
            ));
        };
        let signer = match tag.attr("signer") {
            Some(a) => Some(
                a.value
                    .trim()
                    .parse::<u32>()
                    .map_err(|_| err(a.at, "signer is the signer's index, a number from 0"))?,
            ),
            None => None,
        };
        let role = match tag.attr("role") {
            Some(a) => {
                let r = a.value.trim();
                if r.is_empty() || r.chars().count() > 100 || r.chars().any(char::is_control) {
                    return Err(err(a.at, "a role is 1 to 100 characters"));
                }
                Some(r.to_string())
            }
            None => None,
        };
        if signer.is_some() == role.is_some() {
            return Err(err(
                tag.at,
                "a <signet-field> names either signer or role (one of them)",
            ));
        }
        let (dw, dh) = match *k {
            "signature" => (180.0, 54.0),
            "initials" => (60.0, 30.0),
            "checkbox" => (14.0, 14.0),
            "image" => (120.0, 80.0),
            "date" => (100.0, 18.0),
            "number" => (80.0, 18.0),
            _ => (160.0, 18.0),
        };
        let w = length(tag, "width", 4.0, CONTENT_W)?.unwrap_or(dw);
        let h = length(tag, "height", 4.0, CONTENT_H / 2.0)?.unwrap_or(dh);
        self.fields.push(FieldSpec {
            name: n.to_string(),
            kind: (*k).to_string(),
            signer,
            role,
        });
        Ok((self.fields.len() - 1, w, h))
    }
}

/// A length attribute: a number of points, optionally followed by `pt`.
fn length(e: &Element, name: &str, min: f32, max: f32) -> Result<Option<f32>, HtmlError> {
    let Some(a) = e.attr(name) else {
        return Ok(None);
    };
    let v = a.value.trim();
    let v = v.strip_suffix("pt").unwrap_or(v).trim();
    match v.parse::<f32>() {
        Ok(n) if n.is_finite() && (min..=max).contains(&n) => Ok(Some(n)),
        _ => Err(err(
            a.at,
            format!("{name} is a number of points from {min} to {max:.0}"),
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// Laying out: parley shapes and breaks each paragraph; lines flow onto pages.

enum Op {
    Glyphs {
        bold: bool,
        skew: Option<f32>,
        size: f32,
        x: f32,
        baseline: f32,
        glyphs: Vec<KrillaGlyph>,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: (u8, u8, u8),
    },
    Image {
        index: usize,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
}

impl Op {
    fn shifted(mut self, dx: f32, dy: f32) -> Op {
        match &mut self {
            Op::Glyphs { x, baseline, .. } => {
                *x += dx;
                *baseline += dy;
            }
            Op::Rect { x, y, .. } | Op::Image { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
        }
        self
    }
}

/// One laid-out line, relative to its paragraph's top-left corner.
struct Line {
    top: f32,
    bottom: f32,
    baseline: f32,
    ops: Vec<Op>,
    boxes: Vec<(BoxKind, f32, f32, f32, f32)>,
}

struct Engine {
    fcx: FontContext,
    lcx: LayoutContext<[u8; 4]>,
}

impl Engine {
    fn new() -> Engine {
        let mut fcx = FontContext::new();
        for data in [REGULAR, BOLD] {
            fcx.collection
                .register_fonts(Blob::new(Arc::new(data)), None);
        }
        Engine {
            fcx,
            lcx: LayoutContext::new(),
        }
    }

    fn layout(&mut self, inline: &Inline, style: Style, width: f32) -> parley::Layout<[u8; 4]> {
        let mut b = self
            .lcx
            .ranged_builder(&mut self.fcx, &inline.text, 1.0, false);
        b.push_default(StyleProperty::FontFamily(FontFamily::Single(
            FontFamilyName::Named("DejaVu Sans".into()),
        )));
        b.push_default(StyleProperty::FontSize(style.size));
        b.push_default(StyleProperty::LineHeight(LineHeight::FontSizeRelative(
            1.35,
        )));
        b.push_default(StyleProperty::OverflowWrap(OverflowWrap::Anywhere));
        if style.bold {
            b.push_default(StyleProperty::FontWeight(FontWeight::BOLD));
        }
        if style.italic {
            b.push_default(StyleProperty::FontStyle(FontStyle::Italic));
        }
        for (range, bold, italic) in &inline.spans {
            if *bold {
                b.push(StyleProperty::FontWeight(FontWeight::BOLD), range.clone());
            }
            if *italic {
                b.push(StyleProperty::FontStyle(FontStyle::Italic), range.clone());
            }
        }
        for spec in &inline.boxes {
            let scale = (width / spec.w).min(1.0);
            b.push_inline_box(InlineBox {
                id: spec.kind.id(),
                kind: InlineBoxKind::InFlow,
                index: spec.index,
                width: spec.w * scale,
                height: spec.h * scale,
            });
        }
        let mut layout = b.build(&inline.text);
        layout.break_all_lines(Some(width));
        layout.align(
            style.align,
            AlignmentOptions {
                align_when_overflowing: false,
            },
        );
        layout
    }

    /// The width `inline` takes on one line, and the narrowest it can be.
    fn widths(&mut self, inline: &Inline, style: Style) -> (f32, f32) {
        let layout = self.layout(inline, style, CONTENT_W);
        let w = layout.calculate_content_widths();
        (w.min, w.max)
    }

    fn lines(&mut self, inline: &Inline, style: Style, width: f32) -> Vec<Line> {
        let layout = self.layout(inline, style, width);
        let mut out = Vec::new();
        for line in layout.lines() {
            let m = line.metrics();
            let mut ops = Vec::new();
            let mut boxes = Vec::new();
            let mut consumed: HashMap<usize, usize> = HashMap::new();
            for item in line.items() {
                match item {
                    PositionedLayoutItem::GlyphRun(gr) => {
                        let run = *gr.run();
                        let size = run.font_size().max(0.1);
                        // Every glyph of the run with the characters of its cluster; a cluster
                        // without glyphs (a ligature's tail) joins the one before it.
                        let mut all: Vec<(parley::Glyph, Range<usize>)> = Vec::new();
                        for cluster in run.visual_clusters() {
                            let range = cluster.text_range();
                            let before = all.len();
                            all.extend(cluster.glyphs().map(|g| (g, range.clone())));
                            if all.len() == before
                                && let Some(last) = all.last().map(|(_, r)| r.clone())
                                && last.end == range.start
                            {
                                for (_, r) in all.iter_mut().rev() {
                                    if *r != last {
                                        break;
                                    }
                                    r.end = range.end;
                                }
                            }
                        }
                        let count = gr.glyphs().count();
                        let start = consumed.entry(run.index()).or_insert(0);
                        let from = (*start).min(all.len());
                        let to = (*start + count).min(all.len());
                        *start += count;
                        let slice = &all[from..to];
                        let Some(lo) = slice.iter().map(|(_, r)| r.start).min() else {
                            continue;
                        };
                        let hi = slice.iter().map(|(_, r)| r.end).max().unwrap_or(lo);
                        let Some(text) = inline.text.get(lo..hi) else {
                            continue;
                        };
                        let glyphs = slice
                            .iter()
                            .map(|(g, r)| {
                                KrillaGlyph::new(
                                    GlyphId::new(g.id),
                                    g.advance / size,
                                    g.x / size,
                                    g.y / size,
                                    0.0,
                                    (r.start - lo)..(r.end - lo),
                                    None,
                                )
                            })
                            .collect();
                        let bold = std::ptr::eq(run.font().data.data().as_ptr(), BOLD.as_ptr());
                        ops.push(Op::Glyphs {
                            bold,
                            skew: run.synthesis().skew(),
                            size,
                            x: gr.offset(),
                            baseline: gr.baseline(),
                            glyphs,
                            text: text.to_string(),
                        });
                    }
                    PositionedLayoutItem::InlineBox(b) => {
                        boxes.push((BoxKind::from_id(b.id), b.x, b.y, b.width, b.height));
                    }
                }
            }
            out.push(Line {
                top: m.block_min_coord,
                bottom: m.block_max_coord,
                baseline: m.baseline,
                ops,
                boxes,
            });
        }
        if out.is_empty() {
            // An empty paragraph (a list item's marker alone) still takes a line.
            out.push(Line {
                top: 0.0,
                bottom: style.size * 1.35,
                baseline: style.size * 1.05,
                ops: Vec::new(),
                boxes: Vec::new(),
            });
        }
        out
    }
}

struct Flow {
    pages: Vec<Vec<Op>>,
    y: f32,
    placed: Vec<PlacedField>,
    pending_break: bool,
    max_pages: u32,
}

impl Flow {
    fn new_page(&mut self, at: Pos) -> Result<(), HtmlError> {
        if self.pages.len() >= self.max_pages as usize {
            return Err(err(
                at,
                format!("the document runs past {} pages here", self.max_pages),
            ));
        }
        self.pages.push(Vec::new());
        self.y = TOP;
        Ok(())
    }

    fn at_top(&self) -> bool {
        self.y <= TOP + 0.01
    }

    /// Makes room for `h` points, on a new page if the break asked for one or it does not fit.
    fn room(&mut self, h: f32, at: Pos) -> Result<(), HtmlError> {
        if self.pending_break {
            self.pending_break = false;
            if !(self.at_top() && self.pages.last().is_some_and(Vec::is_empty)) {
                return self.new_page(at);
            }
        }
        if self.y + h > BOTTOM && !self.at_top() {
            self.new_page(at)?;
        }
        Ok(())
    }

    fn space(&mut self, h: f32) {
        if !self.at_top() {
            self.y = (self.y + h).min(BOTTOM);
        }
    }

    fn emit(&mut self, line: Line, dx: f32, dy: f32, fields: &[FieldSpec]) {
        let page = self.pages.len();
        let ops = self.pages.last_mut();
        let Some(ops) = ops else { return };
        for op in line.ops {
            ops.push(op.shifted(dx, dy));
        }
        for (kind, x, y, w, h) in line.boxes {
            let (x, y) = (x + dx, y + dy);
            match kind {
                BoxKind::Image(index) => ops.push(Op::Image { index, x, y, w, h }),
                BoxKind::Field(i) => {
                    if let Some(f) = fields.get(i) {
                        self.placed.push(PlacedField {
                            name: f.name.clone(),
                            kind: f.kind.clone(),
                            signer: f.signer,
                            role: f.role.clone(),
                            page: u32::try_from(page).unwrap_or(u32::MAX),
                            x: f64::from(x / PAGE_W),
                            y: f64::from(y / PAGE_H),
                            w: f64::from(w / PAGE_W),
                            h: f64::from(h / PAGE_H),
                        });
                    }
                }
            }
        }
    }

    fn block(
        &mut self,
        engine: &mut Engine,
        block: &Block,
        fields: &[FieldSpec],
    ) -> Result<(), HtmlError> {
        match block {
            Block::PageBreak => self.pending_break = true,
            Block::Rule { indent, at } => {
                self.room(12.0, *at)?;
                self.space(4.0);
                if let Some(ops) = self.pages.last_mut() {
                    ops.push(Op::Rect {
                        x: MARGIN + indent,
                        y: self.y + 4.0,
                        w: CONTENT_W - indent,
                        h: 0.6,
                        color: RULE,
                    });
                }
                self.y += 10.0;
            }
            Block::Para(p) => {
                let width = (CONTENT_W - p.indent).max(40.0);
                let lines = engine.lines(&p.inline, p.style, width);
                let mut first = true;
                for mut line in lines {
                    let h = line.bottom - line.top;
                    self.room(h, p.at)?;
                    if first {
                        self.space(p.before);
                        // A heading keeps two lines of what follows it on its page.
                        let keep = if p.before > 0.0 { BODY_SIZE * 2.7 } else { 0.0 };
                        self.room(h + keep, p.at)?;
                        if let Some(marker) = &p.marker {
                            let mut inline = Inline::new();
                            inline.push_text(marker, p.style.bold, false);
                            let style = Style {
                                align: Alignment::Start,
                                ..p.style
                            };
                            let mark = engine.lines(&inline, style, LIST_INDENT);
                            if let Some(m) = mark.into_iter().next() {
                                let dx = -LIST_INDENT + 2.0;
                                let dy = line.baseline - m.baseline;
                                line.ops
                                    .extend(m.ops.into_iter().map(|o| o.shifted(dx, dy)));
                            }
                        }
                        first = false;
                    }
                    let dy = self.y - line.top;
                    self.emit(line, MARGIN + p.indent, dy, fields);
                    self.y += h;
                }
                self.y = (self.y + p.after).min(BOTTOM);
            }
            Block::Table {
                rows,
                columns,
                indent,
            } => self.table(engine, rows, *columns, *indent, fields)?,
        }
        Ok(())
    }

    fn table(
        &mut self,
        engine: &mut Engine,
        rows: &[Row],
        columns: usize,
        indent: f32,
        fields: &[FieldSpec],
    ) -> Result<(), HtmlError> {
        let total = CONTENT_W - indent;
        let style = |cell: &Cell| Style {
            size: BODY_SIZE,
            bold: false,
            italic: false,
            align: cell.align,
        };
        // Column widths from the text: the widest content each column holds on one line,
        // shared out so the table fills the width; never narrower than its longest word
        // while that fits, else equal.
        let mut min = vec![0.0f32; columns];
        let mut max = vec![0.0f32; columns];
        for row in rows {
            for (i, cell) in row.cells.iter().enumerate() {
                let (lo, hi) = engine.widths(&cell.inline, style(cell));
                min[i] = min[i].max(lo + 2.0 * CELL_PAD);
                max[i] = max[i].max(hi + 2.0 * CELL_PAD);
            }
        }
        let max_sum: f32 = max.iter().sum();
        let min_sum: f32 = min.iter().sum();
        let widths: Vec<f32> = if max_sum <= total && max_sum > 0.0 {
            max.iter().map(|w| w * total / max_sum).collect()
        } else if min_sum <= total {
            let spare = total - min_sum;
            let want: f32 = max.iter().zip(&min).map(|(a, b)| a - b).sum();
            max.iter()
                .zip(&min)
                .map(|(a, b)| {
                    b + if want > 0.0 {
                        spare * (a - b) / want
                    } else {
                        0.0
                    }
                })
                .collect()
        } else {
            vec![total / columns as f32; columns]
        };
        self.space(2.0);
        for row in rows {
            let mut laid = Vec::new();
            let mut height = 0.0f32;
            for (i, cell) in row.cells.iter().enumerate() {
                let lines = engine.lines(&cell.inline, style(cell), widths[i] - 2.0 * CELL_PAD);
                let h: f32 = lines.iter().map(|l| l.bottom - l.top).sum();
                height = height.max(h);
                laid.push(lines);
            }
            let height = height + 2.0 * CELL_PAD;
            if height > CONTENT_H {
                return Err(err(row.at, "a table row taller than a page"));
            }
            self.room(height, row.at)?;
            let top = self.y;
            let mut x = MARGIN + indent;
            for (i, &w) in widths.iter().enumerate() {
                let cell = row.cells.get(i);
                if let Some(ops) = self.pages.last_mut() {
                    if cell.is_some_and(|c| c.header) {
                        ops.push(Op::Rect {
                            x,
                            y: top,
                            w,
                            h: height,
                            color: BAND,
                        });
                    }
                    for (rx, ry, rw, rh) in [
                        (x, top, w, 0.5),
                        (x, top + height - 0.5, w, 0.5),
                        (x, top, 0.5, height),
                        (x + w - 0.5, top, 0.5, height),
                    ] {
                        ops.push(Op::Rect {
                            x: rx,
                            y: ry,
                            w: rw,
                            h: rh,
                            color: RULE,
                        });
                    }
                }
                x += w;
            }
            let mut x = MARGIN + indent;
            for (i, lines) in laid.into_iter().enumerate() {
                let mut y = top + CELL_PAD;
                for line in lines {
                    let h = line.bottom - line.top;
                    let dy = y - line.top;
                    self.emit(line, x + CELL_PAD, dy, fields);
                    y += h;
                }
                x += widths[i];
            }
            self.y = top + height;
        }
        self.y = (self.y + BODY_SIZE * 0.8).min(BOTTOM);
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Drawing with krilla.

fn fill(color: (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

fn draw(pages: &[Vec<Op>], images: &[Image], title: Option<&str>) -> Result<Vec<u8>, HtmlError> {
    let internal = |what: &str| err(Pos { line: 1, column: 1 }, what.to_string());
    let regular = Font::new(Data::from(REGULAR), 0)
        .ok_or_else(|| internal("the embedded font cannot be read"))?;
    let bold = Font::new(Data::from(BOLD), 0)
        .ok_or_else(|| internal("the embedded font cannot be read"))?;
    let mut document = Document::new();
    let mut metadata = Metadata::new()
        .creator("Signet".into())
        .producer("Signet".into());
    if let Some(title) = title {
        metadata = metadata.title(title.to_string());
    }
    document.set_metadata(metadata);
    for ops in pages {
        let settings =
            PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| internal("invalid page size"))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for op in ops {
            draw_op(&mut surface, op, &regular, &bold, images);
        }
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| internal(&format!("the PDF cannot be written: {e:?}")))
}

fn draw_op(surface: &mut Surface<'_>, op: &Op, regular: &Font, bold: &Font, images: &[Image]) {
    match op {
        Op::Glyphs {
            bold: is_bold,
            skew,
            size,
            x,
            baseline,
            glyphs,
            text,
        } => {
            let font = if *is_bold { bold } else { regular };
            surface.set_fill(Some(fill(BLACK)));
            let slant = skew.map(|deg| deg.to_radians().tan());
            if let Some(t) = slant {
                surface.push_transform(&Transform::from_row(1.0, 0.0, -t, 1.0, t * baseline, 0.0));
            }
            surface.draw_glyphs(
                Point::from_xy(*x, *baseline),
                glyphs,
                font.clone(),
                text,
                *size,
                false,
            );
            if slant.is_some() {
                surface.pop();
            }
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
        Op::Image { index, x, y, w, h } => {
            if let (Some(image), Some(size)) = (images.get(*index), Size::from_wh(*w, *h)) {
                surface.push_transform(&Transform::from_translate(*x, *y));
                surface.draw_image(image.clone(), size);
                surface.pop();
            }
        }
    }
}
