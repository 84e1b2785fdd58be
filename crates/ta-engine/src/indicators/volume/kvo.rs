//! Klinger volume oscillator (TA-Lib 0.8.3).

use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::{HIGH_LOW_CLOSE_VOLUME, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::beta_ema::BetaEma;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct KvoParams {
        fast_period: usize = int("fastperiod", 34, 2,
            "period of the faster EMA of the volume force"),
        slow_period: usize = int("slowperiod", 55, 2,
            "period of the slower EMA of the volume force"),
        signal_period: usize = int("signalperiod", 13, 2,
            "period of the EMA of the oscillator (the trigger line)"),
    }
}

/// The previous bar as KVO reads it.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
struct Prev {
    hlc: f64,
    range: f64,
    trend: f64,
}

/// Klinger volume oscillator: the fast EMA of the volume force less the slow one, and its
/// EMA as the trigger. Volume force = volume · |2·range/cm - 1| · 100 · trend, where the
/// trend follows high + low + close and cm accumulates ranges since the trend last turned.
/// Every EMA starts at the first volume force (no SMA seed).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Kvo {
    fast: BetaEma,
    slow: BetaEma,
    signal: BetaEma,
    prev: Option<Prev>,
    cm: f64,
    bars: usize,
    lookback: usize,
}

impl Indicator for Kvo {
    const INPUTS: usize = 4;
    const OUTPUTS: usize = 2;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: KvoParams = params.get();
        Ok(Kvo {
            fast: BetaEma::new(p.fast_period),
            slow: BetaEma::new(p.slow_period),
            signal: BetaEma::new(p.signal_period),
            prev: None,
            cm: 0.0,
            bars: 0,
            lookback: p.fast_period.max(p.slow_period).max(p.signal_period),
        })
    }
    fn lookback(&self) -> usize {
        self.lookback
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low, close, volume) = (bar[0], bar[1], bar[2], bar[3]);
        let hlc = high + low + close;
        let range = high - low;
        self.bars += 1;
        let Some(prev) = self.prev else {
            // The anchor bar: only its sum and range are read; the trend starts up.
            self.prev = Some(Prev {
                hlc,
                range,
                trend: 1.0,
            });
            return false;
        };
        let trend = if hlc > prev.hlc {
            1.0
        } else if hlc < prev.hlc {
            -1.0
        } else {
            prev.trend
        };
        // The seed bar opens cm on both ranges whatever the trend.
        let seeding = self.bars == 2;
        self.cm = if seeding || trend != prev.trend {
            prev.range + range
        } else {
            self.cm + range
        };
        let force = if self.cm == 0.0 {
            0.0
        } else {
            volume * (2.0 * (range / self.cm) - 1.0).abs() * 100.0 * trend
        };
        self.prev = Some(Prev { hlc, range, trend });
        let (kvo, signal) = if seeding {
            let kvo = self.fast.seed(force) - self.slow.seed(force);
            (kvo, self.signal.seed(kvo))
        } else {
            let kvo = self.fast.next(force) - self.slow.next(force);
            (kvo, self.signal.next(kvo))
        };
        if self.bars <= self.lookback {
            return false;
        }
        out[0] = kvo;
        out[1] = signal;
        true
    }
}

const OUTPUTS: &[OutputSpec] = &[
    OutputSpec::new("kvo", "kvo", Pane::Own, Style::Line),
    OutputSpec::new("signal", "kvosignal", Pane::Own, Style::DashedLine),
];

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "kvo",
    "KVO",
    Group::Volume,
    "Klinger volume oscillator: fast EMA - slow EMA of the trend-signed volume force, and its EMA",
    HIGH_LOW_CLOSE_VOLUME,
    KvoParams::SPECS,
    OUTPUTS,
    kernel::<Kvo>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_bar_is_zero_and_warm_up_is_the_longest_period() {
        let spec = crate::catalog::find("kvo").unwrap();
        let params = [2.0, 3.0, 2.0];
        assert_eq!(spec.lookback(&params).unwrap(), 3);
        let mut k = Kvo::from_params(&spec.params(&params).unwrap()).unwrap();
        let mut out = [0.0; 2];
        let bars: [[f64; 4]; 4] = [
            [11.0, 9.0, 10.0, 100.0],
            [12.0, 10.0, 11.0, 100.0],
            [13.0, 11.0, 12.0, 100.0],
            [12.0, 10.0, 11.0, 100.0],
        ];
        for bar in &bars[..3] {
            assert!(!k.step(bar, &mut out));
        }
        assert!(k.step(&bars[3], &mut out));
        assert!(out.iter().all(|v| v.is_finite()));
    }
}
