//! The four smoothed rates of change and signal line shared by KST and KSTEXT.

use crate::primitives::average::Smoother;
use crate::primitives::Ring;

/// One leg: a rate of change over `roc` bars, smoothed.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Leg<M> {
    roc: usize,
    /// First bar whose rate of change the average takes.
    start: usize,
    ma: M,
}

/// Know sure thing: `Σ w·MA(ROC(x, roc_w))` with weights 1 to 4, and its moving average.
///
/// As in TA-Lib 0.8.3 each leg's average starts `lookback(MA)` bars before the first KST
/// value (the bar the longest leg is ready), not on the leg's first rate of change, so its
/// running sums round as TA-Lib's do.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "KstFields<M>")]
pub(super) struct KstLines<M> {
    history: Ring,
    legs: [Leg<M>; 4],
    signal: M,
    /// Bars seen.
    bars: usize,
    /// The bar of the first KST value.
    first: usize,
}

/// KST lines as a snapshot holds them, before their lags are checked against the history.
#[derive(serde::Deserialize)]
struct KstFields<M> {
    history: Ring,
    legs: [Leg<M>; 4],
    signal: M,
    bars: usize,
    first: usize,
}

impl<M> TryFrom<KstFields<M>> for KstLines<M> {
    type Error = String;

    fn try_from(f: KstFields<M>) -> Result<Self, String> {
        // As `new` lays them out: the history reaches back to the longest lag, and each leg
        // starts no earlier than its lag and no later than the first KST value. A leg's value
        // then reaches back inside the history, which gains one value a bar.
        let max_roc = f.legs.iter().map(|leg| leg.roc).max().unwrap_or(0);
        if f.history.capacity() != max_roc.wrapping_add(1)
            || f.history.len() != f.bars.min(f.history.capacity())
            || f.legs
                .iter()
                .any(|leg| leg.start < leg.roc || leg.start > f.first)
        {
            return Err(crate::execution::checks::outside("kst"));
        }
        Ok(KstLines {
            history: f.history,
            legs: f.legs,
            signal: f.signal,
            bars: f.bars,
            first: f.first,
        })
    }
}

impl<M: Smoother + Clone> KstLines<M> {
    /// `legs`: (rate-of-change period, its average) for weights 1 to 4.
    pub(super) fn new(legs: [(usize, M); 4], signal: M) -> Self {
        let first = legs
            .iter()
            .map(|(roc, ma)| roc + ma.lookback())
            .max()
            .unwrap_or(0);
        let max_roc = legs.iter().map(|l| l.0).max().unwrap_or(0);
        KstLines {
            history: Ring::new(max_roc + 1),
            legs: legs.map(|(roc, ma)| Leg {
                roc,
                start: first - ma.lookback(),
                ma,
            }),
            signal,
            bars: 0,
            first,
        }
    }

    pub(super) fn lookback(&self) -> usize {
        self.first + self.signal.lookback()
    }

    /// Consumes a value; (KST, signal) once both exist.
    #[inline(always)]
    pub(super) fn update(&mut self, x: f64) -> Option<(f64, f64)> {
        self.history.push(x);
        let now = self.bars;
        self.bars += 1;
        let mut smoothed = [0.0; 4];
        for (leg, out) in self.legs.iter_mut().zip(&mut smoothed) {
            if now < leg.start {
                continue;
            }
            let prior = self.history.back(leg.roc);
            let roc = if prior != 0.0 {
                (x / prior - 1.0) * 100.0
            } else {
                0.0
            };
            if let Some(v) = leg.ma.update(roc) {
                *out = v;
            }
        }
        if now < self.first {
            return None;
        }
        let [r1, r2, r3, r4] = smoothed;
        // Fused where TA-Lib 0.8.3 fuses: weights added left to right.
        let kst = 4.0_f64.mul_add(r4, 3.0_f64.mul_add(r3, 2.0_f64.mul_add(r2, r1)));
        self.signal.update(kst).map(|s| (kst, s))
    }
}
