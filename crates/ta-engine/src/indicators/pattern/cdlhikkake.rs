//! Hikkake pattern.

use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

use super::candle::{all, Window};

pattern_settings!();

/// Hikkake: an inside bar, then a bar breaking out of it (+100 bullish: lower high and lower
/// low; -100 bearish: higher high and higher low); a close beyond the inside bar's far side
/// within the next three bars confirms it (+200 / -200 on the confirming bar).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct CdlHikkake {
    window: Window<3, 0>,
    /// Bars seen before the current one.
    seen: usize,
    signal: Breakout,
}

/// The last breakout and its confirmation window, shared with the modified hikkake.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub(super) struct Breakout {
    /// +100 or -100 for the last breakout (0 before the first).
    result: i32,
    /// The inside bar's high and low.
    high: f64,
    low: f64,
    /// Bars left in which a close may confirm it.
    countdown: u32,
}

impl Breakout {
    /// The signal for the current bar: a new breakout (`Some(+-100)`, with the inside bar's
    /// high and low), else a confirmation of the last one by this `close`.
    pub fn next(&mut self, breakout: Option<(i32, f64, f64)>, close: f64) -> i32 {
        let out = if let Some((result, high, low)) = breakout {
            *self = Breakout {
                result,
                high,
                low,
                countdown: 4,
            };
            result
        } else if self.countdown > 0
            && ((self.result > 0 && close > self.high) || (self.result < 0 && close < self.low))
        {
            self.countdown = 0;
            self.result + 100 * self.result.signum()
        } else {
            0
        };
        self.countdown = self.countdown.saturating_sub(1);
        out
    }
}

/// TA-Lib's lookback: the breakout needs three bars, and the state is rebuilt over the three
/// bars before the first output.
const LOOKBACK: usize = 5;
const REPLAY: usize = 3;

impl Indicator for CdlHikkake {
    const INPUTS: usize = 4;
    const OUTPUTS: usize = 1;
    /// 2: the window keeps its last candles.
    const STATE_VERSION: u32 = 2;
    /// Version 1 snapshots are converted when restored (see `Window`).
    const OLDEST_STATE_VERSION: u32 = 1;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(CdlHikkake {
            window: Window::new(LOOKBACK - REPLAY, []),
            seen: 0,
            signal: Breakout::default(),
        })
    }
    fn lookback(&self) -> usize {
        LOOKBACK
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let signal = &mut self.signal;
        let evaluated = self.window.step(
            bar,
            out,
            #[inline(always)]
            |w| {
                let (first, second, third) = (w.c(2), w.c(1), w.c(0));
                let inside = (second.high < first.high) & (second.low > first.low);
                let bull = (third.high < second.high) & (third.low < second.low);
                let bear = (third.high > second.high) & (third.low > second.low);
                let breakout = all(inside & (bull | bear)).then_some((
                    if bull { 100 } else { -100 },
                    second.high,
                    second.low,
                ));
                signal.next(breakout, third.close)
            },
        );
        self.seen += 1;
        evaluated && self.seen > LOOKBACK
    }
}

pattern_spec!(
    "cdlhikkake",
    "CDLHIKKAKE",
    CdlHikkake,
    "Hikkake: an inside bar and a false breakout, +-200 when confirmed within three bars"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_and_confirms_both_ways() {
        let first = [100.0, 102.0, 98.0, 101.0];
        let inside = [100.5, 101.5, 99.0, 100.0];
        check(
            "cdlhikkake",
            &[first, inside, [99.5, 101.0, 98.5, 99.0]],
            100,
        );
        check(
            "cdlhikkake",
            &[
                first,
                inside,
                [99.5, 101.0, 98.5, 99.0],
                [99.0, 101.8, 98.9, 101.7],
            ],
            200,
        );
        check(
            "cdlhikkake",
            &[first, inside, [100.5, 102.0, 99.5, 101.0]],
            -100,
        );
        check(
            "cdlhikkake",
            &[
                first,
                inside,
                [100.5, 102.0, 99.5, 101.0],
                [101.0, 101.1, 98.5, 98.8],
            ],
            -200,
        );
        check(
            "cdlhikkake",
            &[
                first,
                inside,
                [99.5, 101.0, 98.5, 99.0],
                [99.0, 101.3, 98.9, 101.2],
            ],
            0,
        );
    }
}
