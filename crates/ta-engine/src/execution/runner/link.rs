//! How a coarser timeframe's values reach a finer frame without look-ahead: the batch's
//! `join_asof` (backward, on close times, exact matches included). A completed coarse bar
//! waits here until the finer frame evaluates a bar whose close time is at or after the coarse
//! bar's close time; from then on (until a later coarse bar shows) the finer frame reads its
//! values.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use super::frame::Frame;
use super::ops::V;

/// A completed coarse bar not yet visible to the finer frame.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Pending {
    pub end: i64,
    pub values: Vec<f64>,
    pub ok: Vec<bool>,
}

/// The nodes of frame `from` that frame `to` reads.
#[derive(Debug)]
pub(crate) struct Link {
    pub from: usize,
    pub to: usize,
    /// Their columns in `from`.
    pub src: Vec<usize>,
    /// Their columns in `to` (the values visible there, kept between ticks).
    pub dst: Vec<usize>,
    /// Per symbol, completed coarse bars in order of completion.
    pub pending: Vec<VecDeque<Pending>>,
}

impl Link {
    /// Queues symbol `s`'s just-completed bar of `from` (its columns hold the bar's values).
    pub fn push(&mut self, s: usize, end: i64, from: &Frame) {
        let values = self.src.iter().map(|&c| from.columns[c].v[s]).collect();
        let ok = self.src.iter().map(|&c| from.columns[c].ok[s]).collect();
        self.pending[s].push_back(Pending { end, values, ok });
    }

    /// Shows to symbol `s` of `to` every queued bar that closed at or before `close`.
    pub fn advance(&mut self, s: usize, close: i64, to: &mut Frame) {
        let queue = &mut self.pending[s];
        while queue.front().is_some_and(|p| p.end <= close) {
            let Some(bar) = queue.pop_front() else { break };
            for (k, &c) in self.dst.iter().enumerate() {
                to.columns[c].set(
                    s,
                    V {
                        v: bar.values[k],
                        ok: bar.ok[k],
                    },
                );
            }
        }
    }

    pub fn add(&mut self, count: usize) {
        self.pending
            .extend(std::iter::repeat_with(VecDeque::new).take(count));
    }

    pub fn remove(&mut self, index: usize) {
        self.pending.remove(index);
    }
}
