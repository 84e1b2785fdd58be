//! Typed errors returned by the engine; adapters turn them into their host's exceptions.

use std::fmt;

/// Everything that can go wrong before a kernel runs. Kernels themselves never fail.
#[derive(Debug, Clone, PartialEq)]
pub enum TaError {
    /// No indicator of that name is in the catalog.
    UnknownIndicator { name: String },
    /// A parameter that the indicator does not take.
    UnknownParam { indicator: String, param: String },
    /// A parameter value outside its range, or of the wrong kind.
    InvalidParam {
        indicator: String,
        param: String,
        message: String,
    },
    /// The number of parameters or input series does not match the catalog.
    Arity {
        indicator: String,
        what: &'static str,
        expected: usize,
        got: usize,
    },
    /// Group start rows that are not ascending and inside the series.
    InvalidGroups { indicator: String },
    /// Input series of different lengths.
    LengthMismatch {
        indicator: String,
        expected: usize,
        got: usize,
    },
}

impl fmt::Display for TaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TaError::UnknownIndicator { name } => write!(f, "unknown indicator '{name}'"),
            TaError::UnknownParam { indicator, param } => {
                write!(f, "{indicator}: unknown parameter '{param}'")
            }
            TaError::InvalidParam {
                indicator,
                param,
                message,
            } => {
                write!(f, "{indicator}: parameter '{param}' {message}")
            }
            TaError::Arity {
                indicator,
                what,
                expected,
                got,
            } => {
                write!(f, "{indicator}: expected {expected} {what}, got {got}")
            }
            TaError::InvalidGroups { indicator } => {
                write!(
                    f,
                    "{indicator}: group starts must be ascending row numbers inside the series"
                )
            }
            TaError::LengthMismatch {
                indicator,
                expected,
                got,
            } => {
                write!(
                    f,
                    "{indicator}: input series have different lengths ({expected} and {got})"
                )
            }
        }
    }
}

impl std::error::Error for TaError {}
