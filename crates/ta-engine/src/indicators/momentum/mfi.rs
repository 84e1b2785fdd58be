//! Money flow index.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{HIGH_LOW_CLOSE_VOLUME, OWN_LINE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::{is_tiny_against, typical_price, RollingSum};
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct MfiParams {
        period: usize = period(14, 2),
    }
}

/// Money flow index: RSI-like ratio of positive to total money flow over the window.
///
/// As in TA-Lib 0.8: a typical-price change within a relative dead zone carries no flow, a
/// window that has received no flow for a whole period has its sums reset to exactly zero
/// (dropping rounding residue), and the positive sum is clamped into `[0, total]`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Mfi {
    positive: RollingSum,
    negative: RollingSum,
    started: bool,
    previous: f64,
    /// Consecutive bars without money flow (saturates at the period).
    no_flow_run: usize,
}

impl Indicator for Mfi {
    const INPUTS: usize = 4;
    const OUTPUTS: usize = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: MfiParams = params.get();
        let period = p.period;
        Ok(Mfi {
            positive: RollingSum::new(period),
            negative: RollingSum::new(period),
            started: false,
            previous: 0.0,
            no_flow_run: 0,
        })
    }
    fn lookback(&self) -> usize {
        self.positive.period()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let typical = typical_price(bar[0], bar[1], bar[2]);
        if !self.started {
            self.started = true;
            self.previous = typical;
            return false;
        }
        let change = typical - self.previous;
        let scale = typical.abs() + self.previous.abs();
        self.previous = typical;
        let flow = if is_tiny_against(change, scale) {
            0.0
        } else {
            typical * bar[3]
        };
        let (up, down) = if change < 0.0 {
            (0.0, flow)
        } else {
            (flow, 0.0)
        };
        // The leaving bar is taken out before the arriving one is added, as in TA-Lib.
        self.positive.push(up);
        self.negative.push(down);
        let period = self.positive.period();
        self.no_flow_run = if flow == 0.0 { self.no_flow_run + 1 } else { 0 };
        if self.no_flow_run >= period {
            self.no_flow_run = period;
            self.positive.clear_sum();
            self.negative.clear_sum();
        }
        if !self.positive.is_full() {
            return false;
        }
        let total = self.positive.sum() + self.negative.sum();
        let positive = self.positive.sum();
        let positive = if positive < 0.0 {
            0.0
        } else if total < positive {
            total
        } else {
            positive
        };
        out[0] = if total <= 0.0 {
            0.0
        } else {
            (positive / total) * 100.0
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "mfi",
    "MFI",
    Group::Momentum,
    "Money flow index: volume-weighted RSI of the typical price",
    HIGH_LOW_CLOSE_VOLUME,
    MfiParams::SPECS,
    OWN_LINE,
    kernel::<Mfi>(),
)
.with_levels(&[20.0, 80.0]);
