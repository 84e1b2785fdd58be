//! McGinley dynamic.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{PRICE_LINE, REAL, UNSTABLE};
use crate::primitives::average::Smoother;

typed_params! {
    /// Parameters, in catalog order.
    pub struct McgdParams {
        period: usize = period(14, 2),
    }
}

/// McGinley dynamic, TA-Lib 0.8.3's MCGD: md += (x − md) / (n·(x/md)⁴), seeded with the first
/// value; a step that is not finite (a zero price or line, an overflow) keeps the previous md.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Mcgd {
    period: f64,
    lookback: usize,
    seen: usize,
    md: f64,
}

impl Mcgd {
    pub fn new(period: usize) -> Self {
        Mcgd {
            period: period as f64,
            lookback: period - 1,
            seen: 0,
            md: 0.0,
        }
    }
}

impl Smoother for Mcgd {
    #[inline(always)]
    fn update(&mut self, x: f64) -> Option<f64> {
        if self.seen == 0 {
            self.md = x;
        } else {
            let prev = self.md;
            let ratio = x / prev;
            // (r·r)·(r·r), not a power: TA-Lib keeps the denominator free of pow().
            let next = prev + (x - prev) / (self.period * (ratio * ratio * (ratio * ratio)));
            if next.is_finite() {
                self.md = next;
            }
        }
        if self.seen < self.lookback {
            self.seen += 1;
            return None;
        }
        Some(self.md)
    }
    fn lookback(&self) -> usize {
        self.lookback
    }
}

ma_indicator!(
    /// MCGD as an indicator.
    McgdIndicator,
    Mcgd,
    McgdParams,
    |p| Mcgd::new(p.period)
);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "mcgd",
    "MCGD",
    Group::Overlap,
    "McGinley dynamic: a moving line whose speed adapts to the price's distance from it",
    REAL,
    McgdParams::SPECS,
    PRICE_LINE,
    kernel::<McgdIndicator>(),
)
.with_flags(UNSTABLE);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows as run;

    #[test]
    fn steps_by_hand() {
        // Seed 10; x = 20: ratio 2, md = 10 + 10 / (2·16) = 10.3125.
        let data = [[10.0], [20.0], [0.0]];
        let data: Vec<&[f64]> = data.iter().map(|r| &r[..]).collect();
        let out = run::<McgdIndicator>("mcgd", &[2.0], &data);
        assert_eq!(out[0], None);
        assert_eq!(out[1], Some(10.3125));
        // A zero price makes the step infinite: the line holds.
        assert_eq!(out[2], Some(10.3125));
    }
}
