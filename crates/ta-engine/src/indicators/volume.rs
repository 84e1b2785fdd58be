//! Volume indicators: on-balance volume and the Chaikin accumulation/distribution family.

use crate::catalog::{
    kernel, Flag, Group, IndicatorSpec, Input, MissingData, OutputSpec, Pane, Style,
};
use crate::kernel::Indicator;
use crate::params::{ParamSpec, Params};
use crate::primitives::ema_k;
use crate::TaError;

/// Running accumulation/distribution total: adds each bar's money-flow volume, the close's
/// position in the bar's range (-1 at the low, +1 at the high) times the volume. Bars without
/// a positive range add nothing.
#[derive(Debug, Clone)]
struct AdLine(f64);

impl AdLine {
    #[inline]
    fn update(&mut self, high: f64, low: f64, close: f64, volume: f64) -> f64 {
        let range = high - low;
        if range > 0.0 {
            self.0 += (close - low - (high - close)) / range * volume;
        }
        self.0
    }
}

/// On-balance volume: starts at the first bar's volume, then adds the volume of up closes and
/// subtracts that of down closes.
#[derive(Debug, Clone)]
pub struct Obv {
    started: bool,
    prev: f64,
    obv: f64,
}

impl Indicator for Obv {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(Obv {
            started: false,
            prev: 0.0,
            obv: 0.0,
        })
    }
    fn lookback(&self) -> usize {
        0
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (price, volume) = (bar[0], bar[1]);
        if !self.started {
            self.started = true;
            self.obv = volume;
        } else if price > self.prev {
            self.obv += volume;
        } else if price < self.prev {
            self.obv -= volume;
        }
        self.prev = price;
        out[0] = self.obv;
        true
    }
}

/// Chaikin accumulation/distribution line.
#[derive(Debug, Clone)]
pub struct Ad(AdLine);

impl Indicator for Ad {
    const INPUTS: usize = 4;
    const OUTPUTS: usize = 1;
    fn from_params(_: &Params) -> Result<Self, TaError> {
        Ok(Ad(AdLine(0.0)))
    }
    fn lookback(&self) -> usize {
        0
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        out[0] = self.0.update(bar[0], bar[1], bar[2], bar[3]);
        true
    }
}

/// Chaikin A/D oscillator: EMA(AD, fast) - EMA(AD, slow). Both EMAs start from the first AD
/// value (not an SMA) and blend as `(1 - k)·EMA + k·AD`; output starts once the slower period
/// is covered.
#[derive(Debug, Clone)]
pub struct Adosc {
    ad: AdLine,
    fast_k: f64,
    slow_k: f64,
    lookback: usize,
    bars: usize,
    fast: f64,
    slow: f64,
}

impl Indicator for Adosc {
    const INPUTS: usize = 4;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        let (fast, slow) = (p.int(0), p.int(1));
        Ok(Adosc {
            ad: AdLine(0.0),
            fast_k: ema_k(fast),
            slow_k: ema_k(slow),
            lookback: fast.max(slow) - 1,
            bars: 0,
            fast: 0.0,
            slow: 0.0,
        })
    }
    fn lookback(&self) -> usize {
        self.lookback
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let ad = self.ad.update(bar[0], bar[1], bar[2], bar[3]);
        let index = self.bars;
        self.bars += 1;
        if index == 0 {
            self.fast = ad;
            self.slow = ad;
        } else {
            // TA-Lib 0.8.1 fuses the blend: fma(EMA, 1 - k, k·AD).
            self.fast = self.fast.mul_add(1.0 - self.fast_k, self.fast_k * ad);
            self.slow = self.slow.mul_add(1.0 - self.slow_k, self.slow_k * ad);
        }
        if index < self.lookback {
            return false;
        }
        out[0] = self.fast - self.slow;
        true
    }
}

const LINE: &[OutputSpec] = &[OutputSpec::new("value", "real", Pane::Own, Style::Line)];
const HLCV: &[Input] = &[Input::High, Input::Low, Input::Close, Input::Volume];
const CUMULATIVE: &[Flag] = &[Flag::Cumulative];

pub(crate) static SPECS: &[IndicatorSpec] = &[
    IndicatorSpec {
        name: "obv",
        talib_name: "OBV",
        group: Group::Volume,
        summary: "On-balance volume: running total of volume signed by the close's direction",
        inputs: &[Input::Real, Input::Volume],
        params: &[],
        outputs: LINE,
        flags: CUMULATIVE,
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Obv>(),
    },
    IndicatorSpec {
        name: "ad",
        talib_name: "AD",
        group: Group::Volume,
        summary: "Chaikin accumulation/distribution line",
        inputs: HLCV,
        params: &[],
        outputs: LINE,
        flags: CUMULATIVE,
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Ad>(),
    },
    IndicatorSpec {
        name: "adosc",
        talib_name: "ADOSC",
        group: Group::Volume,
        summary: "Chaikin A/D oscillator: fast EMA minus slow EMA of the A/D line",
        inputs: HLCV,
        params: &[
            ParamSpec::int("fast_period", "fastperiod", 3, 2, "bars in the fast EMA"),
            ParamSpec::int("slow_period", "slowperiod", 10, 2, "bars in the slow EMA"),
        ],
        outputs: LINE,
        // Its EMAs never forget their first A/D value; TA-Lib does not flag it.
        flags: &[Flag::UnstablePeriod],
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Adosc>(),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    use crate::indicators::run_rows as run;

    #[test]
    fn obv_on_four_bars() {
        // (close, volume): starts at the first volume, up adds, unchanged keeps, down subtracts.
        let rows: [&[f64]; 4] = [
            &[10.0, 100.0],
            &[11.0, 200.0],
            &[11.0, 300.0],
            &[9.0, 400.0],
        ];
        assert_eq!(
            run::<Obv>("obv", &[], &rows),
            vec![Some(100.0), Some(300.0), Some(300.0), Some(-100.0)]
        );
    }

    /// (high, low, close, volume): money-flow volumes 50, 0 (no range) and -40.
    const ROWS: [&[f64]; 3] = [
        &[10.0, 8.0, 9.5, 100.0],
        &[9.0, 9.0, 9.0, 500.0],
        &[12.0, 10.0, 10.0, 40.0],
    ];

    #[test]
    fn ad_accumulates_money_flow() {
        assert_eq!(
            run::<Ad>("ad", &[], &ROWS),
            vec![Some(50.0), Some(50.0), Some(10.0)]
        );
    }

    #[test]
    fn adosc_emas_start_from_the_first_ad() {
        // fast k = 2/3, slow k = 1/2 over AD = 50, 50, 10: fast 70/3, slow 30 on bar 2.
        let adosc = run::<Adosc>("adosc", &[2.0, 3.0], &ROWS);
        assert_eq!(&adosc[..2], &[None, None]);
        assert!((adosc[2].unwrap() - (70.0 / 3.0 - 30.0)).abs() < 1e-12);
    }
}
