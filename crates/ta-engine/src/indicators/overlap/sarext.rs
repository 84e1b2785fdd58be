//! Parabolic SAR, extended.

use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::{HIGH_LOW, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::directional_movement;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct SarextParams {
        start_value: f64 = float("startvalue", 0.0, -3e37, 3e37,
            "first SAR; its sign picks the first trend (0: TA-Lib's directional-movement start)"),
        offset_on_reverse: f64 = float("offsetonreverse", 0.0, 0.0, 3e37,
            "fraction the SAR is moved away on a reversal"),
        acceleration_init_long: f64 = float("accelerationinitlong", 0.02, 0.0, 3e37,
            "acceleration factor at the start of a long trend"),
        acceleration_long: f64 = float("accelerationlong", 0.02, 0.0, 3e37,
            "acceleration factor step in a long trend"),
        acceleration_max_long: f64 = float("accelerationmaxlong", 0.2, 0.0, 3e37,
            "acceleration factor ceiling in a long trend"),
        acceleration_init_short: f64 = float("accelerationinitshort", 0.02, 0.0, 3e37,
            "acceleration factor at the start of a short trend"),
        acceleration_short: f64 = float("accelerationshort", 0.02, 0.0, 3e37,
            "acceleration factor step in a short trend"),
        acceleration_max_short: f64 = float("accelerationmaxshort", 0.2, 0.0, 3e37,
            "acceleration factor ceiling in a short trend"),
    }
}

/// One side's acceleration factors (initial, step, ceiling), clamped as TA-Lib does.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
struct Acceleration {
    init: f64,
    step: f64,
    max: f64,
}

impl Acceleration {
    fn new(init: f64, step: f64, max: f64) -> Self {
        Acceleration {
            init: if init > max { max } else { init },
            step: if max < step { max } else { step },
            max,
        }
    }

    /// The factor after a new extreme.
    #[inline(always)]
    fn raise(&self, af: f64) -> f64 {
        let af = af + self.step;
        if af > self.max {
            self.max
        } else {
            af
        }
    }
}

/// Parabolic SAR with separate long and short acceleration factors, an optional first value
/// and a reversal offset. The output is signed: negative while short (TA-Lib's convention).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Sarext {
    start_value: f64,
    offset: f64,
    long: Acceleration,
    short: Acceleration,
    bars: usize,
    is_long: bool,
    af_long: f64,
    af_short: f64,
    ep: f64,
    sar: f64,
    last_high: f64,
    last_low: f64,
}

impl Sarext {
    /// The trend, extreme point and SAR on the second bar (TA-Lib's start).
    fn start(&mut self, prev_high: f64, prev_low: f64, high: f64, low: f64) {
        if self.start_value == 0.0 {
            // MINUS_DM(1) of the second bar: a down move starts short.
            let (_, minus) = directional_movement(prev_high, prev_low, high, low);
            self.is_long = minus == 0.0;
            (self.ep, self.sar) = if self.is_long {
                (high, prev_low)
            } else {
                (low, prev_high)
            };
        } else {
            self.is_long = self.start_value > 0.0;
            self.ep = if self.is_long { high } else { low };
            self.sar = self.start_value.abs();
        }
    }
}

impl Indicator for Sarext {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: SarextParams = params.get();
        let long = Acceleration::new(
            p.acceleration_init_long,
            p.acceleration_long,
            p.acceleration_max_long,
        );
        let short = Acceleration::new(
            p.acceleration_init_short,
            p.acceleration_short,
            p.acceleration_max_short,
        );
        Ok(Sarext {
            start_value: p.start_value,
            offset: p.offset_on_reverse,
            long,
            short,
            bars: 0,
            is_long: true,
            af_long: long.init,
            af_short: short.init,
            ep: 0.0,
            sar: 0.0,
            last_high: 0.0,
            last_low: 0.0,
        })
    }
    fn lookback(&self) -> usize {
        1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low) = (bar[0], bar[1]);
        self.bars += 1;
        if self.bars == 1 {
            self.last_high = high;
            self.last_low = low;
            return false;
        }
        if self.bars == 2 {
            self.start(self.last_high, self.last_low, high, low);
            // The first step compares the second bar with itself.
            self.last_high = high;
            self.last_low = low;
        }
        let (prev_high, prev_low) = (self.last_high, self.last_low);
        self.last_high = high;
        self.last_low = low;
        if self.is_long {
            if low <= self.sar {
                self.is_long = false;
                self.sar = self.ep.max(prev_high).max(high);
                if self.offset != 0.0 {
                    self.sar += self.sar * self.offset;
                }
                out[0] = -self.sar;
                self.af_short = self.short.init;
                self.ep = low;
                self.sar = self.af_short.mul_add(self.ep - self.sar, self.sar);
                self.sar = self.sar.max(prev_high).max(high);
            } else {
                out[0] = self.sar;
                if high > self.ep {
                    self.ep = high;
                    self.af_long = self.long.raise(self.af_long);
                }
                self.sar = self.af_long.mul_add(self.ep - self.sar, self.sar);
                self.sar = self.sar.min(prev_low).min(low);
            }
        } else if high >= self.sar {
            self.is_long = true;
            self.sar = self.ep.min(prev_low).min(low);
            if self.offset != 0.0 {
                self.sar -= self.sar * self.offset;
            }
            out[0] = self.sar;
            self.af_long = self.long.init;
            self.ep = high;
            self.sar = self.af_long.mul_add(self.ep - self.sar, self.sar);
            self.sar = self.sar.min(prev_low).min(low);
        } else {
            out[0] = -self.sar;
            if low < self.ep {
                self.ep = low;
                self.af_short = self.short.raise(self.af_short);
            }
            self.sar = self.af_short.mul_add(self.ep - self.sar, self.sar);
            self.sar = self.sar.max(prev_high).max(high);
        }
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "sarext",
    "SAREXT",
    Group::Overlap,
    "Parabolic SAR with separate long/short acceleration, start value and reversal offset \
     (negative while short)",
    HIGH_LOW,
    SarextParams::SPECS,
    &[OutputSpec::new("value", "real", Pane::Price, Style::Dots)],
    kernel::<Sarext>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE]);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows;

    const DEFAULTS: [f64; 8] = [0.0, 0.0, 0.02, 0.02, 0.2, 0.02, 0.02, 0.2];

    #[test]
    fn short_positions_are_negative() {
        // A down move on the second bar starts short at the first bar's high.
        let rows: [&[f64]; 3] = [&[10.0, 9.0], &[9.5, 8.0], &[9.0, 7.5]];
        let out = run_rows::<super::Sarext>("sarext", &DEFAULTS, &rows);
        assert_eq!(out[..2], [None, Some(-10.0)]);
        assert!(out[2].unwrap() < 0.0);
    }

    #[test]
    fn a_positive_start_value_starts_long_there() {
        let mut params = DEFAULTS;
        params[0] = 7.0;
        let rows: [&[f64]; 2] = [&[10.0, 9.0], &[9.5, 8.0]];
        let out = run_rows::<super::Sarext>("sarext", &params, &rows);
        assert_eq!(out, [None, Some(7.0)]);
    }
}
