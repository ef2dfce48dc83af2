//! Reading list files: progress reporting, content hashing, and turning byte offsets back into
//! line numbers for error messages.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::ParseError;

/// Progress across one or more files of a single import.
pub(crate) struct Progress<'a> {
    done: u64,
    total: u64,
    last_reported: u64,
    callback: &'a mut dyn FnMut(u64, u64),
    hasher: Sha256,
}

impl<'a> Progress<'a> {
    pub(crate) fn new(paths: &[&Path], callback: &'a mut dyn FnMut(u64, u64)) -> Self {
        let total = paths
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum();
        Progress {
            done: 0,
            total,
            last_reported: 0,
            callback,
            hasher: Sha256::new(),
        }
    }

    fn advance(&mut self, bytes: &[u8]) {
        self.hasher.update(bytes);
        self.done += bytes.len() as u64;
        // Report every 256 KiB and at the end, so a progress bar moves without the callback
        // costing anything measurable.
        if self.done - self.last_reported >= 256 * 1024 || bytes.is_empty() {
            self.last_reported = self.done;
            (self.callback)(self.done, self.total.max(self.done));
        }
    }

    /// `sha256:` and 16 hex digits of everything read so far: the version of lists that do not
    /// declare one.
    pub(crate) fn content_version(self) -> String {
        let digest = self.hasher.finalize();
        format!("sha256:{}", &hex::encode(digest)[..16])
    }
}

/// A reader that feeds [`Progress`].
pub(crate) struct Tracked<'p, 'a> {
    inner: File,
    progress: &'p mut Progress<'a>,
}

impl Read for Tracked<'_, '_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.advance(&buf[..n]);
        Ok(n)
    }
}

pub(crate) fn open<'p, 'a>(
    path: &Path,
    progress: &'p mut Progress<'a>,
) -> Result<BufReader<Tracked<'p, 'a>>, ParseError> {
    let inner = File::open(path).map_err(|source| ParseError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(BufReader::with_capacity(
        64 * 1024,
        Tracked { inner, progress },
    ))
}

/// The 1-based line holding byte `offset` of the file. Only called on the error path, so reading
/// the file again is fine.
pub(crate) fn line_at(path: &Path, offset: u64) -> u64 {
    let Ok(file) = File::open(path) else {
        return 0;
    };
    let mut reader = BufReader::new(file.take(offset));
    let mut line = 1;
    loop {
        let buf = match reader.fill_buf() {
            Ok([]) | Err(_) => break,
            Ok(b) => b,
        };
        line += buf.iter().filter(|b| **b == b'\n').count() as u64;
        let n = buf.len();
        reader.consume(n);
    }
    line
}
