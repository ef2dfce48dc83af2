//! A global allocator that counts, per thread, the bytes an input makes a parser hold.
//!
//! A fuzz test binary installs it (`#[global_allocator] static A: Counting = Counting;`) and
//! [`measure`] runs one case with it: the peak of live bytes allocated *on the calling thread*
//! above what was live when the case began. Counting per thread keeps the cases of targets that
//! the test harness runs in parallel apart. Every parser fuzzed here is single-threaded; memory
//! a parser allocated on another thread would not be counted.
//!
//! Besides the peak that the runner compares with a target's limit after the case, a hard
//! ceiling refuses an allocation that would take the thread far past it, so that a runaway
//! parser aborts the test ("memory allocation of N bytes failed") instead of exhausting the
//! machine.

#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::Write;

/// The counting allocator: the system allocator plus per-thread bookkeeping.
pub struct Counting;

thread_local! {
    // Bytes allocated minus bytes freed on this thread. Signed: a buffer allocated on one
    // thread may be freed on another.
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
    static CEILING: Cell<isize> = const { Cell::new(isize::MAX) };
    // Whether any allocation was counted on this thread: proves the allocator is installed.
    static SEEN: Cell<bool> = const { Cell::new(false) };
    static TARGET: Cell<&'static str> = const { Cell::new("") };
    static REPORTING: Cell<bool> = const { Cell::new(false) };
}

fn to_isize(n: usize) -> isize {
    isize::try_from(n).unwrap_or(isize::MAX)
}

/// Counts `n` more bytes on this thread, or refuses them when they would pass the ceiling.
fn grow(n: usize) -> bool {
    LIVE.try_with(|live| {
        let now = live.get().saturating_add(to_isize(n));
        if now > CEILING.try_with(Cell::get).unwrap_or(isize::MAX) {
            return false;
        }
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
        let _ = SEEN.try_with(|seen| seen.set(true));
        true
    })
    .unwrap_or(true)
}

fn shrink(n: usize) {
    let _ = LIVE.try_with(|live| live.set(live.get().saturating_sub(to_isize(n))));
}

/// Says which target went over its ceiling, just before the standard library aborts. Writes a
/// fixed text straight to the unbuffered stderr, which allocates nothing.
fn refused() {
    if REPORTING.try_with(|r| r.replace(true)).unwrap_or(true) {
        return;
    }
    let target = TARGET.try_with(Cell::get).unwrap_or("");
    let mut err = std::io::stderr();
    let _ = err.write_all(b"\nsignet-fuzz: a case of target `");
    let _ = err.write_all(target.as_bytes());
    let _ = err.write_all(
        b"` went over its hard memory ceiling; the same command and FUZZ_SEED replay it, \
          and with FUZZ_KEEP_CURRENT=1 the input is kept as target/fuzz-failures/<target>.current\n",
    );
}

// SAFETY: every method forwards to `System` with the caller's arguments unchanged; the
// bookkeeping around it touches only const-initialised thread locals, which never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !grow(layout.size()) {
            refused();
            return std::ptr::null_mut();
        }
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, passed on as is.
        let p = unsafe { System.alloc(layout) };
        if p.is_null() {
            shrink(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if !grow(layout.size()) {
            refused();
            return std::ptr::null_mut();
        }
        // SAFETY: as for `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if p.is_null() {
            shrink(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` (through this allocator) with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        shrink(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old = layout.size();
        if new_size > old && !grow(new_size - old) {
            refused();
            return std::ptr::null_mut();
        }
        // SAFETY: as for `dealloc`, and the caller guarantees `new_size` is valid for `layout`.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if new_size > old && p.is_null() {
            shrink(new_size - old);
        } else if new_size < old && !p.is_null() {
            shrink(old - new_size);
        }
        p
    }
}

/// Whether [`Counting`] is this binary's global allocator (it has counted on this thread).
pub fn installed() -> bool {
    let probe = std::hint::black_box(vec![0u8; 64]);
    drop(probe);
    SEEN.try_with(Cell::get).unwrap_or(false)
}

/// Restores the thread's ceiling when a case ends, also by a panic.
struct Armed;

impl Drop for Armed {
    fn drop(&mut self) {
        let _ = CEILING.try_with(|c| c.set(isize::MAX));
    }
}

/// Runs `f` on this thread and returns its result with the peak of bytes it held live at once
/// (allocated on this thread, above what was live when it began). An allocation that would take
/// it past `ceiling` bytes is refused, which aborts the process.
pub fn measure<T>(target: &'static str, ceiling: usize, f: impl FnOnce() -> T) -> (T, usize) {
    let base = LIVE.try_with(Cell::get).unwrap_or(0);
    let _ = PEAK.try_with(|p| p.set(base));
    let _ = TARGET.try_with(|t| t.set(target));
    let _ = CEILING.try_with(|c| c.set(base.saturating_add(to_isize(ceiling))));
    let armed = Armed;
    let out = f();
    drop(armed);
    let peak = PEAK.try_with(Cell::get).unwrap_or(base);
    (out, usize::try_from(peak - base).unwrap_or(0))
}
