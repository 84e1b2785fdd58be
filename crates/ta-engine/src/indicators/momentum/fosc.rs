//! Forecast oscillator.

use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::statistic::{LinearRegParams, Tsf};
use crate::indicators::{OWN_LINE, REAL};
use crate::kernel::Indicator;
use crate::params::Params;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct FoscParams {
        period: usize = period(5, 2),
    }
}

/// Forecast oscillator: how far the close lies from yesterday's time series forecast, in
/// percent of the close (0 for a zero close). The forecast is TSF's, sliding sums and all.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Fosc {
    tsf: Tsf,
    /// Yesterday's forecast of today.
    forecast: Option<f64>,
}

impl Indicator for Fosc {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: FoscParams = params.get();
        let tsf = Params::validate("tsf", LinearRegParams::SPECS, &[p.period as f64])?;
        Ok(Fosc {
            tsf: Tsf::from_params(&tsf)?,
            forecast: None,
        })
    }
    fn lookback(&self) -> usize {
        self.tsf.lookback() + 1
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let x = bar[0];
        let forecast = self.forecast;
        let mut next = [0.0];
        self.forecast = self.tsf.step(bar, &mut next).then_some(next[0]);
        let Some(forecast) = forecast else {
            return false;
        };
        out[0] = if x != 0.0 {
            100.0 * (x - forecast) / x
        } else {
            0.0
        };
        true
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "fosc",
    "FOSC",
    Group::Momentum,
    "Forecast oscillator: the close's distance from the previous bar's time series forecast, in percent",
    REAL,
    FoscParams::SPECS,
    OWN_LINE,
    kernel::<Fosc>(),
);

#[cfg(test)]
mod tests {
    use crate::indicators::run_rows as run;

    #[test]
    fn a_straight_line_is_forecast_exactly() {
        let rows: Vec<[f64; 1]> = [1.0, 2.0, 3.0, 4.0, 6.0].iter().map(|&v| [v]).collect();
        let rows: Vec<&[f64]> = rows.iter().map(|r| &r[..]).collect();
        let got = run::<super::Fosc>("fosc", &[3.0], &rows);
        // Forecast 4 for bar 3 (hit), 5 for bar 4 (close 6: 100 · 1/6).
        assert_eq!(got[..3], [None, None, None]);
        assert!(got[3].unwrap().abs() < 1e-12);
        assert!((got[4].unwrap() - 100.0 / 6.0).abs() < 1e-12);
    }
}
