//! Serde for fixed-size arrays of any length (serde's own stop at 32): a sequence whose length
//! must match on the way back.

use serde::de::{Error, SeqAccess, Visitor};
use serde::ser::SerializeTuple;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub fn serialize<S: Serializer, T: Serialize, const N: usize>(
    values: &[T; N],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut tuple = serializer.serialize_tuple(N)?;
    for value in values {
        tuple.serialize_element(value)?;
    }
    tuple.end()
}

pub fn deserialize<'de, D: Deserializer<'de>, T: Deserialize<'de>, const N: usize>(
    deserializer: D,
) -> Result<[T; N], D::Error> {
    struct ArrayVisitor<T, const N: usize>(std::marker::PhantomData<T>);

    impl<'de, T: Deserialize<'de>, const N: usize> Visitor<'de> for ArrayVisitor<T, N> {
        type Value = [T; N];

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "an array of {N} values")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<[T; N], A::Error> {
            let mut values = Vec::with_capacity(N);
            while let Some(value) = seq.next_element()? {
                if values.len() == N {
                    return Err(A::Error::invalid_length(N + 1, &self));
                }
                values.push(value);
            }
            let got = values.len();
            values
                .try_into()
                .map_err(|_| A::Error::invalid_length(got, &self))
        }
    }

    deserializer.deserialize_tuple(N, ArrayVisitor::<T, N>(std::marker::PhantomData))
}
