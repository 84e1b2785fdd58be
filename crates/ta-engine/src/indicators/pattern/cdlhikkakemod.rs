//! Modified hikkake pattern.

use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

use super::candle::{all, Total, Window};
use super::cdlhikkake::Breakout;
use super::settings::{Config, Setting::Near};

pattern_settings!(Near);

/// Modified hikkake: two nested inside bars (the first closing near its low for the bullish
/// case, near its high for the bearish one), then a breakout of the second (+100 / -100); a
/// close beyond its far side within three bars confirms it (+200 / -200).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct CdlHikkakeMod {
    window: Window<4, 1>,
    lookback: usize,
    /// Bars seen before the current one.
    seen: usize,
    signal: Breakout,
}

/// TA-Lib rebuilds the state (and moves the "near" sum on) over the three bars before the
/// first output.
const REPLAY: usize = 3;

impl Indicator for CdlHikkakeMod {
    const INPUTS: usize = 4;
    const OUTPUTS: usize = 1;
    /// 2: the window keeps its last candles.
    const STATE_VERSION: u32 = 2;
    /// Version 1 snapshots are converted when restored (see `Window`).
    const OLDEST_STATE_VERSION: u32 = 1;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let cfg = Config::read(params, SETTINGS, HAS_PENETRATION);
        let lookback = cfg.period(Near).max(1) + 5;
        Ok(CdlHikkakeMod {
            window: Window::new(lookback - REPLAY, [Total::before(&cfg, Near, 2)]),
            lookback,
            seen: 0,
            signal: Breakout::default(),
        })
    }
    fn lookback(&self) -> usize {
        self.lookback
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let signal = &mut self.signal;
        let evaluated = self.window.step(
            bar,
            out,
            #[inline(always)]
            |w| {
                let (c1, c2, c3, c4) = (w.c(3), w.c(2), w.c(1), w.c(0));
                let nested = (c2.high < c1.high)
                    & (c2.low > c1.low)
                    & (c3.high < c2.high)
                    & (c3.low > c2.low);
                let breakout = if all(nested) {
                    let near = w.avg(0, 2);
                    let bull = c4.high < c3.high && c4.low < c3.low && c2.close <= c2.low + near;
                    let bear = c4.high > c3.high && c4.low > c3.low && c2.close >= c2.high - near;
                    (bull || bear).then_some((
                        if c4.high < c3.high { 100 } else { -100 },
                        c3.high,
                        c3.low,
                    ))
                } else {
                    None
                };
                signal.next(breakout, c4.close)
            },
        );
        self.seen += 1;
        evaluated && self.seen > self.lookback
    }
}

pattern_spec!(
    "cdlhikkakemod",
    "CDLHIKKAKEMOD",
    CdlHikkakeMod,
    "Modified hikkake: nested inside bars and a false breakout, +-200 when confirmed"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_and_confirms_both_ways() {
        let first = [100.0, 103.0, 97.0, 101.0];
        let low_close = [101.0, 102.0, 98.0, 98.2];
        let inside = [99.5, 101.0, 99.0, 100.0];
        check(
            "cdlhikkakemod",
            &[first, low_close, inside, [99.5, 100.5, 98.5, 99.0]],
            100,
        );
        check(
            "cdlhikkakemod",
            &[
                first,
                low_close,
                inside,
                [99.5, 100.5, 98.5, 99.0],
                [99.0, 101.8, 98.9, 101.7],
            ],
            200,
        );
        let high_close = [98.5, 102.0, 98.0, 101.8];
        check(
            "cdlhikkakemod",
            &[first, high_close, inside, [100.0, 101.5, 99.5, 101.0]],
            -100,
        );
        check(
            "cdlhikkakemod",
            &[
                first,
                high_close,
                inside,
                [100.0, 101.5, 99.5, 101.0],
                [100.0, 100.1, 98.5, 98.8],
            ],
            -200,
        );
        check(
            "cdlhikkakemod",
            &[first, inside, inside, [100.0, 101.5, 99.5, 101.0]],
            0,
        );
    }
}
