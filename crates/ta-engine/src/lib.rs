//! Technical-analysis kernels.
//!
//! Every indicator is written once, as a state machine implementing [`Indicator`]: the batch
//! kernel ([`fold`]) and bar-by-bar streaming ([`Stream`]) drive the very same `step`, so both
//! produce identical bits. [`catalog`] is the single registry of names, parameters, outputs and
//! lookbacks that every adapter (Polars plugin, Python API, docs, tests) derives from.
//!
//! Semantics follow TA-Lib 0.8 (names, defaults, seeding, lookback, output order). Missing
//! data: a bar whose inputs are not all present is skipped by the state machine and yields a
//! missing output; so is a bar with a NaN or infinite input (see [`kernel::bar_is_complete`]).

// First, so that its `typed_params!` macro is in scope in the modules below.
#[macro_use]
pub mod params;

pub mod buffer;
pub mod catalog;
pub mod error;
pub mod execution;
pub mod indicators;
pub mod kernel;
pub mod naming;
pub mod primitives;
pub mod timeframe;

pub use catalog::{catalog, catalog_json, find, IndicatorSpec};
pub use error::{ErrorKind, SnapshotProblem, TaError};
pub use execution::{LivePanel, LiveStream, PlanRunner};
pub use kernel::{
    bar_is_complete, fold, fold_groups, Batch, Chunks, Indicator, PanelStream, Stream, Validity,
};
pub use params::{MaType, ParamInput, ParamKind, ParamSpec, Params, TypedParams};
