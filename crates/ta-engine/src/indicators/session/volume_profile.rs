//! Session volume profile: point of control and value area.

use super::PendingAnchor;
use crate::catalog::{kernel, Fill, Flag, Group, IndicatorSpec, Input, OutputSpec, Pane, Style};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct VolumeProfileParams {
        row_size: f64 = float("", 1.0, 1e-9, 1e12, "height of one price row"),
        value_area: f64 = float("", 0.7, 0.0, 1.0,
            "share of the period's volume the value area holds (0 to 1)"),
    }
}

/// Most rows a period's profile may span; past it the period has no value.
const MAX_ROWS: i64 = 100_000;

/// Row numbers stay below this in magnitude (2^53), where `f64` still counts every whole
/// number, so a row's edges are exact multiples of the row size.
const MAX_ROW_NUMBER: f64 = 9_007_199_254_740_992.0;

/// Session volume profile, after J. P. Steidlmayer's Market Profile (CBOT) as TradingView's
/// Session Volume Profile presents it: the point of control (POC) and the value area (70% of
/// the volume by default) of the current period, up to and including this bar.
///
/// - Rows: row `k` covers prices `[k * row_size, (k + 1) * row_size)`; a price's row is
///   `floor(price / row_size)`.
/// - Each bar's volume is spread uniformly over `[low, high]`: row `k`, from the low's row to
///   the high's, gets `volume * (min(high, (k + 1) * row_size) - max(low, k * row_size)) /
///   (high - low)` (so a high on a row's lower edge touches that row with a zero share). When
///   `high > low` does not hold, the whole volume goes to the low's row. Each row's total is a
///   running sum in bar order.
/// - The touched rows run from the lowest row any bar of the period covered to the highest
///   (zero-volume bars included).
/// - POC: the row with the greatest total; a tie goes to the row nearest the middle of the
///   touched rows, then to the lower row. `poc` is its middle price `(k + 0.5) * row_size`.
/// - Value area: from the POC row, while its volume is below `value_area` times the period's
///   volume (the sum of the bars' volumes) and touched rows remain, add the next row above or
///   below, whichever has more volume (the one side left, at an edge; both on a tie, the upper
///   first). `vah` is the top row's upper edge, `val` the bottom row's lower edge.
/// - No value while the period has traded no volume. A period spanning more than 100,000
///   rows (a bad tick, or a row size far too small for the prices), or a price whose row
///   number reaches 2^53 in magnitude, has no value from that bar until the next reset.
///
/// Anchored: a reset bar (and the series' first bar) starts a new period and clears the
/// profile. A bar costs the rows it touches, a scan of the profile for the POC and the rows
/// of the value area.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct VolumeProfile {
    row_size: f64,
    value_area: f64,
    /// Volume per row, from row `base` up: the period's touched rows. Dense, so a lookup is
    /// an index; its length is bounded by `MAX_ROWS`.
    rows: Vec<f64>,
    /// Row number of `rows[0]`.
    base: i64,
    /// The period's volume, the bars' volumes summed in bar order.
    total: f64,
    /// Whether a bar has been seen (the series' first bar is an anchor).
    started: bool,
    /// The period went past the row limit: no value until the next reset.
    over_limit: bool,
    /// An anchor that fell on skipped bars, for the next complete bar.
    #[serde(default)]
    anchor: PendingAnchor,
}

impl VolumeProfile {
    /// A price's row number, `None` past `MAX_ROW_NUMBER`.
    fn row(&self, price: f64) -> Option<i64> {
        let k = (price / self.row_size).floor();
        (k.abs() < MAX_ROW_NUMBER).then_some(k as i64)
    }

    /// Extends the profile to cover rows `lo..=hi`; false (and the profile dropped) when the
    /// period would then span more than `MAX_ROWS` rows.
    fn cover(&mut self, lo: i64, hi: i64) -> bool {
        let (lo, hi) = if self.rows.is_empty() {
            (lo, hi)
        } else {
            let top = self.base + self.rows.len() as i64 - 1;
            (lo.min(self.base), hi.max(top))
        };
        if hi - lo >= MAX_ROWS {
            // Free the memory too: the period gives no value any more.
            self.rows = Vec::new();
            return false;
        }
        if self.rows.is_empty() {
            self.base = lo;
        }
        let below = (self.base - lo) as usize;
        if below > 0 {
            self.rows.splice(0..0, std::iter::repeat_n(0.0, below));
            self.base = lo;
        }
        self.rows.resize((hi - lo + 1) as usize, 0.0);
        true
    }

    /// Index of the point of control in `rows`.
    fn poc(&self) -> usize {
        // Twice the distance from the middle of the touched rows, in whole numbers.
        let span = self.rows.len() as i64 - 1;
        let distance = |i: usize| (2 * i as i64 - span).abs();
        let mut best = 0;
        for (i, &v) in self.rows.iter().enumerate().skip(1) {
            let top = self.rows[best];
            // Ascending, and only a strictly better row replaces: ties keep the lower row.
            if v > top || (v == top && distance(i) < distance(best)) {
                best = i;
            }
        }
        best
    }
}

impl Indicator for VolumeProfile {
    const INPUTS: usize = 4;
    const OUTPUTS: usize = 3;
    // No volume since the anchor, or past the row limit: no value, after values were given.
    const GAPS: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: VolumeProfileParams = params.get();
        Ok(VolumeProfile {
            row_size: p.row_size,
            value_area: p.value_area,
            rows: Vec::new(),
            base: 0,
            total: 0.0,
            started: false,
            over_limit: false,
            anchor: PendingAnchor::default(),
        })
    }
    fn lookback(&self) -> usize {
        0
    }
    fn skip(&mut self, bar: &[f64]) {
        self.anchor.keep(bar[3]);
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        if self.anchor.starts(bar[3]) || !self.started {
            self.rows.clear();
            self.base = 0;
            self.total = 0.0;
            self.started = true;
            self.over_limit = false;
        }
        if self.over_limit {
            return false;
        }
        let (high, low, volume) = (bar[0], bar[1], bar[2]);
        let spread = high > low;
        let (Some(lo), Some(hi)) = (self.row(low), self.row(if spread { high } else { low }))
        else {
            self.over_limit = true;
            self.rows = Vec::new();
            return false;
        };
        if !self.cover(lo, hi) {
            self.over_limit = true;
            return false;
        }
        let row_size = self.row_size;
        let base = self.base;
        if spread {
            for k in lo..=hi {
                let lo_edge = k as f64 * row_size;
                let hi_edge = (k + 1) as f64 * row_size;
                let share = volume * (high.min(hi_edge) - low.max(lo_edge)) / (high - low);
                self.rows[(k - base) as usize] += share;
            }
        } else {
            self.rows[(lo - base) as usize] += volume;
        }
        self.total += volume;
        if self.total == 0.0 {
            return false;
        }
        let poc = self.poc();
        let target = self.value_area * self.total;
        let (mut bottom, mut top) = (poc, poc);
        let mut area = self.rows[poc];
        while area < target && (bottom > 0 || top + 1 < self.rows.len()) {
            let above = self.rows.get(top + 1).copied();
            let below = bottom.checked_sub(1).map(|i| self.rows[i]);
            match (above, below) {
                (Some(up), Some(down)) if up > down => {
                    top += 1;
                    area += up;
                }
                (Some(up), Some(down)) if down > up => {
                    bottom -= 1;
                    area += down;
                }
                (Some(up), Some(down)) => {
                    // Equal totals: both rows, the upper one first.
                    top += 1;
                    bottom -= 1;
                    area += up;
                    area += down;
                }
                (Some(up), None) => {
                    top += 1;
                    area += up;
                }
                (None, Some(down)) => {
                    bottom -= 1;
                    area += down;
                }
                (None, None) => break,
            }
        }
        out[0] = ((base + poc as i64) as f64 + 0.5) * row_size;
        out[1] = (base + top as i64 + 1) as f64 * row_size;
        out[2] = (base + bottom as i64) as f64 * row_size;
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::laakhay(
    "volume_profile",
    Group::Session,
    "Session volume profile since the last anchor: point of control and value area",
    &[Input::High, Input::Low, Input::Volume, Input::Reset],
    VolumeProfileParams::SPECS,
    &[
        OutputSpec::own("poc", Pane::Price, Style::Line),
        OutputSpec::own("vah", Pane::Price, Style::Band),
        OutputSpec::own("val", Pane::Price, Style::Band),
    ],
    kernel::<VolumeProfile>(),
)
.with_details(
    "Market Profile's volume profile (Steidlmayer, CBOT), as TradingView's Session Volume \
     Profile shows it, over the bars since the last reset (the series' first bar starts a \
     period too). Row k covers prices [k * row_size, (k + 1) * row_size); a price's row is \
     floor(price / row_size). Each bar's volume is spread uniformly over [low, high]: row k, \
     from the low's row to the high's, gets volume * (min(high, (k + 1) * row_size) - \
     max(low, k * row_size)) / (high - low); when high > low does not hold, the low's row \
     gets it all. The touched rows run from the lowest row any bar covered to the highest. \
     poc is the middle of the row with the most volume (a tie goes to the row nearest the \
     middle of the touched rows, then to the lower row). The value area starts at that row \
     and, while its volume is below value_area times the period's volume and touched rows \
     remain, adds the next row above or below, whichever has more volume (both on a tie); \
     vah is its top row's upper edge, val its bottom row's lower edge. No value while the \
     period has traded no volume. A period spanning more than 100000 rows (or a price whose \
     row number reaches 2^53) has no value from then until the next reset.",
)
.with_flags(&[Flag::Anchored])
.with_fills(&[Fill {
    upper: "vah",
    lower: "val",
}]);

#[cfg(test)]
mod tests {
    use super::VolumeProfile;
    use crate::indicators::run_all;

    /// One bar: high, low, volume, reset.
    fn bar(high: f64, low: f64, volume: f64, reset: bool) -> Vec<f64> {
        vec![high, low, volume, f64::from(u8::from(reset))]
    }

    fn run(row_size: f64, value_area: f64, rows: &[Vec<f64>]) -> Vec<Option<Vec<f64>>> {
        run_all::<VolumeProfile>("volume_profile", &[row_size, value_area], rows)
    }

    #[test]
    fn spreads_a_bar_over_its_rows() {
        // 10.5..12.5, volume 4 over a range of 2: row 10 gets 4 * 0.5 / 2 = 1, row 11
        // 4 * 1 / 2 = 2, row 12 4 * 0.5 / 2 = 1. POC row 11 (middle 11.5).
        let rows = [bar(12.5, 10.5, 4.0, false)];
        // 70%: 2 < 2.8; rows 12 and 10 tie at 1, both join: 4, rows 10..=12.
        assert_eq!(run(1.0, 0.7, &rows)[0], Some(vec![11.5, 13.0, 10.0]));
        // 0%: the POC row alone.
        assert_eq!(run(1.0, 0.0, &rows)[0], Some(vec![11.5, 12.0, 11.0]));
        // 100%: every row.
        assert_eq!(run(1.0, 1.0, &rows)[0], Some(vec![11.5, 13.0, 10.0]));
        // Over two rows: 9..11 on rows of 2, volume 3: row 4 (8..10) gets 3 * (10 - 9) / 2 =
        // 1.5, row 5 (10..12) 3 * (11 - 10) / 2 = 1.5. A tie, both 1 from the middle (4.5):
        // the lower, row 4, POC 9. 1.5 < 2.1: only row 5 is left above, 3. Rows 4..=5.
        let rows = [bar(11.0, 9.0, 3.0, false)];
        assert_eq!(run(2.0, 0.7, &rows)[0], Some(vec![9.0, 12.0, 8.0]));
    }

    #[test]
    fn poc_ties_go_to_the_middle_then_the_lower_row() {
        // Bars with high == low: the whole volume in one row.
        let rows = [
            bar(10.5, 10.5, 3.0, false),
            bar(12.5, 12.5, 3.0, false),
            bar(14.5, 14.5, 3.0, false),
        ];
        let got = run(1.0, 0.7, &rows);
        // Row 10 alone: 3 >= 2.1.
        assert_eq!(got[0], Some(vec![10.5, 11.0, 10.0]));
        // Rows 10 and 12 tie, both 1 from the middle (11): the lower, row 10. 3 < 4.2: only
        // the upper side is left, row 11 (0) joins, then row 12 (3): 6, rows 10..=12.
        assert_eq!(got[1], Some(vec![10.5, 13.0, 10.0]));
        // Rows 10, 12 and 14 tie; row 12 is the middle. 3 < 6.3: rows 13 and 11 (0 each)
        // tie and both join, then rows 14 and 10 (3 each): 9, rows 10..=14.
        assert_eq!(got[2], Some(vec![12.5, 15.0, 10.0]));
        // A high on a row's lower edge touches that row: 10..12, volume 4, gives rows 10 and
        // 11 2 each and row 12 none; the touched rows 10..=12 have their middle at row 11.
        assert_eq!(
            run(1.0, 0.0, &[bar(12.0, 10.0, 4.0, false)])[0],
            Some(vec![11.5, 12.0, 11.0])
        );
    }

    #[test]
    fn value_area_takes_the_larger_side_first() {
        // Row totals: 18: 1, 19: 2, 20: 5, 21: 3, 22: 1 (total 12).
        let rows = [
            bar(20.5, 20.5, 5.0, false),
            bar(21.5, 21.5, 3.0, false),
            bar(19.5, 19.5, 2.0, false),
            bar(22.5, 22.5, 1.0, false),
            bar(18.5, 18.5, 1.0, false),
        ];
        // 70%: target 8.4. POC row 20: 5; row 21 (3) beats row 19 (2): 8; row 19 (2) beats
        // row 22 (1): 10. Rows 19..=21.
        assert_eq!(run(1.0, 0.7, &rows)[4], Some(vec![20.5, 22.0, 19.0]));
        // 100%: target 12. After 10, rows 22 and 18 tie at 1: both, 12. Rows 18..=22.
        assert_eq!(run(1.0, 1.0, &rows)[4], Some(vec![20.5, 23.0, 18.0]));
        // 0%: the POC row.
        assert_eq!(run(1.0, 0.0, &rows)[4], Some(vec![20.5, 21.0, 20.0]));
    }

    #[test]
    fn a_reset_clears_the_profile_and_no_volume_gives_no_value() {
        let rows = [
            bar(15.5, 15.5, 0.0, false),
            bar(10.5, 10.5, 2.0, false),
            bar(10.5, 10.5, 1.0, false),
            bar(30.5, 30.5, 0.0, true),
            bar(31.5, 31.5, 1.0, false),
        ];
        let got = run(1.0, 0.7, &rows);
        // No volume yet: no value.
        assert_eq!(got[0], None);
        // Rows 10..=15 are touched; all 2 in row 10, 2 >= 1.4.
        assert_eq!(got[1], Some(vec![10.5, 11.0, 10.0]));
        assert_eq!(got[2], Some(vec![10.5, 11.0, 10.0]));
        // Reset: the new period has traded nothing.
        assert_eq!(got[3], None);
        // Only this period's bars: row 31.
        assert_eq!(got[4], Some(vec![31.5, 32.0, 31.0]));
    }

    #[test]
    fn a_period_past_the_row_limit_has_no_value_until_a_reset() {
        // Rows of 2^-20: a range of 1 spans 2^20 + 1 rows, past 100,000.
        let size = 2f64.powi(-20);
        let rows = [
            bar(11.0, 10.0, 1.0, false),
            bar(10.0, 10.0, 1.0, false),
            bar(10.0, 10.0, 1.0, true),
        ];
        let got = run(size, 0.7, &rows);
        assert_eq!(got[0], None);
        // Still the same period.
        assert_eq!(got[1], None);
        // A new period: row 10 * 2^20 alone.
        assert_eq!(got[2], Some(vec![10.0 + size / 2.0, 10.0 + size, 10.0]));
        // Exactly 100,000 rows (0..=99,999) are allowed; one more row is not.
        let rows = [
            bar(99_999.5, 0.5, 1.0, false),
            bar(100_000.5, 100_000.5, 1.0, false),
        ];
        let got = run(1.0, 0.0, &rows);
        assert!(got[0].is_some());
        assert_eq!(got[1], None);
        // A price whose row number reaches 2^53 counts as past the limit too.
        assert_eq!(run(1e-9, 0.7, &[bar(1e12, 1e12, 1.0, false)])[0], None);
    }
}
