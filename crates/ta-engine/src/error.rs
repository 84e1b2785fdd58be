//! Typed errors returned by the engine; adapters turn them into their host's exceptions.

use std::fmt;

/// What went wrong, as a stable code every adapter maps the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    UnknownIndicator,
    UnknownParam,
    DuplicateParam,
    /// A value of the wrong kind, e.g. text for a period.
    InvalidType,
    NotFinite,
    /// A fraction for a whole-number parameter.
    NotWhole,
    OutOfRange,
    /// A value TA-Lib takes that we do not implement yet (MAMA).
    Unsupported,
    /// Wrong number of parameters or input series.
    Arity,
    InvalidGroups,
    LengthMismatch,
    /// Bytes that are not a snapshot this version can restore (see [`SnapshotProblem`]).
    InvalidSnapshot,
    /// A live-stream call that does not fit its state (e.g. `revise` before any bar).
    InvalidState,
    /// A timeframe, offset or time zone that cannot bucket time.
    InvalidTimeframe,
    /// A strategy plan document (the DSL's IR) that cannot be run, or a tick that does not fit
    /// it.
    InvalidPlan,
}

/// Why a snapshot was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SnapshotProblem {
    /// Too short for its own framing.
    Truncated,
    /// Does not start with the snapshot magic bytes.
    NotASnapshot,
    /// Written by a newer (or unknown) format or state version.
    UnsupportedVersion,
    /// The checksum does not match: the bytes were altered.
    Checksum,
    /// A header or state that does not decode, or that does not fit the indicator and its
    /// parameters.
    Malformed,
    /// A snapshot of another indicator than the one asked for.
    WrongIndicator,
}

impl SnapshotProblem {
    pub const fn code(self) -> &'static str {
        match self {
            SnapshotProblem::Truncated => "truncated",
            SnapshotProblem::NotASnapshot => "not_a_snapshot",
            SnapshotProblem::UnsupportedVersion => "unsupported_version",
            SnapshotProblem::Checksum => "checksum",
            SnapshotProblem::Malformed => "malformed",
            SnapshotProblem::WrongIndicator => "wrong_indicator",
        }
    }
}

impl ErrorKind {
    pub const fn code(self) -> &'static str {
        match self {
            ErrorKind::UnknownIndicator => "unknown_indicator",
            ErrorKind::UnknownParam => "unknown_param",
            ErrorKind::DuplicateParam => "duplicate_param",
            ErrorKind::InvalidType => "invalid_type",
            ErrorKind::NotFinite => "not_finite",
            ErrorKind::NotWhole => "not_whole",
            ErrorKind::OutOfRange => "out_of_range",
            ErrorKind::Unsupported => "unsupported",
            ErrorKind::Arity => "arity",
            ErrorKind::InvalidGroups => "invalid_groups",
            ErrorKind::LengthMismatch => "length_mismatch",
            ErrorKind::InvalidSnapshot => "invalid_snapshot",
            ErrorKind::InvalidState => "invalid_state",
            ErrorKind::InvalidTimeframe => "invalid_timeframe",
            ErrorKind::InvalidPlan => "invalid_plan",
        }
    }
}

/// Everything that can go wrong before a kernel runs. Kernels themselves never fail.
#[derive(Debug, Clone, PartialEq)]
pub enum TaError {
    /// No indicator of that name is in the catalog.
    UnknownIndicator { name: String },
    /// A parameter that the indicator does not take.
    UnknownParam { indicator: String, param: String },
    /// A parameter given twice (e.g. under our name and TA-Lib's).
    DuplicateParam { indicator: String, param: String },
    /// A parameter value outside its range, or of the wrong kind.
    InvalidParam {
        indicator: String,
        param: String,
        kind: ErrorKind,
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
    /// Bytes that cannot be restored as a stream.
    Snapshot {
        problem: SnapshotProblem,
        detail: String,
    },
    /// A call the stream's state does not allow.
    InvalidState { indicator: String, message: String },
    /// Not a Polars duration of a kind that buckets time (e.g. `1d12h`, `0h`, `1x`).
    InvalidTimeframe { text: String },
    /// Not an IANA time zone name.
    InvalidTimeZone { name: String },
    /// A plan document (the DSL's IR) that is malformed, or a tick that does not fit the plan.
    InvalidPlan { message: String },
}

impl fmt::Display for TaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TaError::UnknownIndicator { name } => write!(f, "unknown indicator '{name}'"),
            TaError::UnknownParam { indicator, param } => {
                write!(f, "{indicator}: unknown parameter '{param}'")
            }
            TaError::DuplicateParam { indicator, param } => {
                write!(
                    f,
                    "{indicator}: parameter '{param}' is given more than once"
                )
            }
            TaError::InvalidParam {
                indicator,
                param,
                message,
                ..
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
            TaError::Snapshot { problem, detail } => {
                write!(f, "invalid snapshot ({}): {detail}", problem.code())
            }
            TaError::InvalidState { indicator, message } => write!(f, "{indicator}: {message}"),
            TaError::InvalidTimeframe { text } => write!(
                f,
                "'{text}' is not a timeframe: a Polars duration of one kind (fixed like 15m or \
                 4h, days/weeks like 1d or 1w, or months like 1mo, 1q, 1y)"
            ),
            TaError::InvalidTimeZone { name } => {
                write!(
                    f,
                    "'{name}' is not a time zone (an IANA name like America/New_York)"
                )
            }
            TaError::InvalidPlan { message } => write!(f, "plan: {message}"),
        }
    }
}

impl TaError {
    pub const fn kind(&self) -> ErrorKind {
        match self {
            TaError::UnknownIndicator { .. } => ErrorKind::UnknownIndicator,
            TaError::UnknownParam { .. } => ErrorKind::UnknownParam,
            TaError::DuplicateParam { .. } => ErrorKind::DuplicateParam,
            TaError::InvalidParam { kind, .. } => *kind,
            TaError::Arity { .. } => ErrorKind::Arity,
            TaError::InvalidGroups { .. } => ErrorKind::InvalidGroups,
            TaError::LengthMismatch { .. } => ErrorKind::LengthMismatch,
            TaError::Snapshot { .. } => ErrorKind::InvalidSnapshot,
            TaError::InvalidState { .. } => ErrorKind::InvalidState,
            TaError::InvalidTimeframe { .. } | TaError::InvalidTimeZone { .. } => {
                ErrorKind::InvalidTimeframe
            }
            TaError::InvalidPlan { .. } => ErrorKind::InvalidPlan,
        }
    }

    /// The stable code of [`TaError::kind`], e.g. `"unknown_param"`.
    pub const fn code(&self) -> &'static str {
        self.kind().code()
    }
}

impl std::error::Error for TaError {}

impl TaError {
    pub(crate) fn plan(message: impl Into<String>) -> Self {
        TaError::InvalidPlan {
            message: message.into(),
        }
    }

    pub(crate) fn snapshot(problem: SnapshotProblem, detail: impl Into<String>) -> Self {
        TaError::Snapshot {
            problem,
            detail: detail.into(),
        }
    }
}
