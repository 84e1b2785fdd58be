//! The indicator contract and the two ways of driving it: the batch fold and streaming.

use crate::params::Params;
use crate::TaError;

/// Most input series any indicator takes (open, high, low, close, volume).
pub const MAX_INPUTS: usize = 5;
/// Most outputs any indicator produces.
pub const MAX_OUTPUTS: usize = 8;

/// An indicator written once, as a state machine over bars.
///
/// `step` consumes one complete bar (every input present; the drivers skip incomplete bars)
/// and either fills `out` and returns `true`, or returns `false` while it is still warming up.
/// Once an indicator has returned `true` it returns `true` for every later bar (unless it
/// declares `GAPS`), and it first does so on its `lookback()`-th complete bar (counting from
/// zero).
pub trait Indicator: Clone + Send + Sync + 'static {
    /// Number of input series, in catalog order.
    const INPUTS: usize;
    /// Number of outputs, in catalog order.
    const OUTPUTS: usize;
    /// True when `step` fuses multiply-adds (`f64::mul_add`, where TA-Lib calls `fma`): the
    /// batch fold then runs a copy compiled for CPUs with FMA, where each is one instruction
    /// (elsewhere a slower call, same bits). Only speed depends on it.
    const FUSED: bool = false;
    /// True when `step` may return `false` after its warm-up: a bar with no defined value
    /// (e.g. the logarithm of a negative number), whose row is then missing like a warm-up
    /// row. The fold only checks for that when this is set.
    const GAPS: bool = false;
    /// True when `step` keeps no state (an elementwise function of the bar, lookback 0): the
    /// batch fold may then compute every row without a per-row branch, a loop that vectorises,
    /// and check the bars afterwards. Only speed depends on it.
    const STATELESS: bool = false;
    /// Version of the state's serialized form (snapshots). Bump it when a field changes
    /// meaning or cannot take a default; a new field with `#[serde(default)]` needs no bump.
    const STATE_VERSION: u32 = 1;
    /// Oldest state version a snapshot may hold and still restore: the state's deserializer
    /// converts the layouts from it up to [`Indicator::STATE_VERSION`].
    const OLDEST_STATE_VERSION: u32 = Self::STATE_VERSION;

    /// Builds the state machine from parameters already checked against the catalog ranges.
    fn from_params(params: &Params) -> Result<Self, TaError>;

    /// Complete bars consumed before the first output.
    fn lookback(&self) -> usize;

    /// Consumes one bar; see the trait documentation.
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool;

    /// Sees a bar the drivers skip (a NaN or infinite input; its finite inputs are as
    /// given). Nothing by default: a skipped bar leaves the state untouched. Anchored
    /// indicators keep its anchor, so the next complete bar starts the period it marked.
    #[inline(always)]
    fn skip(&mut self, _bar: &[f64]) {}
}

/// The missing-data rule, shared by the batch fold and streams: a bar is used only when every
/// input is a finite number. Null inputs are excluded before this (`rows_present`); NaN and
/// ±inf only ever encode a gap or a bad tick in a price series, so they are missing data too
/// (TA-Lib's own stream API refuses such bars). A skipped bar leaves the state untouched and
/// its output row is missing.
#[inline(always)]
pub fn bar_is_complete(bar: &[f64]) -> bool {
    bar.iter().all(|v| v.is_finite())
}

/// Which output rows hold a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Validity {
    /// The first `n` rows are missing, every later row is present.
    Prefix(usize),
    /// Row `i` is present when `mask[i]` is true.
    Mask(Vec<bool>),
    /// The rows in these ascending, disjoint ranges are missing, every other row is present
    /// (each group's warm-up in a grouped fold).
    Gaps(Vec<std::ops::Range<usize>>),
}

impl Validity {
    pub fn is_valid(&self, row: usize) -> bool {
        match self {
            Validity::Prefix(n) => row >= *n,
            Validity::Mask(mask) => mask[row],
            Validity::Gaps(gaps) => {
                let after = gaps.partition_point(|g| g.start <= row);
                after == 0 || gaps[after - 1].end <= row
            }
        }
    }

    /// The validity of rows `0..len` as one flag per row.
    pub fn to_mask(&self, len: usize) -> Vec<bool> {
        match self {
            Validity::Mask(mask) => mask.clone(),
            Validity::Prefix(n) => (0..len).map(|row| row >= *n).collect(),
            Validity::Gaps(gaps) => {
                let mut mask = vec![true; len];
                for gap in gaps {
                    mask[gap.start.min(len)..gap.end.min(len)].fill(false);
                }
                mask
            }
        }
    }
}

/// Result of a batch run: one value vector per output (missing rows hold NaN) and the rows
/// that are present.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    pub outputs: Vec<Vec<f64>>,
    pub validity: Validity,
}

impl Batch {
    /// Appends one row: `values` (one per output) when `ready`, a missing row otherwise.
    pub fn push_row(&mut self, values: &[f64], ready: bool) {
        let row = self.outputs.first().map_or(0, Vec::len);
        for (series, &v) in self.outputs.iter_mut().zip(values) {
            series.push(if ready { v } else { f64::NAN });
        }
        self.validity = match std::mem::replace(&mut self.validity, Validity::Prefix(0)) {
            // Still all warm-up, or the first rows only: a prefix stays a prefix.
            Validity::Prefix(n) if !ready && n == row => Validity::Prefix(n + 1),
            Validity::Prefix(n) if ready => Validity::Prefix(n),
            other => {
                let mut mask = other.to_mask(row);
                mask.push(ready);
                Validity::Mask(mask)
            }
        };
    }
}

/// One input series as the contiguous chunks it is stored in (Arrow columns often arrive in
/// several); a plain slice is one chunk.
pub type Chunks<'a> = &'a [&'a [f64]];

/// Folds `indicator` over `inputs` (equal-length series in catalog order, each as chunks).
///
/// `rows_present`, when given, marks the rows whose inputs are all present (not null); other
/// rows are skipped by the state machine and come out missing, and so are rows with a
/// non-finite input ([`bar_is_complete`]). Without it the fold takes a faster path until the
/// first non-finite input. Chunks are walked in place, never concatenated: the state machine
/// simply carries on from one chunk to the next.
pub fn fold<I: Indicator>(
    indicator: I,
    inputs: &[Chunks<'_>],
    rows_present: Option<&[bool]>,
) -> Batch {
    fold_groups(indicator, inputs, rows_present, &[])
}

/// Like [`fold`], but the state machine starts afresh at each row in `group_starts`
/// (ascending): one pass over a column that holds several series one after another, e.g. a
/// panel sorted by symbol. Each group warms up on its own, so validity is a mask.
pub fn fold_groups<I: Indicator>(
    indicator: I,
    inputs: &[Chunks<'_>],
    rows_present: Option<&[bool]>,
    group_starts: &[usize],
) -> Batch {
    fold_keeping_state(indicator, inputs, rows_present, group_starts).0
}

/// Like [`fold_groups`], and also returns the state machine as the last bar left it (ready to
/// go on bar by bar: a stream warmed on history).
pub fn fold_keeping_state<I: Indicator>(
    indicator: I,
    inputs: &[Chunks<'_>],
    rows_present: Option<&[bool]>,
    group_starts: &[usize],
) -> (Batch, I) {
    #[cfg(target_arch = "x86_64")]
    if (I::FUSED || I::STATELESS)
        && std::arch::is_x86_feature_detected!("fma")
        && std::arch::is_x86_feature_detected!("avx2")
    {
        // SAFETY: the CPU has FMA and AVX2, the features `fold_groups_fma` is compiled for.
        #[allow(unsafe_code)]
        return unsafe { fold_groups_fma(indicator, inputs, rows_present, group_starts) };
    }
    fold_groups_inline(indicator, inputs, rows_present, group_starts)
}

/// The fold compiled for CPUs with FMA and AVX2. Kernels fuse multiply-adds exactly where
/// TA-Lib does (`f64::mul_add`, always correctly rounded); here that is one instruction,
/// elsewhere a call to the software routine. Stateless kernels vectorise four rows at a time
/// (and round with one instruction, not a libm call). Rust never contracts or reorders
/// floating-point arithmetic on its own, so the bits are the same either way; only the speed
/// differs.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "fma,avx2")]
#[allow(unsafe_code)]
unsafe fn fold_groups_fma<I: Indicator>(
    indicator: I,
    inputs: &[Chunks<'_>],
    rows_present: Option<&[bool]>,
    group_starts: &[usize],
) -> (Batch, I) {
    fold_groups_inline(indicator, inputs, rows_present, group_starts)
}

/// The body of [`fold_groups`], inlined into each CPU-specific copy (with the state machine's
/// `step`, so its arithmetic is compiled for that CPU).
#[inline(always)]
fn fold_groups_inline<I: Indicator>(
    indicator: I,
    inputs: &[Chunks<'_>],
    rows_present: Option<&[bool]>,
    group_starts: &[usize],
) -> (Batch, I) {
    debug_assert_eq!(inputs.len(), I::INPUTS);
    let len = inputs
        .first()
        .map_or(0, |c| c.iter().map(|s| s.len()).sum());
    let pristine = (!group_starts.is_empty()).then(|| indicator.clone());
    let mut fold = Fold::new(indicator, len, rows_present.is_some());
    let mut starts = group_starts.iter().copied().peekable();
    for_each_segment(
        inputs,
        #[inline(always)]
        |start, segment| {
            let end = start + segment[0].len();
            let mut at = start;
            while at < end {
                while starts.next_if(|&g| g <= at).is_some_and(|g| g == at) {
                    fold.indicator = pristine.clone();
                    fold.ready_seen = false;
                    fold.group_starts.push((at, fold.warm_up));
                }
                let stop = starts.peek().map_or(end, |&g| g.min(end));
                let part: [&[f64]; MAX_INPUTS] = std::array::from_fn(|k| {
                    let s = segment[k];
                    if s.is_empty() {
                        s
                    } else {
                        &s[at - start..stop - start]
                    }
                });
                fold.feed(&part, rows_present.map(|p| &p[at..stop]));
                at = stop;
            }
        },
    );
    fold.finish()
}

/// Calls `f(first_row, slices)` for each run of rows that is contiguous in every input.
#[inline(always)]
fn for_each_segment(inputs: &[Chunks<'_>], mut f: impl FnMut(usize, &[&[f64]; MAX_INPUTS])) {
    let mut chunk = [0_usize; MAX_INPUTS];
    let mut offset = [0_usize; MAX_INPUTS];
    let mut row = 0;
    loop {
        let mut segment: [&[f64]; MAX_INPUTS] = [&[]; MAX_INPUTS];
        let mut seg_len = usize::MAX;
        for (k, column) in inputs.iter().enumerate() {
            // Skip exhausted (or empty) chunks.
            while chunk[k] < column.len() && offset[k] == column[chunk[k]].len() {
                chunk[k] += 1;
                offset[k] = 0;
            }
            let Some(current) = column.get(chunk[k]) else {
                return;
            };
            seg_len = seg_len.min(current.len() - offset[k]);
        }
        if inputs.is_empty() || seg_len == 0 {
            return;
        }
        for (k, column) in inputs.iter().enumerate() {
            segment[k] = &column[chunk[k]][offset[k]..offset[k] + seg_len];
            offset[k] += seg_len;
        }
        f(row, &segment);
        row += seg_len;
    }
}

/// The running state of a batch fold: the state machine and the outputs so far.
struct Fold<I> {
    /// Taken out while a segment runs, so the hot loop owns it as a local (the optimiser
    /// keeps a local's state in registers; behind `&mut self` it goes back to memory).
    indicator: Option<I>,
    outputs: Vec<Vec<f64>>,
    mask: Option<Vec<bool>>,
    warm_up: usize,
    /// For `GAPS` indicators: some bar of the current group was ready already, so a later
    /// bar that is not is a gap, not warm-up.
    ready_seen: bool,
    row: usize,
    /// Without a mask: each group's first row and the warm-up count before it.
    group_starts: Vec<(usize, usize)>,
}

impl<I: Indicator> Fold<I> {
    fn new(indicator: I, len: usize, with_mask: bool) -> Self {
        // Outputs are written row by row into reserved space: no zeroing pass first.
        Fold {
            indicator: Some(indicator),
            outputs: (0..I::OUTPUTS)
                .map(|_| crate::buffer::reserve_f64(len))
                .collect(),
            mask: with_mask.then(|| Vec::with_capacity(len)),
            warm_up: 0,
            ready_seen: false,
            row: 0,
            group_starts: Vec::new(),
        }
    }

    #[inline(always)]
    fn feed(&mut self, segment: &[&[f64]; MAX_INPUTS], present: Option<&[bool]>) {
        // A match on the (constant) input count lets each indicator's loop compile without
        // per-row bounds checks.
        let s = segment;
        match I::INPUTS {
            1 => self.drive(|| s[0].iter().map(|&a| [a, 0.0, 0.0, 0.0, 0.0]), present),
            2 => self.drive(
                || s[0].iter().zip(s[1]).map(|(&a, &b)| [a, b, 0.0, 0.0, 0.0]),
                present,
            ),
            3 => self.drive(
                || {
                    s[0].iter()
                        .zip(s[1])
                        .zip(s[2])
                        .map(|((&a, &b), &c)| [a, b, c, 0.0, 0.0])
                },
                present,
            ),
            4 => self.drive(
                || {
                    s[0].iter()
                        .zip(s[1])
                        .zip(s[2])
                        .zip(s[3])
                        .map(|(((&a, &b), &c), &d)| [a, b, c, d, 0.0])
                },
                present,
            ),
            _ => self.drive(
                || {
                    s[0].iter()
                        .zip(s[1])
                        .zip(s[2])
                        .zip(s[3])
                        .zip(s[4])
                        .map(|((((&a, &b), &c), &d), &e)| [a, b, c, d, e])
                },
                present,
            ),
        }
    }

    /// Folds one segment's bars (`bars()` yields them afresh each time it is called).
    #[inline(always)]
    fn drive<B: ExactSizeIterator<Item = [f64; MAX_INPUTS]>>(
        &mut self,
        bars: impl Fn() -> B,
        present: Option<&[bool]>,
    ) {
        let first = self.row;
        let len = bars().len();
        self.row += len;
        let Some(mut indicator) = self.indicator.take() else {
            return;
        };
        if present.is_none() && self.mask.is_none() {
            if I::STATELESS && I::OUTPUTS == 1 && self.stateless(&mut indicator, bars()) {
                self.indicator = Some(indicator);
                return;
            }
            // The common case, every row present so far: a tight pass that only notes whether
            // some input was not finite. That is rare; then the state is put back and the
            // segment folded again with a validity mask.
            let before = indicator.clone();
            if let Some(warm_up) = self.dense(&mut indicator, bars()) {
                self.warm_up += warm_up;
                self.indicator = Some(indicator);
                return;
            }
            indicator = before;
            for series in &mut self.outputs {
                series.truncate(first);
            }
            self.start_mask(first);
        }
        self.masked(&mut indicator, bars(), present);
        self.indicator = Some(indicator);
    }

    /// For a stateless indicator: computes every row with no branch per row (the loop
    /// vectorises) and checks the bars as it goes. True when every bar was complete and had a
    /// value, and the rows were appended; false otherwise, with nothing appended, and the caller
    /// folds the segment the general way (stepping a stateless indicator changes nothing).
    #[inline(always)]
    fn stateless(
        &mut self,
        indicator: &mut I,
        bars: impl ExactSizeIterator<Item = [f64; MAX_INPUTS]>,
    ) -> bool {
        let rows = bars.len();
        let mut out = [f64::NAN; MAX_OUTPUTS];
        let mut usable = true;
        let spare = &mut self.outputs[0].spare_capacity_mut()[..rows];
        for (slot, bar) in spare.iter_mut().zip(bars) {
            let bar = &bar[..I::INPUTS];
            let finite = bar.iter().fold(true, |all, v| all & v.is_finite());
            usable &= finite & indicator.step(bar, &mut out[..1]);
            slot.write(out[0]);
        }
        if usable {
            let written = self.outputs[0].len() + rows;
            // SAFETY: the loop above wrote the first `rows` reserved slots.
            #[allow(unsafe_code)]
            unsafe {
                self.outputs[0].set_len(written)
            };
            self.ready_seen |= rows > 0;
        }
        usable
    }

    /// Steps every bar, appending every row; the number of warm-up rows, or `None` at the first
    /// incomplete bar (or a `GAPS` gap), before stepping it: nothing is appended then, and the
    /// caller refolds the segment with a mask from a copy of the state it started with.
    #[inline(always)]
    #[allow(unsafe_code)]
    fn dense(
        &mut self,
        indicator: &mut I,
        bars: impl ExactSizeIterator<Item = [f64; MAX_INPUTS]>,
    ) -> Option<usize> {
        let rows = bars.len();
        let mut out = [f64::NAN; MAX_OUTPUTS];
        let mut warm_up = 0;
        let mut complete = true;
        let mut ready_seen = self.ready_seen;
        // Rows are written straight into each output's reserved space (no zeroing pass). A
        // plain loop over slices, not `Vec::extend`: library helpers may stay out of line,
        // outside the FMA-compiled copy of this loop.
        if I::OUTPUTS == 1 {
            let spare = &mut self.outputs[0].spare_capacity_mut()[..rows];
            for (slot, bar) in spare.iter_mut().zip(bars) {
                // Stop at the first incomplete bar: a state machine never sees NaN or inf.
                if !bar_is_complete(&bar[..I::INPUTS]) {
                    return None;
                }
                let ready = indicator.step(&bar[..I::INPUTS], &mut out[..1]);
                if I::GAPS {
                    complete &= ready || !ready_seen;
                    ready_seen |= ready;
                }
                slot.write(if ready {
                    out[0]
                } else {
                    warm_up += 1;
                    f64::NAN
                });
            }
        } else {
            // One write cursor per output, fixed in number, so the per-row stores unroll
            // without bounds checks.
            let cursors: [*mut f64; MAX_OUTPUTS] = std::array::from_fn(|k| {
                self.outputs
                    .get_mut(k)
                    .map_or(std::ptr::null_mut(), |series| {
                        series.spare_capacity_mut()[..rows].as_mut_ptr().cast()
                    })
            });
            for (i, bar) in bars.enumerate() {
                if !bar_is_complete(&bar[..I::INPUTS]) {
                    return None;
                }
                let ready = indicator.step(&bar[..I::INPUTS], &mut out[..I::OUTPUTS]);
                if I::GAPS {
                    complete &= ready || !ready_seen;
                    ready_seen |= ready;
                }
                if !ready {
                    warm_up += 1;
                    out = [f64::NAN; MAX_OUTPUTS];
                }
                for (cursor, &v) in cursors[..I::OUTPUTS].iter().zip(&out) {
                    // SAFETY: `i < rows` (`bars` yields exactly `rows` bars) and each cursor
                    // points at `rows` reserved slots of its own output.
                    unsafe { cursor.add(i).write(v) };
                }
            }
        }
        for series in &mut self.outputs {
            let written = series.len() + rows;
            // SAFETY: the loop above wrote the first `rows` reserved slots of every output
            // (`bars` yields exactly `rows` bars, and each bar writes each output once).
            unsafe { series.set_len(written) };
        }
        self.ready_seen = ready_seen;
        complete.then_some(warm_up)
    }

    /// Steps the complete, present bars; the others are missing rows.
    #[inline(always)]
    fn masked(
        &mut self,
        indicator: &mut I,
        bars: impl ExactSizeIterator<Item = [f64; MAX_INPUTS]>,
        present: Option<&[bool]>,
    ) {
        let mut out = [f64::NAN; MAX_OUTPUTS];
        let mask = self.mask.get_or_insert_with(Vec::new);
        for (i, bar) in bars.enumerate() {
            let given = present.is_none_or(|p| p[i]);
            let complete = given && bar_is_complete(&bar[..I::INPUTS]);
            let ready = complete && indicator.step(&bar[..I::INPUTS], &mut out[..I::OUTPUTS]);
            if given && !complete {
                indicator.skip(&bar[..I::INPUTS]);
            }
            mask.push(ready);
            for (series, &v) in self.outputs.iter_mut().zip(&out) {
                series.push(if ready { v } else { f64::NAN });
            }
        }
    }

    /// Switches to a validity mask at row `upto`: rows before it get the validity the
    /// warm-up bookkeeping implies, later rows are filled in as they are folded.
    fn start_mask(&mut self, upto: usize) {
        let mut mask = self.prefix_validity(upto);
        mask.reserve(
            self.outputs
                .first()
                .map_or(0, Vec::capacity)
                .saturating_sub(upto),
        );
        self.mask = Some(mask);
    }

    /// Validity of rows `0..upto` from the warm-up counts (each group warms up at its start).
    fn prefix_validity(&self, upto: usize) -> Vec<bool> {
        let mut mask = self.warm_up_gaps().to_mask(upto);
        mask.truncate(upto);
        mask
    }

    /// The warm-up rows so far, from the counts (each group warms up at its start).
    fn warm_up_gaps(&self) -> Validity {
        if self.group_starts.is_empty() {
            return Validity::Prefix(self.warm_up);
        }
        let ends = self
            .group_starts
            .iter()
            .skip(1)
            .map(|&(_, w)| w)
            .chain([self.warm_up]);
        let gaps = self
            .group_starts
            .iter()
            .zip(ends)
            .map(|(&(start, before), after)| start..start + (after - before))
            .filter(|gap| !gap.is_empty())
            .collect();
        Validity::Gaps(gaps)
    }

    fn finish(self) -> (Batch, I) {
        let validity = match self.mask {
            Some(mask) => Validity::Mask(mask),
            None => self.warm_up_gaps(),
        };
        let batch = Batch {
            outputs: self.outputs,
            validity,
        };
        // Always put back after each segment.
        let state = self
            .indicator
            .expect("the state machine is back after every segment");
        (batch, state)
    }
}

/// An indicator driven bar by bar, behind dynamic dispatch (runtime-chosen by name): what
/// [`crate::execution`] builds live streams, snapshots and panels on.
pub trait Stream: Send + Sync + std::fmt::Debug {
    fn inputs(&self) -> usize;
    fn outputs(&self) -> usize;
    fn lookback(&self) -> usize;
    /// Consumes one bar; `true` when `out` was filled. A bar that is not complete (see
    /// [`bar_is_complete`]) is skipped, exactly as the batch fold skips it.
    fn update(&mut self, bar: &[f64], out: &mut [f64]) -> bool;
    /// An independent copy of the current state (a checkpoint).
    fn clone_box(&self) -> Box<dyn Stream>;
    /// Makes this state a copy of `other` (which must be the same indicator; otherwise
    /// nothing changes and `false` is returned), reusing this one's memory where it can.
    fn assign(&mut self, other: &dyn Stream) -> bool;
    /// The state's version of its serialized form (see [`Indicator::STATE_VERSION`]).
    fn state_version(&self) -> u32;
    /// The oldest state version its restore reads (see [`Indicator::OLDEST_STATE_VERSION`]).
    fn oldest_state_version(&self) -> u32;
    /// The whole state, serialized (MessagePack with named fields).
    fn save(&self) -> Result<Vec<u8>, crate::TaError>;
    /// Folds `inputs` (as for the batch kernel) on from this state, which the last bar
    /// leaves behind: the batch output of the rows, as if they were updated one by one.
    fn feed(&mut self, inputs: &[Chunks<'_>], present: Option<&[bool]>) -> Batch;
    /// A panel of `symbols` fresh copies of this state machine.
    fn panel(&self, symbols: usize) -> Box<dyn PanelStream>;
    fn as_any(&self) -> &dyn std::any::Any;
}

/// What a state machine needs to be stepped live, snapshotted and restored.
pub trait Snapshot:
    Indicator + std::fmt::Debug + serde::Serialize + serde::de::DeserializeOwned
{
}

impl<I: Indicator + std::fmt::Debug + serde::Serialize + serde::de::DeserializeOwned> Snapshot
    for I
{
}

impl<I: Snapshot> Stream for I {
    fn inputs(&self) -> usize {
        I::INPUTS
    }
    fn outputs(&self) -> usize {
        I::OUTPUTS
    }
    fn lookback(&self) -> usize {
        Indicator::lookback(self)
    }
    #[inline]
    fn update(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        if bar_is_complete(bar) {
            return self.step(bar, out);
        }
        self.skip(bar);
        false
    }
    fn clone_box(&self) -> Box<dyn Stream> {
        Box::new(self.clone())
    }
    fn assign(&mut self, other: &dyn Stream) -> bool {
        match other.as_any().downcast_ref::<I>() {
            Some(other) => {
                self.clone_from(other);
                true
            }
            None => false,
        }
    }
    fn state_version(&self) -> u32 {
        I::STATE_VERSION
    }
    fn oldest_state_version(&self) -> u32 {
        I::OLDEST_STATE_VERSION
    }
    fn save(&self) -> Result<Vec<u8>, crate::TaError> {
        crate::execution::snapshot::encode_state(self)
    }
    fn feed(&mut self, inputs: &[Chunks<'_>], present: Option<&[bool]>) -> Batch {
        let (batch, state) = fold_keeping_state(self.clone(), inputs, present, &[]);
        *self = state;
        batch
    }
    fn panel(&self, symbols: usize) -> Box<dyn PanelStream> {
        Box::new(crate::execution::panel::Panel::new(self.clone(), symbols))
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// One state machine per symbol, stepped together (see [`crate::execution::panel`]).
pub trait PanelStream: Send + Sync + std::fmt::Debug {
    fn symbols(&self) -> usize;
    /// Steps symbol `s` with bar `(inputs[0][s], inputs[1][s], ...)` for every `s` whose
    /// `has_bar[s]` is true (all when `None`); writes each output `k` into `outputs[k][s]`
    /// (NaN where nothing is ready) and readiness into `ready[s]`.
    fn update(
        &mut self,
        inputs: &[&[f64]],
        has_bar: Option<&[bool]>,
        outputs: &mut [&mut [f64]],
        ready: &mut [bool],
    );
    /// Appends `count` fresh symbols.
    fn add(&mut self, count: usize);
    /// Drops symbol `index` (later symbols move down by one).
    fn remove(&mut self, index: usize);
    /// Symbol `index`'s state as a stream of its own (a copy).
    fn symbol(&self, index: usize) -> Option<Box<dyn Stream>>;
    /// Makes symbol `index`'s state a copy of `state` (a state machine of the same indicator,
    /// e.g. restored from a snapshot); `false`, changing nothing, when it is not one or there
    /// is no such symbol.
    fn assign_symbol(&mut self, index: usize, state: &dyn Stream) -> bool;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A toy indicator with gaps: the square root, undefined below zero.
    #[derive(Debug, Clone)]
    struct Root;

    impl Indicator for Root {
        const INPUTS: usize = 1;
        const OUTPUTS: usize = 1;
        const GAPS: bool = true;
        fn from_params(_: &Params) -> Result<Self, TaError> {
            Ok(Root)
        }
        fn lookback(&self) -> usize {
            0
        }
        fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
            out[0] = bar[0].sqrt();
            bar[0] >= 0.0
        }
    }

    /// Refuses to see a non-finite input (as a kernel with a value-driven loop must).
    #[derive(Debug, Clone)]
    struct FiniteOnly;

    impl Indicator for FiniteOnly {
        const INPUTS: usize = 1;
        const OUTPUTS: usize = 1;
        fn from_params(_: &Params) -> Result<Self, TaError> {
            Ok(FiniteOnly)
        }
        fn lookback(&self) -> usize {
            0
        }
        fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
            assert!(
                bar[0].is_finite(),
                "a state machine was stepped with {}",
                bar[0]
            );
            out[0] = bar[0];
            true
        }
    }

    #[test]
    fn state_machines_never_see_non_finite_inputs() {
        let x = [1.0, f64::NAN, 2.0, f64::INFINITY, 3.0, f64::NEG_INFINITY];
        let batch = fold(FiniteOnly, &[&[&x[..]]], None);
        assert_eq!(
            valid_rows(&batch, x.len()),
            [true, false, true, false, true, false]
        );
    }

    fn valid_rows(batch: &Batch, len: usize) -> Vec<bool> {
        batch.validity.to_mask(len)
    }

    #[test]
    fn gaps_after_the_warm_up_are_missing_rows() {
        let x = [-1.0, 4.0, -1.0, 9.0, f64::NAN, -4.0, 16.0];
        let batch = fold(Root, &[&[&x[..]]], None);
        let expected = [false, true, false, true, false, false, true];
        assert_eq!(valid_rows(&batch, x.len()), expected);
        for (row, &valid) in expected.iter().enumerate() {
            if valid {
                assert_eq!(batch.outputs[0][row], x[row].sqrt());
            }
        }
        // Only leading gaps: a plain warm-up prefix.
        let lead = [-1.0, -2.0, 4.0, 9.0];
        let batch = fold(Root, &[&[&lead[..]]], None);
        assert_eq!(batch.validity, Validity::Prefix(2));
    }

    #[test]
    fn gaps_are_found_per_group_and_across_chunks() {
        let (a, b) = (
            [1.0, 4.0, -1.0][..].to_vec(),
            [-1.0, 9.0, -4.0, 16.0].to_vec(),
        );
        let chunks: [&[f64]; 2] = [&a, &b];
        let batch = fold_groups(Root, &[&chunks[..]], None, &[0, 3]);
        let expected = [true, true, false, false, true, false, true];
        assert_eq!(valid_rows(&batch, 7), expected);
    }
}
