//! Heikin-Ashi candles.

use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::{OPEN_HIGH_LOW_CLOSE, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// Heikin-Ashi candles: the close is the bar's average price, the open the midpoint of the
/// previous Heikin-Ashi open and close (the first bar's open and close to start), and the
/// high and low extend the bar's to cover both.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Ha {
    /// The previous Heikin-Ashi open and close.
    prev: Option<(f64, f64)>,
}

impl Indicator for Ha {
    const INPUTS: usize = 4;
    const OUTPUTS: usize = 4;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(Ha { prev: None })
    }
    fn lookback(&self) -> usize {
        0
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (open, high, low, close) = (bar[0], bar[1], bar[2], bar[3]);
        let ha_open = match self.prev {
            Some((prev_open, prev_close)) => (prev_open + prev_close) / 2.0,
            None => (open + close) / 2.0,
        };
        let ha_close = (open + high + low + close) / 4.0;
        self.prev = Some((ha_open, ha_close));
        // Plain comparisons, not max/min: on a tie the bar's own price is kept.
        let mut ha_high = high;
        if ha_open > ha_high {
            ha_high = ha_open;
        }
        if ha_close > ha_high {
            ha_high = ha_close;
        }
        let mut ha_low = low;
        if ha_open < ha_low {
            ha_low = ha_open;
        }
        if ha_close < ha_low {
            ha_low = ha_close;
        }
        out[0] = ha_open;
        out[1] = ha_high;
        out[2] = ha_low;
        out[3] = ha_close;
        true
    }
}

const OUTPUTS: &[OutputSpec] = &[
    OutputSpec::new("open", "haopen", Pane::Price, Style::Line),
    OutputSpec::new("high", "hahigh", Pane::Price, Style::Line),
    OutputSpec::new("low", "halow", Pane::Price, Style::Line),
    OutputSpec::new("close", "haclose", Pane::Price, Style::Line),
];

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "ha",
    "HA",
    Group::Price,
    "Heikin-Ashi candles: averaged open, high, low and close",
    OPEN_HIGH_LOW_CLOSE,
    &[],
    OUTPUTS,
    kernel::<Ha>(),
)
.with_flags(UNSTABLE);
