//! Moving average with a variable period.

use crate::catalog::{kernel, Group, IndicatorSpec, Input};
use crate::error::ErrorKind;
use crate::indicators::PRICE_LINE;
use crate::kernel::Indicator;
use crate::params::{MaType, Params};
use crate::primitives::average::{Aligned, MovingAverage, Smoother};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct MavpParams {
        min_period: usize = int("minperiod", 2, 1, "shortest period used; shorter (or missing) ones are raised to it"),
        max_period: usize = int("maxperiod", 30, 1, "longest period used; longer ones are lowered to it"),
        ma_type: MaType = ma_type("matype", MaType::Sma),
    }
}

/// Moving average whose period is read per bar from a second series (clamped to
/// `min_period..=max_period`, fractions truncated). As TA-Lib computes one average per period
/// over the whole range, each period's average is started so that its first value lands on
/// the longest period's lookback. Averages are created the first time their period is asked
/// for, by replaying the inputs kept until every period has one.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "MavpFields")]
pub struct Mavp {
    min_period: usize,
    max_period: usize,
    kind: MaType,
    lookback: usize,
    /// Index `p - min_period`: the average of period `p`, once asked for.
    averages: Vec<Option<Aligned<MovingAverage>>>,
    /// Every input so far, while some period has no average yet.
    history: Vec<f64>,
    missing: usize,
}

/// A MAVP as a snapshot holds it, before its periods are checked against its averages.
#[derive(serde::Deserialize)]
struct MavpFields {
    min_period: usize,
    max_period: usize,
    kind: MaType,
    lookback: usize,
    averages: Vec<Option<Aligned<MovingAverage>>>,
    history: Vec<f64>,
    missing: usize,
}

impl TryFrom<MavpFields> for Mavp {
    type Error = String;

    fn try_from(f: MavpFields) -> Result<Self, String> {
        // Periods in the parameters' range with one average slot each (a bar's period
        // indexes them), `missing` counting the empty slots, and the lookback of the longest
        // period's average (new averages are aligned to it).
        let in_range = |value: usize, spec: &crate::params::ParamSpec| {
            (spec.min..=spec.max).contains(&(value as f64))
        };
        let specs = MavpParams::SPECS;
        if !in_range(f.min_period, &specs[0])
            || !in_range(f.max_period, &specs[1])
            || f.min_period > f.max_period
            || f.averages.len() != f.max_period - f.min_period + 1
            || f.missing != f.averages.iter().filter(|a| a.is_none()).count()
            || f.lookback != MovingAverage::new(f.kind, f.max_period).lookback()
        {
            return Err(crate::execution::checks::inconsistent("mavp"));
        }
        Ok(Mavp {
            min_period: f.min_period,
            max_period: f.max_period,
            kind: f.kind,
            lookback: f.lookback,
            averages: f.averages,
            history: f.history,
            missing: f.missing,
        })
    }
}

impl Mavp {
    /// The period TA-Lib 0.8.1 uses for a per-bar value.
    #[inline(always)]
    fn period_of(&self, value: f64) -> usize {
        // The bar is complete, so the value is finite (TA-Lib also lifts NaN to the minimum).
        if value < self.min_period as f64 {
            self.min_period
        } else if value > self.max_period as f64 {
            self.max_period
        } else {
            (value as usize).max(1)
        }
    }

    fn average(&self, period: usize) -> Aligned<MovingAverage> {
        Aligned::new(MovingAverage::new(self.kind, period), self.lookback)
    }
}

impl Indicator for Mavp {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: MavpParams = params.get();
        if p.min_period > p.max_period {
            return Err(TaError::InvalidParam {
                indicator: "mavp".to_string(),
                param: "min_period".to_string(),
                kind: ErrorKind::OutOfRange,
                message: format!(
                    "must not exceed max_period ({}), got {}",
                    p.max_period, p.min_period
                ),
            });
        }
        let count = p.max_period - p.min_period + 1;
        Ok(Mavp {
            min_period: p.min_period,
            max_period: p.max_period,
            kind: p.ma_type,
            lookback: MovingAverage::new(p.ma_type, p.max_period).lookback(),
            averages: vec![None; count],
            history: Vec::new(),
            missing: count,
        })
    }
    fn lookback(&self) -> usize {
        self.lookback
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let x = bar[0];
        let wanted = self.period_of(bar[1]) - self.min_period;
        let mut value = None;
        for (k, average) in self.averages.iter_mut().enumerate() {
            if let Some(average) = average {
                let v = average.update(x);
                if k == wanted {
                    value = v;
                }
            }
        }
        if self.missing > 0 {
            self.history.push(x);
            if self.averages[wanted].is_none() {
                let mut average = self.average(wanted + self.min_period);
                for &past in &self.history {
                    value = average.update(past);
                }
                self.averages[wanted] = Some(average);
                self.missing -= 1;
                if self.missing == 0 {
                    self.history = Vec::new();
                }
            }
        }
        match value {
            Some(v) => {
                out[0] = v;
                true
            }
            None => false,
        }
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "mavp",
    "MAVP",
    Group::Overlap,
    "Moving average with a per-bar period",
    &[Input::Real, Input::Periods],
    MavpParams::SPECS,
    PRICE_LINE,
    kernel::<Mavp>(),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::find;
    use crate::indicators::run_rows;

    #[test]
    fn each_bar_reads_its_own_period() {
        let rows: [&[f64]; 4] = [&[1.0, 2.0], &[2.0, 2.0], &[3.0, 3.0], &[5.0, 9.0]];
        // Periods 2, 3, then 9 lowered to 3 (SMA); the lookback is the longest period's.
        let out = run_rows::<Mavp>("mavp", &[2.0, 3.0, 0.0], &rows);
        assert_eq!(out, [None, None, Some(2.0), Some(10.0 / 3.0)]);
        let spec = find("mavp").unwrap();
        assert!(Mavp::from_params(&spec.params(&[5.0, 3.0, 0.0]).unwrap()).is_err());
    }
}
