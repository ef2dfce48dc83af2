//! The format of an encrypted file: a header naming whose key opens it, then the file in
//! 64 KiB segments encrypted with AES-256-GCM under a key of its own (derived from the
//! owner's data key and a random salt), then one tag per segment.
//!
//! ```text
//! "SGNENC1\0" | salt (16) | tenant length (1) | tenant | owner length (1) | owner
//! | ciphertext (as long as the file) | tag (16) per segment
//! ```
//!
//! Segment `i` has the nonce `0 0 0 | i (8 bytes, big-endian) | last (1 byte)`, the STREAM
//! construction: segments cannot be reordered, dropped or cut off at the end. Every segment
//! carries the header and the file's key as associated data, so a file copied under another
//! key or record does not open. Keeping the tags at the end lets a file be encrypted and
//! decrypted where it lies in memory: a 50 MB PDF is never held twice.
//!
//! A file that does not start with the mark was stored in the clear before encryption
//! existed, and is read as it is.

use aes_gcm::aead::{AeadInOut, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce, Tag};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The mark an encrypted file starts with.
pub const MARK: &[u8; 8] = b"SGNENC1\0";
const SALT_LEN: usize = 16;
const TAG_LEN: usize = 16;
/// The plaintext bytes of one segment.
pub const SEGMENT: usize = 64 * 1024;

/// Whose data key opens a file: the tenant and the owner's label (`person:…`, `document:…`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub tenant: String,
    pub owner: String,
    salt: [u8; SALT_LEN],
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EnvelopeError {
    #[error("the encrypted file is damaged")]
    Damaged,
    #[error("the encrypted file does not open (another key or record, or edited)")]
    DoesNotOpen,
    #[error("a tenant or owner name is too long to encrypt a file under")]
    NameTooLong,
}

/// Whether `bytes` is an encrypted file (rather than one stored in the clear).
pub fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(MARK)
}

impl Header {
    pub fn new(tenant: &str, owner: &str, salt: [u8; SALT_LEN]) -> Header {
        Header {
            tenant: tenant.to_owned(),
            owner: owner.to_owned(),
            salt,
        }
    }

    fn encode(&self) -> Result<Vec<u8>, EnvelopeError> {
        let tenant = u8::try_from(self.tenant.len()).map_err(|_| EnvelopeError::NameTooLong)?;
        let owner = u8::try_from(self.owner.len()).map_err(|_| EnvelopeError::NameTooLong)?;
        let mut out = Vec::with_capacity(MARK.len() + SALT_LEN + 2 + self.tenant.len() + 64);
        out.extend_from_slice(MARK);
        out.extend_from_slice(&self.salt);
        out.push(tenant);
        out.extend_from_slice(self.tenant.as_bytes());
        out.push(owner);
        out.extend_from_slice(self.owner.as_bytes());
        Ok(out)
    }

    /// The header of an encrypted file and its length in bytes.
    pub fn parse(bytes: &[u8]) -> Result<(Header, usize), EnvelopeError> {
        let rest = bytes.strip_prefix(MARK).ok_or(EnvelopeError::Damaged)?;
        let salt: [u8; SALT_LEN] = rest
            .get(..SALT_LEN)
            .and_then(|s| s.try_into().ok())
            .ok_or(EnvelopeError::Damaged)?;
        let mut at = MARK.len() + SALT_LEN;
        let mut name = || -> Result<String, EnvelopeError> {
            let len = usize::from(*bytes.get(at).ok_or(EnvelopeError::Damaged)?);
            let s = bytes
                .get(at + 1..at + 1 + len)
                .ok_or(EnvelopeError::Damaged)?;
            at += 1 + len;
            String::from_utf8(s.to_vec()).map_err(|_| EnvelopeError::Damaged)
        };
        let tenant = name()?;
        let owner = name()?;
        Ok((
            Header {
                tenant,
                owner,
                salt,
            },
            at,
        ))
    }
}

fn segments(len: usize) -> usize {
    len.div_ceil(SEGMENT).max(1)
}

fn nonce(i: usize, last: bool) -> Nonce<aes_gcm::aead::consts::U12> {
    let mut n = [0u8; 12];
    n[3..11].copy_from_slice(&(i as u64).to_be_bytes());
    n[11] = u8::from(last);
    Nonce::from(n)
}

/// The file's own key: the owner's data key keyed over the salt.
fn file_cipher(data_key: &[u8; 32], salt: &[u8; SALT_LEN]) -> Aes256Gcm {
    let mut mac =
        <Hmac<Sha256> as hmac::KeyInit>::new_from_slice(data_key).expect("any key length");
    mac.update(b"signet file key v1\0");
    mac.update(salt);
    let key: [u8; 32] = mac.finalize().into_bytes().into();
    Aes256Gcm::new(&key.into())
}

fn associated_data(header: &[u8], blob_key: &str) -> Vec<u8> {
    let mut ad = header.to_vec();
    ad.extend_from_slice(blob_key.as_bytes());
    ad
}

/// Encrypts `file` where it lies: afterwards it holds the header, the ciphertext and the tags.
pub fn seal_in_place(
    file: &mut Vec<u8>,
    header: &Header,
    data_key: &[u8; 32],
    blob_key: &str,
) -> Result<(), EnvelopeError> {
    let head = header.encode()?;
    let ad = associated_data(&head, blob_key);
    let cipher = file_cipher(data_key, &header.salt);
    let n = segments(file.len());
    let mut tags = Vec::with_capacity(n * TAG_LEN);
    for i in 0..n {
        let start = i * SEGMENT;
        let end = (start + SEGMENT).min(file.len());
        let tag = cipher
            .encrypt_inout_detached(&nonce(i, i + 1 == n), &ad, (&mut file[start..end]).into())
            .map_err(|_| EnvelopeError::DoesNotOpen)?;
        tags.extend_from_slice(&tag);
    }
    file.reserve_exact(head.len() + tags.len());
    file.extend_from_slice(&tags);
    file.splice(0..0, head);
    Ok(())
}

/// Decrypts an encrypted file where it lies (its header already parsed: `header_len` bytes).
pub fn open_in_place(
    file: &mut Vec<u8>,
    header: &Header,
    header_len: usize,
    data_key: &[u8; 32],
    blob_key: &str,
) -> Result<(), EnvelopeError> {
    let ad = associated_data(&file[..header_len], blob_key);
    let body_and_tags = file.len() - header_len;
    // n segments of at most SEGMENT bytes, each with a tag: find n from the total.
    let n = body_and_tags.div_ceil(SEGMENT + TAG_LEN).max(1);
    let body = body_and_tags
        .checked_sub(n * TAG_LEN)
        .ok_or(EnvelopeError::Damaged)?;
    if segments(body) != n {
        return Err(EnvelopeError::Damaged);
    }
    let cipher = file_cipher(data_key, &header.salt);
    let (head_and_body, tags) = file.split_at_mut(header_len + body);
    let body_bytes = &mut head_and_body[header_len..];
    for i in 0..n {
        let start = i * SEGMENT;
        let end = (start + SEGMENT).min(body);
        let tag = Tag::try_from(&tags[i * TAG_LEN..(i + 1) * TAG_LEN])
            .map_err(|_| EnvelopeError::Damaged)?;
        cipher
            .decrypt_inout_detached(
                &nonce(i, i + 1 == n),
                &ad,
                (&mut body_bytes[start..end]).into(),
                &tag,
            )
            .map_err(|_| EnvelopeError::DoesNotOpen)?;
    }
    file.truncate(header_len + body);
    file.drain(..header_len);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(len: usize) {
        let plain: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
        let key = [9u8; 32];
        let header = Header::new("ten_1", "document:doc_1", [3u8; SALT_LEN]);
        let mut file = plain.clone();
        seal_in_place(
            &mut file,
            &header,
            &key,
            "ten_1/documents/doc_1/original.pdf",
        )
        .unwrap();
        assert!(is_encrypted(&file));
        if len >= 16 {
            assert!(
                !file.windows(16).any(|w| w == &plain[..16]),
                "plaintext left"
            );
        }
        let (parsed, head_len) = Header::parse(&file).unwrap();
        assert_eq!(parsed, header);
        let mut opened = file.clone();
        open_in_place(
            &mut opened,
            &parsed,
            head_len,
            &key,
            "ten_1/documents/doc_1/original.pdf",
        )
        .unwrap();
        assert_eq!(opened, plain, "{len}");
        // Another file key (the ciphertext moved to another record) or another data key fails.
        let mut moved = file.clone();
        assert_eq!(
            open_in_place(
                &mut moved,
                &parsed,
                head_len,
                &key,
                "ten_1/documents/doc_2/original.pdf"
            ),
            Err(EnvelopeError::DoesNotOpen)
        );
        let mut other = file.clone();
        assert_eq!(
            open_in_place(
                &mut other,
                &parsed,
                head_len,
                &[8u8; 32],
                "ten_1/documents/doc_1/original.pdf"
            ),
            Err(EnvelopeError::DoesNotOpen)
        );
    }

    #[test]
    fn files_of_every_segment_shape_round_trip_and_open_only_where_written() {
        for len in [
            0,
            1,
            100,
            SEGMENT - 1,
            SEGMENT,
            SEGMENT + 1,
            3 * SEGMENT + 17,
        ] {
            round_trip(len);
        }
    }

    #[test]
    fn a_cut_off_or_reordered_file_does_not_open() {
        let key = [1u8; 32];
        let header = Header::new("t", "person:p", [0u8; SALT_LEN]);
        let mut file = vec![5u8; 2 * SEGMENT + 10];
        seal_in_place(&mut file, &header, &key, "t/x").unwrap();
        let (_, head_len) = Header::parse(&file).unwrap();
        // Drop the last segment and its tag: the new last segment was not sealed as last.
        let mut cut = file[..head_len + 2 * SEGMENT].to_vec();
        cut.extend_from_slice(&file[file.len() - 3 * TAG_LEN..file.len() - TAG_LEN]);
        assert!(open_in_place(&mut cut, &header, head_len, &key, "t/x").is_err());
        // Swap the first two segments.
        let mut swapped = file.clone();
        let (a, b) = swapped[head_len..head_len + 2 * SEGMENT].split_at_mut(SEGMENT);
        a.swap_with_slice(b);
        assert!(open_in_place(&mut swapped, &header, head_len, &key, "t/x").is_err());
        // A flipped bit in the header.
        let mut edited = file.clone();
        edited[MARK.len()] ^= 1;
        let (h, l) = Header::parse(&edited).unwrap();
        assert!(open_in_place(&mut edited, &h, l, &key, "t/x").is_err());
        assert_eq!(
            Header::parse(b"SGNENC1\0short"),
            Err(EnvelopeError::Damaged)
        );
    }
}
