use std::path::PathBuf;

/// Why a list file could not be imported. Every variant names the file, and where the fault is
/// local, the line (CSV, JSON lines) or the element and its line (XML), so an operator can open
/// the file at the right place.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}, line {line}: {message}")]
    Line {
        path: PathBuf,
        line: u64,
        message: String,
    },
    #[error("{path}, element <{element}> at line {line}: {message}")]
    Element {
        path: PathBuf,
        element: String,
        line: u64,
        message: String,
    },
    #[error("{path}: {message}")]
    File { path: PathBuf, message: String },
}

impl ParseError {
    /// The line the error points at, if it points at one.
    pub fn line(&self) -> Option<u64> {
        match self {
            ParseError::Line { line, .. } | ParseError::Element { line, .. } => Some(*line),
            _ => None,
        }
    }
}
