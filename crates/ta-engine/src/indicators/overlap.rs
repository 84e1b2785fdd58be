//! Overlap studies: moving averages, bands and other series drawn on the price chart.

use super::ma::{Dema, Ema, Kama, MovingAverage, Sma, Smoother, Tema, Trima, Wma, T3};
use crate::catalog::{
    kernel, Flag, Group, IndicatorSpec, Input, MissingData, OutputSpec, Pane, Style,
};
use crate::kernel::Indicator;
use crate::params::{MaType, ParamSpec, Params};
use crate::primitives::{Highest, Lowest, ShiftedVar};
use crate::TaError;

/// A single-series moving average as an indicator. `None` is period 1, which TA-Lib 0.8
/// passes through unchanged. The smoother type is concrete (not `MovingAverage`) so the
/// batch loop compiles without a per-bar dispatch.
macro_rules! ma_indicator {
    ($(#[$doc:meta])* $ty:ident, $inner:ty, $build:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $ty(Option<$inner>);

        impl Indicator for $ty {
            const INPUTS: usize = 1;
            const OUTPUTS: usize = 1;
            fn from_params(p: &Params) -> Result<Self, TaError> {
                let build: fn(&Params) -> $inner = $build;
                Ok($ty((p.int(0) > 1).then(|| build(p))))
            }
            fn lookback(&self) -> usize {
                self.0.as_ref().map_or(0, |m| m.lookback())
            }
            #[inline]
            fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
                let value = match &mut self.0 {
                    Some(m) => m.update(bar[0]),
                    None => Some(bar[0]),
                };
                match value {
                    Some(v) => {
                        out[0] = v;
                        true
                    }
                    None => false,
                }
            }
        }
    };
}

ma_indicator!(/// SMA.
    SmaIndicator, Sma, |p| Sma::new(p.int(0)));
ma_indicator!(/// EMA.
    EmaIndicator, Ema, |p| Ema::new(p.int(0)));
ma_indicator!(/// WMA.
    WmaIndicator, Wma, |p| Wma::new(p.int(0)));
ma_indicator!(/// DEMA.
    DemaIndicator, Dema, |p| Dema::new(p.int(0)));
ma_indicator!(/// TEMA.
    TemaIndicator, Tema, |p| Tema::new(p.int(0)));
ma_indicator!(/// TRIMA.
    TrimaIndicator, Trima, |p| Trima::new(p.int(0)));
ma_indicator!(/// KAMA.
    KamaIndicator, Kama, |p| Kama::new(p.int(0)));
ma_indicator!(/// T3 with an explicit volume factor.
    T3Indicator, T3, |p| T3::new(p.int(0), p.float(1)));
ma_indicator!(/// MA with a run-time type.
    MaIndicator, MovingAverage, |p| MovingAverage::new(p.ma_type(1), p.int(0)));

/// Bollinger Bands: MA ± deviations × population standard deviation.
#[derive(Debug, Clone)]
pub struct Bbands {
    middle: MovingAverage,
    variance: ShiftedVar,
    up: f64,
    down: f64,
}

impl Indicator for Bbands {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 3;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        let period = p.int(0);
        Ok(Bbands {
            middle: MovingAverage::new(p.ma_type(3), period),
            variance: ShiftedVar::new(period),
            up: p.float(1),
            down: p.float(2),
        })
    }
    fn lookback(&self) -> usize {
        self.middle.lookback().max(self.variance.lookback())
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let middle = self.middle.update(bar[0]);
        let variance = self.variance.update(bar[0]);
        let (Some(middle), Some(variance)) = (middle, variance) else {
            return false;
        };
        let sd = variance.sqrt();
        out[0] = middle + sd * self.up;
        out[1] = middle;
        out[2] = middle - sd * self.down;
        true
    }
}

/// Midpoint of the highest and lowest value over the window.
#[derive(Debug, Clone)]
pub struct Midpoint {
    highest: Highest,
    lowest: Lowest,
}

impl Indicator for Midpoint {
    const INPUTS: usize = 1;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        let period = p.int(0);
        Ok(Midpoint {
            highest: Highest::new(period),
            lowest: Lowest::new(period),
        })
    }
    fn lookback(&self) -> usize {
        self.highest.period() - 1
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.highest.push(bar[0]);
        if !self.lowest.push(bar[0]) {
            return false;
        }
        out[0] = (self.highest.value() + self.lowest.value()) / 2.0;
        true
    }
}

/// Midpoint of the highest high and lowest low over the window.
#[derive(Debug, Clone)]
pub struct Midprice {
    highest: Highest,
    lowest: Lowest,
}

impl Indicator for Midprice {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        let period = p.int(0);
        Ok(Midprice {
            highest: Highest::new(period),
            lowest: Lowest::new(period),
        })
    }
    fn lookback(&self) -> usize {
        self.highest.period() - 1
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        self.highest.push(bar[0]);
        if !self.lowest.push(bar[1]) {
            return false;
        }
        out[0] = (self.highest.value() + self.lowest.value()) / 2.0;
        true
    }
}

/// Parabolic SAR (Wilder), TA-Lib's start: the first bar's directional movement picks the
/// initial trend.
#[derive(Debug, Clone)]
pub struct Sar {
    step_af: f64,
    max_af: f64,
    bars: usize,
    is_long: bool,
    af: f64,
    ep: f64,
    sar: f64,
    last_high: f64,
    last_low: f64,
}

impl Indicator for Sar {
    const INPUTS: usize = 2;
    const OUTPUTS: usize = 1;
    fn from_params(p: &Params) -> Result<Self, TaError> {
        let max_af = p.float(1);
        let step_af = p.float(0).min(max_af);
        Ok(Sar {
            step_af,
            max_af,
            bars: 0,
            is_long: true,
            af: step_af,
            ep: 0.0,
            sar: 0.0,
            last_high: 0.0,
            last_low: 0.0,
        })
    }
    fn lookback(&self) -> usize {
        1
    }
    #[inline]
    fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
        let (high, low) = (bar[0], bar[1]);
        self.bars += 1;
        if self.bars == 1 {
            self.last_high = high;
            self.last_low = low;
            return false;
        }
        if self.bars == 2 {
            // TA-Lib: MINUS_DM(1) of the second bar decides; a down move starts short.
            let up = high - self.last_high;
            let down = self.last_low - low;
            self.is_long = !(down > 0.0 && up < down);
            if self.is_long {
                self.ep = high;
                self.sar = self.last_low;
            } else {
                self.ep = low;
                self.sar = self.last_high;
            }
            self.last_high = high;
            self.last_low = low;
        }
        let (prev_high, prev_low) = (self.last_high, self.last_low);
        self.last_high = high;
        self.last_low = low;
        let (acc, max_af) = (self.step_af, self.max_af);
        if self.is_long {
            if low <= self.sar {
                self.is_long = false;
                self.sar = self.ep.max(prev_high).max(high);
                out[0] = self.sar;
                self.af = acc;
                self.ep = low;
                self.sar += self.af * (self.ep - self.sar);
                self.sar = self.sar.max(prev_high).max(high);
            } else {
                out[0] = self.sar;
                if high > self.ep {
                    self.ep = high;
                    self.af = (self.af + acc).min(max_af);
                }
                self.sar += self.af * (self.ep - self.sar);
                self.sar = self.sar.min(prev_low).min(low);
            }
        } else if high >= self.sar {
            self.is_long = true;
            self.sar = self.ep.min(prev_low).min(low);
            out[0] = self.sar;
            self.af = acc;
            self.ep = high;
            self.sar += self.af * (self.ep - self.sar);
            self.sar = self.sar.min(prev_low).min(low);
        } else {
            out[0] = self.sar;
            if low < self.ep {
                self.ep = low;
                self.af = (self.af + acc).min(max_af);
            }
            self.sar += self.af * (self.ep - self.sar);
            self.sar = self.sar.max(prev_high).max(high);
        }
        true
    }
}

const CLOSE: &[Input] = &[Input::Real];
const HIGH_LOW: &[Input] = &[Input::High, Input::Low];
const PRICE_LINE: &[OutputSpec] = &[OutputSpec::new("value", "real", Pane::Price, Style::Line)];
const PERIOD_30: &[ParamSpec] = &[ParamSpec::period(30, 1)];
const UNSTABLE: &[Flag] = &[Flag::UnstablePeriod];

const fn ma_spec(
    name: &'static str,
    talib_name: &'static str,
    summary: &'static str,
    flags: &'static [Flag],
    kernel: crate::catalog::Kernel,
) -> IndicatorSpec {
    IndicatorSpec {
        name,
        talib_name,
        group: Group::Overlap,
        summary,
        inputs: CLOSE,
        params: PERIOD_30,
        outputs: PRICE_LINE,
        flags,
        missing_data: MissingData::SkipBar,
        kernel,
    }
}

pub(crate) static SPECS: &[IndicatorSpec] = &[
    ma_spec(
        "sma",
        "SMA",
        "Simple moving average",
        &[],
        kernel::<SmaIndicator>(),
    ),
    ma_spec(
        "ema",
        "EMA",
        "Exponential moving average, seeded with the SMA of the first period",
        UNSTABLE,
        kernel::<EmaIndicator>(),
    ),
    ma_spec(
        "wma",
        "WMA",
        "Linearly weighted moving average",
        &[],
        kernel::<WmaIndicator>(),
    ),
    ma_spec(
        "dema",
        "DEMA",
        "Double exponential moving average",
        UNSTABLE,
        kernel::<DemaIndicator>(),
    ),
    ma_spec(
        "tema",
        "TEMA",
        "Triple exponential moving average",
        UNSTABLE,
        kernel::<TemaIndicator>(),
    ),
    ma_spec(
        "trima",
        "TRIMA",
        "Triangular moving average",
        &[],
        kernel::<TrimaIndicator>(),
    ),
    ma_spec(
        "kama",
        "KAMA",
        "Kaufman adaptive moving average",
        UNSTABLE,
        kernel::<KamaIndicator>(),
    ),
    IndicatorSpec {
        name: "t3",
        talib_name: "T3",
        group: Group::Overlap,
        summary: "Tillson T3 moving average",
        inputs: CLOSE,
        params: &[
            ParamSpec::period(5, 1),
            ParamSpec::float("vfactor", "vfactor", 0.7, 0.0, 1.0, "volume factor"),
        ],
        outputs: PRICE_LINE,
        flags: UNSTABLE,
        missing_data: MissingData::SkipBar,
        kernel: kernel::<T3Indicator>(),
    },
    IndicatorSpec {
        name: "ma",
        talib_name: "MA",
        group: Group::Overlap,
        summary: "Moving average of a chosen type",
        inputs: CLOSE,
        params: &[
            ParamSpec::period(30, 1),
            ParamSpec::ma_type("ma_type", "matype", MaType::Sma),
        ],
        outputs: PRICE_LINE,
        flags: &[],
        missing_data: MissingData::SkipBar,
        kernel: kernel::<MaIndicator>(),
    },
    IndicatorSpec {
        name: "bbands",
        talib_name: "BBANDS",
        group: Group::Overlap,
        summary: "Bollinger Bands: moving average ± multiples of the population standard deviation",
        inputs: CLOSE,
        params: &[
            ParamSpec::period(20, 2),
            ParamSpec::float(
                "nbdev_up",
                "nbdevup",
                2.0,
                -3e37,
                3e37,
                "deviations above the middle band",
            ),
            ParamSpec::float(
                "nbdev_down",
                "nbdevdn",
                2.0,
                -3e37,
                3e37,
                "deviations below the middle band",
            ),
            ParamSpec::ma_type("ma_type", "matype", MaType::Sma),
        ],
        outputs: &[
            OutputSpec::new("upper", "upperband", Pane::Price, Style::Band),
            OutputSpec::new("middle", "middleband", Pane::Price, Style::Line),
            OutputSpec::new("lower", "lowerband", Pane::Price, Style::Band),
        ],
        flags: &[],
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Bbands>(),
    },
    IndicatorSpec {
        name: "midpoint",
        talib_name: "MIDPOINT",
        group: Group::Overlap,
        summary: "Midpoint of the highest and lowest value over the period",
        inputs: CLOSE,
        params: &[ParamSpec::period(14, 2)],
        outputs: PRICE_LINE,
        flags: &[],
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Midpoint>(),
    },
    IndicatorSpec {
        name: "midprice",
        talib_name: "MIDPRICE",
        group: Group::Overlap,
        summary: "Midpoint of the highest high and lowest low over the period",
        inputs: HIGH_LOW,
        params: &[ParamSpec::period(14, 2)],
        outputs: PRICE_LINE,
        flags: &[],
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Midprice>(),
    },
    IndicatorSpec {
        name: "sar",
        talib_name: "SAR",
        group: Group::Overlap,
        summary: "Parabolic stop and reverse",
        inputs: HIGH_LOW,
        params: &[
            ParamSpec::float(
                "acceleration",
                "acceleration",
                0.02,
                0.0,
                3e37,
                "acceleration factor step",
            ),
            ParamSpec::float(
                "maximum",
                "maximum",
                0.2,
                0.0,
                3e37,
                "acceleration factor ceiling",
            ),
        ],
        outputs: &[OutputSpec::new("value", "real", Pane::Price, Style::Dots)],
        flags: UNSTABLE,
        missing_data: MissingData::SkipBar,
        kernel: kernel::<Sar>(),
    },
];
