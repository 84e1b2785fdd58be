//! Rogers-Satchell volatility.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OPEN_HIGH_LOW_CLOSE, OWN_LINE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::{Ring, RESEED_WINDOWS};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct RogersSatchellParams {
        period: usize = period(10, 1),
        annualization: f64 = float(
            "annualization", 252.0, 0.0, 3e37, "periods per year; 1 leaves the per-bar figure"
        ),
    }
}

/// One bar's variance estimate, ln(H/C)·ln(H/O) + ln(L/C)·ln(L/O); 0 when a price is not
/// positive (the bar still counts toward the window).
#[inline(always)]
fn term(open: f64, high: f64, low: f64, close: f64) -> f64 {
    if open > 0.0 && high > 0.0 && low > 0.0 && close > 0.0 {
        // Two separate products, as TA-Lib keeps them (never fused into the add).
        let p1 = (high / close).ln() * (high / open).ln();
        let p2 = (low / close).ln() * (low / open).ln();
        p1 + p2
    } else {
        0.0
    }
}

/// Rogers-Satchell volatility, TA-Lib 0.8.3's ROGERSSATCHELL: √(annualization) × √(mean of the
/// window's per-bar terms), 0 when the window's sum is not positive. The running sum is rebuilt
/// (oldest first) when its magnitude falls below 1e-6 of its largest since the last rebuild, or
/// every 32 windows.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "RogersSatchellFields")]
pub struct RogersSatchell {
    terms: Ring,
    /// Sum of the terms that stay in the window (the oldest is taken out ahead).
    total: f64,
    peak: f64,
    started: bool,
    bars_since_rebuild: usize,
    sqrt_a: f64,
}

/// A Rogers-Satchell volatility as a snapshot holds it, before it is checked.
#[derive(serde::Deserialize)]
struct RogersSatchellFields {
    terms: Ring,
    total: f64,
    peak: f64,
    started: bool,
    bars_since_rebuild: usize,
    sqrt_a: f64,
}

impl TryFrom<RogersSatchellFields> for RogersSatchell {
    type Error = String;

    fn try_from(f: RogersSatchellFields) -> Result<Self, String> {
        // The rebuild countdown is within its run.
        let full = RESEED_WINDOWS.saturating_mul(f.terms.capacity());
        if !crate::execution::checks::countdown(f.bars_since_rebuild, full) {
            return Err(crate::execution::checks::inconsistent("rogerssatchell"));
        }
        Ok(RogersSatchell {
            terms: f.terms,
            total: f.total,
            peak: f.peak,
            started: f.started,
            bars_since_rebuild: f.bars_since_rebuild,
            sqrt_a: f.sqrt_a,
        })
    }
}

impl Indicator for RogersSatchell {
    const INPUTS: usize = 4;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: RogersSatchellParams = params.get();
        Ok(RogersSatchell {
            terms: Ring::new(p.period),
            total: 0.0,
            peak: 0.0,
            started: false,
            bars_since_rebuild: RESEED_WINDOWS * p.period,
            sqrt_a: p.annualization.sqrt(),
        })
    }
    fn lookback(&self) -> usize {
        self.terms.capacity() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let t = term(bar[0], bar[1], bar[2], bar[3]);
        self.terms.push(t);
        if !self.terms.is_full() {
            self.total += t;
            return false;
        }
        if !self.started {
            // The peak starts at the magnitude of the warm-up sum.
            self.started = true;
            self.peak = self.total.abs();
        }
        self.total += t;
        let mut window = self.total;
        let magnitude = window.abs();
        if magnitude > self.peak {
            self.peak = magnitude;
        }
        self.total -= self.terms.oldest();
        self.bars_since_rebuild -= 1;
        if magnitude < 0.000_001 * self.peak || self.bars_since_rebuild == 0 {
            self.bars_since_rebuild = RESEED_WINDOWS * self.terms.capacity();
            window = 0.0;
            for v in self.terms.iter() {
                window += v;
            }
            self.peak = window.abs();
            self.total = window - self.terms.oldest();
        }
        let n = self.terms.capacity() as f64;
        out[0] = if window > 0.0 {
            self.sqrt_a * (window / n).sqrt()
        } else {
            0.0
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "rogerssatchell",
    "ROGERSSATCHELL",
    Group::Volatility,
    "Rogers-Satchell volatility: drift-independent range-based estimate over the period, annualized",
    OPEN_HIGH_LOW_CLOSE,
    RogersSatchellParams::SPECS,
    OWN_LINE,
    kernel::<RogersSatchell>(),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows as run;

    #[test]
    fn one_bar_windows() {
        let rows: [&[f64]; 2] = [&[100.0, 110.0, 90.0, 105.0], &[100.0, 100.0, 100.0, 100.0]];
        let out = run::<RogersSatchell>("rogerssatchell", &[1.0, 1.0], &rows);
        let want = ((110.0_f64 / 105.0).ln() * (110.0_f64 / 100.0).ln()
            + (90.0_f64 / 105.0).ln() * (90.0_f64 / 100.0).ln())
        .sqrt();
        assert!((out[0].unwrap() - want).abs() < 1e-15);
        assert_eq!(out[1], Some(0.0));
        let scaled = run::<RogersSatchell>("rogerssatchell", &[1.0, 4.0], &rows);
        assert_eq!(scaled[0], Some(2.0 * out[0].unwrap()));
    }
}
