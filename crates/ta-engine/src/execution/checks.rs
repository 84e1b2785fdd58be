//! Checks a restored state must pass before a stream uses it: an index read from a snapshot
//! must point inside the buffer it indexes, and fields that follow from one another (a period
//! and its window, a counter and its bound) must agree (otherwise the next bar would index out
//! of bounds or overflow).

use serde::de::Error;
use serde::{Deserialize, Deserializer};

/// For `#[serde(deserialize_with = ...)]` on an index into a fixed array of `N` slots.
pub fn below<'de, D: Deserializer<'de>, const N: usize>(
    deserializer: D,
) -> Result<usize, D::Error> {
    let index = usize::deserialize(deserializer)?;
    if index >= N {
        return Err(D::Error::custom(format!(
            "index {index} outside a buffer of {N} slots"
        )));
    }
    Ok(index)
}

/// The error for a state whose indices do not fit its buffers.
pub fn outside(what: &str) -> String {
    format!("{what}: an index outside its buffer")
}

/// The error for a state whose fields disagree with each other.
pub fn inconsistent(what: &str) -> String {
    format!("{what}: fields that disagree with each other")
}

/// Whether `sorted` holds exactly `values` (bit for bit, as a multiset) in ascending order: a
/// rolling order statistic's sorted copy of its window. Removing a leaving value then always
/// finds it, and ranks below the window's length stay inside.
pub fn sorted_copy_of(values: impl Iterator<Item = f64>, sorted: &[f64]) -> bool {
    let mut expected: Vec<u64> = values.map(f64::to_bits).collect();
    let mut got: Vec<u64> = sorted.iter().map(|v| v.to_bits()).collect();
    expected.sort_unstable();
    got.sort_unstable();
    expected == got && sorted.windows(2).all(|w| w[0] <= w[1])
}

/// Whether a countdown to the next rebuild of running sums, decremented before it is tested
/// for zero and then restarted at `full`, holds a value it can hold between bars (1 to
/// `full`); at 0 the next decrement would overflow.
pub fn countdown(value: usize, full: usize) -> bool {
    (1..=full).contains(&value)
}
