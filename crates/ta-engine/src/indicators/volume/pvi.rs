//! Positive volume index.

use super::volume_index::volume_index;
use crate::catalog::{kernel, Group, IndicatorSpec, Input};
use crate::indicators::{CUMULATIVE, OWN_LINE};

volume_index!(/// Positive volume index: follows the close only on bars whose volume rose.
    Pvi, true);

/// Catalog entry.
pub(crate) static SPEC: IndicatorSpec = IndicatorSpec::new(
    "pvi",
    "PVI",
    Group::Volume,
    "Positive volume index: follows the close only on bars whose volume rose",
    &[Input::Close, Input::Volume],
    &[],
    OWN_LINE,
    kernel::<Pvi>(),
)
.with_flags(CUMULATIVE);
