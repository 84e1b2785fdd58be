//! Connors RSI (TA-Lib 0.8.3).

use super::wilder_rsi::WilderRsi;
use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{OWN_LINE, REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::{ParamSpec, Params, TypedParams};
use crate::primitives::Ring;
use crate::TaError;

/// Parameters, in catalog order.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CrsiParams {
    pub period: usize,
    pub streak_period: usize,
    pub rank_period: usize,
}

impl CrsiParams {
    /// The catalog's parameter list, in field order. Written out rather than through
    /// `typed_params!` because TA-Lib caps the rank period at 10,000, not 100,000.
    pub const SPECS: &'static [ParamSpec] = &[
        ParamSpec::period("period", 3, 2),
        ParamSpec::int(
            "streak_period",
            "streakperiod",
            2,
            2,
            "period of the RSI of the up/down streak",
        ),
        ParamSpec {
            max: 10_000.0,
            ..ParamSpec::int(
                "rank_period",
                "rankperiod",
                100,
                2,
                "number of previous one-bar returns the current one is ranked against",
            )
        },
    ];
}

impl TypedParams for CrsiParams {
    fn from_values(values: &[f64]) -> Self {
        CrsiParams {
            period: values[0] as usize,
            streak_period: values[1] as usize,
            rank_period: values[2] as usize,
        }
    }
}

/// Connors RSI: the mean of the RSI of the price, the RSI of the up/down streak (bars in a
/// row the close rose, negative for falls, 0 when unchanged) and the percent rank of the
/// one-bar return among the previous `rank_period` returns.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "CrsiFields")]
pub struct Crsi {
    rsi: WilderRsi,
    streak_rsi: WilderRsi,
    prev: Option<f64>,
    streak: f64,
    returns: Ring,
    bars: usize,
    lookback: usize,
}

/// A Connors RSI as a snapshot holds it, before its counters are checked.
#[derive(serde::Deserialize)]
struct CrsiFields {
    rsi: WilderRsi,
    streak_rsi: WilderRsi,
    prev: Option<f64>,
    streak: f64,
    returns: Ring,
    bars: usize,
    lookback: usize,
}

impl TryFrom<CrsiFields> for Crsi {
    type Error = String;

    fn try_from(f: CrsiFields) -> Result<Self, String> {
        // The lookback is the parts' (as `from_params` sets it), and every bar after the first
        // adds a return: once past the lookback, there are returns to rank.
        let lookback = f
            .rsi
            .lookback()
            .max(f.streak_rsi.lookback().saturating_add(1))
            .max(f.returns.capacity());
        if f.lookback != lookback
            || f.prev.is_some() != (f.bars > 0)
            || f.returns.len() != f.bars.saturating_sub(1).min(f.returns.capacity())
        {
            return Err(crate::execution::checks::inconsistent("crsi"));
        }
        Ok(Crsi {
            rsi: f.rsi,
            streak_rsi: f.streak_rsi,
            prev: f.prev,
            streak: f.streak,
            returns: f.returns,
            bars: f.bars,
            lookback: f.lookback,
        })
    }
}

impl Indicator for Crsi {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: CrsiParams = params.get();
        Ok(Crsi {
            rsi: WilderRsi::new(p.period),
            streak_rsi: WilderRsi::new(p.streak_period),
            prev: None,
            streak: 0.0,
            returns: Ring::new(p.rank_period + 1),
            bars: 0,
            lookback: p.period.max(p.streak_period + 1).max(p.rank_period + 1),
        })
    }
    fn lookback(&self) -> usize {
        self.lookback
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let close = bar[0];
        self.bars += 1;
        let rsi = self.rsi.update(close);
        let Some(prev) = self.prev.replace(close) else {
            return false;
        };
        self.streak = if close > prev {
            if self.streak > 0.0 {
                self.streak + 1.0
            } else {
                1.0
            }
        } else if close < prev {
            if self.streak < 0.0 {
                self.streak - 1.0
            } else {
                -1.0
            }
        } else {
            0.0
        };
        let streak_rsi = self.streak_rsi.update(self.streak);
        self.returns.push(if prev != 0.0 {
            (close - prev) / prev
        } else {
            0.0
        });
        if self.bars <= self.lookback {
            return false;
        }
        let (Some(rsi), Some(streak_rsi)) = (rsi, streak_rsi) else {
            return false;
        };
        let current = self.returns.back(0);
        let n = self.returns.len() - 1;
        let below = (0..n).filter(|&i| self.returns.get(i) < current).count();
        // Divide, then scale, as TA-Lib's PERCENTRANK.
        let rank = below as f64 / n as f64 * 100.0;
        out[0] = (rsi + streak_rsi + rank) / 3.0;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "crsi",
    "CRSI",
    Group::Momentum,
    "Connors RSI: mean of the price RSI, the streak RSI and the percent rank of the return",
    REAL,
    CrsiParams::SPECS,
    OWN_LINE,
    kernel::<Crsi>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE])
.with_levels(&[10.0, 90.0]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_rows;

    #[test]
    fn a_steady_rise() {
        // Every RSI is 100; each return is below the previous ones (1/2 < 1, 1/3 < 1/2),
        // so its rank is 0.
        let x: Vec<[f64; 1]> = (1..=6).map(|i| [i as f64]).collect();
        let rows: Vec<&[f64]> = x.iter().map(|r| r.as_slice()).collect();
        let got = run_rows::<Crsi>("crsi", &[2.0, 2.0, 2.0], &rows);
        assert_eq!(got[..3], [None; 3]);
        assert!(got[3..].iter().all(|v| *v == Some(200.0 / 3.0)));
    }

    #[test]
    fn rank_period_is_capped_as_in_talib() {
        let spec = crate::catalog::find("crsi").unwrap();
        assert!(spec.params(&[3.0, 2.0, 10_000.0]).is_ok());
        assert!(spec.params(&[3.0, 2.0, 10_001.0]).is_err());
    }
}
