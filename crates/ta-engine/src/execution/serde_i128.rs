//! Serde for `i128` in formats whose integers stop at 64 bits (MessagePack): the high and low
//! halves, as a pair.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub fn serialize<S: Serializer>(value: &i128, serializer: S) -> Result<S::Ok, S::Error> {
    ((*value >> 64) as i64, *value as u64).serialize(serializer)
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i128, D::Error> {
    let (high, low) = <(i64, u64)>::deserialize(deserializer)?;
    Ok((i128::from(high) << 64) | i128::from(low))
}
