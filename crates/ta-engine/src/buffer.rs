//! Output buffers.
//!
//! A batch run writes every output row once, into freshly reserved memory. For a large series
//! most of that first write is spent in the kernel's page-fault handler (one fault per 4 KiB
//! page: ~2,000 per million rows per output). On Linux, memory the process asks for with
//! `MADV_HUGEPAGE` is faulted in 2 MiB at a time, where transparent huge pages are enabled in
//! `madvise` mode (the common default); NumPy does the same for its large arrays, which is
//! why TA-Lib's outputs are cheap to fill.

/// Buffers at least this large ask for huge pages (NumPy's threshold too).
const HUGE_PAGE_ADVICE_BYTES: usize = 1 << 22;

/// An empty vector with room for `len` values; large ones are advised to use huge pages.
pub fn reserve_f64(len: usize) -> Vec<f64> {
    let buffer: Vec<f64> = Vec::with_capacity(len);
    advise_huge_pages(buffer.as_ptr().cast(), len * std::mem::size_of::<f64>());
    buffer
}

#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
fn advise_huge_pages(start: *const u8, bytes: usize) {
    const PAGE: usize = 4096;
    if bytes < HUGE_PAGE_ADVICE_BYTES {
        return;
    }
    // madvise wants a page-aligned start; advise the whole pages inside the allocation.
    let skip = (PAGE - start as usize % PAGE) % PAGE;
    let length = (bytes - skip) / PAGE * PAGE;
    // SAFETY: the range lies inside one live allocation of `bytes` bytes; MADV_HUGEPAGE only
    // changes how the kernel backs it (never its contents), and a failure (e.g. no THP
    // support) is harmless, so the result is ignored.
    unsafe {
        libc::madvise(
            start.add(skip) as *mut libc::c_void,
            length,
            libc::MADV_HUGEPAGE,
        );
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_huge_pages(_start: *const u8, _bytes: usize) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserves_capacity_for_small_and_large_buffers() {
        for len in [0, 1, 1000, 1 << 20] {
            let mut buffer = reserve_f64(len);
            assert!(buffer.capacity() >= len);
            buffer.extend((0..len).map(|i| i as f64));
            assert_eq!(buffer.last().copied(), len.checked_sub(1).map(|i| i as f64));
        }
    }
}
