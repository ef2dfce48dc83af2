//! A streaming XML reader that hands over one record element at a time as a small tree.
//!
//! List files are large but their records (one designation each) are small, so each record is
//! built as a [`Node`] and dropped after conversion; memory stays bounded by the largest record.

use std::io::BufRead;
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::ParseError;
use crate::source::line_at;

#[derive(Debug, Default, Clone)]
pub(crate) struct Node {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
    pub text: String,
    /// Byte offset of the start tag, for error messages.
    pub offset: u64,
}

impl Node {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    pub fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// Trimmed text of this node, `None` when empty.
    pub fn value(&self) -> Option<&str> {
        Some(self.text.trim()).filter(|t| !t.is_empty())
    }

    /// Trimmed text of the first child of that name.
    pub fn text_of(&self, name: &str) -> Option<&str> {
        self.child(name).and_then(Node::value)
    }

    /// Follows a path of child names.
    pub fn at(&self, path: &[&str]) -> Option<&Node> {
        path.iter().try_fold(self, |n, p| n.child(p))
    }

    /// Texts of all `<leaf>` descendants reached through `path` then `leaf`.
    pub fn texts<'a>(&'a self, path: &[&str], leaf: &'a str) -> Vec<&'a str> {
        self.at(path)
            .map(|n| n.all(leaf).filter_map(Node::value).collect())
            .unwrap_or_default()
    }
}

pub(crate) struct Located<'a> {
    pub path: &'a Path,
}

impl Located<'_> {
    /// An error about an element of a record.
    pub fn element(&self, node: &Node, message: impl Into<String>) -> ParseError {
        ParseError::Element {
            path: self.path.to_path_buf(),
            element: node.name.clone(),
            line: line_at(self.path, node.offset),
            message: message.into(),
        }
    }
}

fn start_node(e: &BytesStart<'_>, offset: u64, path: &Path) -> Result<Node, ParseError> {
    let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| ParseError::Element {
            path: path.to_path_buf(),
            element: name.clone(),
            line: line_at(path, offset),
            message: format!("bad attribute: {err}"),
        })?;
        let key = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| ParseError::Element {
                path: path.to_path_buf(),
                element: name.clone(),
                line: line_at(path, offset),
                message: format!("bad value of attribute {key}: {err}"),
            })?
            .into_owned();
        attrs.push((key, value));
    }
    Ok(Node {
        name,
        attrs,
        children: Vec::new(),
        text: String::new(),
        offset,
    })
}

/// Streams `src`, calling `on_root` with the root element (attributes only) and `on_record` with
/// every element whose local name is in `records` (with its whole subtree), wherever it sits.
pub(crate) fn for_each_record<R: BufRead>(
    src: R,
    path: &Path,
    records: &[&str],
    mut on_root: impl FnMut(&Node) -> Result<(), ParseError>,
    mut on_record: impl FnMut(Node) -> Result<(), ParseError>,
) -> Result<(), ParseError> {
    let mut reader = Reader::from_reader(src);
    reader.config_mut().check_end_names = true;
    let mut buf = Vec::with_capacity(8 * 1024);
    let mut building: Vec<Node> = Vec::new();
    let mut outer: Vec<(String, u64)> = Vec::new();
    let mut saw_root = false;
    let xml_error = |reader: &Reader<R>, err: &dyn std::fmt::Display, open: Option<&str>| {
        let line = line_at(path, reader.error_position());
        match open {
            Some(el) => ParseError::Element {
                path: path.to_path_buf(),
                element: el.to_owned(),
                line,
                message: format!("malformed XML: {err}"),
            },
            None => ParseError::Line {
                path: path.to_path_buf(),
                line,
                message: format!("malformed XML: {err}"),
            },
        }
    };
    loop {
        let offset = reader.buffer_position();
        let event = match reader.read_event_into(&mut buf) {
            Ok(ev) => ev,
            Err(err) => {
                // Name the record being read (the operator can find it), and the innermost
                // open element in the message.
                let open = building
                    .first()
                    .map(|n| n.name.clone())
                    .or_else(|| outer.last().map(|(n, _)| n.clone()));
                let inner = building.last().map(|n| n.name.clone());
                let err: Box<dyn std::fmt::Display> = match inner {
                    Some(i) if building.len() > 1 => Box::new(format!("{err} (inside <{i}>)")),
                    _ => Box::new(err),
                };
                return Err(xml_error(&reader, &*err, open.as_deref()));
            }
        };
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let is_empty = matches!(event, Event::Empty(_));
                let node = start_node(e, offset, path)?;
                if !building.is_empty() || records.contains(&node.name.as_str()) {
                    building.push(node);
                    if is_empty {
                        close(&mut building, &mut on_record)?;
                    }
                } else {
                    if !saw_root {
                        saw_root = true;
                        on_root(&node)?;
                    }
                    if !is_empty {
                        outer.push((node.name, offset));
                    }
                }
            }
            Event::End(_) => {
                if !building.is_empty() {
                    close(&mut building, &mut on_record)?;
                } else {
                    outer.pop();
                }
            }
            Event::Text(t) => {
                if let Some(top) = building.last_mut() {
                    let s = t.xml10_content().map_err(|err| ParseError::Element {
                        path: path.to_path_buf(),
                        element: top.name.clone(),
                        line: line_at(path, offset),
                        message: format!("text is not valid UTF-8: {err}"),
                    })?;
                    top.text.push_str(&s);
                }
            }
            Event::CData(t) => {
                if let Some(top) = building.last_mut() {
                    top.text.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::GeneralRef(r) => {
                if let Some(top) = building.last_mut() {
                    let bad = |m: String| ParseError::Element {
                        path: path.to_path_buf(),
                        element: top.name.clone(),
                        line: line_at(path, offset),
                        message: m,
                    };
                    if r.is_char_ref() {
                        match r.resolve_char_ref() {
                            Ok(Some(c)) => top.text.push(c),
                            _ => return Err(bad("bad character reference".into())),
                        }
                    } else {
                        let name = String::from_utf8_lossy(&r).into_owned();
                        match quick_xml::escape::resolve_predefined_entity(&name) {
                            Some(s) => top.text.push_str(s),
                            None => return Err(bad(format!("unknown entity &{name};"))),
                        }
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if let Some(open) = building.first() {
        return Err(ParseError::Element {
            path: path.to_path_buf(),
            element: open.name.clone(),
            line: line_at(path, open.offset),
            message: "the file ends inside this element (truncated?)".into(),
        });
    }
    if let Some((name, offset)) = outer.last() {
        return Err(ParseError::Element {
            path: path.to_path_buf(),
            element: name.clone(),
            line: line_at(path, *offset),
            message: "the file ends before this element is closed (truncated?)".into(),
        });
    }
    if !saw_root && records.is_empty() {
        return Err(ParseError::File {
            path: path.to_path_buf(),
            message: "no XML root element".into(),
        });
    }
    Ok(())
}

fn close(
    building: &mut Vec<Node>,
    on_record: &mut impl FnMut(Node) -> Result<(), ParseError>,
) -> Result<(), ParseError> {
    if let Some(done) = building.pop() {
        match building.last_mut() {
            Some(parent) => parent.children.push(done),
            None => on_record(done)?,
        }
    }
    Ok(())
}

/// Checks the root element's name, so that a file of another format fails clearly.
pub(crate) fn expect_root(node: &Node, path: &Path, expected: &str) -> Result<(), ParseError> {
    if node.name == expected {
        Ok(())
    } else {
        Err(ParseError::Element {
            path: path.to_path_buf(),
            element: node.name.clone(),
            line: line_at(path, node.offset),
            message: format!("expected the root element <{expected}>; is this the right format?"),
        })
    }
}
