//! Negative volume index.

use super::volume_index::volume_index;
use crate::catalog::{kernel, Group, IndicatorSpec, Input};
use crate::indicators::{CUMULATIVE, OWN_LINE};

volume_index!(/// Negative volume index: follows the close only on bars whose volume fell.
    Nvi, false);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "nvi",
    "NVI",
    Group::Volume,
    "Negative volume index: follows the close only on bars whose volume fell",
    &[Input::Close, Input::Volume],
    &[],
    OWN_LINE,
    kernel::<Nvi>(),
)
.with_flags(CUMULATIVE);
