//! Parameter descriptions and validated parameter values.

use crate::error::TaError;

/// What a parameter holds; decides validation and the Python type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// A whole number (periods).
    Int,
    /// A real number (multipliers, factors).
    Float,
    /// A moving-average type, TA-Lib's `MA_Type` numbering.
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
#[derive(Debug, Clone, Copy)]
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
            max: 8.0,
            description:
                "moving-average type: 0 SMA, 1 EMA, 2 WMA, 3 DEMA, 4 TEMA, 5 TRIMA, 6 KAMA, 8 T3",
        }
    }

    /// The usual `period` parameter (TA-Lib `timeperiod`).
    pub const fn period(default: i64, min: i64) -> Self {
        ParamSpec::int(
            "period",
            "timeperiod",
            default,
            min,
            "number of bars in the window",
        )
    }

    fn check(&self, indicator: &str, value: f64) -> Result<f64, TaError> {
        let invalid = |message: String| TaError::InvalidParam {
            indicator: indicator.to_string(),
            param: self.name.to_string(),
            message,
        };
        if !value.is_finite() {
            return Err(invalid(format!("must be a finite number, got {value}")));
        }
        if self.kind != ParamKind::Float && value.fract() != 0.0 {
            return Err(invalid(format!("must be a whole number, got {value}")));
        }
        if value < self.min || value > self.max {
            return Err(invalid(format!(
                "must be between {} and {}, got {}",
                fmt_num(self.min),
                fmt_num(self.max),
                fmt_num(value)
            )));
        }
        if self.kind == ParamKind::MaType && MaType::from_code(value as u8).is_none() {
            return Err(invalid(format!(
                "{} is MAMA, which is not implemented yet; choose 0-6 or 8",
                fmt_num(value)
            )));
        }
        Ok(value)
    }
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// TA-Lib's moving-average types (`MA_Type`). MAMA (7) is not implemented yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum MaType {
    Sma = 0,
    Ema = 1,
    Wma = 2,
    Dema = 3,
    Tema = 4,
    Trima = 5,
    Kama = 6,
    T3 = 8,
}

impl MaType {
    /// TA-Lib's name for the type.
    pub const fn name(self) -> &'static str {
        match self {
            MaType::Sma => "SMA",
            MaType::Ema => "EMA",
            MaType::Wma => "WMA",
            MaType::Dema => "DEMA",
            MaType::Tema => "TEMA",
            MaType::Trima => "TRIMA",
            MaType::Kama => "KAMA",
            MaType::T3 => "T3",
        }
    }

    pub const fn from_code(code: u8) -> Option<MaType> {
        Some(match code {
            0 => MaType::Sma,
            1 => MaType::Ema,
            2 => MaType::Wma,
            3 => MaType::Dema,
            4 => MaType::Tema,
            5 => MaType::Trima,
            6 => MaType::Kama,
            8 => MaType::T3,
            _ => return None,
        })
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

    /// The defaults of `specs`.
    pub fn defaults(specs: &[ParamSpec]) -> Self {
        Params {
            values: specs.iter().map(|s| s.default).collect(),
        }
    }

    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// Parameter `i` as a period or count.
    pub fn int(&self, i: usize) -> usize {
        self.values[i] as usize
    }

    pub fn float(&self, i: usize) -> f64 {
        self.values[i]
    }

    pub fn ma_type(&self, i: usize) -> MaType {
        // Validation guarantees a known code.
        MaType::from_code(self.values[i] as u8).unwrap_or(MaType::Sma)
    }
}
