//! Know sure thing with a choice of moving averages (TA-Lib 0.8.3).

use super::kst::KST_OUTPUTS;
use super::kst_lines::KstLines;
use crate::catalog::deviations::FLAGGED_UNSTABLE;
use crate::catalog::{kernel, Group, IndicatorSpec};
use crate::indicators::{REAL, UNSTABLE};
use crate::kernel::Indicator;
use crate::params::{MaType, Params};
use crate::primitives::average::Ma083;
use crate::TaError;

typed_params! {
    /// Parameters, in catalog order.
    pub struct KstextParams {
        roc1_period: usize = int("roc1period", 10, 1, "rate-of-change period of leg 1 (weight 1)"),
        roc2_period: usize = int("roc2period", 15, 1, "rate-of-change period of leg 2 (weight 2)"),
        roc3_period: usize = int("roc3period", 20, 1, "rate-of-change period of leg 3 (weight 3)"),
        roc4_period: usize = int("roc4period", 30, 1, "rate-of-change period of leg 4 (weight 4)"),
        ma1_period: usize = int("ma1period", 10, 1, "smoothing period of leg 1"),
        ma2_period: usize = int("ma2period", 10, 1, "smoothing period of leg 2"),
        ma3_period: usize = int("ma3period", 10, 1, "smoothing period of leg 3"),
        ma4_period: usize = int("ma4period", 15, 1, "smoothing period of leg 4"),
        signal_period: usize = int("signalperiod", 9, 1, "period of the signal-line average"),
        roc_ma_type: MaType = ma_type("rocmatype", MaType::Sma),
        signal_ma_type: MaType = ma_type("signalmatype", MaType::Sma),
    }
}

/// Know sure thing with the legs' and the signal's moving-average types chosen by `MA_Type`;
/// with both SMA it equals KST.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Kstext(KstLines<Ma083>);

impl Indicator for Kstext {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 2;
    const FUSED: bool = true;
    fn from_params(params: &Params) -> Result<Self, TaError> {
        let p: KstextParams = params.get();
        let leg = |period| Ma083::new(p.roc_ma_type, period);
        Ok(Kstext(KstLines::new(
            [
                (p.roc1_period, leg(p.ma1_period)),
                (p.roc2_period, leg(p.ma2_period)),
                (p.roc3_period, leg(p.ma3_period)),
                (p.roc4_period, leg(p.ma4_period)),
            ],
            Ma083::new(p.signal_ma_type, p.signal_period),
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
    "kstext",
    "KSTEXT",
    Group::Momentum,
    "Know sure thing with chosen moving-average types for the legs and the signal line",
    REAL,
    KstextParams::SPECS,
    KST_OUTPUTS,
    kernel::<Kstext>(),
)
.with_flags(UNSTABLE)
.with_deviations(&[FLAGGED_UNSTABLE]);

#[cfg(test)]
mod tests {
    #[test]
    fn with_smas_it_is_kst() {
        let x: Vec<f64> = (0..120)
            .map(|i| 100.0 + (i as f64 * 0.3).sin() * 5.0 + i as f64 * 0.2)
            .collect();
        let kst = crate::catalog::find("kst").unwrap();
        let kstext = crate::catalog::find("kstext").unwrap();
        let a = kst.run(&kst.default_values(), &[&x], None).unwrap();
        let b = kstext.run(&kstext.default_values(), &[&x], None).unwrap();
        assert_eq!(a.validity, b.validity);
        for (x, y) in a.outputs.iter().zip(&b.outputs) {
            assert!(x.iter().zip(y).all(|(x, y)| x.to_bits() == y.to_bits()));
        }
    }
}
