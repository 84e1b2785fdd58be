//! Snapshots: a live stream's whole state as bytes, restorable by any later version.
//!
//! Layout (integers little-endian):
//!
//! ```text
//! "LKTA" | format version: u16 | header length: u32 | header | state length: u32 | state
//!        | previous-state length: u32 | previous state | CRC-32 of everything before: u32
//! ```
//!
//! The header and the states are MessagePack maps with named fields (self-describing): the
//! header names the indicator, its state version, its parameters by name in canonical form,
//! and the stream's bookkeeping; a state is the state machine's fields by name, every `f64`
//! stored as its 8 bytes (NaN and ±inf included). The previous state is present only for a
//! revisable stream that has a bar to revise. A state field added later with a default
//! restores from older snapshots unchanged; a change that cannot default bumps the
//! indicator's state version ([`crate::Indicator::STATE_VERSION`]).
//!
//! Decoding never trusts a length: each section must fit in the bytes given before it is
//! read, the checksum is verified before any section is decoded, and a decoded state must
//! have the shape a fresh state of the same parameters has (every non-empty buffer the same
//! length) before it is used.

use serde::{Deserialize, Serialize};

use crate::error::SnapshotProblem;
use crate::kernel::{Snapshot, Stream};
use crate::params::Params;
use crate::TaError;

/// The first bytes of every snapshot.
pub const MAGIC: &[u8; 4] = b"LKTA";
/// Version of the framing and header described above.
pub const FORMAT_VERSION: u16 = 1;

/// What a snapshot says about the stream besides its state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// The engine version that wrote it (informative).
    #[serde(default)]
    pub engine: String,
    /// Catalog name of the indicator.
    pub indicator: String,
    /// The indicator's state version.
    pub state_version: u32,
    /// Parameter values by name, catalog order.
    pub params: Vec<(String, f64)>,
    pub revisable: bool,
    /// Bars committed so far (complete or not).
    pub bars: u64,
    /// Whether the last committed bar gave an output.
    #[serde(default)]
    pub ready: bool,
}

/// A snapshot split into its parts (states still encoded).
#[derive(Debug)]
pub struct Frame<'a> {
    pub header: Header,
    pub state: &'a [u8],
    pub previous: Option<&'a [u8]>,
}

fn put_section(out: &mut Vec<u8>, section: &[u8]) -> Result<(), TaError> {
    let len = u32::try_from(section.len())
        .map_err(|_| TaError::snapshot(SnapshotProblem::Malformed, "a section over 4 GiB"))?;
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(section);
    Ok(())
}

/// Frames a header and its encoded states.
pub fn write(header: &Header, state: &[u8], previous: Option<&[u8]>) -> Result<Vec<u8>, TaError> {
    let header = rmp_serde::to_vec_named(header)
        .map_err(|e| TaError::snapshot(SnapshotProblem::Malformed, e.to_string()))?;
    let mut out = Vec::with_capacity(22 + header.len() + state.len() * 2);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    put_section(&mut out, &header)?;
    put_section(&mut out, state)?;
    put_section(&mut out, previous.unwrap_or(&[]))?;
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    Ok(out)
}

/// Reads bytes from the front of a buffer, refusing to go past its end.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], TaError> {
        if self.bytes.len() < n {
            return Err(TaError::snapshot(
                SnapshotProblem::Truncated,
                format!("ends inside the {what}"),
            ));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    fn u32(&mut self, what: &str) -> Result<u32, TaError> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn section(&mut self, what: &str) -> Result<&'a [u8], TaError> {
        let len = self.u32(what)? as usize;
        self.take(len, what)
    }
}

/// Checks the framing and checksum and decodes the header.
pub fn read(bytes: &[u8]) -> Result<Frame<'_>, TaError> {
    if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
        return Err(TaError::snapshot(
            SnapshotProblem::NotASnapshot,
            "the bytes do not start with a Laakhay TA snapshot's magic",
        ));
    }
    let mut reader = Reader {
        bytes: &bytes[MAGIC.len()..],
    };
    let version = reader.take(2, "format version")?;
    let version = u16::from_le_bytes([version[0], version[1]]);
    if version != FORMAT_VERSION {
        return Err(TaError::snapshot(
            SnapshotProblem::UnsupportedVersion,
            format!("format version {version}; this engine reads {FORMAT_VERSION}"),
        ));
    }
    let header = reader.section("header")?;
    let state = reader.section("state")?;
    let previous = reader.section("previous state")?;
    let body = bytes.len() - reader.bytes.len();
    let crc = reader.u32("checksum")?;
    if !reader.bytes.is_empty() {
        return Err(TaError::snapshot(
            SnapshotProblem::Malformed,
            format!("{} bytes after the checksum", reader.bytes.len()),
        ));
    }
    if crc32fast::hash(&bytes[..body]) != crc {
        return Err(TaError::snapshot(
            SnapshotProblem::Checksum,
            "the checksum does not match the contents",
        ));
    }
    let header: Header = rmp_serde::from_slice(header)
        .map_err(|e| TaError::snapshot(SnapshotProblem::Malformed, format!("header: {e}")))?;
    Ok(Frame {
        header,
        state,
        previous: (!previous.is_empty()).then_some(previous),
    })
}

/// One state machine's whole state, serialized.
pub fn encode_state<I: Snapshot>(state: &I) -> Result<Vec<u8>, TaError> {
    rmp_serde::to_vec_named(state)
        .map_err(|e| TaError::snapshot(SnapshotProblem::Malformed, e.to_string()))
}

/// Decodes a state of `I` for parameters `params`, refusing one whose shape differs from a
/// fresh state's.
pub fn decode_state<I: Snapshot>(
    params: &Params,
    bytes: &[u8],
) -> Result<Box<dyn Stream>, TaError> {
    let fresh = I::from_params(params)
        .map_err(|e| TaError::snapshot(SnapshotProblem::Malformed, format!("parameters: {e}")))?;
    let state: I = rmp_serde::from_slice(bytes)
        .map_err(|e| TaError::snapshot(SnapshotProblem::Malformed, format!("state: {e}")))?;
    let shape = |value: &I| {
        serde_json::to_value(value)
            .map_err(|e| TaError::snapshot(SnapshotProblem::Malformed, format!("state: {e}")))
    };
    if !same_shape(&shape(&fresh)?, &shape(&state)?) {
        return Err(TaError::snapshot(
            SnapshotProblem::Malformed,
            "the state does not fit the indicator's parameters",
        ));
    }
    Ok(Box::new(state))
}

/// Whether `state` has the buffers `fresh` (the state for the same parameters, before any
/// bar) has: where both are records of the same fields, field by field; where both are
/// sequences and `fresh`'s is not empty (a fixed-size buffer), the same length, element by
/// element. Elsewhere (values, enum variants that may change as bars arrive, buffers that
/// grow) anything goes.
fn same_shape(fresh: &serde_json::Value, state: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (fresh, state) {
        (Value::Object(a), Value::Object(b)) => {
            a.len() != b.len()
                || !a.keys().all(|k| b.contains_key(k))
                || a.iter().all(|(k, v)| same_shape(v, &b[k]))
        }
        (Value::Array(a), Value::Array(b)) if !a.is_empty() => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_shape(x, y))
        }
        _ => true,
    }
}
