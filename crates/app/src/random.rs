//! Randomness from the operating system.

/// 16 random bytes from the operating system.
pub fn random16() -> [u8; 16] {
    let mut b = [0u8; 16];
    fill_random(&mut b);
    b
}

/// Fills a buffer from the operating system's CSPRNG. Failure here means
/// the machine cannot produce secrets at all, so it is fatal.
pub fn fill_random(buf: &mut [u8]) {
    if let Err(e) = getrandom::fill(buf) {
        panic!("the operating system's random number generator failed: {e}");
    }
}
