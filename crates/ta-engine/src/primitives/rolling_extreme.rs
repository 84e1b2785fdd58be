//! Highest or lowest value of a sliding window in O(1) per bar.

/// One position of the block: the value pushed there in the current block, and the extreme
/// (and its bar) of the previous block from this position to its end.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
struct Slot {
    value: f64,
    suffix: f64,
    suffix_bar: usize,
}

/// Highest (`HIGHEST = true`) or lowest of the last `period` values and the bar it was seen
/// on, ties going to the most recent bar (as in TA-Lib's AROON).
///
/// Streaming van Herk/Gil-Werman: bars are grouped in blocks of `period`. The window ending
/// at position `j` of a block is the previous block from position `j + 1` on, whose suffix
/// extremes were stored when it completed, plus the current block up to `j`, whose running
/// (prefix) extreme is kept. A bar costs a store, two min/max instructions and a load; a block
/// costs one backward pass of `period` steps. No branch depends on the data: a rescan-on-expiry
/// scheme (TA-Lib's) mispredicts on a good share of the bars of real series (new extremes and
/// expiries each come every few bars, at random), and rescans on every bar of a monotone one.
///
/// Written so that the optimiser keeps the state in registers and selects as `maxsd`/`minsd`
/// and `cmov` (no call takes `&mut self`; the pass over a block only sees the slots). The bar
/// of the extreme is worked out in [`age`](Self::age) only, so users of the value alone never
/// pay for it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "RunningExtremeFields")]
pub struct RunningExtreme<const HIGHEST: bool> {
    /// `period` slots.
    slots: Vec<Slot>,
    /// Position in its block of the next bar.
    at: usize,
    /// Bars pushed so far.
    seen: usize,
    /// Extreme and its bar over the current block so far.
    prefix: f64,
    prefix_bar: usize,
    /// Extreme of the window.
    best: f64,
}

/// A running extreme as a snapshot holds it, before its position and bars are checked.
#[derive(serde::Deserialize)]
struct RunningExtremeFields {
    slots: Vec<Slot>,
    at: usize,
    seen: usize,
    prefix: f64,
    prefix_bar: usize,
    best: f64,
}

impl<const HIGHEST: bool> TryFrom<RunningExtremeFields> for RunningExtreme<HIGHEST> {
    type Error = String;

    fn try_from(f: RunningExtremeFields) -> Result<Self, String> {
        let period = f.slots.len();
        // Blocks are aligned on the first bar.
        if period == 0 || f.at != f.seen % period {
            return Err(crate::execution::checks::outside("running extreme"));
        }
        // Every bar `age` may pick is one of the window's: the prefix's in the current block
        // (the previous one's when the current block is empty), a suffix's in the previous
        // block from its slot on. A suffix with no value (never closed, or nothing beat the
        // empty one) keeps bar 0.
        let block = f.seen - f.at;
        let prefix_fits = match (f.at, block.checked_sub(period)) {
            (0, None) => f.prefix_bar == 0,
            (0, Some(previous)) => (previous..block).contains(&f.prefix_bar),
            _ => (block..f.seen).contains(&f.prefix_bar),
        };
        let suffixes_fit =
            f.slots
                .iter()
                .enumerate()
                .all(|(j, s)| match block.checked_sub(period) {
                    _ if s.suffix == Self::NONE => s.suffix_bar == 0,
                    Some(previous) => (previous + j..block).contains(&s.suffix_bar),
                    None => false,
                });
        if !prefix_fits || !suffixes_fit {
            return Err(crate::execution::checks::inconsistent("running extreme"));
        }
        Ok(RunningExtreme {
            slots: f.slots,
            at: f.at,
            seen: f.seen,
            prefix: f.prefix,
            prefix_bar: f.prefix_bar,
            best: f.best,
        })
    }
}

impl<const HIGHEST: bool> RunningExtreme<HIGHEST> {
    /// Never more extreme than a value: below every number for the highest, above for the
    /// lowest (an empty prefix or suffix).
    const NONE: f64 = if HIGHEST {
        f64::NEG_INFINITY
    } else {
        f64::INFINITY
    };

    pub fn new(period: usize) -> Self {
        RunningExtreme {
            slots: vec![
                Slot {
                    value: 0.0,
                    suffix: Self::NONE,
                    suffix_bar: 0,
                };
                period
            ],
            at: 0,
            seen: 0,
            prefix: Self::NONE,
            prefix_bar: 0,
            best: Self::NONE,
        }
    }

    /// True when `a` is strictly more extreme than `b`.
    #[inline(always)]
    fn beats(a: f64, b: f64) -> bool {
        if HIGHEST {
            a > b
        } else {
            a < b
        }
    }

    /// The more extreme of `older` and `newer`, `newer` on a tie: one `maxsd`/`minsd`.
    #[inline(always)]
    fn pick(older: f64, newer: f64) -> f64 {
        if Self::beats(older, newer) {
            older
        } else {
            newer
        }
    }

    /// Adds `x`; true once `period` values have been seen.
    #[inline(always)]
    pub fn push(&mut self, x: f64) -> bool {
        let now = self.seen;
        self.seen = now + 1;
        let newer = !Self::beats(self.prefix, x);
        self.prefix = Self::pick(self.prefix, x);
        self.prefix_bar = if newer { now } else { self.prefix_bar };
        let j = self.at;
        if let Some([slot, next]) = self.slots.get_mut(j..j.wrapping_add(2)) {
            // The window: the previous block after position `j`, then the current block.
            slot.value = x;
            self.best = Self::pick(next.suffix, self.prefix);
            self.at = j + 1;
        } else {
            // Bar `now` ends its block, which is the window.
            self.best = self.prefix;
            Self::close(&mut self.slots, x, now);
            self.prefix = Self::NONE;
            self.at = 0;
        }
        self.seen >= self.slots.len()
    }

    /// Stores `x`, the last value of the block ending on bar `now`, and the block's suffix
    /// extremes.
    #[inline(never)]
    fn close(slots: &mut [Slot], x: f64, now: usize) {
        let Some(last) = slots.last_mut() else {
            return;
        };
        last.value = x;
        let mut tail = Self::NONE;
        let mut tail_bar = 0;
        let mut bar = now;
        for slot in slots.iter_mut().rev() {
            let v = slot.value;
            // An older value wins only when strictly more extreme.
            let older = Self::beats(v, tail);
            tail = Self::pick(v, tail);
            tail_bar = if older { bar } else { tail_bar };
            slot.suffix = tail;
            slot.suffix_bar = tail_bar;
            bar = bar.wrapping_sub(1);
        }
    }

    /// Window length.
    pub fn period(&self) -> usize {
        self.slots.len()
    }

    /// The extreme of the window.
    #[inline(always)]
    pub fn value(&self) -> f64 {
        self.best
    }

    /// Bars since the extreme (0 = the newest bar).
    #[inline(always)]
    pub fn age(&self) -> usize {
        // The extreme is the suffix of the previous block from `at` on, unless the current
        // block's prefix is at least as extreme (it is empty at `at == 0`).
        let bar = match self.slots.get(self.at) {
            // A mask rather than a select, which would become a branch (its operand is a
            // load) mispredicted on real data.
            Some(s) => {
                let mask = (Self::beats(s.suffix, self.prefix) as usize).wrapping_neg();
                self.prefix_bar ^ ((self.prefix_bar ^ s.suffix_bar) & mask)
            }
            None => self.prefix_bar,
        };
        self.seen - 1 - bar
    }
}

/// Highest of the last `period` values.
pub type Highest = RunningExtreme<true>;

/// Lowest of the last `period` values.
pub type Lowest = RunningExtreme<false>;

#[cfg(test)]
mod tests {
    use super::*;

    /// The extreme of the window ending on `xs[now]` and its age, ties to the newest bar.
    fn naive(xs: &[f64], now: usize, period: usize, highest: bool) -> (f64, usize) {
        let mut best = (xs[now], 0);
        for age in 1..period {
            let v = xs[now - age];
            if (highest && v > best.0) || (!highest && v < best.0) {
                best = (v, age);
            }
        }
        best
    }

    fn check(xs: &[f64], period: usize) {
        let mut high = Highest::new(period);
        let mut low = Lowest::new(period);
        for (now, &x) in xs.iter().enumerate() {
            let full = high.push(x);
            assert_eq!(low.push(x), full);
            assert_eq!(full, now + 1 >= period);
            if !full {
                continue;
            }
            for (got, highest) in [
                ((high.value(), high.age()), true),
                ((low.value(), low.age()), false),
            ] {
                let want = naive(xs, now, period, highest);
                assert_eq!(
                    (got.0.to_bits(), got.1),
                    (want.0.to_bits(), want.1),
                    "bar {now}, period {period}, highest {highest}: {got:?} != {want:?}"
                );
            }
        }
        assert_eq!(high.period(), period);
    }

    /// Deterministic pseudo-random numbers in [0, 1).
    fn uniform(seed: u64, n: usize) -> Vec<f64> {
        let mut s = seed;
        (0..n)
            .map(|_| {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (s >> 11) as f64 / (1u64 << 53) as f64
            })
            .collect()
    }

    const PERIODS: [usize; 9] = [1, 2, 3, 4, 5, 7, 14, 15, 30];

    #[test]
    fn random_walks_and_ties() {
        let u = uniform(7, 600);
        let mut walk = Vec::new();
        let mut x = 100.0;
        for &r in &u {
            x += r - 0.5;
            walk.push(x);
        }
        // Few distinct values: ties everywhere.
        let ticks: Vec<f64> = u.iter().map(|r| (r * 4.0).floor()).collect();
        // Signed zeros compare equal; the newest one must be returned.
        let zeros: Vec<f64> = u
            .iter()
            .map(|r| [0.0, -0.0, 1.0, -1.0][(r * 4.0) as usize])
            .collect();
        for period in PERIODS {
            check(&walk, period);
            check(&ticks, period);
            check(&zeros, period);
        }
    }

    #[test]
    fn adversarial_series() {
        let n = 400;
        let up: Vec<f64> = (0..n).map(|i| i as f64).collect();
        let down: Vec<f64> = (0..n).map(|i| -(i as f64)).collect();
        let flat = vec![5.0; n];
        for period in PERIODS {
            check(&up, period);
            check(&down, period);
            check(&flat, period);
            for tooth in [
                period.saturating_sub(1).max(1),
                period,
                period + 1,
                2 * period,
            ] {
                let saw_down: Vec<f64> = (0..n).map(|i| (tooth - i % tooth) as f64).collect();
                let saw_up: Vec<f64> = (0..n).map(|i| (i % tooth) as f64).collect();
                check(&saw_down, period);
                check(&saw_up, period);
            }
        }
    }

    #[test]
    fn a_clone_carries_on_alike() {
        let xs = uniform(3, 300);
        let mut a = Highest::new(14);
        for &x in &xs[..150] {
            a.push(x);
        }
        let mut b = a.clone();
        for &x in &xs[150..] {
            a.push(x);
            b.push(x);
            assert_eq!(
                (a.value().to_bits(), a.age()),
                (b.value().to_bits(), b.age())
            );
        }
    }
}
