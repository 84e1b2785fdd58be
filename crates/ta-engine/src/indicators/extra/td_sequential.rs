//! TD Sequential.

use crate::catalog::{kernel, Flag, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::HIGH_LOW_CLOSE;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::Ring;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct TdSequentialParams {
        setup_bars: usize = int_upto("", 9, 2, 100, "bars that complete a setup"),
        setup_lag: usize = int_upto("", 4, 1, 100,
            "a setup bar compares its close with the close this many bars earlier"),
        countdown_bars: usize = int_upto("", 13, 2, 100,
            "counted bars that complete a countdown"),
        countdown_lag: usize = int_upto("", 2, 1, 100,
            "a countdown bar compares its close with the low (buy) or high (sell) this many \
             bars earlier"),
    }
}

/// Which way a setup or a countdown counts: buy after falling closes, sell after rising ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
enum Side {
    Buy,
    Sell,
}

impl Side {
    /// The side a close takes against an earlier one; none when they are equal.
    fn of(close: f64, earlier: f64) -> Option<Side> {
        if close < earlier {
            Some(Side::Buy)
        } else if close > earlier {
            Some(Side::Sell)
        } else {
            None
        }
    }

    /// Counts are reported negative for buy, positive for sell.
    fn signed(self, count: usize) -> f64 {
        match self {
            Side::Buy => -(count as f64),
            Side::Sell => count as f64,
        }
    }
}

/// A setup still counting (a completed one is not kept).
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
struct Setup {
    side: Side,
    /// Its bars so far, 1 to `setup_bars - 1`.
    bars: usize,
    /// The highest high (buy) or lowest low (sell) of its bars: a close beyond it cancels the
    /// countdown the setup starts.
    extreme: f64,
}

impl Setup {
    fn start(side: Side, high: f64, low: f64) -> Setup {
        let extreme = match side {
            Side::Buy => high,
            Side::Sell => low,
        };
        Setup {
            side,
            bars: 1,
            extreme,
        }
    }

    fn extended(self, high: f64, low: f64) -> Setup {
        let extreme = match self.side {
            Side::Buy => self.extreme.max(high),
            Side::Sell => self.extreme.min(low),
        };
        Setup {
            bars: self.bars + 1,
            extreme,
            ..self
        }
    }
}

/// A countdown still counting (a completed one is not kept).
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
struct Countdown {
    side: Side,
    /// Bars counted so far, 0 to `countdown_bars - 1`.
    counted: usize,
    /// The close of the qualifier bar (the one counted `max(countdown_bars - 5, 1)`-th), once
    /// counted: the last bar's low (buy) or high (sell) must reach it.
    qualifier: Option<f64>,
    /// The extreme of the setup that started it.
    extreme: f64,
}

/// TD Sequential, Tom DeMark's setup and countdown (T. R. DeMark, "The New Science of
/// Technical Analysis", 1994; J. Perl, "DeMark Indicators", 2008), with `C`, `H`, `L` the
/// close, high and low, `n` = `setup_lag` and `m` = `countdown_lag`:
///
/// - Setup: a buy setup starts (count 1) on a bearish price flip, `C[t-1] > C[t-1-n]` and
///   `C[t] < C[t-n]`; each later bar with `C[t] < C[t-n]` adds 1, any other bar ends it. At
///   `setup_bars` it is complete and stops; a new setup needs a new flip. A sell setup is the
///   mirror (bullish flip, `C[t] > C[t-n]`). A bar ending a setup by closing the other way is
///   itself a flip, so it starts the opposite setup.
/// - Countdown: a completed setup starts its side's countdown at 0, testing that bar first; a
///   buy bar counts when `C[t] <= L[t-m]` (sell: `C[t] >= H[t-m]`); no bar counts before `m`
///   bars of history. The bar that would be the `countdown_bars`-th also needs its low at or
///   below (sell: high at or above) the close of the qualifier bar, the one counted
///   `max(countdown_bars - 5, 1)`-th (the 8th of 13); until then the last count is deferred.
///   The countdown ends when complete.
/// - Cancellation and recycling: a completed setup of either side starts its countdown afresh
///   (cancelling the other side's, restarting its own, with the new setup as reference). A
///   buy countdown is also cancelled by a close above the highest high of its setup's bars,
///   checked before the bar is tested (sell: a close below the lowest low).
///
/// Outputs: the setup's count on each of its bars and the countdown's count on the bar that
/// reaches it, negative for buy, positive for sell, 0 on every other bar. The first value
/// comes on bar `setup_lag + 1`; counts depend on where the series starts.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "TdSequentialFields")]
pub struct TdSequential {
    setup_bars: usize,
    countdown_bars: usize,
    /// The last `setup_lag + 2` closes: this bar's and the previous bar's, and the closes
    /// they are compared with.
    closes: Ring,
    /// The last `countdown_lag + 1` highs and lows.
    highs: Ring,
    lows: Ring,
    setup: Option<Setup>,
    countdown: Option<Countdown>,
}

/// A TD Sequential as a snapshot holds it, before its counts are checked.
#[derive(serde::Deserialize)]
struct TdSequentialFields {
    setup_bars: usize,
    countdown_bars: usize,
    closes: Ring,
    highs: Ring,
    lows: Ring,
    setup: Option<Setup>,
    countdown: Option<Countdown>,
}

impl TryFrom<TdSequentialFields> for TdSequential {
    type Error = String;

    fn try_from(f: TdSequentialFields) -> Result<Self, String> {
        // The closes compared are indexed from both ends, the highs' and lows' oldest read
        // together; counts stay below their completion, and the qualifier is known once
        // counted.
        let qualifier_bar = TdSequential::qualifier_bar(f.countdown_bars);
        if f.closes.capacity() < 3
            || f.highs.capacity() < 2
            || f.highs.capacity() != f.lows.capacity()
            || f.highs.len() != f.lows.len()
            || f.setup_bars < 2
            || f.countdown_bars < 2
            || f.setup
                .is_some_and(|s| !(1..f.setup_bars).contains(&s.bars))
            || f.countdown.is_some_and(|c| {
                c.counted >= f.countdown_bars
                    || c.qualifier.is_some() != (c.counted >= qualifier_bar)
            })
        {
            return Err(crate::execution::checks::inconsistent("td sequential"));
        }
        Ok(TdSequential {
            setup_bars: f.setup_bars,
            countdown_bars: f.countdown_bars,
            closes: f.closes,
            highs: f.highs,
            lows: f.lows,
            setup: f.setup,
            countdown: f.countdown,
        })
    }
}

impl TdSequential {
    /// The count whose bar's close qualifies the last one: the 8th of 13.
    fn qualifier_bar(countdown_bars: usize) -> usize {
        countdown_bars.saturating_sub(5).max(1)
    }

    /// Steps the setup with this bar (the closes already pushed); the setup completed on it.
    fn advance_setup(&mut self, high: f64, low: f64) -> Option<Setup> {
        let closes = &self.closes;
        let side = Side::of(closes.back(0), closes.get(1));
        let previous_side = Side::of(closes.back(1), closes.oldest());
        self.setup = match (self.setup, side) {
            (Some(setup), Some(side)) if setup.side == side => Some(setup.extended(high, low)),
            // A price flip: this bar closes one way, the previous one closed the other.
            (_, Some(side)) if previous_side.is_some_and(|p| p != side) => {
                Some(Setup::start(side, high, low))
            }
            _ => None,
        };
        let completed = self.setup.filter(|s| s.bars == self.setup_bars);
        if completed.is_some() {
            self.setup = None;
        }
        completed
    }

    /// Tests this bar for the countdown; the count it reached, if it was counted.
    fn advance_countdown(&mut self, high: f64, low: f64, close: f64) -> Option<(Side, usize)> {
        let mut countdown = self.countdown?;
        // Without `countdown_lag` bars of history no bar counts.
        if !self.highs.is_full() {
            return None;
        }
        let (high_then, low_then) = (self.highs.oldest(), self.lows.oldest());
        let counts = match countdown.side {
            Side::Buy => close <= low_then,
            Side::Sell => close >= high_then,
        };
        let last = countdown.counted + 1 == self.countdown_bars;
        let qualified = !last
            || countdown.qualifier.is_some_and(|q| match countdown.side {
                Side::Buy => low <= q,
                Side::Sell => high >= q,
            });
        if !(counts && qualified) {
            return None;
        }
        countdown.counted += 1;
        if countdown.counted == Self::qualifier_bar(self.countdown_bars) {
            countdown.qualifier = Some(close);
        }
        self.countdown = (!last).then_some(countdown);
        Some((countdown.side, countdown.counted))
    }
}

impl Indicator for TdSequential {
    const INPUTS: usize = 3;
    const OUTPUTS: usize = 2;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: TdSequentialParams = params.get();
        Ok(TdSequential {
            setup_bars: p.setup_bars,
            countdown_bars: p.countdown_bars,
            closes: Ring::new(p.setup_lag + 2),
            highs: Ring::new(p.countdown_lag + 1),
            lows: Ring::new(p.countdown_lag + 1),
            setup: None,
            countdown: None,
        })
    }
    fn lookback(&self) -> usize {
        self.closes.capacity() - 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low, close) = (bar[0], bar[1], bar[2]);
        self.closes.push(close);
        self.highs.push(high);
        self.lows.push(low);
        // A price flip compares the previous close with the one `setup_lag` bars before it.
        if !self.closes.is_full() {
            return false;
        }
        let completed = self.advance_setup(high, low);
        out[0] = completed
            .or(self.setup)
            .map_or(0.0, |s| s.side.signed(s.bars));
        if let Some(setup) = completed {
            // Either side's completed setup starts its countdown afresh: the other side's is
            // cancelled, its own recycled.
            self.countdown = Some(Countdown {
                side: setup.side,
                counted: 0,
                qualifier: None,
                extreme: setup.extreme,
            });
        } else if let Some(countdown) = self.countdown {
            let beyond = match countdown.side {
                Side::Buy => close > countdown.extreme,
                Side::Sell => close < countdown.extreme,
            };
            if beyond {
                self.countdown = None;
            }
        }
        out[1] = self
            .advance_countdown(high, low, close)
            .map_or(0.0, |(side, count)| side.signed(count));
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::laakhay(
    "td_sequential",
    Group::Extra,
    "TD Sequential: DeMark's setup and countdown counts (negative buy, positive sell)",
    HIGH_LOW_CLOSE,
    TdSequentialParams::SPECS,
    &[
        OutputSpec::own("setup", Pane::Own, Style::Histogram).integer(),
        OutputSpec::own("countdown", Pane::Own, Style::Histogram).integer(),
    ],
    kernel::<TdSequential>(),
)
.with_details(
    "DeMark (1994), Perl (2008); n = setup_lag, m = countdown_lag. Setup: a buy setup starts \
     (count 1) on a bearish price flip, C[t-1] > C[t-1-n] and C[t] < C[t-n]; each later bar \
     with C[t] < C[t-n] adds 1, any other bar ends it; at setup_bars it is complete and stops, \
     and a new one needs a new flip. Sell: the mirror (C[t-1] < C[t-1-n] and C[t] > C[t-n], \
     continued while C[t] > C[t-n]). A bar ending a setup by closing the other way is a flip \
     and starts the opposite setup. Countdown: a completed setup starts its side's countdown \
     at 0 (cancelling the other side's, restarting its own), testing that bar first; a buy bar \
     counts when C[t] <= L[t-m] (sell: C[t] >= H[t-m]), none before m bars of history; the \
     bar that would complete it (countdown_bars) also needs L[t] <= (sell: H[t] >=) the close \
     of the bar counted max(countdown_bars - 5, 1)-th, else it is deferred; complete, it ends. \
     A buy countdown is cancelled by a close above the highest high of its setup's bars \
     (sell: below the lowest low), checked before the bar is tested. Outputs: the setup count \
     on each setup bar, the countdown count on the bar reaching it, negative buy, positive \
     sell, 0 otherwise; first value on bar setup_lag + 1.",
)
.with_flags(&[Flag::UnstablePeriod]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::find;
    use crate::indicators::run_all;

    /// The setup and countdown columns over `(high, low, close)` rows, after checking that the
    /// first `setup_lag + 1` rows have no value and every later row has one.
    fn counts(params: [f64; 4], rows: &[[f64; 3]]) -> (Vec<i32>, Vec<i32>) {
        let rows: Vec<Vec<f64>> = rows.iter().map(|r| r.to_vec()).collect();
        let got = run_all::<TdSequential>("td_sequential", &params, &rows);
        let lookback = params[1] as usize + 1;
        assert!(got[..lookback].iter().all(Option::is_none));
        got[lookback..]
            .iter()
            .map(|row| {
                let row = row.as_ref().unwrap();
                (row[0] as i32, row[1] as i32)
            })
            .unzip()
    }

    /// Rows with high = close + 1 and low = close - 1.
    fn around(closes: &[f64]) -> Vec<[f64; 3]> {
        closes.iter().map(|&c| [c + 1.0, c - 1.0, c]).collect()
    }

    #[test]
    fn lookback_is_one_more_than_the_setup_lag() {
        let spec = find("td_sequential").unwrap();
        assert_eq!(spec.lookback(&[9.0, 4.0, 13.0, 2.0]).unwrap(), 5);
        assert_eq!(spec.lookback(&[3.0, 1.0, 4.0, 7.0]).unwrap(), 2);
    }

    #[test]
    fn a_buy_setup_counts_nine_after_a_flip_with_defaults() {
        // Setup: C[t] vs C[t-4]; countdown: C[t] vs L[t-2] = C[t-2] - 1. Bars 0-4 are the
        // warm-up. Bar 5 (25) rises like bar 4 did: no flip, 0. Bar 6 (19 < 22, after 25 > 21)
        // flips: -1; bars 7-14 each close below the close 4 bars earlier: -2 .. -9, complete.
        // The countdown starts on bar 14: 11 <= L[12] = 12 counts 1; 10 <= 11 and 9 <= 10
        // count 2 and 3. Bars 15-16 keep falling, but no flip starts a new setup.
        let closes = [
            20.0, 21.0, 22.0, 23.0, 24.0, 25.0, 19.0, 18.0, 17.0, 16.0, 15.0, 14.0, 13.0, 12.0,
            11.0, 10.0, 9.0,
        ];
        let (setup, countdown) = counts([9.0, 4.0, 13.0, 2.0], &around(&closes));
        assert_eq!(setup, [0, -1, -2, -3, -4, -5, -6, -7, -8, -9, 0, 0]);
        assert_eq!(countdown, [0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -2, -3]);
    }

    #[test]
    fn a_setup_ends_on_a_bar_that_does_not_continue_it() {
        // Lag 1: bar 2 (5 < 6, after 6 > 5) flips, bars 3-6 fall: -1 .. -5. Bar 7 closes
        // equal (1 = 1): the setup ends, 0; bar 8 rises, but after an equal close: no flip.
        let closes = [5.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0, 1.0, 2.0, 3.0];
        let (setup, _) = counts([9.0, 1.0, 13.0, 2.0], &around(&closes));
        assert_eq!(setup, [-1, -2, -3, -4, -5, 0, 0, 0]);
        // Bar 7 rising (2 > 1, after 1 < 2) ends the buy setup and is a bullish flip itself.
        let closes = [5.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0, 2.0, 3.0];
        let (setup, _) = counts([9.0, 1.0, 13.0, 2.0], &around(&closes));
        assert_eq!(setup, [-1, -2, -3, -4, -5, 1, 2]);
    }

    #[test]
    fn a_completed_setup_waits_for_a_new_flip() {
        // Lag 1, 3 bars: bars 2-4 fall after bar 1 rose: -1, -2, -3 (complete). Bars 5-6 keep
        // falling: no flip, 0. Bar 7 rises after a fall (+1), bar 8 falls after it (-1).
        let closes = [9.0, 10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 6.0, 5.0];
        let (setup, _) = counts([3.0, 1.0, 4.0, 1.0], &around(&closes));
        assert_eq!(setup, [-1, -2, -3, 0, 0, 1, -1]);
    }

    #[test]
    fn a_sell_setup_is_the_mirror() {
        // Lag 2: bar 3 (5 > C[1] = 4, after 3 < C[0] = 5) flips up: +1; 6 > 3 and 7 > 5: +2,
        // +3 (complete); bar 6 rises on (8 > 6) without a flip: 0.
        let closes = [5.0, 4.0, 3.0, 5.0, 6.0, 7.0, 8.0];
        let (setup, _) = counts([3.0, 2.0, 4.0, 1.0], &around(&closes));
        assert_eq!(setup, [1, 2, 3, 0]);
    }

    #[test]
    fn the_last_count_waits_for_the_qualifier() {
        // Setup lag 1, 3 bars; countdown lag 1, 13 bars (qualifier: the 8th). Bars 2-4 fall
        // (setup -1 .. -3); from bar 4 each close is at or below the previous low: counts 1-8
        // on bars 4-11, the 8th closing at 82. Bar 12 jumps to a close of 86 (its low): a
        // bullish flip (+1), not counted. Bars 13-16 close at 86, the previous low: counts
        // 9-12 (no setup: equal closes). Bar 17 would be the 13th, but its low 86 is above 82:
        // deferred (0). Bar 18's low reaches 82: 13, complete; bar 19 has no countdown.
        let mut rows = vec![[101.0, 99.0, 100.0], [103.0, 101.0, 102.0]];
        for close in (82..=100).rev().step_by(2) {
            let close = f64::from(close);
            rows.push([close + 1.0, close - 1.0, close]);
        }
        rows.extend([[88.0, 86.0, 86.0]; 6]);
        rows.extend([[87.0, 82.0, 86.0], [88.0, 86.0, 86.0]]);
        let (setup, countdown) = counts([3.0, 1.0, 13.0, 1.0], &rows);
        assert_eq!(
            setup,
            [-1, -2, -3, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
        );
        assert_eq!(
            countdown,
            [0, 0, -1, -2, -3, -4, -5, -6, -7, -8, 0, -9, -10, -11, -12, 0, -13, 0]
        );
    }

    #[test]
    fn no_bar_counts_before_the_countdown_lag_has_history() {
        // Countdown lag 5: the setup completes on bar 3, but bars 3 and 4 have no low 5 bars
        // back. Bar 5: 6 <= L[0] = 9 counts 1 (the qualifier, closing at 6); bar 6: 5 <= 10
        // with its low 4 <= 6: 2, complete.
        let closes = [10.0, 11.0, 9.0, 8.0, 7.0, 6.0, 5.0];
        let (setup, countdown) = counts([2.0, 1.0, 2.0, 5.0], &around(&closes));
        assert_eq!(setup, [-1, -2, 0, 0, 0]);
        assert_eq!(countdown, [0, 0, 0, -1, -2]);
    }

    /// Bars 0-5 of the countdown examples below: a buy setup on bars 2-4 (its highest high
    /// 101), counting 1 and 2 on bars 4 and 5 (lag 1: 96 <= 97, 94 <= 95).
    const BUY_THEN_COUNTING: [[f64; 3]; 6] = [
        [101.0, 99.0, 100.0],
        [103.0, 101.0, 102.0],
        [101.0, 99.0, 100.0],
        [99.0, 97.0, 98.0],
        [97.0, 95.0, 96.0],
        [95.0, 93.0, 94.0],
    ];

    #[test]
    fn an_opposite_setup_cancels_the_countdown() {
        // Bars 6-8 rise (+1 .. +3): the completed sell setup cancels the buy countdown and
        // starts its own, bar 8 counting (100 >= H[7] = 99). Bars 9-11 count on, the 4th
        // (bar 11) with its high 107 >= 100, the 1st counted close: +4, complete.
        let mut rows = BUY_THEN_COUNTING.to_vec();
        for close in [96.0, 98.0, 100.0, 102.0, 104.0, 106.0, 108.0] {
            rows.push([close + 1.0, close - 1.0, close]);
        }
        let (setup, countdown) = counts([3.0, 1.0, 4.0, 1.0], &rows);
        assert_eq!(setup, [-1, -2, -3, 0, 1, 2, 3, 0, 0, 0, 0]);
        assert_eq!(countdown, [0, 0, -1, -2, 0, 0, 1, 2, 3, 4, 0]);
    }

    #[test]
    fn a_close_above_the_setup_high_cancels_the_countdown() {
        // Bar 6 closes at 102, above the setup's highest high 101 (bar 1's 103 is not a setup
        // bar): cancelled. Bar 7 would have counted (100 <= L[6] = 101), but there is none.
        let mut rows = BUY_THEN_COUNTING.to_vec();
        rows.extend([[103.0, 101.0, 102.0], [102.0, 100.0, 100.0]]);
        let (setup, countdown) = counts([3.0, 1.0, 4.0, 1.0], &rows);
        assert_eq!(setup, [-1, -2, -3, 0, 1, -1]);
        assert_eq!(countdown, [0, 0, -1, -2, 0, 0]);
    }

    #[test]
    fn a_new_setup_the_same_way_recycles_the_countdown() {
        // Bar 6 rises (+1, low 93: bar 7's 94 does not count), bars 7-9 fall (-1 .. -3), bar 8
        // counting 3 (92 <= 93). Bar 9 completes a new buy setup: the countdown restarts and
        // counts bar 9 as 1 (90 <= 91), not as a 4th. Its reference is now the new setup's
        // highest high, 95: bar 10 closing at 98 cancels it, and bar 11 (96 <= 97) has none.
        let mut rows = BUY_THEN_COUNTING.to_vec();
        rows.extend([
            [97.0, 93.0, 96.0],
            [95.0, 93.0, 94.0],
            [93.0, 91.0, 92.0],
            [91.0, 89.0, 90.0],
            [99.0, 97.0, 98.0],
            [97.0, 95.0, 96.0],
        ]);
        let (setup, countdown) = counts([3.0, 1.0, 4.0, 1.0], &rows);
        assert_eq!(setup, [-1, -2, -3, 0, 1, -1, -2, -3, 1, -1]);
        assert_eq!(countdown, [0, 0, -1, -2, 0, 0, -3, -1, 0, 0]);
    }
}
