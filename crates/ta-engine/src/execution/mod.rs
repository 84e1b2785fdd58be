//! Running indicators live: bar-by-bar streams with peek and revise, versioned snapshots,
//! panels of many symbols, and whole strategy plans (the DSL's IR) over panels. Each drives the
//! very state machine the batch fold drives, so a stream and the batch kernel produce the same
//! bits.

pub(crate) mod checks;
pub mod live;
pub mod panel;
pub mod runner;
pub(crate) mod serde_array;
pub(crate) mod serde_i128;
pub mod snapshot;

pub use live::LiveStream;
pub use panel::LivePanel;
pub use runner::PlanRunner;
