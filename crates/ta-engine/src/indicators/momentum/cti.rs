//! Ehlers' correlation trend indicator (TA-Lib 0.8.3).

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::{Ring, RESEED_WINDOWS};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct CtiParams {
        period: usize = period(20, 2),
    }
}

/// Correlation of the window with a rising ramp (Pearson), in [-1, 1].
///
/// TA-Lib 0.8.3's running sums, step for step: the prices are taken against a shift (the
/// first value, then the window mean at each rebuild), and the sums are rebuilt from the
/// window every 32 windows or when the price variance has shrunk below 1e-6 of its peak.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "CtiFields")]
pub struct Cti {
    window: Ring,
    /// Bars seen, until the first output.
    seen: usize,
    period: f64,
    inv_period: f64,
    sum_y: f64,
    ss_y: f64,
    shift: f64,
    sum_x: f64,
    sum_x2: f64,
    sum_xy: f64,
    peak_x2: f64,
    until_rebuild: usize,
}

/// A CTI as a snapshot holds it, before it is checked.
#[derive(serde::Deserialize)]
struct CtiFields {
    window: Ring,
    seen: usize,
    period: f64,
    inv_period: f64,
    sum_y: f64,
    ss_y: f64,
    shift: f64,
    sum_x: f64,
    sum_x2: f64,
    sum_xy: f64,
    peak_x2: f64,
    until_rebuild: usize,
}

impl TryFrom<CtiFields> for Cti {
    type Error = String;

    fn try_from(f: CtiFields) -> Result<Self, String> {
        // The constants are the window length's, the warm-up counts up to the lookback, and
        // the rebuild countdown is within its run.
        let fresh = Cti::new(f.window.capacity());
        let same = |a: f64, b: f64| a.to_bits() == b.to_bits();
        if !same(f.period, fresh.period)
            || !same(f.inv_period, fresh.inv_period)
            || !same(f.sum_y, fresh.sum_y)
            || !same(f.ss_y, fresh.ss_y)
            || f.seen >= f.window.capacity()
            || !crate::execution::checks::countdown(f.until_rebuild, fresh.until_rebuild)
        {
            return Err(crate::execution::checks::inconsistent("cti"));
        }
        Ok(Cti {
            window: f.window,
            seen: f.seen,
            period: f.period,
            inv_period: f.inv_period,
            sum_y: f.sum_y,
            ss_y: f.ss_y,
            shift: f.shift,
            sum_x: f.sum_x,
            sum_x2: f.sum_x2,
            sum_xy: f.sum_xy,
            peak_x2: f.peak_x2,
            until_rebuild: f.until_rebuild,
        })
    }
}

impl Cti {
    fn new(period: usize) -> Self {
        let n = period as f64;
        Cti {
            window: Ring::new(period),
            seen: 0,
            period: n,
            inv_period: 1.0 / n,
            sum_y: n * (n - 1.0) * 0.5,
            ss_y: n * (n * n - 1.0) / 12.0,
            shift: 0.0,
            sum_x: 0.0,
            sum_x2: 0.0,
            sum_xy: 0.0,
            peak_x2: 0.0,
            until_rebuild: RESEED_WINDOWS * period,
        }
    }

    /// Rebuilds the sums from the window (newest value included) against `shift`.
    fn sums_against(&mut self, shift: f64) {
        self.shift = shift;
        let (mut sx, mut sx2, mut sxy) = (0.0, 0.0, 0.0);
        let n = self.window.len();
        for (j, v) in self.window.iter().enumerate() {
            let x = v - shift;
            sx += x;
            sx2 += x * x;
            sxy += x * ((n - 1 - j) as f64);
        }
        (self.sum_x, self.sum_x2, self.sum_xy) = (sx, sx2, sxy);
    }
}

impl Indicator for Cti {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: CtiParams = params.get();
        Ok(Cti::new(p.period))
    }
    fn lookback(&self) -> usize {
        self.window.capacity() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let value = bar[0];
        let lookback = self.window.capacity() - 1;
        self.window.push(value);
        if self.seen < lookback {
            // Warm-up: the first window less its last bar, weighted by bars before the first
            // output, against the first value.
            if self.seen == 0 {
                self.shift = value;
            }
            let x = value - self.shift;
            self.sum_x += x;
            self.sum_x2 += x * x;
            self.sum_xy += x * ((lookback - self.seen) as f64);
            self.seen += 1;
            return false;
        }
        let x = value - self.shift;
        self.sum_x += x;
        self.sum_x2 += x * x;
        if self.sum_x2 > self.peak_x2 {
            self.peak_x2 = self.sum_x2;
        }
        let mut ss_x = self.sum_x2 - self.sum_x * self.sum_x * self.inv_period;
        let mut sp_xy = self.sum_xy - self.sum_x * self.sum_y * self.inv_period;
        self.until_rebuild -= 1;
        if ss_x < 0.000001 * self.peak_x2 || self.until_rebuild == 0 {
            self.until_rebuild = RESEED_WINDOWS * self.window.capacity();
            let total = self.window.iter().fold(0.0, |s, v| s + v);
            self.sums_against(total * self.inv_period);
            // A window flat to within its mean's rounding: anchor on the newest value.
            if self.sum_x2 - self.sum_x * self.sum_x * self.inv_period < 0.000001 * self.sum_x2 {
                self.sums_against(value);
            }
            self.peak_x2 = self.sum_x2;
            ss_x = self.sum_x2 - self.sum_x * self.sum_x * self.inv_period;
            sp_xy = self.sum_xy - self.sum_x * self.sum_y * self.inv_period;
        }
        let trailing = self.window.oldest() - self.shift;
        out[0] = if ss_x > 0.00000000000001 * self.sum_x2 && ss_x * self.ss_y > 0.0 {
            // The ramp counts bars ago, so the sign is flipped.
            (-sp_xy / (ss_x * self.ss_y).sqrt()).clamp(-1.0, 1.0)
        } else {
            0.0
        };
        // Slide: every retained value ages a bar; the oldest leaves.
        self.sum_xy = self.sum_xy + self.sum_x - self.period * trailing;
        self.sum_x -= trailing;
        self.sum_x2 -= trailing * trailing;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "cti",
    "CTI",
    Group::Momentum,
    "Correlation trend indicator (Ehlers): correlation of the window with a rising straight line",
    REAL,
    CtiParams::SPECS,
    OWN_LINE,
    kernel::<Cti>(),
)
.with_levels(&[-0.5, 0.5]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows;

    #[test]
    fn lines_correlate_fully() {
        let up: Vec<[f64; 1]> = (0..8).map(|i| [i as f64 * 2.0 + 1.0]).collect();
        let rows: Vec<&[f64]> = up.iter().map(|r| r.as_slice()).collect();
        let got = run_rows::<Cti>("cti", &[4.0], &rows);
        assert!(got[..3].iter().all(Option::is_none));
        assert!(got[3..].iter().all(|v| (v.unwrap() - 1.0).abs() < 1e-12));
        let flat = [[5.0]; 5];
        let rows: Vec<&[f64]> = flat.iter().map(|r| r.as_slice()).collect();
        let got = run_rows::<Cti>("cti", &[3.0], &rows);
        assert_eq!(got[2..], [Some(0.0); 3]);
    }
}
