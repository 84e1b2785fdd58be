//! TA-Lib's candle settings ("long body", "doji", "near", ...) as parameters.
//!
//! TA-Lib keeps these in a process-global table (`TA_SetCandleSettings`); here each pattern
//! takes, for every setting it reads, three parameters `<setting>_period`, `<setting>_factor`
//! and `<setting>_range`, with TA-Lib's defaults (`TA_CandleDefaultSettings`).

use crate::params::{ParamKind, ParamSpec, Params};

/// What a setting measures a candle by (TA-Lib's `TA_RangeType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) enum RangeType {
    /// `|close - open|`.
    RealBody = 0,
    /// `high - low`.
    HighLow = 1,
    /// Upper plus lower shadow (the average is then halved: one shadow's worth).
    Shadows = 2,
}

impl RangeType {
    const fn from_code(code: usize) -> RangeType {
        match code {
            0 => RangeType::RealBody,
            1 => RangeType::HighLow,
            _ => RangeType::Shadows,
        }
    }
}

/// TA-Lib's candle settings, in `TA_CandleSettingType` order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) enum Setting {
    BodyLong = 0,
    #[allow(dead_code)] // no TA-Lib pattern reads it; kept for the table's order
    BodyVeryLong,
    BodyShort,
    BodyDoji,
    ShadowLong,
    ShadowVeryLong,
    ShadowShort,
    ShadowVeryShort,
    Near,
    Far,
    Equal,
}

/// One setting's values: candles are compared with `factor` times the average range (of
/// `range` type) of the `period` candles before; with period 0, with the candle's own range.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct CandleSetting {
    pub range: RangeType,
    pub period: usize,
    pub factor: f64,
}

const fn default_of(range: RangeType, period: usize, factor: f64) -> CandleSetting {
    CandleSetting {
        range,
        period,
        factor,
    }
}

/// TA-Lib's defaults (`TA_CandleDefaultSettings` in ta_global.c), in setting order.
pub(crate) const DEFAULTS: [CandleSetting; 11] = [
    default_of(RangeType::RealBody, 10, 1.0),
    default_of(RangeType::RealBody, 10, 3.0),
    default_of(RangeType::RealBody, 10, 1.0),
    default_of(RangeType::HighLow, 10, 0.1),
    default_of(RangeType::RealBody, 0, 1.0),
    default_of(RangeType::RealBody, 0, 2.0),
    default_of(RangeType::Shadows, 10, 1.0),
    default_of(RangeType::HighLow, 10, 0.1),
    default_of(RangeType::HighLow, 5, 0.2),
    default_of(RangeType::HighLow, 5, 0.6),
    default_of(RangeType::HighLow, 5, 0.05),
];

/// Declares the three parameters of each setting, with names and descriptions as literals.
macro_rules! setting_specs {
    ($($index:literal $name:literal $what:literal;)*) => {
        /// Each setting's `_period`, `_factor` and `_range` parameters, in setting order.
        pub(crate) const SETTING_SPECS: [[ParamSpec; 3]; 11] = [$(
            [
                ParamSpec::int(
                    concat!($name, "_period"),
                    concat!($name, "_period"),
                    DEFAULTS[$index].period as i64,
                    0,
                    concat!("candles averaged for '", $what,
                        "' (0: the candle's own range; TA-Lib candle setting)"),
                ),
                ParamSpec::float(
                    concat!($name, "_factor"),
                    concat!($name, "_factor"),
                    DEFAULTS[$index].factor,
                    0.0,
                    1e30,
                    concat!("multiple of the average range that is '", $what,
                        "' (TA-Lib candle setting)"),
                ),
                ParamSpec {
                    name: concat!($name, "_range"),
                    talib_name: concat!($name, "_range"),
                    kind: ParamKind::Int,
                    default: DEFAULTS[$index].range as u8 as f64,
                    min: 0.0,
                    max: 2.0,
                    description: concat!("range measured for '", $what,
                        "': 0 real body, 1 high-low, 2 shadows (TA-Lib candle setting)"),
                },
            ],
        )*];
    };
}

setting_specs! {
    0 "body_long" "long body";
    1 "body_very_long" "very long body";
    2 "body_short" "short body";
    3 "body_doji" "doji body";
    4 "shadow_long" "long shadow";
    5 "shadow_very_long" "very long shadow";
    6 "shadow_short" "short shadow";
    7 "shadow_very_short" "very short shadow";
    8 "near" "near";
    9 "far" "far";
    10 "equal" "equal";
}

/// TA-Lib's `penetration` parameter.
pub(crate) const fn penetration_spec(default: f64) -> ParamSpec {
    ParamSpec::float(
        "penetration",
        "penetration",
        default,
        0.0,
        1e30,
        "fraction of the first candle's real body the pattern must penetrate",
    )
}

/// Declares a pattern's settings: `SETTINGS` (the list) and `PARAMS` (the catalog's parameter
/// list: `penetration` first when given, then three parameters per setting).
macro_rules! pattern_settings {
    (penetration = $pen:expr; $($setting:ident),* $(,)?) => {
        pattern_settings!(@emit true, [$crate::indicators::pattern::settings::penetration_spec($pen),]
            $($setting),*);
    };
    ($($setting:ident),* $(,)?) => {
        pattern_settings!(@emit false, [] $($setting),*);
    };
    (@emit $has:literal, [$($first:expr,)?] $($setting:ident),*) => {
        #[allow(dead_code)] // patterns without candle settings
        const SETTINGS: &[$crate::indicators::pattern::settings::Setting] =
            &[$($crate::indicators::pattern::settings::Setting::$setting),*];
        #[allow(dead_code)]
        const HAS_PENETRATION: bool = $has;
        const PARAMS: &[$crate::params::ParamSpec] = &[
            $($first,)?
            $(
                $crate::indicators::pattern::settings::SETTING_SPECS
                    [$crate::indicators::pattern::settings::Setting::$setting as usize][0],
                $crate::indicators::pattern::settings::SETTING_SPECS
                    [$crate::indicators::pattern::settings::Setting::$setting as usize][1],
                $crate::indicators::pattern::settings::SETTING_SPECS
                    [$crate::indicators::pattern::settings::Setting::$setting as usize][2],
            )*
        ];
    };
}

/// The settings table a pattern runs with: TA-Lib's defaults, overridden by its parameters.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Config {
    pub penetration: f64,
    table: [CandleSetting; 11],
}

impl Config {
    /// Reads `params` laid out by [`pattern_settings!`].
    pub fn read(params: &Params, settings: &[Setting], has_penetration: bool) -> Config {
        let values = params.values();
        let (penetration, rest) = if has_penetration {
            (values[0], &values[1..])
        } else {
            (0.0, values)
        };
        let mut table = DEFAULTS;
        for (&setting, v) in settings.iter().zip(rest.chunks_exact(3)) {
            table[setting as usize] = CandleSetting {
                period: v[0] as usize,
                factor: v[1],
                range: RangeType::from_code(v[2] as usize),
            };
        }
        Config { penetration, table }
    }

    pub fn get(&self, setting: Setting) -> CandleSetting {
        self.table[setting as usize]
    }

    pub fn period(&self, setting: Setting) -> usize {
        self.table[setting as usize].period
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_settings() {
        assert_eq!(SETTING_SPECS[0][0].name, "body_long_period");
        assert_eq!(SETTING_SPECS[10][2].name, "equal_range");
        assert_eq!(SETTING_SPECS[3][1].default, 0.1);
        assert_eq!(SETTING_SPECS[6][2].default, 2.0);
        assert_eq!(SETTING_SPECS[4][0].default, 0.0);
    }
}
