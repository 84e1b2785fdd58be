//! A position (long, flat, short) driven by entry and exit signals.

use crate::catalog::{kernel, Flag, Group, IndicatorSpec, Input, OutputSpec, Pane, Style};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

/// The position held after a bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Short,
    Flat,
    Long,
}

impl Side {
    /// −1, 0 or +1.
    pub const fn sign(self) -> i32 {
        match self {
            Side::Short => -1,
            Side::Flat => 0,
            Side::Long => 1,
        }
    }
}

/// The position a backtest holds: +1 long, −1 short, 0 flat, from four signals per bar
/// (`long_entry`, `long_exit`, `short_entry`, `short_exit`; 0 is false, any other number
/// true). Each bar's signals act on the position held after the previous complete bar, and the
/// bar's output is the position after them:
///
/// - flat: `long_entry` and not `short_entry` → long; `short_entry` and not `long_entry` →
///   short; otherwise (neither, or both) flat.
/// - long: `short_entry` and not `long_entry` → short (a reversal); otherwise `long_exit` →
///   flat; otherwise long.
/// - short: `long_entry` and not `short_entry` → long (a reversal); otherwise `short_exit` →
///   flat; otherwise short.
///
/// It starts flat and has no warm-up (lookback 0). Shorting is off when the short signals are
/// always 0. A skipped (incomplete) bar changes nothing and its row is missing.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Position {
    held: Side,
}

impl Position {
    /// The position after a bar with these signals, from `held`.
    pub const fn next(
        held: Side,
        long_entry: bool,
        long_exit: bool,
        short_entry: bool,
        short_exit: bool,
    ) -> Side {
        let go_long = long_entry && !short_entry;
        let go_short = short_entry && !long_entry;
        match held {
            Side::Flat if go_long => Side::Long,
            Side::Flat if go_short => Side::Short,
            Side::Flat => Side::Flat,
            Side::Long if go_short => Side::Short,
            Side::Long if long_exit => Side::Flat,
            Side::Long => Side::Long,
            Side::Short if go_long => Side::Long,
            Side::Short if short_exit => Side::Flat,
            Side::Short => Side::Short,
        }
    }
}

impl Indicator for Position {
    const INPUTS: usize = 4;
    const OUTPUTS: usize = 1;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(Position { held: Side::Flat })
    }
    fn lookback(&self) -> usize {
        0
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let on = |v: f64| v != 0.0;
        self.held = Position::next(self.held, on(bar[0]), on(bar[1]), on(bar[2]), on(bar[3]));
        out[0] = f64::from(self.held.sign());
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::laakhay(
    "position",
    Group::Signal,
    "Position held (+1 long, -1 short, 0 flat) from entry and exit signals",
    &[
        Input::LongEntry,
        Input::LongExit,
        Input::ShortEntry,
        Input::ShortExit,
    ],
    &[],
    &[OutputSpec::own("value", Pane::Own, Style::Histogram).integer()],
    kernel::<Position>(),
)
.with_details(
    "Each bar's signals act on the position held after the previous complete bar (flat at \
     the start); the bar's value is the position after them. Flat: long_entry and not \
     short_entry goes long (+1); short_entry and not long_entry goes short (-1); otherwise \
     (neither, or both) stays flat (0). Long: short_entry and not long_entry reverses to short; \
     otherwise long_exit goes flat; otherwise stays long. Short: long_entry and not short_entry \
     reverses to long; otherwise short_exit goes flat; otherwise stays short. A signal is true \
     when non-zero; short signals that are always false (0) mean long-only.",
)
// The position on a bar depends on every signal since the series started.
.with_flags(&[Flag::UnstablePeriod]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::find;
    use crate::indicators::run_rows;

    /// Positions for rows of signals written as strings: `L` long entry, `l` long exit,
    /// `S` short entry, `s` short exit.
    fn positions(rows: &[&str]) -> Vec<Option<f64>> {
        let bars: Vec<[f64; 4]> = rows
            .iter()
            .map(|r| {
                let has = |c| f64::from(u8::from(r.contains(c)));
                [has('L'), has('l'), has('S'), has('s')]
            })
            .collect();
        let bars: Vec<&[f64]> = bars.iter().map(|b| &b[..]).collect();
        run_rows::<Position>("position", &[], &bars)
    }

    fn ints(values: &[i32]) -> Vec<Option<f64>> {
        values.iter().map(|&v| Some(f64::from(v))).collect()
    }

    #[test]
    fn enters_holds_and_exits() {
        assert_eq!(
            positions(&["", "L", "", "L", "l", "", "S", "", "s", ""]),
            ints(&[0, 1, 1, 1, 0, 0, -1, -1, 0, 0])
        );
    }

    #[test]
    fn opposite_entries_reverse() {
        assert_eq!(
            positions(&["L", "S", "L", "Sl", "Ls"]),
            ints(&[1, -1, 1, -1, 1])
        );
    }

    #[test]
    fn both_entries_at_once_change_nothing_but_exits_still_apply() {
        // Flat with both entries: flat. Long with both entries: no reversal, the exit applies.
        assert_eq!(
            positions(&["LS", "L", "LS", "LSl", "S", "LS", "LSs"]),
            ints(&[0, 1, 1, 0, -1, -1, 0])
        );
    }

    #[test]
    fn exits_without_a_position_do_nothing() {
        assert_eq!(
            positions(&["l", "s", "ls", "S", "l"]),
            ints(&[0, 0, 0, -1, -1])
        );
    }

    #[test]
    fn any_non_zero_number_is_true_and_skipped_bars_change_nothing() {
        let spec = find("position").unwrap();
        let long_entry = [0.0, 2.5, 0.0, 0.0, 0.0];
        let long_exit = [0.0, 0.0, 1.0, -1.0, 0.0];
        let short_entry = [0.0, 0.0, 0.0, 0.0, 1.0];
        let short_exit = [0.0; 5];
        // Row 2's long exit is missing (NaN): the position stays long until row 3.
        let long_exit_gap = [0.0, 0.0, f64::NAN, -1.0, 0.0];
        for (exit, expected) in [
            (
                &long_exit,
                [Some(0.0), Some(1.0), Some(0.0), Some(0.0), Some(-1.0)],
            ),
            (
                &long_exit_gap,
                [Some(0.0), Some(1.0), None, Some(0.0), Some(-1.0)],
            ),
        ] {
            let batch = spec
                .run(&[], &[&long_entry, exit, &short_entry, &short_exit], None)
                .unwrap();
            let rows: Vec<_> = (0..5)
                .map(|r| batch.validity.is_valid(r).then(|| batch.outputs[0][r]))
                .collect();
            assert_eq!(rows, expected);
        }
    }

    #[test]
    fn the_rules_as_a_table() {
        use Side::{Flat, Long, Short};
        // (held, long_entry, long_exit, short_entry, short_exit) → next, for every case.
        for held in [Short, Flat, Long] {
            for bits in 0..16_u8 {
                let [le, lx, se, sx] = [0, 1, 2, 3].map(|k| bits & (1 << k) != 0);
                let want = match held {
                    Flat => match (le, se) {
                        (true, false) => Long,
                        (false, true) => Short,
                        _ => Flat,
                    },
                    Long if se && !le => Short,
                    Long if lx => Flat,
                    Long => Long,
                    Short if le && !se => Long,
                    Short if sx => Flat,
                    Short => Short,
                };
                assert_eq!(
                    Position::next(held, le, lx, se, sx),
                    want,
                    "{held:?} {bits:04b}"
                );
            }
        }
    }
}
