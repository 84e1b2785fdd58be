//! Pivot points from the previous completed period.

use super::{PeriodLevels, PERIOD_BAR};
use crate::catalog::{kernel, Flag, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct PivotPointsParams {
        method: usize = int_upto("", 0, 0, 4,
            "pivot formula: 0 traditional, 1 classic, 2 fibonacci, 3 woodie, 4 camarilla"),
    }
}

/// The formulas of TradingView's "Pivot Points Standard" (its help page lists them), from the
/// previous period's high H, low L and close C (and, for Woodie, the current period's open).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PivotMethod {
    /// `PP = (H + L + C) / 3`, `R1 = 2·PP − L`, `R2 = PP + (H − L)`, `R3 = 2·PP + (H − 2L)`.
    Traditional,
    /// As traditional, with `R3 = PP + 2(H − L)`.
    Classic,
    /// `PP ± 0.382, 0.618, 1.0 × (H − L)`.
    Fibonacci,
    /// `PP = (H + L + 2·O) / 4` with O the current period's open; `R3 = H + 2(PP − L)`.
    Woodie,
    /// `C ± 1.1 (H − L) / 12, / 6, / 4`; `PP = (H + L + C) / 3`.
    Camarilla,
}

impl PivotMethod {
    const ALL: [PivotMethod; 5] = [
        PivotMethod::Traditional,
        PivotMethod::Classic,
        PivotMethod::Fibonacci,
        PivotMethod::Woodie,
        PivotMethod::Camarilla,
    ];

    /// `[pp, r1, s1, r2, s2, r3, s3]` from the previous period's high, low and close and the
    /// current period's open.
    pub fn levels(self, high: f64, low: f64, close: f64, open: f64) -> [f64; 7] {
        let range = high - low;
        let classic = (high + low + close) / 3.0;
        // The floor-trader levels around a pivot: `[pp, r1, s1, r2, s2]`.
        let floor = |pp: f64| [pp, pp * 2.0 - low, pp * 2.0 - high, pp + range, pp - range];
        let with_third =
            |[pp, r1, s1, r2, s2]: [f64; 5], r3: f64, s3: f64| [pp, r1, s1, r2, s2, r3, s3];
        match self {
            PivotMethod::Traditional => with_third(
                floor(classic),
                classic * 2.0 + (high - 2.0 * low),
                classic * 2.0 - (2.0 * high - low),
            ),
            PivotMethod::Classic => {
                with_third(floor(classic), classic + 2.0 * range, classic - 2.0 * range)
            }
            PivotMethod::Fibonacci => {
                let pp = classic;
                [
                    pp,
                    pp + 0.382 * range,
                    pp - 0.382 * range,
                    pp + 0.618 * range,
                    pp - 0.618 * range,
                    pp + range,
                    pp - range,
                ]
            }
            PivotMethod::Woodie => {
                let pp = (high + low + 2.0 * open) / 4.0;
                with_third(floor(pp), high + 2.0 * (pp - low), low - 2.0 * (high - pp))
            }
            PivotMethod::Camarilla => {
                let step = 1.1 * range;
                [
                    classic,
                    close + step / 12.0,
                    close - step / 12.0,
                    close + step / 6.0,
                    close - step / 6.0,
                    close + step / 4.0,
                    close - step / 4.0,
                ]
            }
        }
    }
}

/// Pivot points: support and resistance levels for the current period from the previous
/// completed one, constant through the period (they read nothing the period's later bars
/// change). No value during the first period (it has no previous one).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct PivotPoints {
    method: PivotMethod,
    periods: PeriodLevels,
}

impl Indicator for PivotPoints {
    const INPUTS: usize = 5;
    const OUTPUTS: usize = 7;
    // A level that overflows to infinity has no value.
    const GAPS: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: PivotPointsParams = params.get();
        Ok(PivotPoints {
            method: PivotMethod::ALL[p.method.min(4)],
            periods: PeriodLevels::default(),
        })
    }
    fn lookback(&self) -> usize {
        // The earliest: a second period starting on the second bar.
        1
    }
    fn skip(&mut self, bar: &[f64]) {
        self.periods.skip(bar[4]);
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.periods.push(bar[0], bar[1], bar[2], bar[3], bar[4]);
        let (Some([_, high, low, close]), Some(open)) =
            (self.periods.previous(), self.periods.open())
        else {
            return false;
        };
        let levels = self.method.levels(high, low, close, open);
        out[..7].copy_from_slice(&levels);
        levels.iter().all(|v| v.is_finite())
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::laakhay(
    "pivot_points",
    Group::Session,
    "Pivot point and three support and resistance levels from the previous period",
    PERIOD_BAR,
    PivotPointsParams::SPECS,
    &[
        OutputSpec::own("pp", Pane::Price, Style::Line),
        OutputSpec::own("r1", Pane::Price, Style::Line),
        OutputSpec::own("s1", Pane::Price, Style::Line),
        OutputSpec::own("r2", Pane::Price, Style::Line),
        OutputSpec::own("s2", Pane::Price, Style::Line),
        OutputSpec::own("r3", Pane::Price, Style::Line),
        OutputSpec::own("s3", Pane::Price, Style::Line),
    ],
    kernel::<PivotPoints>(),
)
.with_details(
    "TradingView's Pivot Points Standard, from the previous period's high H, low L and close \
     C: traditional PP = (H+L+C)/3, R1 = 2PP-L, S1 = 2PP-H, R2 = PP+(H-L), S2 = PP-(H-L), \
     R3 = 2PP+(H-2L), S3 = 2PP-(2H-L); classic as traditional but R3 = PP+2(H-L), \
     S3 = PP-2(H-L); fibonacci PP +/- 0.382, 0.618, 1 x (H-L); woodie PP = (H+L+2O)/4 with O \
     the current period's open, R1/S1/R2/S2 as traditional, R3 = H+2(PP-L), S3 = L-2(H-PP); \
     camarilla PP = (H+L+C)/3, R1..R3 = C + 1.1(H-L)/12, /6, /4 and S1..S3 = C - the same. \
     A period starts on a reset bar; the levels hold from that bar to the next reset. No value \
     during the first period.",
)
.with_flags(&[Flag::Anchored]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::run_all;

    fn bar(o: f64, h: f64, l: f64, c: f64, reset: bool) -> Vec<f64> {
        vec![o, h, l, c, f64::from(u8::from(reset))]
    }

    #[test]
    fn levels_come_from_the_previous_period() {
        // Period one: H 12, L 6, C 9 (three bars); period two opens at 10.
        let rows = [
            bar(8.0, 10.0, 7.0, 9.0, true),
            bar(9.0, 12.0, 6.0, 11.0, false),
            bar(11.0, 11.0, 8.0, 9.0, false),
            bar(10.0, 10.5, 9.5, 10.0, true),
            bar(10.0, 20.0, 1.0, 10.0, false),
            bar(10.0, 11.0, 9.0, 10.0, true),
        ];
        let traditional = run_all::<PivotPoints>("pivot_points", &[0.0], &rows);
        assert_eq!(traditional[..3], [None, None, None]);
        // PP = 27/3 = 9, range 6.
        let expected = vec![9.0, 12.0, 6.0, 15.0, 3.0, 18.0 + 0.0, 0.0];
        assert_eq!(traditional[3].as_ref(), Some(&expected));
        assert_eq!(traditional[4].as_ref(), Some(&expected));
        // Period two: H 20, L 1, C 10: PP = 31/3.
        let pp = 31.0 / 3.0;
        assert_eq!(traditional[5].as_ref().unwrap()[0], pp);
        assert_eq!(traditional[5].as_ref().unwrap()[1], pp * 2.0 - 1.0);

        let woodie = run_all::<PivotPoints>("pivot_points", &[3.0], &rows);
        // PP = (12 + 6 + 2 · 10) / 4 = 9.5.
        assert_eq!(woodie[3], Some(vec![9.5, 13.0, 7.0, 15.5, 3.5, 19.0, 1.0]));
        let camarilla = run_all::<PivotPoints>("pivot_points", &[4.0], &rows);
        let step = 1.1 * 6.0;
        assert_eq!(
            camarilla[3],
            Some(vec![
                9.0,
                9.0 + step / 12.0,
                9.0 - step / 12.0,
                9.0 + step / 6.0,
                9.0 - step / 6.0,
                9.0 + step / 4.0,
                9.0 - step / 4.0
            ])
        );
        let classic = run_all::<PivotPoints>("pivot_points", &[1.0], &rows);
        assert_eq!(classic[3].as_ref().unwrap()[5..], [21.0, -3.0]);
        let fibonacci = run_all::<PivotPoints>("pivot_points", &[2.0], &rows);
        assert_eq!(fibonacci[3].as_ref().unwrap()[1], 9.0 + 0.382 * 6.0);
    }
}
