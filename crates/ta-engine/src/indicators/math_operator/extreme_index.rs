//! The bar of the highest or lowest value of a sliding window, with TA-Lib's tie rule
//! (MAXINDEX, MININDEX, MINMAXINDEX).

/// A bar that may still become the window's extreme.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
struct Candidate {
    value: f64,
    bar: usize,
}

/// Highest (`HIGHEST = true`) or lowest of the last `period` values and its bar, picked
/// exactly as TA-Lib's MAXINDEX (MININDEX) picks it.
///
/// TA-Lib keeps the extreme and its bar; a new value at least as extreme replaces it (ties go
/// to the newest bar), and when the extreme leaves the window it rescans the window, where
/// only a strictly more extreme value wins (ties go to the oldest bar). So equal values, and
/// +0 against -0, can resolve either way depending on when the last rescan happened;
/// [`RunningExtreme`](crate::primitives::RunningExtreme) always takes the newest, which gives
/// other indices on flat runs (and the other zero's sign).
///
/// The rescan is answered in O(1) from a monotone queue of candidates: the bars of the window
/// not followed by a strictly more extreme one, oldest first. Its front is the oldest of the
/// window's most extreme values, which is what TA-Lib's rescan finds. Each bar enters and
/// leaves the queue once, so a monotone series costs no more than a random one (TA-Lib's
/// rescan costs `period` per bar there).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "ExtremeIndexFields")]
pub struct ExtremeIndex<const HIGHEST: bool> {
    /// Ring of up to `period` candidates, oldest first from `head`.
    queue: Vec<Candidate>,
    head: usize,
    len: usize,
    /// Bars pushed so far.
    seen: usize,
    /// TA-Lib's current extreme and its bar.
    best: f64,
    best_bar: usize,
}

/// An extreme index as a snapshot holds it, before its indices are checked.
#[derive(serde::Deserialize)]
struct ExtremeIndexFields {
    queue: Vec<Candidate>,
    head: usize,
    len: usize,
    seen: usize,
    best: f64,
    best_bar: usize,
}

impl<const HIGHEST: bool> TryFrom<ExtremeIndexFields> for ExtremeIndex<HIGHEST> {
    type Error = String;

    fn try_from(f: ExtremeIndexFields) -> Result<Self, String> {
        let period = f.queue.len();
        if period == 0 || f.head >= period || f.len > period.min(f.seen) {
            return Err(crate::execution::checks::outside("extreme index"));
        }
        // The candidates are bars of the window, oldest first, ending with the newest bar:
        // then the one leaving is always found at the front, and the queue never overflows.
        let window = f.seen.saturating_sub(period)..f.seen;
        let mut bars = (0..f.len).map(|i| f.queue[(f.head + i) % period].bar);
        let mut last = None;
        let candidates_fit = bars.all(|bar| {
            let fits = window.contains(&bar) && last.is_none_or(|l| l < bar);
            last = Some(bar);
            fits
        }) && last == f.seen.checked_sub(1);
        // TA-Lib's extreme is a bar of the full window (bar 0 before it is full).
        let best_fits = if f.seen < period {
            f.best_bar == 0
        } else {
            window.contains(&f.best_bar)
        };
        if !candidates_fit || !best_fits {
            return Err(crate::execution::checks::inconsistent("extreme index"));
        }
        Ok(ExtremeIndex {
            queue: f.queue,
            head: f.head,
            len: f.len,
            seen: f.seen,
            best: f.best,
            best_bar: f.best_bar,
        })
    }
}

impl<const HIGHEST: bool> ExtremeIndex<HIGHEST> {
    pub fn new(period: usize) -> Self {
        ExtremeIndex {
            queue: vec![Candidate { value: 0.0, bar: 0 }; period.max(1)],
            head: 0,
            len: 0,
            seen: 0,
            best: 0.0,
            best_bar: 0,
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

    /// Ring position of the `i`-th oldest candidate.
    #[inline(always)]
    fn slot(&self, i: usize) -> usize {
        let at = self.head + i;
        if at >= self.queue.len() {
            at - self.queue.len()
        } else {
            at
        }
    }

    /// Adds `x`; true once `period` values have been seen.
    #[inline(always)]
    pub fn push(&mut self, x: f64) -> bool {
        let period = self.queue.len();
        let now = self.seen;
        self.seen = now + 1;
        // The bar leaving the window can only be the oldest candidate.
        if self.len > 0 && self.queue[self.head].bar + period == now {
            self.head = self.slot(1);
            self.len -= 1;
        }
        // Candidates `x` outdoes can no longer be the extreme; equal ones stay (older first).
        while self.len > 0 {
            let last = self.slot(self.len - 1);
            if !Self::beats(x, self.queue[last].value) {
                break;
            }
            self.len -= 1;
        }
        let tail = self.slot(self.len);
        self.queue[tail] = Candidate { value: x, bar: now };
        self.len += 1;
        if now + 1 < period {
            return false;
        }
        if now + 1 == period || self.best_bar + period <= now {
            // TA-Lib rescans: the first (oldest) of the most extreme values.
            let front = self.queue[self.head];
            self.best = front.value;
            self.best_bar = front.bar;
        } else if !Self::beats(self.best, x) {
            self.best = x;
            self.best_bar = now;
        }
        true
    }

    /// Window length.
    pub fn period(&self) -> usize {
        self.queue.len()
    }

    /// The extreme of the window.
    #[inline(always)]
    pub fn value(&self) -> f64 {
        self.best
    }

    /// The bar of the extreme, counting pushed values from 0.
    #[inline(always)]
    pub fn bar(&self) -> usize {
        self.best_bar
    }
}

/// The bar of the highest of the last `period` values, TA-Lib's way.
pub type HighestIndex = ExtremeIndex<true>;

/// The bar of the lowest of the last `period` values, TA-Lib's way.
pub type LowestIndex = ExtremeIndex<false>;

#[cfg(test)]
mod tests {
    use super::*;

    /// TA-Lib's algorithm as written (MAXINDEX, MININDEX): (value, bar) per full window.
    fn talib(xs: &[f64], period: usize, highest: bool) -> Vec<(f64, usize)> {
        let beats = |a: f64, b: f64| if highest { a > b } else { a < b };
        let mut out = Vec::new();
        let (mut best, mut best_bar) = (0.0, None::<usize>);
        for today in period - 1..xs.len() {
            let trailing = today + 1 - period;
            if best_bar.is_none_or(|b| b < trailing) {
                best_bar = Some(trailing);
                best = xs[trailing];
                for (i, &v) in xs.iter().enumerate().take(today + 1).skip(trailing + 1) {
                    if beats(v, best) {
                        best_bar = Some(i);
                        best = v;
                    }
                }
            } else if !beats(best, xs[today]) {
                best_bar = Some(today);
                best = xs[today];
            }
            out.push((best, best_bar.unwrap()));
        }
        out
    }

    fn check(xs: &[f64], period: usize) {
        let mut high = HighestIndex::new(period);
        let mut low = LowestIndex::new(period);
        let (mut got_high, mut got_low) = (Vec::new(), Vec::new());
        for (now, &x) in xs.iter().enumerate() {
            let full = high.push(x);
            assert_eq!(low.push(x), full);
            assert_eq!(full, now + 1 >= period);
            if full {
                got_high.push((high.value(), high.bar()));
                got_low.push((low.value(), low.bar()));
            }
        }
        for (got, highest) in [(got_high, true), (got_low, false)] {
            let want = talib(xs, period, highest);
            let bits = |v: &[(f64, usize)]| -> Vec<(u64, usize)> {
                v.iter().map(|&(x, b)| (x.to_bits(), b)).collect()
            };
            assert_eq!(
                bits(&got),
                bits(&want),
                "period {period}, highest {highest}"
            );
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

    #[test]
    fn matches_talibs_rescan_on_walks_ties_and_signed_zeros() {
        let u = uniform(11, 800);
        let mut walk = Vec::new();
        let mut x = 100.0;
        for &r in &u {
            x += r - 0.5;
            walk.push(x);
        }
        let ticks: Vec<f64> = u.iter().map(|r| (r * 3.0).floor()).collect();
        let zeros: Vec<f64> = u
            .iter()
            .map(|r| [0.0, -0.0, 1.0, -1.0][(r * 4.0) as usize])
            .collect();
        let n = 300;
        let up: Vec<f64> = (0..n).map(|i| i as f64).collect();
        let down: Vec<f64> = (0..n).map(|i| -(i as f64)).collect();
        let flat = vec![5.0; n];
        for period in [1, 2, 3, 4, 5, 7, 14, 30] {
            for xs in [&walk, &ticks, &zeros, &up, &down, &flat] {
                check(xs, period);
            }
            let saw: Vec<f64> = (0..n).map(|i| (i % (period + 1)) as f64).collect();
            check(&saw, period);
        }
    }

    /// The bars reported for each full window of `xs`.
    fn bars(xs: &[f64], period: usize) -> Vec<usize> {
        let mut high = HighestIndex::new(period);
        let mut out = Vec::new();
        for &x in xs {
            if high.push(x) {
                out.push(high.bar());
            }
        }
        out
    }

    #[test]
    fn ties_follow_talib() {
        // TA-Lib 0.8.1: MAXINDEX(x, 3) = [1, 1, 2, 4, ...]: the rescan at the first window
        // takes the older 3, the next rescan (bar 1 left) the newer one.
        let xs = [1.0, 3.0, 3.0, 2.0, 3.0, 1.0, 1.0, 0.0, 0.0, -0.0, 0.0, -0.0];
        assert_eq!(bars(&xs, 3), [1, 1, 2, 4, 4, 5, 6, 7, 8, 9]);
        // Rescans over equal zeros keep the older one (newest-wins would give [0, 2, 3]).
        assert_eq!(bars(&[1.0, 0.0, -0.0, 0.0], 2), [0, 1, 2]);
    }
}
