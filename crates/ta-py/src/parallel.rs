//! Splitting one large grouped call across threads, only when nothing else is running.
//!
//! A plugin carries its own copy of Polars and cannot use Polars' thread pool. When Polars
//! already runs several expressions at once (a `select` of many indicators), those calls keep
//! the cores busy, and threads of our own would only oversubscribe them; so a call splits its
//! groups across threads only while it is the one indicator call in progress in the process.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use polars::prelude::*;
use ta_engine::Batch;

/// Indicator calls in progress in this process.
static ACTIVE: AtomicUsize = AtomicUsize::new(0);

/// Rows below which splitting costs more (thread start-up) than it saves.
const MIN_ROWS_PER_THREAD: usize = 100_000;

/// Marks an indicator call in progress for as long as it lives.
#[derive(Debug)]
pub struct ActiveCall(());

impl ActiveCall {
    pub fn enter() -> Self {
        ACTIVE.fetch_add(1, Ordering::SeqCst);
        ActiveCall(())
    }
}

impl Drop for ActiveCall {
    fn drop(&mut self) {
        ACTIVE.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Threads worth using for `len` rows in groups starting at `group_starts`: 1 unless this is
/// the only call in progress, the input is large and there are groups to split between.
fn threads_for(len: usize, groups: usize) -> usize {
    if ACTIVE.load(Ordering::SeqCst) > 1 || groups < 2 {
        return 1;
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    cores.min(len / MIN_ROWS_PER_THREAD).min(groups).max(1)
}

/// A part of the rows and the group starts inside it (relative to the part).
pub type Part = (Range<usize>, Vec<usize>);

/// Consecutive parts of about equal rows, cut only where a group starts.
pub fn split(group_starts: &[usize], len: usize) -> Vec<Part> {
    let threads = threads_for(len, group_starts.len());
    let mut parts = Vec::with_capacity(threads);
    let mut begin = 0;
    for k in 1..=threads {
        let target = len * k / threads;
        let end = if k == threads {
            len
        } else {
            // The first group start at or after the target row (never the part's own start).
            let at = group_starts.partition_point(|&g| g < target.max(begin + 1));
            group_starts.get(at).copied().unwrap_or(len)
        };
        if end <= begin {
            continue;
        }
        let inside = group_starts
            .iter()
            .filter(|&&g| g >= begin && g < end)
            .map(|&g| g - begin)
            .collect();
        parts.push((begin..end, inside));
        begin = end;
    }
    if parts.is_empty() {
        parts.push((0..len, group_starts.to_vec()));
    }
    parts
}

/// Runs `work` on every part, on threads of its own when there are several; results in
/// part order. A panic in a worker is reported as an error, never unwound into Polars.
pub fn run_parts<F>(parts: &[Part], work: F) -> PolarsResult<Vec<Batch>>
where
    F: Fn(Range<usize>, &[usize]) -> PolarsResult<Batch> + Sync,
{
    if let [(rows, starts)] = parts {
        return Ok(vec![work(rows.clone(), starts)?]);
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .iter()
            .map(|(rows, starts)| scope.spawn(|| work(rows.clone(), starts)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(polars_err!(ComputeError: "an indicator thread panicked"))
                })
            })
            .collect()
    })
}

/// The chunks covering `rows` of a column stored as consecutive chunks.
pub fn slice_chunks<'a>(chunks: &[&'a [f64]], rows: Range<usize>) -> Vec<&'a [f64]> {
    let mut out = Vec::new();
    let mut offset = 0;
    for chunk in chunks {
        let (start, end) = (offset, offset + chunk.len());
        offset = end;
        let from = rows.start.max(start);
        let to = rows.end.min(end);
        if from < to {
            out.push(&chunk[from - start..to - start]);
        }
    }
    out
}
