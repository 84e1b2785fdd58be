//! Pring's know sure thing (TA-Lib 0.8.3).

use super::kst_lines::KstLines;
use crate::catalog::{kernel, Group, IndicatorSpec, OutputSpec, Pane, Style};
use crate::indicators::REAL;
use crate::kernel::Indicator;
use crate::params::Params;
use crate::primitives::average::Sma;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct KstParams {
        roc1_period: usize = int("roc1period", 10, 1, "rate-of-change period of leg 1 (weight 1)"),
        roc2_period: usize = int("roc2period", 15, 1, "rate-of-change period of leg 2 (weight 2)"),
        roc3_period: usize = int("roc3period", 20, 1, "rate-of-change period of leg 3 (weight 3)"),
        roc4_period: usize = int("roc4period", 30, 1, "rate-of-change period of leg 4 (weight 4)"),
        sma1_period: usize = int("sma1period", 10, 1, "smoothing period of leg 1"),
        sma2_period: usize = int("sma2period", 10, 1, "smoothing period of leg 2"),
        sma3_period: usize = int("sma3period", 10, 1, "smoothing period of leg 3"),
        sma4_period: usize = int("sma4period", 15, 1, "smoothing period of leg 4"),
        signal_period: usize = int("signalperiod", 9, 1, "period of the signal-line SMA"),
    }
}

pub(super) const KST_OUTPUTS: &[OutputSpec] = &[
    OutputSpec::new("kst", "kst", Pane::Own, Style::Line),
    OutputSpec::new("signal", "kstsignal", Pane::Own, Style::DashedLine),
];

/// Know sure thing: four SMA-smoothed rates of change weighted 1 to 4, and its SMA.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Kst(KstLines<Sma>);

impl Indicator for Kst {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 2;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: KstParams = params.get();
        Ok(Kst(KstLines::new(
            [
                (p.roc1_period, Sma::new(p.sma1_period)),
                (p.roc2_period, Sma::new(p.sma2_period)),
                (p.roc3_period, Sma::new(p.sma3_period)),
                (p.roc4_period, Sma::new(p.sma4_period)),
            ],
            Sma::new(p.signal_period),
        )))
    }
    fn lookback(&self) -> usize {
        self.0.lookback()
    }
    #[inline(always)]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        match self.0.update(bar[0]) {
            Some((kst, signal)) => {
                out[0] = kst;
                out[1] = signal;
                true
            }
            None => false,
        }
    }
}

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "kst",
    "KST",
    Group::Momentum,
    "Know sure thing (Pring): four smoothed rates of change weighted 1 to 4, and its signal SMA",
    REAL,
    KstParams::SPECS,
    KST_OUTPUTS,
    kernel::<Kst>(),
);

#[cfg(test)]
mod tests {
    #[test]
    fn steady_growth_gives_a_flat_line() {
        let spec = crate::catalog::find("kst").unwrap();
        let params = [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 2.0];
        assert_eq!(spec.lookback(&params).unwrap(), 3);
        // +10% a bar: every rate of change is 10, KST = 10·(1+2+3+4) = 100.
        let x: Vec<f64> = (0..8).map(|i| 1.1_f64.powi(i)).collect();
        let batch = spec.run(&params, &[&x], None).unwrap();
        for o in &batch.outputs {
            assert!(o[3..].iter().all(|v| (v - 100.0).abs() < 1e-9), "{o:?}");
        }
    }
}
