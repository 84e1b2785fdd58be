//! Parameter descriptions, typed parameter structs and validated parameter values.
//!
//! Each indicator declares its parameters once, with [`typed_params!`]: the macro emits the
//! typed struct its state machine reads and the catalog's [`ParamSpec`] list, in the same
//! order. Adapters hand values over either in catalog order ([`Params::validate`]) or by name
//! ([`Params::resolve`]); both run the same checks.

use serde::Serialize;

use crate::error::{ErrorKind, TaError};

/// What a parameter holds; decides validation and the Python type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParamKind {
    /// A whole number (periods).
    Int,
    /// A real number (multipliers, factors).
    Float,
    /// A moving-average type, TA-Lib's `MA_Type` numbering.
    #[serde(rename = "matype")]
    MaType,
}

impl ParamKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            ParamKind::Int => "int",
            ParamKind::Float => "float",
            ParamKind::MaType => "matype",
        }
    }
}

/// One parameter of an indicator, as listed in the catalog.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ParamSpec {
    /// Our keyword name; the same concept has the same name across the catalog.
    pub name: &'static str,
    /// TA-Lib's name for it.
    pub talib_name: &'static str,
    pub kind: ParamKind,
    pub default: f64,
    pub min: f64,
    pub max: f64,
    pub description: &'static str,
}

impl ParamSpec {
    pub const fn int(
        name: &'static str,
        talib_name: &'static str,
        default: i64,
        min: i64,
        description: &'static str,
    ) -> Self {
        ParamSpec {
            name,
            talib_name,
            kind: ParamKind::Int,
            default: default as f64,
            min: min as f64,
            max: 100_000.0,
            description,
        }
    }

    /// A whole number from `min` to `max` (a code picking a formula, a count with a limit).
    pub const fn int_upto(
        name: &'static str,
        talib_name: &'static str,
        default: i64,
        min: i64,
        max: i64,
        description: &'static str,
    ) -> Self {
        let mut spec = ParamSpec::int(name, talib_name, default, min, description);
        spec.max = max as f64;
        spec
    }

    pub const fn float(
        name: &'static str,
        talib_name: &'static str,
        default: f64,
        min: f64,
        max: f64,
        description: &'static str,
    ) -> Self {
        ParamSpec {
            name,
            talib_name,
            kind: ParamKind::Float,
            default,
            min,
            max,
            description,
        }
    }

    pub const fn ma_type(name: &'static str, talib_name: &'static str, default: MaType) -> Self {
        ParamSpec {
            name,
            talib_name,
            kind: ParamKind::MaType,
            default: default as u8 as f64,
            min: 0.0,
            max: 15.0,
            description:
                "moving-average type (11 picks the function's own default): 0 SMA, 1 EMA, \
                 2 WMA, 3 DEMA, 4 TEMA, 5 TRIMA, 6 KAMA, 7 MAMA, 8 T3, 9 HMA, 10 DISABLED, \
                 12 ZLEMA, 13 RMA, 14 VIDYA, 15 ALMA",
        }
    }

    /// The usual `period` parameter (TA-Lib `timeperiod`).
    pub const fn period(name: &'static str, default: i64, min: i64) -> Self {
        ParamSpec::int(
            name,
            "timeperiod",
            default,
            min,
            "number of bars in the window",
        )
    }

    /// True when `name` is ours (exact) or TA-Lib's (any case; our own entries' parameters
    /// have no TA-Lib name, written empty).
    pub fn answers_to(&self, name: &str) -> bool {
        self.name == name
            || (!self.talib_name.is_empty() && self.talib_name.eq_ignore_ascii_case(name))
    }

    fn error(&self, indicator: &str, kind: ErrorKind, message: String) -> TaError {
        TaError::InvalidParam {
            indicator: indicator.to_string(),
            param: self.name.to_string(),
            kind,
            message,
        }
    }

    fn check(&self, indicator: &str, value: f64) -> Result<f64, TaError> {
        let invalid = |kind, message| self.error(indicator, kind, message);
        if !value.is_finite() {
            return Err(invalid(
                ErrorKind::NotFinite,
                format!("must be a finite number, got {value}"),
            ));
        }
        if self.kind != ParamKind::Float && value.fract() != 0.0 {
            return Err(invalid(
                ErrorKind::NotWhole,
                format!("must be a whole number, got {value}"),
            ));
        }
        if value < self.min || value > self.max {
            return Err(invalid(
                ErrorKind::OutOfRange,
                format!(
                    "must be between {} and {}, got {}",
                    fmt_num(self.min),
                    fmt_num(self.max),
                    fmt_num(value)
                ),
            ));
        }
        if self.kind == ParamKind::MaType && value == f64::from(MaType::DEFAULT_CODE) {
            // TA-Lib's MA_Type DEFAULT: each function substitutes its own default type.
            return Ok(self.default);
        }
        Ok(value)
    }

    /// Turns a value given by name into its number, refusing the wrong kind.
    fn number(&self, indicator: &str, given: ParamInput<'_>) -> Result<f64, TaError> {
        match (self.kind, given) {
            (_, ParamInput::Int(v)) => Ok(v as f64),
            (_, ParamInput::Float(v)) => Ok(v),
            (ParamKind::MaType, ParamInput::Name(name)) => MaType::from_name(name)
                .map(|m| f64::from(m.code()))
                .or_else(|| {
                    name.eq_ignore_ascii_case("DEFAULT")
                        .then_some(f64::from(MaType::DEFAULT_CODE))
                })
                .ok_or_else(|| {
                    self.error(
                        indicator,
                        ErrorKind::InvalidType,
                        format!("names no moving-average type: '{name}'"),
                    )
                }),
            (kind, ParamInput::Name(name)) => Err(self.error(
                indicator,
                ErrorKind::InvalidType,
                format!("must be a number ({}), got '{name}'", kind.as_str()),
            )),
        }
    }
}

/// A parameter value as an adapter received it, before it is checked against its spec.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ParamInput<'a> {
    Int(i64),
    Float(f64),
    /// A name: accepted for moving-average types (`"EMA"`, any case).
    Name(&'a str),
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Declares [`MaType`] with its codes and names once; everything else derives from the list.
macro_rules! ma_types {
    ($($(#[$doc:meta])* $variant:ident = $code:literal, $name:literal;)*) => {
        /// TA-Lib's moving-average types (`MA_Type`); 11 (`DEFAULT`) is resolved to each
        /// parameter's default when validated.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[repr(u8)]
        pub enum MaType {
            $($(#[$doc])* $variant = $code,)*
        }

        impl MaType {
            /// Every type, in code order.
            pub const ALL: &'static [MaType] = &[$(MaType::$variant),*];

            /// TA-Lib's name for the type.
            pub const fn name(self) -> &'static str {
                match self {
                    $(MaType::$variant => $name,)*
                }
            }

            pub const fn from_code(code: u8) -> Option<MaType> {
                match code {
                    $($code => Some(MaType::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

ma_types! {
    Sma = 0, "SMA";
    Ema = 1, "EMA";
    Wma = 2, "WMA";
    Dema = 3, "DEMA";
    Tema = 4, "TEMA";
    Trima = 5, "TRIMA";
    Kama = 6, "KAMA";
    /// MESA adaptive: MAMA's line with TA-Lib's default limits (0.5, 0.05); the period is
    /// not used.
    Mama = 7, "MAMA";
    T3 = 8, "T3";
    Hma = 9, "HMA";
    /// No smoothing at any period (TA-Lib's `DISABLED`, the identity).
    Disabled = 10, "DISABLED";
    Zlema = 12, "ZLEMA";
    /// Wilder's smoothing.
    Rma = 13, "RMA";
    /// Chande's variable index dynamic average (TA-Lib 0.8.3).
    Vidya = 14, "VIDYA";
    /// Arnaud Legoux's moving average (TA-Lib 0.8.3).
    Alma = 15, "ALMA";
}

impl MaType {
    /// TA-Lib's `DEFAULT` code (11): validation replaces it with the parameter's default.
    pub const DEFAULT_CODE: u8 = 11;

    /// TA-Lib's `MA_Type` code.
    pub const fn code(self) -> u8 {
        self as u8
    }

    /// The type named `name` (TA-Lib's name, any case).
    pub fn from_name(name: &str) -> Option<MaType> {
        MaType::ALL
            .iter()
            .copied()
            .find(|m| m.name().eq_ignore_ascii_case(name))
    }
}

/// Parameter values validated against their specs, in catalog order.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    values: Vec<f64>,
}

impl Params {
    /// Validates `values` (catalog order) against `specs`.
    pub fn validate(indicator: &str, specs: &[ParamSpec], values: &[f64]) -> Result<Self, TaError> {
        if values.len() != specs.len() {
            return Err(TaError::Arity {
                indicator: indicator.to_string(),
                what: "parameters",
                expected: specs.len(),
                got: values.len(),
            });
        }
        let values = specs
            .iter()
            .zip(values)
            .map(|(spec, &v)| spec.check(indicator, v))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Params { values })
    }

    /// Validates values given by name: ours, or TA-Lib's in any case. Parameters not given
    /// take their defaults; unknown and repeated names are refused.
    pub fn resolve(
        indicator: &str,
        specs: &[ParamSpec],
        given: &[(&str, ParamInput<'_>)],
    ) -> Result<Self, TaError> {
        let mut values: Vec<f64> = specs.iter().map(|s| s.default).collect();
        let mut seen = vec![false; specs.len()];
        for &(name, value) in given {
            let Some(i) = specs.iter().position(|s| s.answers_to(name)) else {
                return Err(TaError::UnknownParam {
                    indicator: indicator.to_string(),
                    param: name.to_string(),
                });
            };
            if std::mem::replace(&mut seen[i], true) {
                return Err(TaError::DuplicateParam {
                    indicator: indicator.to_string(),
                    param: specs[i].name.to_string(),
                });
            }
            values[i] = specs[i].check(indicator, specs[i].number(indicator, value)?)?;
        }
        Ok(Params { values })
    }

    /// The defaults of `specs`.
    pub fn defaults(specs: &[ParamSpec]) -> Self {
        Params {
            values: specs.iter().map(|s| s.default).collect(),
        }
    }

    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// The values as the indicator's typed parameter struct.
    pub fn get<P: TypedParams>(&self) -> P {
        P::from_values(&self.values)
    }
}

/// A field type of a typed parameter struct, read from a validated value.
pub trait ParamValue {
    fn from_value(value: f64) -> Self;
}

impl ParamValue for usize {
    fn from_value(value: f64) -> Self {
        value as usize
    }
}

impl ParamValue for f64 {
    fn from_value(value: f64) -> Self {
        value
    }
}

impl ParamValue for MaType {
    fn from_value(value: f64) -> Self {
        // Validation guarantees a known code.
        MaType::from_code(value as u8).unwrap_or(MaType::Sma)
    }
}

/// An indicator's parameters as a struct; written by [`typed_params!`].
pub trait TypedParams {
    /// Reads validated values given in catalog order.
    fn from_values(values: &[f64]) -> Self;
}

/// Declares an indicator's typed parameter struct and its catalog list together, so the
/// order exists once. Each field names a [`ParamSpec`] constructor and its arguments after
/// the name, which is the field's own:
///
/// ```ignore
/// typed_params! {
///     /// RSI's parameters.
///     pub struct RsiParams {
///         period: usize = period(14, 2),
///     }
/// }
/// // RsiParams::SPECS == &[ParamSpec::period("period", 14, 2)]
/// ```
macro_rules! typed_params {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $($field:ident: $ty:ty = $ctor:ident($($arg:expr),* $(,)?)),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq)]
        $vis struct $name {
            $(pub $field: $ty,)*
        }

        impl $name {
            /// The catalog's parameter list, in field order.
            pub const SPECS: &'static [$crate::params::ParamSpec] = &[
                $($crate::params::ParamSpec::$ctor(stringify!($field), $($arg),*),)*
            ];
        }

        impl $crate::params::TypedParams for $name {
            fn from_values(values: &[f64]) -> Self {
                let mut values = values.iter().copied();
                $name {
                    $($field: $crate::params::ParamValue::from_value(
                        values.next().unwrap_or(f64::NAN),
                    ),)*
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::find;

    fn resolve(name: &str, given: &[(&str, ParamInput<'_>)]) -> Result<Vec<f64>, TaError> {
        find(name)?
            .resolve_params(given)
            .map(|p| p.values().to_vec())
    }

    fn code(result: Result<Vec<f64>, TaError>) -> &'static str {
        result.unwrap_err().code()
    }

    #[test]
    fn names_ours_or_talibs_fill_the_rest_with_defaults() {
        use ParamInput::{Float, Int, Name};
        assert_eq!(
            resolve("bbands", &[("period", Int(10))]).unwrap(),
            [10.0, 2.0, 2.0, 0.0]
        );
        assert_eq!(
            resolve(
                "bbands",
                &[("NbDevUp", Float(1.5)), ("MATYPE", Name("ema"))]
            )
            .unwrap(),
            [20.0, 1.5, 2.0, 1.0]
        );
        assert_eq!(
            resolve("rsi", &[("timeperiod", Float(7.0))]).unwrap(),
            [7.0]
        );
        assert_eq!(resolve("obv", &[]).unwrap(), Vec::<f64>::new());
    }

    #[test]
    fn every_refusal_has_a_stable_code() {
        use ParamInput::{Float, Int, Name};
        assert_eq!(code(resolve("nope", &[])), "unknown_indicator");
        assert_eq!(code(resolve("rsi", &[("length", Int(3))])), "unknown_param");
        // Our names are exact; only TA-Lib's are case-insensitive.
        assert_eq!(code(resolve("rsi", &[("Period", Int(3))])), "unknown_param");
        assert_eq!(
            code(resolve(
                "rsi",
                &[("period", Int(3)), ("timeperiod", Int(4))]
            )),
            "duplicate_param"
        );
        assert_eq!(
            code(resolve("rsi", &[("period", Name("x"))])),
            "invalid_type"
        );
        assert_eq!(
            code(resolve("ma", &[("ma_type", Name("zz"))])),
            "invalid_type"
        );
        assert_eq!(code(resolve("rsi", &[("period", Float(3.5))])), "not_whole");
        assert_eq!(
            code(resolve("rsi", &[("period", Float(f64::NAN))])),
            "not_finite"
        );
        assert_eq!(code(resolve("rsi", &[("period", Int(1))])), "out_of_range");
        assert_eq!(
            find("rsi").unwrap().params(&[]).unwrap_err().code(),
            "arity"
        );
    }

    #[test]
    fn typed_params_follow_the_catalog_order() {
        let spec = find("macdext").unwrap();
        let names: Vec<_> = spec.params.iter().map(|p| p.name).collect();
        assert_eq!(
            names,
            [
                "fast_period",
                "fast_ma_type",
                "slow_period",
                "slow_ma_type",
                "signal_period",
                "signal_ma_type"
            ]
        );
        let p: crate::indicators::momentum::MacdextParams =
            spec.params(&[5.0, 1.0, 9.0, 8.0, 3.0, 2.0]).unwrap().get();
        assert_eq!(
            (
                p.fast_period,
                p.fast_ma_type,
                p.slow_ma_type,
                p.signal_period
            ),
            (5, MaType::Ema, MaType::T3, 3)
        );
    }

    #[test]
    fn ma_types_have_one_list() {
        let listed: Vec<_> = MaType::ALL
            .iter()
            .map(|m| format!("{} {}", m.code(), m.name()))
            .collect();
        let described = ParamSpec::ma_type("ma_type", "matype", MaType::Sma).description;
        assert!(described.ends_with(&listed.join(", ")), "{described}");
        for &m in MaType::ALL {
            assert_eq!(MaType::from_code(m.code()), Some(m));
            assert_eq!(MaType::from_name(&m.name().to_lowercase()), Some(m));
        }
        assert_eq!(MaType::from_code(7), Some(MaType::Mama));
        assert_eq!(MaType::from_code(11), None);
    }
}
