//! The checks of an uploaded ID photo (`signet_server::identify::images::check`) beside a
//! plain decode of the same file by the `image` crate in the same run.
//!
//! ```text
//! cargo run -p signet-server --release --example image_checks_bench
//! cargo run -p signet-server --release --example image_checks_bench -- --rounds 20
//! ```
//!
//! Inputs are made here: a 4000 × 3000 JPEG (a 12-megapixel phone photo), a 1600 × 1200
//! JPEG (a photo the browser scaled down) and a 1600 × 1200 PNG (a screenshot or scan), each a
//! sharp, noisy card-like pattern. For each, the median of `--rounds` runs of:
//! - **decode**: `image::load_from_memory` (what any check must at least do);
//! - **check**: Signet's whole check (magic bytes, header limits before decoding, a
//!   completeness walk for JPEG, a bounded decode, the grayscale downscale, brightness and the
//!   variance of the Laplacian).
//!
//! The ratio check / decode is the figure to watch: it says what the checks cost above the
//! decode they cannot avoid, whatever the machine's speed.

#![allow(clippy::disallowed_methods)] // a benchmark reads the wall clock to time itself

use signet_server::identify::images::{Limits, Slot, check};
use std::time::{Duration, Instant};

fn photo(width: u32, height: u32) -> image::RgbImage {
    image::RgbImage::from_fn(width, height, |x, y| {
        let cell = ((x / 40) + (y / 40)) % 2 == 0;
        let noise = ((x.wrapping_mul(7919) ^ y.wrapping_mul(104_729)) % 29) as u8;
        let v = if cell { 50 + noise } else { 190 - noise };
        image::Rgb([v, v.saturating_add(5), v.saturating_sub(5)])
    })
}

fn encode(img: &image::RgbImage, format: image::ImageFormat) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, format).expect("encode");
    out.into_inner()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rounds: usize = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|i| args.get(i + 1))
        .and_then(|r| r.parse().ok())
        .unwrap_or(11)
        .max(1);
    let inputs = [
        (
            "JPEG 4000x3000",
            encode(&photo(4000, 3000), image::ImageFormat::Jpeg),
        ),
        (
            "JPEG 1600x1200",
            encode(&photo(1600, 1200), image::ImageFormat::Jpeg),
        ),
        (
            "PNG 1600x1200",
            encode(&photo(1600, 1200), image::ImageFormat::Png),
        ),
    ];
    let limits = Limits::default();
    println!("{rounds} rounds each; medians");
    println!(
        "{:<16} {:>9} {:>10} {:>10} {:>8}",
        "input", "size", "decode", "check", "ratio"
    );
    for (name, bytes) in &inputs {
        let mut decode = Vec::new();
        let mut checked = Vec::new();
        for _ in 0..rounds {
            let t = Instant::now();
            let img = image::load_from_memory(bytes).expect("decodes");
            std::hint::black_box(&img);
            decode.push(t.elapsed());
            drop(img);
            let t = Instant::now();
            let out = check(Slot::Front, bytes, &limits).expect("accepted");
            std::hint::black_box(&out);
            checked.push(t.elapsed());
            assert!(out.findings.is_empty(), "{name}: {:?}", out.findings);
        }
        let (d, c) = (median(decode), median(checked));
        println!(
            "{:<16} {:>7} KB {:>8.1} ms {:>8.1} ms {:>7.2}x",
            name,
            bytes.len() / 1024,
            d.as_secs_f64() * 1e3,
            c.as_secs_f64() * 1e3,
            c.as_secs_f64() / d.as_secs_f64()
        );
    }
}
