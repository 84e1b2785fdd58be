//! Highest or lowest value of a sliding window, resolved as TA-Lib 0.8.1's MAX, MIN and MINMAX
//! resolve it.

/// One position of the block: the value pushed there in the current block, and the extreme of
/// the previous block from this position to its end.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
struct Slot {
    value: f64,
    suffix: f64,
}

/// Highest (`HIGHEST = true`) or lowest of the last `period` values, bit for bit as TA-Lib
/// 0.8.1's MAX (MIN, MINMAX) computes it.
///
/// TA-Lib 0.8.1 computes these with van Herk/Gil-Werman blocks of `period` bars, aligned on
/// the first bar: a backward pass over each block stores its suffix extremes (an older value
/// wins only when strictly more extreme), a forward pass the next block's prefix extremes (a
/// newer value wins only when strictly more extreme), and each window takes the prefix only
/// when it is strictly more extreme than the suffix. Equal values are equal, so only the sign
/// of a zero depends on these rules; they differ from
/// [`RunningExtreme`](crate::primitives::RunningExtreme)'s (newest wins everywhere), which
/// can return -0 where TA-Lib returns +0. The same algorithm streamed: the prefix is kept as
/// bars arrive, the suffixes are stored when a block completes.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "BlockExtremeFields")]
pub struct BlockExtreme<const HIGHEST: bool> {
    /// `period` slots.
    slots: Vec<Slot>,
    /// Position in its block of the next bar.
    at: usize,
    /// Bars pushed so far.
    seen: usize,
    /// Extreme of the current block so far.
    prefix: f64,
    /// Extreme of the window.
    best: f64,
}

/// A block extreme as a snapshot holds it, before its position is checked.
#[derive(serde::Deserialize)]
struct BlockExtremeFields {
    slots: Vec<Slot>,
    at: usize,
    seen: usize,
    prefix: f64,
    best: f64,
}

impl<const HIGHEST: bool> TryFrom<BlockExtremeFields> for BlockExtreme<HIGHEST> {
    type Error = String;

    fn try_from(f: BlockExtremeFields) -> Result<Self, String> {
        // Blocks are aligned on the first bar.
        if f.slots.is_empty() || f.at != f.seen % f.slots.len() {
            return Err(crate::execution::checks::outside("block extreme"));
        }
        Ok(BlockExtreme {
            slots: f.slots,
            at: f.at,
            seen: f.seen,
            prefix: f.prefix,
            best: f.best,
        })
    }
}

impl<const HIGHEST: bool> BlockExtreme<HIGHEST> {
    /// Never more extreme than a value (an empty prefix or suffix).
    const NONE: f64 = if HIGHEST {
        f64::NEG_INFINITY
    } else {
        f64::INFINITY
    };

    pub fn new(period: usize) -> Self {
        BlockExtreme {
            slots: vec![
                Slot {
                    value: 0.0,
                    suffix: Self::NONE,
                };
                period.max(1)
            ],
            at: 0,
            seen: 0,
            prefix: Self::NONE,
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

    /// `challenger` when strictly more extreme than `held`, else `held` (TA-Lib's
    /// `if( tmp > highest ) highest = tmp;`, one `maxsd`/`minsd`).
    #[inline(always)]
    fn keep(held: f64, challenger: f64) -> f64 {
        if Self::beats(challenger, held) {
            challenger
        } else {
            held
        }
    }

    /// Adds `x`; true once `period` values have been seen.
    #[inline(always)]
    pub fn push(&mut self, x: f64) -> bool {
        self.seen += 1;
        let j = self.at;
        if let Some([slot, next]) = self.slots.get_mut(j..j.wrapping_add(2)) {
            // The window: the previous block after position `j`, then the current block.
            slot.value = x;
            self.prefix = Self::keep(self.prefix, x);
            self.best = Self::keep(next.suffix, self.prefix);
            self.at = j + 1;
        } else {
            // `x` ends its block, which is the window: its extreme is the first suffix.
            self.best = Self::close(&mut self.slots, x);
            self.prefix = Self::NONE;
            self.at = 0;
        }
        self.seen >= self.slots.len()
    }

    /// Stores `x`, the last value of the block, and the block's suffix extremes; returns the
    /// block's extreme.
    #[inline(never)]
    fn close(slots: &mut [Slot], x: f64) -> f64 {
        let Some(last) = slots.last_mut() else {
            return x;
        };
        last.value = x;
        let mut tail = Self::NONE;
        for slot in slots.iter_mut().rev() {
            tail = Self::keep(tail, slot.value);
            slot.suffix = tail;
        }
        tail
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
}

/// Highest of the last `period` values, as TA-Lib 0.8.1's MAX.
pub type BlockHighest = BlockExtreme<true>;

/// Lowest of the last `period` values, as TA-Lib 0.8.1's MIN.
pub type BlockLowest = BlockExtreme<false>;

#[cfg(test)]
mod tests {
    use super::*;

    /// TA-Lib 0.8.1's block-batched MAX/MIN as written: one value per full window.
    fn talib(xs: &[f64], period: usize, highest: bool) -> Vec<f64> {
        let beats = |a: f64, b: f64| if highest { a > b } else { a < b };
        let mut out = Vec::new();
        let mut start = 0;
        while start + period <= xs.len() {
            let mut suffix = vec![0.0; period];
            let mut v = xs[start + period - 1];
            suffix[period - 1] = v;
            for i in (start..start + period - 1).rev() {
                if beats(xs[i], v) {
                    v = xs[i];
                }
                suffix[i - start] = v;
            }
            out.push(suffix[0]);
            let mut prefix = f64::NAN;
            // The next block's windows: the suffix from position `i + 1` on, then the next
            // block's prefix up to position `i`.
            let next = xs.iter().skip(start + period);
            for (i, (&x, &tail)) in next.zip(&suffix[1..]).enumerate() {
                if i == 0 || beats(x, prefix) {
                    prefix = x;
                }
                out.push(if beats(prefix, tail) { prefix } else { tail });
            }
            start += period;
        }
        out
    }

    fn check(xs: &[f64], period: usize) {
        let mut high = BlockHighest::new(period);
        let mut low = BlockLowest::new(period);
        let (mut got_high, mut got_low) = (Vec::new(), Vec::new());
        for (now, &x) in xs.iter().enumerate() {
            let full = high.push(x);
            assert_eq!(low.push(x), full);
            assert_eq!(full, now + 1 >= period);
            if full {
                got_high.push(high.value().to_bits());
                got_low.push(low.value().to_bits());
            }
        }
        for (got, highest) in [(got_high, true), (got_low, false)] {
            let want: Vec<u64> = talib(xs, period, highest)
                .iter()
                .map(|v| v.to_bits())
                .collect();
            assert_eq!(got, want, "period {period}, highest {highest}");
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
    fn matches_talibs_blocks_on_walks_ties_and_signed_zeros() {
        let u = uniform(13, 800);
        let mut walk = Vec::new();
        let mut x = 100.0;
        for &r in &u {
            x += r - 0.5;
            walk.push(x);
        }
        let zeros: Vec<f64> = u
            .iter()
            .map(|r| [0.0, -0.0, 1.0, -1.0][(r * 4.0) as usize])
            .collect();
        let n = 300;
        let up: Vec<f64> = (0..n).map(|i| i as f64).collect();
        let down: Vec<f64> = (0..n).map(|i| -(i as f64)).collect();
        for period in [1, 2, 3, 4, 5, 7, 14, 30, 31] {
            for xs in [&walk, &zeros, &up, &down] {
                check(xs, period);
            }
        }
    }

    #[test]
    fn signed_zeros_as_talib() {
        // TA-Lib 0.8.1: MAX([0, 0, -0, -1, -0, 1], 3) = [-0, -0, -0, 1]: the first window is
        // the first block, whose backward pass keeps the newest zero.
        let mut high = BlockHighest::new(3);
        let mut got = Vec::new();
        for x in [0.0, 0.0, -0.0, -1.0, -0.0, 1.0] {
            if high.push(x) {
                got.push(high.value().to_bits());
            }
        }
        let want: Vec<u64> = [-0.0, -0.0, -0.0, 1.0_f64]
            .iter()
            .map(|v| v.to_bits())
            .collect();
        assert_eq!(got, want);
    }
}
