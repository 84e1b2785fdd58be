//! Snapshots of a running plan: the plan document, the symbols count, and every piece of state
//! (each indicator's state machine per symbol, in the stream snapshots' own encoding; forming
//! higher-timeframe buckets; coarse values visible or waiting to show; each symbol's first and
//! last bar), restorable by later versions.
//!
//! Layout (integers little-endian), in the style of stream snapshots:
//!
//! ```text
//! "LKTP" | format version: u16 | body length: u32 | body (MessagePack, named fields)
//!        | CRC-32 of everything before: u32
//! ```
//!
//! Decoding checks the framing and the checksum before decoding the body, rebuilds the runner
//! from the plan document, and refuses any state that does not fit it (counts, lengths, each
//! state machine through its indicator's own checks) with [`TaError::Snapshot`].

use std::collections::VecDeque;

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::SnapshotProblem;
use crate::TaError;

use super::bucket::Bucket;
use super::link::Pending;
use super::plan::Op;
use super::PlanRunner;

/// The first bytes of every plan snapshot.
pub const MAGIC: &[u8; 4] = b"LKTP";
/// Version of the framing and body described above.
pub const FORMAT_VERSION: u16 = 1;

/// Bytes stored as one MessagePack binary (not an array of numbers).
#[derive(Debug, Clone, PartialEq)]
struct Bytes(Vec<u8>);

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Raw;
        impl<'de> Visitor<'de> for Raw {
            type Value = Bytes;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Bytes, E> {
                Ok(Bytes(v.to_vec()))
            }
            fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<Bytes, E> {
                Ok(Bytes(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Bytes, A::Error> {
                let mut out = Vec::new();
                while let Some(b) = seq.next_element()? {
                    out.push(b);
                }
                Ok(Bytes(out))
            }
        }
        deserializer.deserialize_bytes(Raw)
    }
}

#[derive(Serialize, Deserialize)]
struct Body {
    /// The engine version that wrote it (informative).
    engine: String,
    /// The plan document.
    ir: String,
    /// The adapter's own data (e.g. symbol names), returned as is.
    meta: String,
    symbols: u64,
    first_open: Vec<Option<i64>>,
    last_time: Vec<Option<i64>>,
    calls: Vec<SavedCall>,
    /// Per higher timeframe (coarsest first), per symbol: the forming bucket.
    higher: Vec<Vec<Option<Bucket>>>,
    links: Vec<SavedLink>,
}

#[derive(Serialize, Deserialize)]
struct SavedCall {
    frame: u64,
    node: u64,
    indicator: String,
    state_version: u32,
    /// Per symbol, the state machine's state (as a stream snapshot stores it).
    states: Vec<Bytes>,
}

#[derive(Serialize, Deserialize)]
struct SavedLink {
    from: u64,
    to: u64,
    /// Per linked node: the values the finer frame sees now, per symbol.
    visible: Vec<(Vec<f64>, Vec<bool>)>,
    /// Per symbol: completed coarse bars waiting to show.
    pending: Vec<Vec<Pending>>,
}

fn malformed(detail: impl Into<String>) -> TaError {
    TaError::snapshot(SnapshotProblem::Malformed, detail)
}

impl PlanRunner {
    /// The runner's whole state as a snapshot; `meta` is stored with it and returned by
    /// [`from_bytes`](Self::from_bytes).
    pub fn to_bytes(&self, meta: &str) -> Result<Vec<u8>, TaError> {
        let mut calls = Vec::new();
        for (f, frame) in self.frames.iter().enumerate() {
            for call in &frame.calls {
                let mut states = Vec::with_capacity(self.symbols);
                let mut version = 0;
                for s in 0..self.symbols {
                    let state = call
                        .panel
                        .symbol(s)
                        .ok_or_else(|| malformed("a panel lost a symbol"))?;
                    version = state.state_version();
                    states.push(Bytes(state.save()?));
                }
                let indicator = match &self.graph.nodes[call.node].op {
                    Op::Call { spec, .. } => spec.name.to_string(),
                    _ => String::new(),
                };
                calls.push(SavedCall {
                    frame: f as u64,
                    node: call.node as u64,
                    indicator,
                    state_version: version,
                    states,
                });
            }
        }
        let links = self
            .links
            .iter()
            .map(|link| SavedLink {
                from: link.from as u64,
                to: link.to as u64,
                visible: link
                    .dst
                    .iter()
                    .map(|&c| {
                        let column = &self.frames[link.to].columns[c];
                        (column.v.clone(), column.ok.clone())
                    })
                    .collect(),
                pending: link
                    .pending
                    .iter()
                    .map(|q| q.iter().cloned().collect())
                    .collect(),
            })
            .collect();
        let body = Body {
            engine: env!("CARGO_PKG_VERSION").to_string(),
            ir: self.ir.clone(),
            meta: meta.to_string(),
            symbols: self.symbols as u64,
            first_open: self.first_open.clone(),
            last_time: self.last_time.clone(),
            calls,
            higher: self.higher.iter().map(|h| h.forming.clone()).collect(),
            links,
        };
        let body = rmp_serde::to_vec_named(&body).map_err(|e| malformed(e.to_string()))?;
        let len = u32::try_from(body.len()).map_err(|_| malformed("a snapshot over 4 GiB"))?;
        let mut out = Vec::with_capacity(body.len() + 14);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&body);
        let crc = crc32fast::hash(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        Ok(out)
    }

    /// Restores a runner from [`to_bytes`](Self::to_bytes)'s output, with its `meta`. Bytes
    /// that are not a plan snapshot, are truncated or altered, come from an unknown version or
    /// do not fit their plan are refused with [`TaError::Snapshot`].
    pub fn from_bytes(bytes: &[u8]) -> Result<(Self, String), TaError> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(TaError::snapshot(
                SnapshotProblem::NotASnapshot,
                "the bytes do not start with a Laakhay TA plan snapshot's magic",
            ));
        }
        let truncated =
            || TaError::snapshot(SnapshotProblem::Truncated, "ends inside the snapshot");
        let version = bytes.get(4..6).ok_or_else(truncated)?;
        let version = u16::from_le_bytes([version[0], version[1]]);
        if version != FORMAT_VERSION {
            return Err(TaError::snapshot(
                SnapshotProblem::UnsupportedVersion,
                format!(
                    "plan snapshot format version {version}; this engine reads {FORMAT_VERSION}"
                ),
            ));
        }
        let len = bytes.get(6..10).ok_or_else(truncated)?;
        let len = u32::from_le_bytes([len[0], len[1], len[2], len[3]]) as usize;
        let end = 10usize.checked_add(len).ok_or_else(truncated)?;
        let body = bytes.get(10..end).ok_or_else(truncated)?;
        let crc = bytes.get(end..end + 4).ok_or_else(truncated)?;
        if bytes.len() != end + 4 {
            return Err(malformed(format!(
                "{} bytes after the checksum",
                bytes.len() - end - 4
            )));
        }
        if crc32fast::hash(&bytes[..end]) != u32::from_le_bytes([crc[0], crc[1], crc[2], crc[3]]) {
            return Err(TaError::snapshot(
                SnapshotProblem::Checksum,
                "the checksum does not match the contents",
            ));
        }
        let body: Body =
            rmp_serde::from_slice(body).map_err(|e| malformed(format!("body: {e}")))?;
        let symbols = body.first_open.len();
        if body.symbols != symbols as u64 || body.last_time.len() != symbols {
            return Err(malformed("the symbol count disagrees with the state"));
        }
        let mut runner = PlanRunner::from_ir(&body.ir, symbols)
            .map_err(|e| malformed(format!("the plan: {e}")))?;
        runner.first_open = body.first_open;
        runner.last_time = body.last_time;
        runner.restore_calls(body.calls)?;
        if body.higher.len() != runner.higher.len() {
            return Err(malformed("the higher timeframes do not match the plan"));
        }
        for (higher, forming) in runner.higher.iter_mut().zip(body.higher) {
            if forming.len() != symbols || forming.iter().flatten().any(|b| !b.fits(&higher.aggs)) {
                return Err(malformed("a forming bucket does not fit the plan"));
            }
            higher.forming = forming;
        }
        if body.links.len() != runner.links.len() {
            return Err(malformed("the timeframe links do not match the plan"));
        }
        for (link, saved) in runner.links.iter_mut().zip(body.links) {
            let width = link.dst.len();
            if saved.from != link.from as u64
                || saved.to != link.to as u64
                || saved.visible.len() != width
                || saved.pending.len() != symbols
                || saved
                    .visible
                    .iter()
                    .any(|(v, ok)| v.len() != symbols || ok.len() != symbols)
                || saved
                    .pending
                    .iter()
                    .flatten()
                    .any(|p| p.values.len() != width || p.ok.len() != width)
            {
                return Err(malformed("a timeframe link does not fit the plan"));
            }
            for (&c, (v, ok)) in link.dst.iter().zip(saved.visible) {
                let column = &mut runner.frames[link.to].columns[c];
                column.v = v;
                column.ok = ok;
            }
            link.pending = saved.pending.into_iter().map(VecDeque::from).collect();
        }
        Ok((runner, body.meta))
    }

    fn restore_calls(&mut self, saved: Vec<SavedCall>) -> Result<(), TaError> {
        let expected: usize = self.frames.iter().map(|f| f.calls.len()).sum();
        if saved.len() != expected {
            return Err(malformed("the indicators do not match the plan"));
        }
        let mut saved = saved.into_iter();
        for (f, frame) in self.frames.iter_mut().enumerate() {
            for call in &mut frame.calls {
                let Some(entry) = saved.next() else {
                    return Err(malformed("the indicators do not match the plan"));
                };
                let Op::Call { spec, params, .. } = &self.graph.nodes[call.node].op else {
                    return Err(malformed("an indicator node is not a call"));
                };
                if entry.frame != f as u64
                    || entry.node != call.node as u64
                    || entry.indicator != spec.name
                    || entry.states.len() != self.symbols
                {
                    return Err(malformed(format!(
                        "the state of node {} ({}) does not match the plan",
                        call.node, spec.name
                    )));
                }
                if self.symbols > 0 {
                    let fresh = spec.stream(params.values())?.state_version();
                    if entry.state_version != fresh {
                        return Err(TaError::snapshot(
                            SnapshotProblem::UnsupportedVersion,
                            format!(
                                "{} state version {}; this engine reads {fresh}",
                                spec.name, entry.state_version
                            ),
                        ));
                    }
                }
                for (s, state) in entry.states.iter().enumerate() {
                    let state = spec.restore(params, &state.0)?;
                    if !call.panel.assign_symbol(s, &*state) {
                        return Err(malformed(format!("a state that is not {}'s", spec.name)));
                    }
                }
            }
        }
        Ok(())
    }
}
