//! LazyBear's WaveTrend oscillator (TA-Lib 0.8.3).

use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::{HIGH_LOW_CLOSE, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::Smoother;
use crate::primitives::beta_ema::BetaEma;
use crate::primitives::Ring;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct WavetrendParams {
        channel_period: usize = int("channelperiod", 10, 2,
            "period of the price channel, used by both the average and the deviation"),
        average_period: usize = int("averageperiod", 21, 1,
            "period of the EMA smoothing the oscillator line"),
        signal_period: usize = int("signalperiod", 4, 1,
            "period of the simple average of the oscillator line (the signal line)"),
    }
}

/// WaveTrend: the typical price's distance from its EMA over an EMA of that distance's size
/// (an exponential CCI, `/ 0.015`), smoothed by an EMA (WT1); WT2 is WT1's simple average.
///
/// As in TA-Lib 0.8.3, the distance counts as 0 once the average has stopped moving on an
/// unchanged price (the frozen rounding residue is no distance), and a zero scaled deviation
/// gives 0.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Wavetrend {
    esa: BetaEma,
    deviation: BetaEma,
    wt1: BetaEma,
    signal: Ring,
    sum: f64,
    /// Typical price and its average on the previous bar (the average 0 until it exists).
    prev: Option<(f64, f64)>,
    seeded: bool,
}

impl Indicator for Wavetrend {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 2;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: WavetrendParams = params.get();
        Ok(Wavetrend {
            esa: BetaEma::new(p.channel_period),
            deviation: BetaEma::new(p.channel_period),
            wt1: BetaEma::new(p.average_period),
            signal: Ring::new(p.signal_period),
            sum: 0.0,
            prev: None,
            seeded: false,
        })
    }
    fn lookback(&self) -> usize {
        2 * self.esa.lookback() + self.wt1.lookback() + (self.signal.capacity() - 1)
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let ap = (bar[0] + bar[1] + bar[2]) / 3.0;
        let esa = self.esa.update(ap);
        let (prev_ap, prev_esa) = self.prev.unwrap_or((f64::NAN, 0.0));
        self.prev = Some((ap, esa.unwrap_or(0.0)));
        let Some(esa) = esa else {
            return false;
        };
        // Not on the bar that seeds the average: its previous value is a placeholder.
        let was_seeded = std::mem::replace(&mut self.seeded, true);
        let num = if was_seeded && ap == prev_ap && esa == prev_esa {
            0.0
        } else {
            ap - esa
        };
        let Some(d) = self.deviation.update(num.abs()) else {
            return false;
        };
        let scaled = 0.015 * d;
        let ci = if scaled > 0.0 { num / scaled } else { 0.0 };
        let Some(wt1) = self.wt1.update(ci) else {
            return false;
        };
        self.signal.push(wt1);
        // TA-Lib adds the arrival, reads the sum, then takes out the value leaving next.
        self.sum += wt1;
        if !self.signal.is_full() {
            return false;
        }
        out[0] = wt1;
        out[1] = self.sum / self.signal.capacity() as f64;
        self.sum -= self.signal.oldest();
        true
    }
}

const OUTPUTS: &[OutputSpec] = &[
    OutputSpec::new("wt1", "wt1", Pane::Own, Style::Line),
    OutputSpec::new("wt2", "wt2", Pane::Own, Style::DashedLine),
];

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "wavetrend",
    "WAVETREND",
    Group::Momentum,
    "WaveTrend (LazyBear): an EMA-smoothed exponential CCI of the typical price, and its SMA",
    HIGH_LOW_CLOSE,
    WavetrendParams::SPECS,
    OUTPUTS,
    kernel::<Wavetrend>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE])
.with_levels(&[-60.0, -53.0, 53.0, 60.0]);

#[cfg(test)]
mod tests {
    #[test]
    fn a_flat_price_reads_zero() {
        let spec = crate::catalog::find("wavetrend").unwrap();
        let params = [3.0, 2.0, 2.0];
        let lookback = spec.lookback(&params).unwrap();
        assert_eq!(lookback, 2 + 2 + 1 + 1);
        let x = [0.1; 20];
        let batch = spec.run(&params, &[&x, &x, &x], None).unwrap();
        for o in &batch.outputs {
            assert!(o[lookback..].iter().all(|v| *v == 0.0), "{o:?}");
        }
    }
}
