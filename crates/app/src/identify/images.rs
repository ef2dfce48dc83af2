//! Checks of the ID and selfie images an applicant uploads.
//!
//! [`check`] runs on every upload of the `document` identification method. It has two kinds of
//! outcome:
//!
//! - a [`Rejected`] upload is refused (a 4xx): the file is not a JPEG or PNG photo, is too large
//!   in bytes or pixels, is too small to read, or is damaged. Its message is written for the
//!   applicant, who must upload again;
//! - a [`Checked`] upload is kept, with soft [`Finding`]s for the reviewer: too dark, too bright,
//!   blurry.
//!
//! Safety against hostile files: the type is sniffed from the magic bytes (never trusted from the
//! name or the `Content-Type`), the byte size is bounded, and the pixel dimensions are read from
//! the header *before* anything is decoded, so a small file claiming a gigantic image (a
//! decompression bomb) is refused without allocating its pixels. The decoder also runs under an
//! allocation limit derived from `max_pixels`, and a JPEG must run to its end marker (the
//! decoder would otherwise paint a cut-off file's missing part grey). The analysis works on a
//! grayscale copy downscaled to at most [`ANALYSIS_LONG_SIDE`] pixels on its long side, so its
//! cost is bounded whatever the upload's size. Nothing here panics on any input.
//!
//! Return codes are the seed's (see `signet_core::catalog::return_code_description`): 2001, 2003
//! and 2004 for an unusable front, back or selfie image, 2005 for a file that does not decode,
//! 2026 for a file that is too large, 2022 / 2023 for the brightness of an ID / a selfie and 2025
//! for a blurry ID.

use std::io::Cursor;

use image::{DynamicImage, GrayImage, ImageDecoder, ImageFormat, ImageReader};
use serde::{Deserialize, Serialize};

/// Seed return code: invalid ID document front image.
pub const CODE_INVALID_FRONT: u32 = 2001;
/// Seed return code: invalid ID document back image.
pub const CODE_INVALID_BACK: u32 = 2003;
/// Seed return code: invalid selfie image.
pub const CODE_INVALID_SELFIE: u32 = 2004;
/// Seed return code: file process failed (the file claims to be an image but does not decode).
pub const CODE_FILE_PROCESS_FAILED: u32 = 2005;
/// Seed return code: landmark failed on ID brightness.
pub const CODE_ID_BRIGHTNESS: u32 = 2022;
/// Seed return code: landmark failed on face brightness.
pub const CODE_FACE_BRIGHTNESS: u32 = 2023;
/// Seed return code: landmark failed on ID blurriness.
pub const CODE_ID_BLURRINESS: u32 = 2025;
/// Seed return code: image size exceeded.
pub const CODE_SIZE_EXCEEDED: u32 = 2026;

/// The analysis copy is downscaled so that its long side is at most this many pixels.
pub const ANALYSIS_LONG_SIDE: u32 = 1024;
/// Below this mean luma (0–255) of the analysis copy, the image is reported too dark.
pub const MIN_MEAN_LUMA: f64 = 40.0;
/// Above this mean luma (0–255) of the analysis copy, the image is reported too bright.
pub const MAX_MEAN_LUMA: f64 = 225.0;
/// Below this variance of the Laplacian of the analysis copy, an ID image is reported blurry.
///
/// 100 is the usual rule of thumb for the variance of the 4-neighbour Laplacian of an 8-bit
/// photo. The tests calibrate it on a synthetic 1000×630 ID-like card (text-like blocks, mild
/// noise): sharp, it measures about 2400 as PNG and 2000 as JPEG at quality 80; after a Gaussian
/// blur of sigma 0.8 (softened, still legible) about 245; sigma 2 (small text smeared) about 16;
/// a smooth gradient about 0. A false "blurry" only asks the reviewer to look closer, and the
/// threshold stays low so ordinary phone photos are not flagged.
pub const MIN_LAPLACIAN_VARIANCE: f64 = 100.0;

/// Which image of the `document` method an upload is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    /// The front of the ID document.
    Front,
    /// The back of the ID document.
    Back,
    /// The applicant's selfie.
    Selfie,
}

impl Slot {
    /// Every slot, in upload order.
    pub const ALL: [Slot; 3] = [Slot::Front, Slot::Back, Slot::Selfie];

    /// The slot's name in forms and URLs: `front`, `back` or `selfie`.
    pub fn as_str(self) -> &'static str {
        match self {
            Slot::Front => "front",
            Slot::Back => "back",
            Slot::Selfie => "selfie",
        }
    }

    /// Whether the slot holds a picture of the ID document (front or back).
    pub fn is_id(self) -> bool {
        matches!(self, Slot::Front | Slot::Back)
    }

    /// The seed return code of an unusable image in this slot: 2001, 2003 or 2004.
    pub fn invalid_code(self) -> u32 {
        match self {
            Slot::Front => CODE_INVALID_FRONT,
            Slot::Back => CODE_INVALID_BACK,
            Slot::Selfie => CODE_INVALID_SELFIE,
        }
    }

    /// The seed return code of a badly exposed image in this slot: 2022 (ID) or 2023 (face).
    pub fn brightness_code(self) -> u32 {
        if self.is_id() {
            CODE_ID_BRIGHTNESS
        } else {
            CODE_FACE_BRIGHTNESS
        }
    }

    /// How the applicant is told about this slot's file: "the front of your ID", …
    fn for_applicant(self) -> &'static str {
        match self {
            Slot::Front => "the front of your ID",
            Slot::Back => "the back of your ID",
            Slot::Selfie => "your selfie",
        }
    }

    /// The subject of a sentence to the applicant: "The photo of the front of your ID", …
    fn applicant_subject(self) -> &'static str {
        match self {
            Slot::Front => "The photo of the front of your ID",
            Slot::Back => "The photo of the back of your ID",
            Slot::Selfie => "Your selfie",
        }
    }

    /// The subject of a sentence to the reviewer: "The photo of the front of the ID", …
    fn reviewer_subject(self) -> &'static str {
        match self {
            Slot::Front => "The photo of the front of the ID",
            Slot::Back => "The photo of the back of the ID",
            Slot::Selfie => "The selfie",
        }
    }
}

/// Bounds on an upload, checked before and while decoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted file, in bytes.
    pub max_bytes: usize,
    /// Smallest accepted short side, in pixels.
    pub min_short_side: u32,
    /// Largest accepted width × height, checked from the header before decoding.
    pub max_pixels: u64,
}

impl Default for Limits {
    /// 10 MiB, 480 px, 30 megapixels.
    ///
    /// - 10 MiB: a full-resolution JPEG from a current phone (12–50 MP) is 2–8 MB, a PNG
    ///   screenshot of a scan a few MB; more is not a photo we need, and the whole file is held
    ///   in memory while it is checked.
    /// - 480 px on the short side: an ID card photographed at that height leaves the
    ///   machine-readable zone and the printed text only just legible to a reviewer (and to OCR);
    ///   anything smaller cannot be reviewed. It is also the short side of VGA, the floor of
    ///   every camera still in use.
    /// - 30 megapixels: above the common phone sensors (12 MP, 24 MP binned from 48 MP) so real
    ///   photos pass, while bounding the decoded buffer to 90 MB for 8-bit RGB (240 MB for
    ///   16-bit RGBA PNG, the worst case) — a 10 MiB file can otherwise claim billions of pixels.
    fn default() -> Self {
        Limits {
            max_bytes: 10 * 1024 * 1024,
            min_short_side: 480,
            max_pixels: 30_000_000,
        }
    }
}

/// An accepted upload: its type, size and the soft findings for the reviewer.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// `image/jpeg` or `image/png`, from the magic bytes.
    pub content_type: &'static str,
    /// Width in pixels, as stored (EXIF orientation is not applied).
    pub width: u32,
    /// Height in pixels, as stored.
    pub height: u32,
    /// Soft findings (brightness, blurriness), empty when the image looks fine.
    pub findings: Vec<Finding>,
}

/// A soft finding on an accepted image, shown to the reviewer; the upload is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Seed return code (2022, 2023 or 2025).
    pub code: u32,
    /// Plain-English explanation for the reviewer.
    pub message: String,
}

/// A refused upload: the applicant must upload again (answered with a 4xx).
///
/// `Display` is the message alone, written for the applicant; the code travels separately.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Rejected {
    /// Seed return code (2001, 2003, 2004, 2005 or 2026).
    pub code: u32,
    /// Plain-English explanation for the applicant.
    pub message: String,
}

impl Rejected {
    fn new(code: u32, message: String) -> Self {
        Rejected { code, message }
    }
}

/// The image formats accepted, sniffed from their magic bytes.
fn sniff(bytes: &[u8]) -> Option<(ImageFormat, &'static str)> {
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
    const JPEG: &[u8] = b"\xff\xd8\xff";
    if bytes.starts_with(PNG) {
        Some((ImageFormat::Png, "image/png"))
    } else if bytes.starts_with(JPEG) {
        Some((ImageFormat::Jpeg, "image/jpeg"))
    } else {
        None
    }
}

/// "10 MB", "512 KB" or "900 bytes": a byte count for the applicant (binary units, rounded down).
fn human_bytes(n: usize) -> String {
    const KIB: usize = 1024;
    const MIB: usize = 1024 * 1024;
    if n >= MIB {
        format!("{} MB", n / MIB)
    } else if n >= KIB {
        format!("{} KB", n / KIB)
    } else {
        format!("{n} bytes")
    }
}

/// "30 megapixels", "2.5 megapixels" or "640000 pixels": a pixel count for the applicant.
fn human_pixels(n: u64) -> String {
    if n >= 1_000_000 && n.is_multiple_of(1_000_000) {
        format!("{} megapixels", n / 1_000_000)
    } else if n >= 1_000_000 {
        format!("{:.1} megapixels", n as f64 / 1_000_000.0)
    } else {
        format!("{n} pixels")
    }
}

/// Checks one uploaded image: refuses what cannot be used, reports what a reviewer should see.
///
/// In order: empty or not JPEG/PNG (the slot's code), more than `max_bytes` (2026), dimensions
/// from the header over `max_pixels` (2026) or with a short side under `min_short_side` (the
/// slot's code), a file that does not decode (2005). An accepted image is then analysed on a
/// downscaled grayscale copy for brightness (2022 / 2023) and, for ID images, blurriness (2025).
pub fn check(slot: Slot, bytes: &[u8], limits: &Limits) -> Result<Checked, Rejected> {
    if bytes.is_empty() {
        return Err(Rejected::new(
            slot.invalid_code(),
            format!(
                "The file you chose for {} is empty: it must be a JPEG or PNG photo.",
                slot.for_applicant()
            ),
        ));
    }
    let Some((format, content_type)) = sniff(bytes) else {
        return Err(Rejected::new(
            slot.invalid_code(),
            format!(
                "The file you chose for {} is not a photo: it must be a JPEG or PNG photo.",
                slot.for_applicant()
            ),
        ));
    };
    if bytes.len() > limits.max_bytes {
        return Err(Rejected::new(
            CODE_SIZE_EXCEEDED,
            format!(
                "{} is too large: at most {}.",
                slot.applicant_subject(),
                human_bytes(limits.max_bytes)
            ),
        ));
    }

    let damaged = || {
        Rejected::new(
            CODE_FILE_PROCESS_FAILED,
            format!(
                "{} could not be read: the file is damaged or incomplete. Please upload it again.",
                slot.applicant_subject()
            ),
        )
    };
    let too_many_pixels = || {
        Rejected::new(
            CODE_SIZE_EXCEEDED,
            format!(
                "{} is too large: at most {}.",
                slot.applicant_subject(),
                human_pixels(limits.max_pixels)
            ),
        )
    };
    let decode_error = |e: image::ImageError| match e {
        image::ImageError::Limits(_) => too_many_pixels(),
        _ => damaged(),
    };

    // Memory the decoder may use: the largest pixel buffer the limits allow (8 bytes a pixel,
    // 16-bit RGBA) plus room for its working buffers. Only the header is parsed until
    // `from_decoder`, so this also bounds metadata chunks (PNG text and ICC profiles).
    let budget = limits
        .max_pixels
        .saturating_mul(8)
        .saturating_add(16 * 1024 * 1024);
    let mut decoder_limits = image::Limits::default();
    decoder_limits.max_alloc = Some(budget);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(decoder_limits);
    let decoder = reader.into_decoder().map_err(decode_error)?;

    let (width, height) = decoder.dimensions();
    if u64::from(width).saturating_mul(u64::from(height)) > limits.max_pixels {
        return Err(too_many_pixels());
    }
    if width.min(height) < limits.min_short_side {
        return Err(Rejected::new(
            slot.invalid_code(),
            format!(
                "{} is too small: at least {} pixels on its short side.",
                slot.applicant_subject(),
                limits.min_short_side
            ),
        ));
    }

    // The JPEG decoder is lenient and paints the missing part of a cut-off file grey; an
    // incomplete upload must be sent again instead.
    if format == ImageFormat::Jpeg && !jpeg_is_complete(bytes) {
        return Err(damaged());
    }

    let mut decoder_limits = image::Limits::default();
    decoder_limits.max_image_width = Some(width);
    decoder_limits.max_image_height = Some(height);
    decoder_limits.max_alloc = Some(budget);
    let mut decoder = decoder;
    decoder.set_limits(decoder_limits).map_err(decode_error)?;
    let image = DynamicImage::from_decoder(decoder).map_err(decode_error)?;
    let gray = analysis_copy(image);

    Ok(Checked {
        content_type,
        width,
        height,
        findings: findings(slot, &gray),
    })
}

/// Whether a JPEG runs to its end-of-image marker (a cut-off upload does not).
///
/// Walks the marker segments from the start, skipping each by its length (so an EXIF thumbnail,
/// which has its own end marker, is stepped over) and each entropy-coded scan up to its next
/// marker. Bytes after the end marker (phone makers append extra data) are allowed; stray bytes
/// between segments are skipped, as decoders do.
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let mut i: usize = 2; // after SOI (FF D8)
    loop {
        // The next marker: 0xFF, any fill 0xFF bytes, then the marker byte.
        let Some(rest) = bytes.get(i..) else {
            return false;
        };
        let Some(ff) = rest.iter().position(|&b| b == 0xFF) else {
            return false;
        };
        i = i.saturating_add(ff);
        while bytes.get(i) == Some(&0xFF) {
            i = i.saturating_add(1);
        }
        let Some(&marker) = bytes.get(i) else {
            return false;
        };
        i = i.saturating_add(1);
        match marker {
            0xD9 => return true,
            // Standalone markers (no length), and a stuffed zero outside a scan: skip.
            0x00 | 0x01 | 0xD0..=0xD8 => continue,
            _ => {}
        }
        let (Some(&hi), Some(&lo)) = (bytes.get(i), bytes.get(i.saturating_add(1))) else {
            return false;
        };
        let len = usize::from(u16::from_be_bytes([hi, lo]));
        if len < 2 {
            return false;
        }
        i = i.saturating_add(len);
        if i > bytes.len() {
            return false;
        }
        if marker == 0xDA {
            // Entropy-coded data: 0xFF is followed by a stuffed 0x00 or a restart marker until
            // the scan ends at the next real marker.
            loop {
                let Some(rest) = bytes.get(i..) else {
                    return false;
                };
                let Some(ff) = rest.iter().position(|&b| b == 0xFF) else {
                    return false;
                };
                let k = i.saturating_add(ff);
                match bytes.get(k.saturating_add(1)) {
                    None => return false,
                    Some(0x00 | 0xD0..=0xD7) => i = k.saturating_add(2),
                    Some(_) => {
                        i = k;
                        break;
                    }
                }
            }
        }
    }
}

/// The grayscale copy analysed: each block of `factor × factor` pixels averaged into one
/// (the smallest whole factor that brings the long side to at most [`ANALYSIS_LONG_SIDE`]),
/// with Rec. 601 integer luma. One pass over the decoded pixels: the `image` crate's
/// `thumbnail` and `into_luma8` took five times as long as the decode on a 2-megapixel photo
/// (`examples/image_checks_bench.rs`).
fn analysis_copy(image: DynamicImage) -> GrayImage {
    let (w, h) = (image.width(), image.height());
    let factor = w.max(h).div_ceil(ANALYSIS_LONG_SIDE).max(1);
    match &image {
        DynamicImage::ImageLuma8(g) => box_gray(g.as_raw(), w, h, 1, factor),
        DynamicImage::ImageRgb8(rgb) => box_gray(rgb.as_raw(), w, h, 3, factor),
        DynamicImage::ImageRgba8(rgba) => box_gray(rgba.as_raw(), w, h, 4, factor),
        other => {
            let g = other.to_luma8();
            box_gray(g.as_raw(), w, h, 1, factor)
        }
    }
}

/// Averages `factor × factor` blocks of an 8-bit image with `channels` channels (gray, RGB or
/// RGBA; alpha ignored) into a grayscale image; the right and bottom remainders are dropped.
fn box_gray(raw: &[u8], w: u32, h: u32, channels: usize, factor: u32) -> GrayImage {
    let (Ok(width), Ok(f)) = (usize::try_from(w), usize::try_from(factor)) else {
        return GrayImage::new(0, 0);
    };
    let (out_w, out_h) = ((w / factor).max(1), (h / factor).max(1));
    let Ok(ow) = usize::try_from(out_w) else {
        return GrayImage::new(0, 0);
    };
    let cols = (ow * f).min(width);
    let mut out = Vec::with_capacity(ow * out_h as usize);
    let mut sums = vec![0u32; ow];
    let mut rows_in_block = 0usize;
    for row in raw.chunks_exact(width * channels).take(out_h as usize * f) {
        for (x, px) in row.chunks_exact(channels).take(cols).enumerate() {
            let luma = match px {
                [g] => u32::from(*g),
                [r, g, b, ..] => {
                    (77 * u32::from(*r) + 150 * u32::from(*g) + 29 * u32::from(*b)) >> 8
                }
                _ => 0,
            };
            if let Some(s) = sums.get_mut(x / f) {
                *s += luma;
            }
        }
        rows_in_block += 1;
        if rows_in_block == f {
            let area = (f * f) as u32;
            out.extend(sums.iter().map(|s| (s / area) as u8));
            sums.iter_mut().for_each(|s| *s = 0);
            rows_in_block = 0;
        }
    }
    let out_h = u32::try_from(out.len() / ow.max(1)).unwrap_or(0);
    GrayImage::from_raw(out_w, out_h, out).unwrap_or_else(|| GrayImage::new(0, 0))
}

/// The soft findings on the analysis copy.
///
/// A badly exposed image gets the brightness finding only: its contrast is crushed, so its
/// sharpness cannot be judged and "blurry" would mislead the reviewer.
fn findings(slot: Slot, gray: &GrayImage) -> Vec<Finding> {
    let mut out = Vec::new();
    let Some(mean) = mean_luma(gray) else {
        return out;
    };
    if mean < MIN_MEAN_LUMA {
        out.push(Finding {
            code: slot.brightness_code(),
            message: format!(
                "{} is too dark (average brightness {:.0} of 255, expected at least {:.0}).",
                slot.reviewer_subject(),
                mean,
                MIN_MEAN_LUMA
            ),
        });
        return out;
    }
    if mean > MAX_MEAN_LUMA {
        out.push(Finding {
            code: slot.brightness_code(),
            message: format!(
                "{} is too bright or washed out (average brightness {:.0} of 255, expected at most {:.0}).",
                slot.reviewer_subject(),
                mean,
                MAX_MEAN_LUMA
            ),
        });
        return out;
    }
    if slot.is_id()
        && let Some(sharpness) = laplacian_variance(gray)
        && sharpness < MIN_LAPLACIAN_VARIANCE
    {
        out.push(Finding {
            code: CODE_ID_BLURRINESS,
            message: format!(
                "{} looks blurry (sharpness {:.0}, expected at least {:.0}): check that the text is readable.",
                slot.reviewer_subject(),
                sharpness,
                MIN_LAPLACIAN_VARIANCE
            ),
        });
    }
    out
}

/// Mean luma (0–255); `None` for an image without pixels.
fn mean_luma(gray: &GrayImage) -> Option<f64> {
    let raw = gray.as_raw();
    if raw.is_empty() {
        return None;
    }
    let sum: u64 = raw.iter().map(|&p| u64::from(p)).sum();
    Some(sum as f64 / raw.len() as f64)
}

/// Variance of the 4-neighbour Laplacian over the interior pixels; `None` below 3×3.
fn laplacian_variance(gray: &GrayImage) -> Option<f64> {
    let width = usize::try_from(gray.width()).ok()?;
    if width < 3 || gray.height() < 3 {
        return None;
    }
    let rows: Vec<&[u8]> = gray.as_raw().chunks_exact(width).collect();
    let (mut n, mut sum, mut sum_sq) = (0u64, 0i64, 0i128);
    for triple in rows.windows(3) {
        let [up, mid, down] = triple else { continue };
        let centres = mid.windows(3);
        let ups = up.iter().skip(1);
        let downs = down.iter().skip(1);
        for ((row, &u), &d) in centres.zip(ups).zip(downs) {
            let [l, c, r] = row else { continue };
            let lap =
                4 * i64::from(*c) - i64::from(*l) - i64::from(*r) - i64::from(u) - i64::from(d);
            n += 1;
            sum += lap;
            sum_sq += i128::from(lap * lap);
        }
    }
    if n == 0 {
        return None;
    }
    let n = n as f64;
    let mean = sum as f64 / n;
    Some((sum_sq as f64 / n - mean * mean).max(0.0))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use image::codecs::jpeg::JpegEncoder;
    use image::codecs::png::PngEncoder;
    use image::{ExtendedColorType, ImageEncoder, Luma, Rgb, RgbImage};

    /// A small deterministic generator (xorshift) for the noise of the synthetic images.
    struct Noise(u64);
    impl Noise {
        fn next(&mut self) -> u8 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 >> 32) as u8
        }
    }

    /// A sharp, well-lit ID-like card: light background, a darker photo box, and rows of dark
    /// "characters" (small blocks with gaps), with a little sensor noise.
    fn id_like(width: u32, height: u32) -> RgbImage {
        let mut noise = Noise(0x9e37_79b9_7f4a_7c15);
        let unit = (height / 60).max(1); // character size scales with the image
        RgbImage::from_fn(width, height, |x, y| {
            let photo = x < width / 3 && y > height / 5 && y < height * 4 / 5;
            let text_row = y > height / 5 && (y / unit) % 3 == 1 && x > width * 2 / 5;
            let glyph =
                (x / unit) % 4 != 3 && !((x / unit) * 7 + (y / (3 * unit)) * 3).is_multiple_of(11);
            let base: i32 = if photo {
                120
            } else if text_row && glyph {
                40
            } else {
                200
            };
            let n = i32::from(noise.next() % 21) - 10;
            let v = (base + n).clamp(0, 255) as u8;
            Rgb([v, v.saturating_add(5), v.saturating_sub(5)])
        })
    }

    fn map_luma(img: &RgbImage, f: impl Fn(u8) -> u8) -> RgbImage {
        RgbImage::from_fn(img.width(), img.height(), |x, y| {
            let Rgb([r, g, b]) = *img.get_pixel(x, y);
            Rgb([f(r), f(g), f(b)])
        })
    }

    fn png(img: &RgbImage) -> Vec<u8> {
        let mut out = Vec::new();
        PngEncoder::new(&mut out)
            .write_image(
                img.as_raw(),
                img.width(),
                img.height(),
                ExtendedColorType::Rgb8,
            )
            .unwrap();
        out
    }

    fn jpeg(img: &RgbImage) -> Vec<u8> {
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, 80)
            .write_image(
                img.as_raw(),
                img.width(),
                img.height(),
                ExtendedColorType::Rgb8,
            )
            .unwrap();
        out
    }

    fn codes(checked: &Checked) -> Vec<u32> {
        checked.findings.iter().map(|f| f.code).collect()
    }

    fn sharpness(bytes: &[u8]) -> f64 {
        let image = image::load_from_memory(bytes).unwrap();
        laplacian_variance(&analysis_copy(image)).unwrap()
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xffff_ffffu32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&u32::try_from(data.len()).unwrap().to_be_bytes());
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        out.extend_from_slice(&body);
        out.extend_from_slice(&crc32(&body).to_be_bytes());
    }

    /// A well-formed PNG header (valid CRCs) claiming `width`×`height` RGB, with a tiny IDAT.
    fn png_claiming(width: u32, height: u32) -> Vec<u8> {
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&width.to_be_bytes());
        ihdr.extend_from_slice(&height.to_be_bytes());
        ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
        chunk(&mut out, b"IHDR", &ihdr);
        // zlib stream of a few zero bytes (stored block).
        chunk(
            &mut out,
            b"IDAT",
            &[
                0x78, 0x01, 0x01, 0x04, 0x00, 0xfb, 0xff, 0, 0, 0, 0, 0, 0x04, 0, 0x01,
            ],
        );
        chunk(&mut out, b"IEND", &[]);
        out
    }

    #[test]
    fn slot_names_and_codes() {
        assert_eq!(Slot::ALL.map(Slot::as_str), ["front", "back", "selfie"]);
        assert_eq!(Slot::ALL.map(Slot::invalid_code), [2001, 2003, 2004]);
        assert_eq!(Slot::ALL.map(Slot::brightness_code), [2022, 2022, 2023]);
    }

    #[test]
    fn codes_match_the_seed_descriptions() {
        use signet_core::catalog::return_code_description as d;
        assert_eq!(
            d(CODE_INVALID_FRONT),
            Some("Invalid base64 ID document front image")
        );
        assert_eq!(
            d(CODE_INVALID_BACK),
            Some("Invalid base64 ID document back image")
        );
        assert_eq!(d(CODE_INVALID_SELFIE), Some("Invalid selfie image"));
        assert_eq!(d(CODE_FILE_PROCESS_FAILED), Some("File process failed"));
        assert_eq!(
            d(CODE_ID_BRIGHTNESS),
            Some("Landmark failed on ID brightness")
        );
        assert_eq!(
            d(CODE_FACE_BRIGHTNESS),
            Some("Landmark failed on face brightness")
        );
        assert_eq!(
            d(CODE_ID_BLURRINESS),
            Some("Landmark failed on ID blurriness")
        );
        assert_eq!(d(CODE_SIZE_EXCEEDED), Some("Image size exceeded"));
    }

    #[test]
    fn default_limits() {
        let l = Limits::default();
        assert_eq!(l.max_bytes, 10 * 1024 * 1024);
        assert_eq!(l.min_short_side, 480);
        assert_eq!(l.max_pixels, 30_000_000);
    }

    #[test]
    fn sharp_well_lit_id_passes_as_png_and_jpeg() {
        let img = id_like(1000, 630);
        for slot in Slot::ALL {
            let c = check(slot, &png(&img), &Limits::default()).unwrap();
            assert_eq!(
                (c.content_type, c.width, c.height),
                ("image/png", 1000, 630)
            );
            assert!(c.findings.is_empty(), "{slot:?} png: {:?}", c.findings);
            let c = check(slot, &jpeg(&img), &Limits::default()).unwrap();
            assert_eq!(
                (c.content_type, c.width, c.height),
                ("image/jpeg", 1000, 630)
            );
            assert!(c.findings.is_empty(), "{slot:?} jpeg: {:?}", c.findings);
        }
    }

    #[test]
    fn grayscale_png_is_accepted() {
        let img = id_like(800, 600);
        let gray = GrayImage::from_fn(800, 600, |x, y| Luma([img.get_pixel(x, y).0[0]]));
        let mut bytes = Vec::new();
        PngEncoder::new(&mut bytes)
            .write_image(gray.as_raw(), 800, 600, ExtendedColorType::L8)
            .unwrap();
        let c = check(Slot::Back, &bytes, &Limits::default()).unwrap();
        assert!(c.findings.is_empty(), "{:?}", c.findings);
    }

    #[test]
    fn dark_image_is_reported_for_id_and_selfie() {
        let dark = map_luma(&id_like(1000, 630), |v| v / 8);
        for (slot, code) in [
            (Slot::Front, 2022),
            (Slot::Back, 2022),
            (Slot::Selfie, 2023),
        ] {
            for bytes in [png(&dark), jpeg(&dark)] {
                let c = check(slot, &bytes, &Limits::default()).unwrap();
                assert_eq!(codes(&c), [code], "{slot:?}");
                assert!(c.findings[0].message.contains("too dark"));
            }
        }
    }

    #[test]
    fn bright_image_is_reported_for_id_and_selfie() {
        let bright = map_luma(&id_like(1000, 630), |v| 255 - (255 - v) / 8);
        for (slot, code) in [(Slot::Front, 2022), (Slot::Selfie, 2023)] {
            let c = check(slot, &png(&bright), &Limits::default()).unwrap();
            assert_eq!(codes(&c), [code], "{slot:?}");
            assert!(c.findings[0].message.contains("too bright"));
        }
    }

    #[test]
    fn blurred_id_is_reported_but_a_blurred_selfie_is_not() {
        let blurred = image::imageops::blur(&id_like(1000, 630), 2.0);
        for bytes in [png(&blurred), jpeg(&blurred)] {
            let c = check(Slot::Front, &bytes, &Limits::default()).unwrap();
            assert_eq!(codes(&c), [2025]);
            assert!(c.findings[0].message.contains("blurry"));
            let c = check(Slot::Selfie, &bytes, &Limits::default()).unwrap();
            assert!(c.findings.is_empty(), "{:?}", c.findings);
        }
    }

    #[test]
    fn smooth_gradient_is_blurry() {
        let img = RgbImage::from_fn(900, 600, |x, y| {
            let v = (60 + (x + y) * 140 / 1500) as u8;
            Rgb([v, v, v])
        });
        let c = check(Slot::Back, &png(&img), &Limits::default()).unwrap();
        assert_eq!(codes(&c), [2025]);
    }

    #[test]
    fn blur_threshold_calibration() {
        // Sharp content measures far above the threshold, visibly blurred content below it.
        let img = id_like(1000, 630);
        let sharp_png = sharpness(&png(&img));
        let sharp_jpeg = sharpness(&jpeg(&img));
        let slight = sharpness(&png(&image::imageops::blur(&img, 0.8)));
        let blurred = sharpness(&png(&image::imageops::blur(&img, 2.0)));
        let very = sharpness(&png(&image::imageops::blur(&img, 4.0)));
        eprintln!(
            "sharp png {sharp_png:.0}, sharp jpeg {sharp_jpeg:.0}, sigma 0.8 {slight:.0}, sigma 2 {blurred:.0}, sigma 4 {very:.0}"
        );
        assert!(sharp_png > 10.0 * MIN_LAPLACIAN_VARIANCE, "{sharp_png}");
        assert!(sharp_jpeg > 10.0 * MIN_LAPLACIAN_VARIANCE, "{sharp_jpeg}");
        assert!(slight > MIN_LAPLACIAN_VARIANCE, "{slight}");
        assert!(blurred < MIN_LAPLACIAN_VARIANCE, "{blurred}");
        assert!(very < blurred, "{very} {blurred}");
    }

    #[test]
    fn not_a_jpeg_or_png_is_refused_with_the_slot_code() {
        let gif = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;".to_vec();
        let pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".to_vec();
        let text = b"hello, this is my passport".to_vec();
        for bytes in [
            gif,
            pdf,
            text,
            Vec::new(),
            vec![0xff, 0xd8],
            vec![0x89, b'P'],
        ] {
            for (slot, code) in [
                (Slot::Front, 2001),
                (Slot::Back, 2003),
                (Slot::Selfie, 2004),
            ] {
                let r = check(slot, &bytes, &Limits::default()).unwrap_err();
                assert_eq!(r.code, code);
                assert!(r.message.contains("must be a JPEG or PNG photo"), "{r}");
            }
        }
        let r = check(Slot::Front, b"", &Limits::default()).unwrap_err();
        assert_eq!(
            r.to_string(),
            "The file you chose for the front of your ID is empty: it must be a JPEG or PNG photo."
        );
    }

    #[test]
    fn too_many_bytes_is_refused() {
        let bytes = png(&id_like(600, 500));
        let limits = Limits {
            max_bytes: bytes.len() - 1,
            ..Limits::default()
        };
        let r = check(Slot::Selfie, &bytes, &limits).unwrap_err();
        assert_eq!(r.code, 2026);
        assert!(r.message.starts_with("Your selfie is too large"), "{r}");
        let limits = Limits {
            max_bytes: bytes.len(),
            ..Limits::default()
        };
        assert!(check(Slot::Selfie, &bytes, &limits).is_ok());
        assert_eq!(human_bytes(10 * 1024 * 1024), "10 MB");
    }

    #[test]
    fn truncated_files_are_refused_as_damaged() {
        let img = id_like(1000, 630);
        for bytes in [jpeg(&img), png(&img)] {
            // Half the file: the header is there, most of the pixels are not.
            let half = bytes.get(..bytes.len() / 2).unwrap();
            let r = check(Slot::Front, half, &Limits::default()).unwrap_err();
            assert_eq!(r.code, 2005, "{r}");
            assert!(r.message.contains("could not be read"), "{r}");
            // Only the magic bytes and a little more.
            let stub = bytes.get(..20).unwrap();
            let r = check(Slot::Back, stub, &Limits::default()).unwrap_err();
            assert_eq!(r.code, 2005, "{r}");
        }
    }

    #[test]
    fn jpeg_completeness_skips_thumbnails_and_allows_trailing_data() {
        let bytes = jpeg(&id_like(800, 600));
        assert!(jpeg_is_complete(&bytes));
        // An APP1 segment holding an end marker (as an EXIF thumbnail does) right after SOI.
        let app1: &[u8] = &[0xFF, 0xE1, 0x00, 0x08, 0xFF, 0xD8, 0x00, 0x00, 0xFF, 0xD9];
        let mut with_thumb = bytes.get(..2).unwrap().to_vec();
        with_thumb.extend_from_slice(app1);
        with_thumb.extend_from_slice(bytes.get(2..).unwrap());
        assert!(jpeg_is_complete(&with_thumb));
        let cut = with_thumb.get(..with_thumb.len() - 100).unwrap();
        assert!(!jpeg_is_complete(cut));
        let r = check(Slot::Front, cut, &Limits::default()).unwrap_err();
        assert_eq!(r.code, 2005);
        // Extra data after the end marker (appended by some phones) is accepted.
        let mut trailing = with_thumb.clone();
        trailing.extend_from_slice(b"\x00\x00\x00\x18ftypmp42 appended video");
        assert!(check(Slot::Front, &trailing, &Limits::default()).is_ok());
        // Missing only the last two bytes (the end marker).
        let r = check(
            Slot::Back,
            bytes.get(..bytes.len() - 2).unwrap(),
            &Limits::default(),
        );
        assert_eq!(r.unwrap_err().code, 2005);
    }

    #[test]
    fn huge_claimed_dimensions_are_refused_before_decoding() {
        let bomb = png_claiming(100_000, 100_000);
        assert!(bomb.len() < 100);
        let r = check(Slot::Front, &bomb, &Limits::default()).unwrap_err();
        assert_eq!(r.code, 2026, "{r}");
        assert_eq!(
            r.message,
            "The photo of the front of your ID is too large: at most 30 megapixels."
        );
        // Just over the pixel limit, with the maximum u32 dimensions too.
        let r = check(Slot::Back, &png_claiming(6000, 5001), &Limits::default()).unwrap_err();
        assert_eq!(r.code, 2026, "{r}");
        let r = check(
            Slot::Back,
            &png_claiming(u32::MAX >> 1, u32::MAX >> 1),
            &Limits::default(),
        )
        .unwrap_err();
        assert!(r.code == 2026 || r.code == 2005, "{r}");
    }

    #[test]
    fn jpeg_claiming_huge_dimensions_is_refused_before_decoding() {
        // A real small JPEG whose frame header (SOF0) is patched to claim 60000×60000.
        let mut bytes = jpeg(&id_like(640, 480));
        let sof = bytes.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
        let dims = bytes.get_mut(sof + 5..sof + 9).unwrap();
        dims.copy_from_slice(&[0xEA, 0x60, 0xEA, 0x60]);
        let r = check(Slot::Selfie, &bytes, &Limits::default()).unwrap_err();
        assert_eq!(r.code, 2026, "{r}");
        assert_eq!(
            r.message,
            "Your selfie is too large: at most 30 megapixels."
        );
        assert_eq!(human_pixels(2_500_000), "2.5 megapixels");
        assert_eq!(human_pixels(640_000), "640000 pixels");
    }

    #[test]
    fn too_small_is_refused_with_the_slot_code() {
        let img = id_like(640, 400);
        for (slot, code) in [
            (Slot::Front, 2001),
            (Slot::Back, 2003),
            (Slot::Selfie, 2004),
        ] {
            let r = check(slot, &jpeg(&img), &Limits::default()).unwrap_err();
            assert_eq!(r.code, code);
        }
        let r = check(Slot::Front, &png(&img), &Limits::default()).unwrap_err();
        assert_eq!(
            r.message,
            "The photo of the front of your ID is too small: at least 480 pixels on its short side."
        );
        // Portrait orientation: the short side is the width.
        let r = check(Slot::Selfie, &png(&id_like(400, 900)), &Limits::default()).unwrap_err();
        assert_eq!(r.code, 2004);
        assert!(check(Slot::Selfie, &png(&id_like(480, 900)), &Limits::default()).is_ok());
    }

    #[test]
    fn large_valid_jpeg_is_checked() {
        let bytes = jpeg(&id_like(4000, 3000));
        assert!(
            bytes.len() <= Limits::default().max_bytes,
            "{}",
            bytes.len()
        );
        let c = check(Slot::Front, &bytes, &Limits::default()).unwrap();
        assert_eq!(
            (c.content_type, c.width, c.height),
            ("image/jpeg", 4000, 3000)
        );
        assert!(c.findings.is_empty(), "{:?}", c.findings);
    }

    #[test]
    fn garbage_after_a_valid_magic_never_panics() {
        let mut noise = Noise(42);
        for len in [3usize, 8, 9, 16, 33, 100, 1000] {
            for magic in [&b"\xff\xd8\xff"[..], &b"\x89PNG\r\n\x1a\n"[..]] {
                let mut bytes = magic.to_vec();
                bytes.extend((0..len).map(|_| noise.next()));
                let r = check(Slot::Selfie, &bytes, &Limits::default()).unwrap_err();
                assert!([2004, 2005, 2026].contains(&r.code), "{r}");
            }
        }
    }

    #[test]
    fn the_analysis_copy_averages_whole_blocks_to_at_most_1024_pixels() {
        // Left half black, right half white, RGB: 2050 wide needs a factor of 3.
        let rgb = image::RgbImage::from_fn(2050, 900, |x, _| {
            if x < 1025 {
                image::Rgb([0, 0, 0])
            } else {
                image::Rgb([255, 255, 255])
            }
        });
        let gray = analysis_copy(DynamicImage::ImageRgb8(rgb));
        assert_eq!((gray.width(), gray.height()), (683, 300));
        assert_eq!(gray.get_pixel(0, 0).0, [0]);
        assert_eq!(gray.get_pixel(682, 299).0, [255]);
        // The block straddling the edge (x 1023..=1025) is one third white.
        assert_eq!(gray.get_pixel(341, 0).0, [85]);
        let small = analysis_copy(DynamicImage::ImageLuma8(image::GrayImage::new(800, 600)));
        assert_eq!((small.width(), small.height()), (800, 600));
    }

    #[test]
    fn findings_serialize() {
        let f = Finding {
            code: 2025,
            message: "blurry".into(),
        };
        let json = serde_json::to_string(&f).unwrap();
        assert_eq!(json, r#"{"code":2025,"message":"blurry"}"#);
        assert_eq!(serde_json::from_str::<Finding>(&json).unwrap(), f);
    }
}
