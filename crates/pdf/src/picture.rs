//! Pictures a signer or an integrator gives (a field's image, a drawn or uploaded signature):
//! PNG or JPEG, read into what a PDF image XObject needs.
//!
//! A JPEG goes into the PDF as it is (DCTDecode): only its header is read. A PNG is decoded
//! (the `png` crate, pure Rust, with an allocation limit) and deflated again, its alpha channel
//! as a separate soft mask, because PDF has no PNG filter for transparency.

use std::io::{Cursor, Write};

use crate::error::PdfError;

/// A picture ready for an image XObject.
pub(crate) struct Picture {
    pub width: u32,
    pub height: u32,
    /// `DeviceGray`, `DeviceRGB` or `DeviceCMYK`.
    pub color_space: &'static str,
    /// `DCTDecode` (the JPEG's own bytes) or `FlateDecode`.
    pub filter: &'static str,
    pub data: Vec<u8>,
    /// The PNG's alpha channel, deflated, one byte a pixel.
    pub alpha: Option<Vec<u8>>,
}

impl Picture {
    /// Reads PNG or JPEG bytes; anything else, a damaged file, or a side longer than
    /// `max_side` pixels is refused.
    pub fn read(bytes: &[u8], max_side: u32) -> Result<Picture, PdfError> {
        let picture = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            read_png(bytes, max_side)?
        } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
            read_jpeg(bytes)?
        } else {
            return Err(PdfError::Picture("not a PNG or JPEG image".into()));
        };
        if picture.width == 0 || picture.height == 0 {
            return Err(PdfError::Picture("the image is empty".into()));
        }
        if picture.width > max_side || picture.height > max_side {
            return Err(PdfError::Picture(format!(
                "the image is {}×{} pixels, more than {max_side} on a side",
                picture.width, picture.height
            )));
        }
        Ok(picture)
    }
}

/// A PNG's or JPEG's width and height in pixels, from its header alone (cheap, so a picture
/// too large to take is refused before it is decoded).
pub fn picture_size(bytes: &[u8]) -> Result<(u32, u32), PdfError> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        let decoder = png::Decoder::new(Cursor::new(bytes));
        let reader = decoder
            .read_info()
            .map_err(|e| PdfError::Picture(format!("not a readable PNG: {e}")))?;
        Ok(reader.info().size())
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        read_jpeg(bytes).map(|p| (p.width, p.height))
    } else {
        Err(PdfError::Picture("not a PNG or JPEG image".into()))
    }
}

/// Reads a picture whole, as signing will, so one accepted now cannot fail later.
pub fn check_picture(bytes: &[u8], max_side: u32) -> Result<(), PdfError> {
    Picture::read(bytes, max_side).map(|_| ())
}

fn deflate(data: &[u8]) -> Result<Vec<u8>, PdfError> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(data)
        .and_then(|_| encoder.finish())
        .map_err(|e| PdfError::Picture(format!("cannot compress the image: {e}")))
}

fn read_png(bytes: &[u8], max_side: u32) -> Result<Picture, PdfError> {
    let bad = |e: png::DecodingError| PdfError::Picture(format!("not a readable PNG: {e}"));
    // Enough for a max_side square in RGBA, 8 bits, and the decoder's own buffers.
    let limit = (max_side as usize).pow(2) * 4 + (1 << 20);
    let mut decoder =
        png::Decoder::new_with_limits(Cursor::new(bytes), png::Limits { bytes: limit });
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(bad)?;
    let (w, h) = reader.info().size();
    if w > max_side || h > max_side {
        return Err(PdfError::Picture(format!(
            "the image is {w}×{h} pixels, more than {max_side} on a side"
        )));
    }
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| PdfError::Picture("the image is too large".into()))?;
    let mut buf = vec![0; size];
    let info = reader.next_frame(&mut buf).map_err(bad)?;
    let buf = &buf[..info.buffer_size()];
    let (channels, color_space) = match info.color_type {
        png::ColorType::Grayscale => (1, "DeviceGray"),
        png::ColorType::GrayscaleAlpha => (2, "DeviceGray"),
        png::ColorType::Rgb => (3, "DeviceRGB"),
        png::ColorType::Rgba => (4, "DeviceRGB"),
        png::ColorType::Indexed => {
            return Err(PdfError::Picture(
                "an indexed PNG that cannot be expanded".into(),
            ));
        }
    };
    let row = info.line_size;
    let (w, h) = (info.width as usize, info.height as usize);
    let has_alpha = channels == 2 || channels == 4;
    let colour = if channels > 1 && has_alpha {
        channels - 1
    } else {
        channels
    };
    let mut pixels = Vec::with_capacity(w * h * colour);
    let mut alpha = Vec::with_capacity(if has_alpha { w * h } else { 0 });
    for y in 0..h {
        let line = &buf[y * row..y * row + w * channels];
        if has_alpha {
            for px in line.chunks_exact(channels) {
                pixels.extend_from_slice(&px[..colour]);
                alpha.push(px[colour]);
            }
        } else {
            pixels.extend_from_slice(line);
        }
    }
    let opaque = alpha.iter().all(|&a| a == 255);
    Ok(Picture {
        width: info.width,
        height: info.height,
        color_space,
        filter: "FlateDecode",
        data: deflate(&pixels)?,
        alpha: if has_alpha && !opaque {
            Some(deflate(&alpha)?)
        } else {
            None
        },
    })
}

/// A JPEG's size and colour space from its frame header; the bytes stay as they are.
fn read_jpeg(bytes: &[u8]) -> Result<Picture, PdfError> {
    let bad = || PdfError::Picture("not a readable JPEG".into());
    let mut i = 2;
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xff {
            return Err(bad());
        }
        let marker = bytes[i + 1];
        if marker == 0xff {
            i += 1;
            continue;
        }
        if matches!(marker, 0xd8 | 0x01 | 0xd0..=0xd7) {
            i += 2;
            continue;
        }
        let len = u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]) as usize;
        if len < 2 || i + 2 + len > bytes.len() {
            return Err(bad());
        }
        // Start of frame: baseline, extended, progressive, lossless (not DHT, JPG, DAC).
        if matches!(marker, 0xc0..=0xcf) && !matches!(marker, 0xc4 | 0xc8 | 0xcc) {
            let seg = &bytes[i + 4..i + 2 + len];
            if seg.len() < 6 || seg[0] != 8 {
                return Err(PdfError::Picture(
                    "a JPEG that is not 8 bits a sample".into(),
                ));
            }
            let height = u16::from_be_bytes([seg[1], seg[2]]) as u32;
            let width = u16::from_be_bytes([seg[3], seg[4]]) as u32;
            let color_space = match seg[5] {
                1 => "DeviceGray",
                3 => "DeviceRGB",
                4 => "DeviceCMYK",
                _ => return Err(bad()),
            };
            return Ok(Picture {
                width,
                height,
                color_space,
                filter: "DCTDecode",
                data: bytes.to_vec(),
                alpha: None,
            });
        }
        if marker == 0xda || marker == 0xd9 {
            break;
        }
        i += 2 + len;
    }
    Err(bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32, color: png::ColorType, pixels: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(color);
        enc.set_depth(png::BitDepth::Eight);
        enc.write_header()
            .unwrap()
            .write_image_data(pixels)
            .unwrap();
        out
    }

    #[test]
    fn a_transparent_png_keeps_its_alpha_as_a_mask_and_an_opaque_one_has_none() {
        let rgba = png(
            2,
            1,
            png::ColorType::Rgba,
            &[255, 0, 0, 128, 0, 0, 255, 255],
        );
        let p = Picture::read(&rgba, 100).unwrap();
        assert_eq!((p.width, p.height, p.color_space), (2, 1, "DeviceRGB"));
        assert!(p.alpha.is_some());
        let rgb = png(2, 1, png::ColorType::Rgb, &[255, 0, 0, 0, 0, 255]);
        assert!(Picture::read(&rgb, 100).unwrap().alpha.is_none());
    }

    #[test]
    fn a_picture_too_large_or_not_a_picture_is_refused_without_a_panic() {
        let big = png(101, 1, png::ColorType::Grayscale, &[0; 101]);
        assert!(matches!(
            Picture::read(&big, 100),
            Err(PdfError::Picture(_))
        ));
        assert!(matches!(
            Picture::read(b"GIF89a", 100),
            Err(PdfError::Picture(_))
        ));
        let truncated = &png(4, 4, png::ColorType::Rgb, &[7; 48])[..40];
        assert!(matches!(
            Picture::read(truncated, 100),
            Err(PdfError::Picture(_))
        ));
        assert!(matches!(
            Picture::read(&[0xff, 0xd8, 0xff, 0xe0, 0, 1], 100),
            Err(PdfError::Picture(_))
        ));
    }

    #[test]
    fn a_jpeg_goes_in_as_it_is_with_the_size_of_its_frame_header() {
        // SOI, APP0 (length 4), SOF0 (8 bits, 3×5, 3 components), EOI.
        let mut jpeg = vec![0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0, 0];
        jpeg.extend_from_slice(&[0xff, 0xc0, 0x00, 0x11, 8, 0, 3, 0, 5, 3]);
        jpeg.extend_from_slice(&[1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]);
        jpeg.extend_from_slice(&[0xff, 0xd9]);
        let p = Picture::read(&jpeg, 100).unwrap();
        assert_eq!(
            (p.width, p.height, p.color_space, p.filter),
            (5, 3, "DeviceRGB", "DCTDecode")
        );
        assert_eq!(p.data, jpeg);
    }
}
