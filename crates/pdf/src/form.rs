//! Form fields an author places on a document: AcroForm fields created in the document's first
//! revision, each filled in its signer's own incremental revision.
//!
//! Why this shape: a validator (pyHanko, Adobe) compares each revision with the one before.
//! Fields that exist before the first signature and only change value later are "form
//! filling", which keeps every earlier signature intact; fields added or moved after a
//! signature would be "other" changes. So [`add_form_fields`] writes every field, with an
//! appearance for its empty state, before anyone signs, and a signer's revision
//! ([`FormFill`]) only sets values and appearances and fills the signer's signature field.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use crate::error::PdfError;
use crate::pdfwrite::{self, Update};

/// What a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldKind {
    /// The signer's signature: the field their signature goes in.
    Signature,
    /// The signer's initials (text).
    Initials,
    /// The signer's name (Signet fills it).
    Name,
    /// The signer's email (text).
    Email,
    /// The signing date (Signet fills it).
    Date,
    /// Free text.
    Text,
    /// A number, as text.
    Number,
    /// A check box.
    Checkbox,
    /// One of `options`.
    Select,
    /// A picture (PNG or JPEG).
    Image,
}

/// Where a field sits: page from 1; x, y, w, h fractions of the page from its top-left corner
/// as displayed (the page's CropBox, else MediaBox, with its /Rotate applied).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FieldArea {
    pub page: u32,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// A value a field holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldValue {
    /// Text, numbers, dates, the chosen option of a select.
    Text(String),
    /// A check box.
    Checked(bool),
    /// A picture: PNG or JPEG bytes.
    Image(Vec<u8>),
}

/// A field of the first revision.
#[derive(Clone, Debug, PartialEq)]
pub struct FormField {
    /// Unique in the document; the AcroForm field's /T.
    pub name: String,
    pub kind: FieldKind,
    pub area: FieldArea,
    /// The choices of a `Select`.
    pub options: Vec<String>,
    /// A prefilled value: written now, and the field is read-only.
    pub value: Option<FieldValue>,
    /// Marked required (/Ff bit 2) for viewers; Signet enforces it itself.
    pub required: bool,
}

/// What one signer's revision fills in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormFill {
    /// The field (a `Signature` field of the first revision) the signature goes in; `None`
    /// adds a signature field of its own, as for a document without fields.
    pub signature_field: Option<String>,
    /// Values by field name.
    pub values: Vec<(String, FieldValue)>,
    /// The signer's picture (PNG or JPEG: drawn, typed or uploaded), drawn as the signature's
    /// appearance instead of the text block, in `signature_field` or in a new field.
    pub signature_picture: Option<Vec<u8>>,
}

/// The widest or tallest picture a field takes, in pixels.
pub const MAX_PICTURE_SIDE: u32 = 4000;

// Field flags (ISO 32000-1 §12.7.3.1, §12.7.4.2, §12.7.4.4) and the annotation's print flag.
const FF_READ_ONLY: i64 = 1;
const FF_REQUIRED: i64 = 1 << 1;
const FF_PUSHBUTTON: i64 = 1 << 16;
const FF_COMBO: i64 = 1 << 17;
const ANNOT_PRINT: i64 = 4;

/// `input` with one more revision that adds `fields`: an AcroForm field and its widget on
/// its page for each, with an appearance for what it holds (empty, or its prefilled value).
/// Refuses a page that does not exist, a name used twice or already in the file, and a
/// `Select` without options. No fields: `input` as it is.
pub fn add_form_fields(input: Vec<u8>, fields: &[FormField]) -> Result<Vec<u8>, PdfError> {
    if fields.is_empty() {
        return Ok(input);
    }
    let doc = pdfwrite::load_structure(&input)?;
    let pages = doc.get_pages();
    let mut taken: HashSet<String> = form_fields(&doc).into_keys().collect();
    let mut update = Update::new(&doc);
    let mut widgets: Vec<ObjectId> = Vec::new();
    let mut per_page: BTreeMap<ObjectId, Vec<ObjectId>> = BTreeMap::new();
    let mut shared = SharedAppearances::default();
    // One resources object (Helvetica as /Helv) for the form's /DR and every appearance:
    // each later revision parses every object of the file, and a reference costs a fraction
    // of the dictionaries it stands for.
    let helv = match form_text_resources(&doc) {
        Some(resources) => resources,
        None => {
            let id = update.reserve_id();
            update.set(id, Object::Dictionary(helvetica_resources()));
            Object::Reference(id)
        }
    };
    // A field's /DA is inherited from the form's, which is Signet's own unless the document
    // brought another (ISO 32000-1 §12.7.3.3).
    let inherit_da = form_da(&doc).is_none_or(|da| da == text_da());
    for field in fields {
        let refuse = |reason: &str| PdfError::Field {
            name: field.name.clone(),
            reason: reason.into(),
        };
        if field.name.is_empty() || field.name.contains('.') {
            return Err(refuse("a name must be given and hold no dot"));
        }
        if !taken.insert(field.name.clone()) {
            return Err(refuse("the name is already a field of the document"));
        }
        let page_id = *pages
            .get(&field.area.page)
            .ok_or_else(|| refuse(&format!("page {} does not exist", field.area.page)))?;
        let a = field.area;
        if !(a.x >= 0.0
            && a.y >= 0.0
            && a.w > 0.0
            && a.h > 0.0
            && a.x + a.w <= 1.0 + 1e-9
            && a.y + a.h <= 1.0 + 1e-9)
        {
            return Err(refuse("the area lies outside the page"));
        }
        if field.kind == FieldKind::Select && field.options.is_empty() {
            return Err(refuse("a select needs options"));
        }
        let place = Placement::on(&doc, page_id, a);
        let id = update.reserve_id();
        let mut dict = Dictionary::new();
        // /Type /Annot is optional and left out: every later revision parses each field.
        dict.set("Subtype", Object::Name(b"Widget".to_vec()));
        dict.set("T", pdfwrite::text_string(&field.name));
        dict.set("F", Object::Integer(ANNOT_PRINT));
        dict.set("P", Object::Reference(page_id));
        dict.set(
            "Rect",
            Object::Array(place.rect.iter().map(|&v| Object::Real(v)).collect()),
        );
        if place.rotate != 0 {
            let mut mk = Dictionary::new();
            mk.set("R", Object::Integer(place.rotate));
            dict.set("MK", Object::Dictionary(mk));
        }
        let mut flags = if field.required { FF_REQUIRED } else { 0 };
        if field.value.is_some() {
            flags |= FF_READ_ONLY;
        }
        match field.kind {
            FieldKind::Signature => {
                dict.set("FT", Object::Name(b"Sig".to_vec()));
            }
            FieldKind::Checkbox => {
                dict.set("FT", Object::Name(b"Btn".to_vec()));
                let on = matches!(field.value, Some(FieldValue::Checked(true)));
                let state = if on { b"Yes".to_vec() } else { b"Off".to_vec() };
                dict.set("V", Object::Name(state.clone()));
                dict.set("AS", Object::Name(state));
            }
            FieldKind::Image => {
                dict.set("FT", Object::Name(b"Btn".to_vec()));
                flags |= FF_PUSHBUTTON;
            }
            FieldKind::Select => {
                dict.set("FT", Object::Name(b"Ch".to_vec()));
                flags |= FF_COMBO;
                dict.set(
                    "Opt",
                    Object::Array(
                        field
                            .options
                            .iter()
                            .map(|o| pdfwrite::text_string(o))
                            .collect(),
                    ),
                );
            }
            _ => {
                dict.set("FT", Object::Name(b"Tx".to_vec()));
            }
        }
        if field.kind != FieldKind::Signature && field.kind != FieldKind::Image && !inherit_da {
            dict.set("DA", text_da());
        }
        if flags != 0 {
            dict.set("Ff", Object::Integer(flags));
        }
        let ap = match (field.kind, &field.value) {
            (FieldKind::Checkbox, _) => {
                let yes = shared.add(&mut update, checkbox_appearance(&place, true));
                let off = shared.add(&mut update, checkbox_appearance(&place, false));
                let mut states = Dictionary::new();
                states.set("Yes", Object::Reference(yes));
                states.set("Off", Object::Reference(off));
                Object::Dictionary(states)
            }
            (_, Some(value)) => {
                set_value(&mut dict, field.kind, value)?;
                Object::Reference(appearance_for(
                    &mut update,
                    &place,
                    field.kind,
                    value,
                    &field.name,
                    &helv,
                )?)
            }
            (_, None) => Object::Reference(
                shared.add(&mut update, empty_appearance(&place, field.kind, &helv)),
            ),
        };
        let mut ap_dict = Dictionary::new();
        ap_dict.set("N", ap);
        dict.set("AP", Object::Dictionary(ap_dict));
        update.set(id, Object::Dictionary(dict));
        widgets.push(id);
        per_page.entry(page_id).or_default().push(id);
    }
    for (page_id, ids) in &per_page {
        add_annotations(&mut update, *page_id, ids)?;
    }
    let signatures = fields.iter().any(|f| f.kind == FieldKind::Signature);
    add_to_acroform(&mut update, &widgets, signatures, Some(&helv))?;
    let (out, _) = update.append_to(input)?;
    Ok(out)
}

/// Appearance streams written once for every field that draws the same: empty fields of one
/// size and kind, check boxes of one size. Every later revision parses each object of the
/// file, so a form of many like fields costs far less to sign when they share them.
#[derive(Default)]
struct SharedAppearances {
    by_bytes: HashMap<Vec<u8>, ObjectId>,
}

impl SharedAppearances {
    /// The id of an appearance drawing exactly as `stream`, added to `update` if new.
    fn add(&mut self, update: &mut Update<'_>, stream: Stream) -> ObjectId {
        let object = Object::Stream(stream);
        let mut key = Vec::new();
        pdfwrite::write_object(&mut key, &object);
        if let Some(&id) = self.by_bytes.get(&key) {
            return id;
        }
        let id = update.reserve_id();
        update.set(id, object);
        self.by_bytes.insert(key, id);
        id
    }
}

/// Fills `fill.values` in the revision `update` is building: each field's value and its
/// appearance, drawn anew (the field's widget and earlier appearances stay as they were, so a
/// validator sees form filling).
/// `fields` is the document's form as [`form_fields`] reads it, walked once per revision.
pub(crate) fn fill_values(
    update: &mut Update<'_>,
    fields: &HashMap<String, ObjectId>,
    fill: &FormFill,
) -> Result<(), PdfError> {
    if fill.values.is_empty() {
        return Ok(());
    }
    let helv = text_resources(update.doc);
    for (name, value) in &fill.values {
        let refuse = |reason: &str| PdfError::Field {
            name: name.clone(),
            reason: reason.into(),
        };
        let id = *fields
            .get(name)
            .ok_or_else(|| refuse("no such field in the document"))?;
        let mut object = update.get(id)?;
        let dict = object
            .as_dict_mut()
            .map_err(|_| refuse("the field is not a dictionary"))?;
        let kind = kind_of(dict).ok_or_else(|| refuse("the field's type cannot be filled"))?;
        let place = Placement::of_widget(update.doc, dict)?;
        set_value(dict, kind, value).map_err(|e| match e {
            PdfError::Field { .. } => e,
            other => refuse(&other.to_string()),
        })?;
        if kind == FieldKind::Checkbox {
            // The on and off appearances exist since the first revision; /AS picks one.
        } else {
            let ap = appearance_for(update, &place, kind, value, name, &helv)?;
            let mut ap_dict = Dictionary::new();
            ap_dict.set("N", Object::Reference(ap));
            dict.set("AP", Object::Dictionary(ap_dict));
        }
        update.set(id, object);
    }
    Ok(())
}

/// Puts the signature `sig_id` in the empty signature field `name` with the appearance
/// `lines` (the visible block's text) or `picture`, drawn to the field's size.
pub(crate) fn fill_signature_field(
    update: &mut Update<'_>,
    fields: &HashMap<String, ObjectId>,
    name: &str,
    sig_id: ObjectId,
    lines: &[String],
    picture: Option<&[u8]>,
) -> Result<(), PdfError> {
    let refuse = |reason: &str| PdfError::Field {
        name: name.into(),
        reason: reason.into(),
    };
    let id = *fields
        .get(name)
        .ok_or_else(|| refuse("no such field in the document"))?;
    let mut object = update.get(id)?;
    let dict = object
        .as_dict_mut()
        .map_err(|_| refuse("the field is not a dictionary"))?;
    if kind_of(dict) != Some(FieldKind::Signature) {
        return Err(refuse("not a signature field"));
    }
    if dict.has(b"V") {
        return Err(refuse("the field is already signed"));
    }
    let place = Placement::of_widget(update.doc, dict)?;
    dict.set("V", Object::Reference(sig_id));
    let ap = update.reserve_id();
    let stream = match picture {
        Some(bytes) => {
            let (image, size) = picture_object(update, bytes)?;
            picture_appearance(&place, image, size)
        }
        None => lines_appearance(&place, lines, &text_resources(update.doc)),
    };
    update.set(ap, Object::Stream(stream));
    let mut ap_dict = Dictionary::new();
    ap_dict.set("N", Object::Reference(ap));
    dict.set("AP", Object::Dictionary(ap_dict));
    update.set(id, object);
    Ok(())
}

/// The field's kind as Signet wrote it, read back from its dictionary.
fn kind_of(dict: &Dictionary) -> Option<FieldKind> {
    let ft = dict.get(b"FT").ok()?.as_name().ok()?;
    let flags = dict
        .get(b"Ff")
        .ok()
        .and_then(|f| f.as_i64().ok())
        .unwrap_or(0);
    match ft {
        b"Sig" => Some(FieldKind::Signature),
        b"Tx" => Some(FieldKind::Text),
        b"Ch" => Some(FieldKind::Select),
        b"Btn" if flags & FF_PUSHBUTTON != 0 => Some(FieldKind::Image),
        b"Btn" => Some(FieldKind::Checkbox),
        _ => None,
    }
}

/// Writes the value into the field's dictionary (/V, and /AS for a check box).
fn set_value(dict: &mut Dictionary, kind: FieldKind, value: &FieldValue) -> Result<(), PdfError> {
    let wrong = |what: &str| PdfError::Field {
        name: dict
            .get(b"T")
            .ok()
            .and_then(|t| t.as_str().ok())
            .map(pdfwrite::decode_text)
            .unwrap_or_default(),
        reason: format!("takes {what}"),
    };
    match (kind, value) {
        (FieldKind::Checkbox, FieldValue::Checked(on)) => {
            let state = if *on {
                b"Yes".to_vec()
            } else {
                b"Off".to_vec()
            };
            dict.set("V", Object::Name(state.clone()));
            dict.set("AS", Object::Name(state));
        }
        (FieldKind::Checkbox, _) => return Err(wrong("true or false")),
        (FieldKind::Image, FieldValue::Image(_)) => {
            // A push button has no value; the picture is its appearance.
        }
        (FieldKind::Image, _) => return Err(wrong("a picture")),
        (FieldKind::Signature, _) => return Err(wrong("a signature, not a value")),
        (_, FieldValue::Text(text)) => {
            dict.set("V", pdfwrite::text_string(text));
        }
        (_, _) => return Err(wrong("text")),
    }
    Ok(())
}

/// A new appearance stream object for a field holding `value`; its id.
fn appearance_for(
    update: &mut Update<'_>,
    place: &Placement,
    kind: FieldKind,
    value: &FieldValue,
    name: &str,
    helv: &Object,
) -> Result<ObjectId, PdfError> {
    let ap = update.reserve_id();
    let stream = match value {
        FieldValue::Image(bytes) => {
            let (image, size) = picture_object(update, bytes)?;
            picture_appearance(place, image, size)
        }
        FieldValue::Text(text) => text_appearance(place, text, helv),
        FieldValue::Checked(on) => {
            if kind != FieldKind::Checkbox {
                return Err(PdfError::Field {
                    name: name.into(),
                    reason: "takes text, not true or false".into(),
                });
            }
            checkbox_appearance(place, *on)
        }
    };
    update.set(ap, Object::Stream(stream));
    Ok(ap)
}

/// Every terminal form field of the document by its full name, with its object id (fields
/// that are direct objects cannot be updated and are left out).
pub(crate) fn form_fields(doc: &Document) -> HashMap<String, ObjectId> {
    let mut out = HashMap::new();
    let Some(fields) = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"AcroForm").ok())
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok())
        .and_then(|f| f.get(b"Fields").ok())
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_array().ok())
    else {
        return out;
    };
    let mut stack: Vec<(Object, String, u32)> = fields
        .iter()
        .map(|f| (f.clone(), String::new(), 0))
        .collect();
    let mut seen = HashSet::new();
    // A form of more than this many fields is not one Signet can be asked to fill.
    let mut budget = 100_000usize;
    while let Some((field, prefix, depth)) = stack.pop() {
        budget = budget.saturating_sub(1);
        if depth > 32 || budget == 0 {
            continue;
        }
        let Object::Reference(id) = field else {
            continue;
        };
        if !seen.insert(id) {
            continue;
        }
        let Ok(dict) = doc.get_dictionary(id) else {
            continue;
        };
        let partial = dict
            .get(b"T")
            .ok()
            .and_then(|t| t.as_str().ok())
            .map(pdfwrite::decode_text)
            .unwrap_or_default();
        let name = match (prefix.is_empty(), partial.is_empty()) {
            (true, _) => partial,
            (false, true) => prefix.clone(),
            (false, false) => format!("{prefix}.{partial}"),
        };
        let kids = dict
            .get(b"Kids")
            .and_then(|k| doc.dereference(k))
            .ok()
            .and_then(|(_, o)| o.as_array().ok());
        match kids {
            Some(kids) if !kids.is_empty() => {
                for kid in kids {
                    stack.push((kid.clone(), name.clone(), depth + 1));
                }
                // A field whose kids are only widgets is still a field by its own name.
                if !name.is_empty() {
                    out.entry(name).or_insert(id);
                }
            }
            _ => {
                if !name.is_empty() {
                    out.entry(name).or_insert(id);
                }
            }
        }
    }
    out
}

/// Adds the widgets to the page's /Annots (direct or indirect, or a new array).
pub(crate) fn add_annotations(
    update: &mut Update<'_>,
    page_id: ObjectId,
    widgets: &[ObjectId],
) -> Result<(), PdfError> {
    let refs = widgets.iter().map(|&w| Object::Reference(w));
    let mut page = update.get(page_id)?;
    let page_dict = page
        .as_dict_mut()
        .map_err(|_| PdfError::Malformed("page is not a dictionary".into()))?;
    match page_dict.get(b"Annots").cloned() {
        Ok(Object::Reference(annots_id)) => {
            let mut annots = update.get(annots_id)?;
            annots
                .as_array_mut()
                .map_err(|_| PdfError::Malformed("/Annots is not an array".into()))?
                .extend(refs);
            update.set(annots_id, annots);
        }
        Ok(Object::Array(mut annots)) => {
            annots.extend(refs);
            page_dict.set("Annots", Object::Array(annots));
            update.set(page_id, page);
        }
        _ => {
            page_dict.set("Annots", Object::Array(refs.collect()));
            update.set(page_id, page);
        }
    }
    Ok(())
}

/// Adds the fields to the AcroForm (indirect, direct in the catalog, or a new one);
/// `signatures`: set /SigFlags (signatures exist, append only); `text`: give the form the
/// default font its text fields' /DA names, if it has none.
pub(crate) fn add_to_acroform(
    update: &mut Update<'_>,
    fields: &[ObjectId],
    signatures: bool,
    text: Option<&Object>,
) -> Result<(), PdfError> {
    let doc = update.doc;
    let root_id = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|_| PdfError::Malformed("the trailer has no /Root".into()))?;
    let mut catalog = update.get(root_id)?;
    let catalog_dict = catalog
        .as_dict_mut()
        .map_err(|_| PdfError::Malformed("the catalog is not a dictionary".into()))?;
    let with_fields = |update: &mut Update<'_>, form: &mut Dictionary| -> Result<(), PdfError> {
        if signatures {
            form.set("SigFlags", Object::Integer(3));
        }
        let refs = fields.iter().map(|&f| Object::Reference(f));
        match form.get(b"Fields").cloned() {
            Ok(Object::Reference(fields_id)) => {
                let mut list = update.get(fields_id)?;
                list.as_array_mut()
                    .map_err(|_| PdfError::Malformed("/Fields is not an array".into()))?
                    .extend(refs);
                update.set(fields_id, list);
            }
            Ok(Object::Array(mut list)) => {
                list.extend(refs);
                form.set("Fields", Object::Array(list));
            }
            _ => form.set("Fields", Object::Array(refs.collect())),
        }
        // Text fields name /Helv in their /DA: the form's resources must have it.
        let has_helv = form
            .get(b"DR")
            .ok()
            .and_then(|dr| update.doc.dereference(dr).ok())
            .and_then(|(_, dr)| dr.as_dict().ok())
            .and_then(|dr| dr.get(b"Font").ok())
            .and_then(|f| update.doc.dereference(f).ok())
            .and_then(|(_, f)| f.as_dict().ok())
            .is_some_and(|f| f.has(b"Helv"));
        if let Some(helv) = text {
            if !has_helv && !form.has(b"DR") {
                form.set("DR", helv.clone());
            }
            if !form.has(b"DA") {
                form.set("DA", text_da());
            }
        }
        Ok(())
    };
    match catalog_dict.get(b"AcroForm").cloned() {
        Ok(Object::Reference(form_id)) => {
            let mut form = update.get(form_id)?;
            let form_dict = form
                .as_dict_mut()
                .map_err(|_| PdfError::Malformed("/AcroForm is not a dictionary".into()))?;
            with_fields(update, form_dict)?;
            update.set(form_id, form);
        }
        Ok(Object::Dictionary(mut form)) => {
            with_fields(update, &mut form)?;
            catalog_dict.set("AcroForm", Object::Dictionary(form));
            update.set(root_id, catalog);
        }
        _ => {
            let form_id = update.reserve_id();
            let mut form = Dictionary::new();
            with_fields(update, &mut form)?;
            update.set(form_id, Object::Dictionary(form));
            catalog_dict.set("AcroForm", Object::Reference(form_id));
            update.set(root_id, catalog);
        }
    }
    Ok(())
}

/// Where a widget sits: its rectangle in the page's user space, its size as the reader sees
/// it (rotated pages swap width and height) and the page's rotation.
struct Placement {
    rect: [f32; 4],
    /// Width and height as displayed.
    w: f32,
    h: f32,
    /// The page's /Rotate: 0, 90, 180 or 270.
    rotate: i64,
}

impl Placement {
    /// The widget rectangle for `area` (fractions from the top-left corner as displayed).
    fn on(doc: &Document, page_id: ObjectId, area: FieldArea) -> Placement {
        let [x0, y0, x1, y1] = visible_box(doc, page_id);
        let rotate = page_rotation(doc, page_id);
        let (pw, ph) = ((x1 - x0) as f64, (y1 - y0) as f64);
        let (fx, fy, fw, fh) = (area.x, area.y, area.w, area.h);
        // Rectangles in user space, by how the page turns clockwise for display.
        let r = match rotate {
            90 => [
                x0 as f64 + fy * pw,
                y0 as f64 + fx * ph,
                x0 as f64 + (fy + fh) * pw,
                y0 as f64 + (fx + fw) * ph,
            ],
            180 => [
                x1 as f64 - (fx + fw) * pw,
                y0 as f64 + fy * ph,
                x1 as f64 - fx * pw,
                y0 as f64 + (fy + fh) * ph,
            ],
            270 => [
                x1 as f64 - (fy + fh) * pw,
                y1 as f64 - (fx + fw) * ph,
                x1 as f64 - fy * pw,
                y1 as f64 - fx * ph,
            ],
            _ => [
                x0 as f64 + fx * pw,
                y1 as f64 - (fy + fh) * ph,
                x0 as f64 + (fx + fw) * pw,
                y1 as f64 - fy * ph,
            ],
        };
        let rect = r.map(|v| v as f32);
        Placement::from_rect(rect, rotate)
    }

    fn from_rect(rect: [f32; 4], rotate: i64) -> Placement {
        let (w, h) = ((rect[2] - rect[0]).abs(), (rect[3] - rect[1]).abs());
        let (w, h) = if rotate == 90 || rotate == 270 {
            (h, w)
        } else {
            (w, h)
        };
        Placement { rect, w, h, rotate }
    }

    /// The placement of a widget already in the file.
    fn of_widget(doc: &Document, widget: &Dictionary) -> Result<Placement, PdfError> {
        let rect: Vec<f32> = widget
            .get(b"Rect")
            .and_then(|r| doc.dereference(r))
            .ok()
            .and_then(|(_, r)| r.as_array().ok())
            .map(|a| a.iter().filter_map(|v| v.as_float().ok()).collect())
            .unwrap_or_default();
        let [a, b, c, d] = rect[..] else {
            return Err(PdfError::Malformed("a field's widget has no /Rect".into()));
        };
        let rotate = widget
            .get(b"MK")
            .ok()
            .and_then(|mk| doc.dereference(mk).ok())
            .and_then(|(_, mk)| mk.as_dict().ok())
            .and_then(|mk| mk.get(b"R").ok())
            .and_then(|r| r.as_i64().ok())
            .unwrap_or(0)
            .rem_euclid(360);
        Ok(Placement::from_rect(
            [a.min(c), b.min(d), a.max(c), b.max(d)],
            rotate,
        ))
    }

    /// A form XObject of the displayed size whose content reads upright on the turned page.
    fn stream(&self, content: Vec<u8>, resources: Object) -> Stream {
        let mut dict = Dictionary::new();
        // /Type /XObject is optional and left out: every later revision parses each of these.
        dict.set("Subtype", Object::Name(b"Form".to_vec()));
        dict.set(
            "BBox",
            Object::Array(vec![
                0.into(),
                0.into(),
                Object::Real(self.w),
                Object::Real(self.h),
            ]),
        );
        // The page turns clockwise for display, so the appearance turns the other way.
        let matrix: Option<[i64; 4]> = match self.rotate {
            90 => Some([0, 1, -1, 0]),
            180 => Some([-1, 0, 0, -1]),
            270 => Some([0, -1, 1, 0]),
            _ => None,
        };
        if let Some(m) = matrix {
            let mut array: Vec<Object> = m.iter().map(|&v| Object::Integer(v)).collect();
            array.extend([Object::Integer(0), Object::Integer(0)]);
            dict.set("Matrix", Object::Array(array));
        }
        dict.set("Resources", resources);
        Stream::new(dict, content)
    }
}

/// The page's visible box: the CropBox within the MediaBox, else the MediaBox, inherited
/// through the page tree; A4 when neither is there.
fn visible_box(doc: &Document, page_id: ObjectId) -> [f32; 4] {
    let read = |key: &[u8]| -> Option<[f32; 4]> {
        let v = inherited(doc, page_id, key)?;
        let v: Vec<f32> = v
            .as_array()
            .ok()?
            .iter()
            .filter_map(|o| o.as_float().ok())
            .collect();
        match v[..] {
            [a, b, c, d] if (c - a).abs() > 1.0 && (d - b).abs() > 1.0 => {
                Some([a.min(c), b.min(d), a.max(c), b.max(d)])
            }
            _ => None,
        }
    };
    let media = read(b"MediaBox").unwrap_or([0.0, 0.0, 595.0, 842.0]);
    // The CropBox as it is shown: within the MediaBox (as the renderer and the anchor
    // search take it, so an anchor's area and a field's rectangle agree).
    match read(b"CropBox") {
        Some([a, b, c, d]) => {
            let clipped = [
                a.max(media[0]),
                b.max(media[1]),
                c.min(media[2]),
                d.min(media[3]),
            ];
            if clipped[2] - clipped[0] > 1.0 && clipped[3] - clipped[1] > 1.0 {
                clipped
            } else {
                media
            }
        }
        None => media,
    }
}

/// The page's /Rotate, inherited, as 0, 90, 180 or 270.
fn page_rotation(doc: &Document, page_id: ObjectId) -> i64 {
    let r = inherited(doc, page_id, b"Rotate")
        .and_then(|r| r.as_i64().ok())
        .unwrap_or(0)
        .rem_euclid(360);
    if r % 90 == 0 { r } else { 0 }
}

/// A page attribute, from the page or the nearest ancestor that has it.
fn inherited(doc: &Document, page_id: ObjectId, key: &[u8]) -> Option<Object> {
    let mut id = Some(page_id);
    for _ in 0..32 {
        let dict = doc.get_dictionary(id?).ok()?;
        if let Ok(v) = dict.get(key)
            && let Ok((_, v)) = doc.dereference(v)
        {
            return Some(v.clone());
        }
        id = dict.get(b"Parent").and_then(Object::as_reference).ok();
    }
    None
}

/// The form's /DA, if it has one.
fn form_da(doc: &Document) -> Option<Object> {
    let form = doc.catalog().ok()?.get(b"AcroForm").ok()?;
    let form = doc.dereference(form).ok()?.1.as_dict().ok()?;
    let da = form.get(b"DA").ok()?;
    Some(doc.dereference(da).ok()?.1.clone())
}

fn text_da() -> Object {
    Object::String(b"/Helv 0 Tf 0 g".to_vec(), StringFormat::Literal)
}

/// Resources naming Helvetica (WinAnsi) as /Helv: the font of every text Signet draws in a
/// form.
fn helvetica_resources() -> Dictionary {
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type1".to_vec()));
    font.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    font.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
    let mut fonts = Dictionary::new();
    fonts.set("Helv", Object::Dictionary(font));
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts));
    resources
}

/// The form's /DR when it is an indirect object holding exactly [`helvetica_resources`] (as
/// Signet's forms have it), to be referred to instead of written again.
fn form_text_resources(doc: &Document) -> Option<Object> {
    let form = doc.catalog().ok()?.get(b"AcroForm").ok()?;
    let form = doc.dereference(form).ok()?.1.as_dict().ok()?;
    let Ok(Object::Reference(id)) = form.get(b"DR") else {
        return None;
    };
    let dr = doc.get_dictionary(*id).ok()?;
    (dr == &helvetica_resources()).then_some(Object::Reference(*id))
}

/// The resources for text in an appearance: the form's own (a reference), else written out.
fn text_resources(doc: &Document) -> Object {
    form_text_resources(doc).unwrap_or_else(|| Object::Dictionary(helvetica_resources()))
}

/// An empty field: a light frame, so the place shows in a viewer and when printed; a
/// signature field also says where to sign.
fn empty_appearance(place: &Placement, kind: FieldKind, helv: &Object) -> Stream {
    let (w, h) = (place.w, place.h);
    let mut c = String::new();
    let _ = writeln!(
        c,
        "q 0.6 0.65 0.8 RG 0.5 w 0.25 0.25 {:.2} {:.2} re S Q",
        (w - 0.5).max(0.0),
        (h - 0.5).max(0.0)
    );
    let mut body = c.into_bytes();
    if kind == FieldKind::Signature {
        let size = (h * 0.3).clamp(4.0, 9.0);
        body.extend_from_slice(
            format!(
                "BT /Helv {size:.1} Tf 0.45 0.5 0.65 rg 3 {:.2} Td (Sign here) Tj ET\n",
                (h - size) / 2.0
            )
            .as_bytes(),
        );
    }
    place.stream(body, helv.clone())
}

/// One line of text, vertically centred, shrunk to fit (never below 4 pt) and cut with an
/// ellipsis beyond; the field's /V keeps the whole value.
fn text_appearance(place: &Placement, text: &str, helv: &Object) -> Stream {
    let (w, h) = (place.w, place.h);
    let pad = 2.0f32;
    let mut size = (h * 0.7).clamp(4.0, 12.0);
    let width = |s: &str, size: f32| helvetica_width(s) * size / 1000.0;
    while size > 4.0 && width(text, size) > w - 2.0 * pad {
        size -= 0.5;
    }
    let mut shown: String = text.to_string();
    if width(&shown, size) > w - 2.0 * pad {
        while !shown.is_empty() && width(&format!("{shown}..."), size) > w - 2.0 * pad {
            shown.pop();
        }
        shown.push_str("...");
    }
    let mut c = b"/Tx BMC q BT ".to_vec();
    c.extend_from_slice(
        format!(
            "/Helv {size:.1} Tf 0 g {pad:.1} {:.2} Td (",
            ((h - size * 0.72) / 2.0).max(0.5)
        )
        .as_bytes(),
    );
    c.extend_from_slice(&win_ansi_escaped(&shown));
    c.extend_from_slice(b") Tj ET Q EMC\n");
    place.stream(c, helv.clone())
}

/// A check box's appearance: a frame, with a tick when on.
fn checkbox_appearance(place: &Placement, on: bool) -> Stream {
    let (w, h) = (place.w, place.h);
    let mut c = String::new();
    let _ = writeln!(
        c,
        "q 0.3 0.3 0.35 RG 0.8 w 0.4 0.4 {:.2} {:.2} re S Q",
        (w - 0.8).max(0.0),
        (h - 0.8).max(0.0)
    );
    if on {
        let s = w.min(h);
        let (ox, oy) = ((w - s) / 2.0, (h - s) / 2.0);
        let _ = writeln!(
            c,
            "q 0 g {:.2} w 1 J 1 j {:.2} {:.2} m {:.2} {:.2} l {:.2} {:.2} l S Q",
            (s * 0.12).max(0.8),
            ox + s * 0.2,
            oy + s * 0.5,
            ox + s * 0.42,
            oy + s * 0.25,
            ox + s * 0.8,
            oy + s * 0.78,
        );
    }
    place.stream(c.into_bytes(), Object::Dictionary(Dictionary::new()))
}

/// The lines of a signature (who, when, what level), stacked and shrunk to fit the field.
fn lines_appearance(place: &Placement, lines: &[String], helv: &Object) -> Stream {
    let (w, h) = (place.w, place.h);
    let n = lines.len().max(1) as f32;
    let mut size = (h / (n * 1.25 + 0.5)).clamp(3.0, 9.0);
    let longest = lines
        .iter()
        .map(|l| helvetica_width(l))
        .fold(0.0f32, f32::max);
    while size > 3.0 && longest * size / 1000.0 > w - 6.0 {
        size -= 0.25;
    }
    let leading = size * 1.25;
    let mut c = String::new();
    let _ = writeln!(
        c,
        "q 0.95 0.96 0.99 rg 0 0 {w:.2} {h:.2} re f 0.25 0.3 0.55 RG 0.8 w 0.4 0.4 {:.2} {:.2} re S Q",
        (w - 0.8).max(0.0),
        (h - 0.8).max(0.0)
    );
    let top = (h + n * leading) / 2.0 - size;
    let _ = write!(
        c,
        "BT /Helv {size:.2} Tf 0.1 0.1 0.1 rg {leading:.2} TL 3 {top:.2} Td "
    );
    let mut body = c.into_bytes();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            body.extend_from_slice(b"T* ");
        }
        body.push(b'(');
        body.extend_from_slice(&win_ansi_escaped(line));
        body.extend_from_slice(b") Tj\n");
    }
    body.extend_from_slice(b"ET\n");
    place.stream(body, helv.clone())
}

/// A picture scaled to fit the field, centred, its proportions kept.
fn picture_appearance(place: &Placement, image: ObjectId, (iw, ih): (u32, u32)) -> Stream {
    let (w, h) = (place.w, place.h);
    let scale = (w / iw.max(1) as f32).min(h / ih.max(1) as f32);
    let (dw, dh) = (iw as f32 * scale, ih as f32 * scale);
    let content = format!(
        "q {dw:.3} 0 0 {dh:.3} {:.3} {:.3} cm /Img Do Q\n",
        (w - dw) / 2.0,
        (h - dh) / 2.0
    );
    let mut xobjects = Dictionary::new();
    xobjects.set("Img", Object::Reference(image));
    let mut resources = Dictionary::new();
    resources.set("XObject", Object::Dictionary(xobjects));
    place.stream(content.into_bytes(), Object::Dictionary(resources))
}

/// A new image object for PNG or JPEG bytes: its id and size in pixels.
pub(crate) fn picture_object(
    update: &mut Update<'_>,
    bytes: &[u8],
) -> Result<(ObjectId, (u32, u32)), PdfError> {
    let image = update.reserve_id();
    let (xobject, size) = picture_xobject(update, bytes)?;
    update.set(image, Object::Stream(xobject));
    Ok((image, size))
}

/// An image XObject for PNG or JPEG bytes, and its size in pixels. A JPEG goes in as it is
/// (DCTDecode); a PNG is decoded and deflated, its transparency as a soft mask.
fn picture_xobject(
    update: &mut Update<'_>,
    bytes: &[u8],
) -> Result<(Stream, (u32, u32)), PdfError> {
    let picture = crate::picture::Picture::read(bytes, MAX_PICTURE_SIDE)?;
    let (w, h) = (picture.width, picture.height);
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"XObject".to_vec()));
    dict.set("Subtype", Object::Name(b"Image".to_vec()));
    dict.set("Width", Object::Integer(w as i64));
    dict.set("Height", Object::Integer(h as i64));
    dict.set("BitsPerComponent", Object::Integer(8));
    dict.set(
        "ColorSpace",
        Object::Name(picture.color_space.as_bytes().to_vec()),
    );
    dict.set("Filter", Object::Name(picture.filter.as_bytes().to_vec()));
    if picture.filter == "DCTDecode" && picture.color_space == "DeviceCMYK" {
        // Adobe's CMYK JPEGs are stored inverted.
        dict.set(
            "Decode",
            Object::Array(
                [1, 0, 1, 0, 1, 0, 1, 0]
                    .iter()
                    .map(|&v| Object::Integer(v))
                    .collect(),
            ),
        );
    }
    if let Some(alpha) = picture.alpha {
        let mask_id = update.reserve_id();
        let mut mask = Dictionary::new();
        mask.set("Type", Object::Name(b"XObject".to_vec()));
        mask.set("Subtype", Object::Name(b"Image".to_vec()));
        mask.set("Width", Object::Integer(w as i64));
        mask.set("Height", Object::Integer(h as i64));
        mask.set("BitsPerComponent", Object::Integer(8));
        mask.set("ColorSpace", Object::Name(b"DeviceGray".to_vec()));
        mask.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        update.set(mask_id, Object::Stream(Stream::new(mask, alpha)));
        dict.set("SMask", Object::Reference(mask_id));
    }
    Ok((Stream::new(dict, picture.data), (w, h)))
}

/// WinAnsi bytes of `s` for a literal string in a content stream, escaped; characters outside
/// WinAnsi show as `?`.
fn win_ansi_escaped(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for ch in s.chars() {
        let b = win_ansi_byte(ch).unwrap_or(b'?');
        if matches!(b, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(b);
    }
    out
}

/// The WinAnsi code of a character, if it has one.
fn win_ansi_byte(ch: char) -> Option<u8> {
    let c = ch as u32;
    match c {
        0x20..=0x7e | 0xa0..=0xff => Some(c as u8),
        _ => WIN_ANSI_HIGH
            .iter()
            .position(|&u| u == c)
            .map(|i| 0x80 + i as u8),
    }
}

/// WinAnsi 0x80–0x9f (0 where the code is unused).
const WIN_ANSI_HIGH: [u32; 32] = [
    0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
    0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/// The width of `s` in Helvetica, in thousandths of the font size (the AFM's widths for
/// ASCII; 556, an average letter, for the rest).
fn helvetica_width(s: &str) -> f32 {
    s.chars()
        .map(|ch| match ch as u32 {
            c @ 0x20..=0x7e => HELVETICA_ASCII[(c - 0x20) as usize] as f32,
            _ => 556.0,
        })
        .sum()
}

/// Helvetica's advance widths for 0x20–0x7e (Adobe's AFM).
const HELVETICA_ASCII: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // sp–/
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0–?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @–O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P–_
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // `–o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p–~
];
