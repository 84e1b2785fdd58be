//! A live stream: one indicator stepped bar by bar, with peek, revise and snapshots.

use crate::catalog::{find, IndicatorSpec};
use crate::error::SnapshotProblem;
use crate::execution::snapshot::{self, Header};
use crate::kernel::{Batch, Chunks, Stream, MAX_OUTPUTS};
use crate::params::Params;
use crate::TaError;

/// One indicator run live. `update` commits a closed bar; `peek` answers "what if this bar
/// closed now" without committing; `revise` replaces the last committed bar (the forming bar
/// of a feed), when the stream was built revisable. Every call steps the same state machine
/// the batch fold steps, with the same rule for incomplete bars.
#[derive(Debug)]
pub struct LiveStream {
    spec: &'static IndicatorSpec,
    params: Params,
    state: Box<dyn Stream>,
    /// For revisable streams: the state before the last committed bar.
    previous: Option<Box<dyn Stream>>,
    /// Whether `previous` holds a state to go back to.
    has_last: bool,
    /// Where `peek` steps a copy of the state (kept to reuse its memory).
    scratch: Option<Box<dyn Stream>>,
    /// Bars committed (complete or not).
    bars: u64,
    /// Whether the last committed bar gave an output.
    ready: bool,
    lookback: usize,
}

impl Clone for LiveStream {
    fn clone(&self) -> Self {
        LiveStream {
            spec: self.spec,
            params: self.params.clone(),
            state: self.state.clone_box(),
            previous: self.previous.as_ref().map(|s| s.clone_box()),
            has_last: self.has_last,
            scratch: None,
            bars: self.bars,
            ready: self.ready,
            lookback: self.lookback,
        }
    }
}

impl LiveStream {
    /// A fresh stream of `spec` with parameter values `values` (catalog order; validated).
    pub fn new(
        spec: &'static IndicatorSpec,
        values: &[f64],
        revisable: bool,
    ) -> Result<Self, TaError> {
        let params = spec.params(values)?;
        let state = spec.stream(params.values())?;
        Ok(Self::from_parts(spec, params, state, revisable))
    }

    fn from_parts(
        spec: &'static IndicatorSpec,
        params: Params,
        state: Box<dyn Stream>,
        revisable: bool,
    ) -> Self {
        let previous = revisable.then(|| state.clone_box());
        let lookback = state.lookback();
        LiveStream {
            spec,
            params,
            state,
            previous,
            has_last: false,
            scratch: None,
            bars: 0,
            ready: false,
            lookback,
        }
    }

    /// A stream warmed on `history` (see [`update_many`](Self::update_many)), with the batch
    /// output for that history, computed in the same pass.
    pub fn open(
        spec: &'static IndicatorSpec,
        values: &[f64],
        revisable: bool,
        history: &[Chunks<'_>],
        present: Option<&[bool]>,
    ) -> Result<(Self, Batch), TaError> {
        let mut stream = Self::new(spec, values, revisable)?;
        let batch = stream.update_many(history, present)?;
        Ok((stream, batch))
    }

    /// Commits many bars at once: `inputs` are equal-length series in catalog order, each as
    /// chunks; `present` marks rows with no missing input (as for the batch kernel). Returns
    /// their outputs, the same as updating bar by bar, through the batch fold.
    pub fn update_many(
        &mut self,
        inputs: &[Chunks<'_>],
        present: Option<&[bool]>,
    ) -> Result<Batch, TaError> {
        let len = self.spec.check_inputs(inputs, present)?;
        if self.previous.is_none() || len == 0 {
            self.bars += len as u64;
            let batch = self.state.feed(inputs, present);
            if len > 0 {
                self.ready = batch.validity.is_valid(len - 1);
            }
            return Ok(batch);
        }
        // Revisable: the last bar is stepped on its own, so that the state before it is kept.
        let head: Vec<Vec<&[f64]>> = inputs.iter().map(|c| cut(c, len - 1)).collect();
        let head: Vec<&[&[f64]]> = head.iter().map(Vec::as_slice).collect();
        let mut batch = self.state.feed(&head, present.map(|p| &p[..len - 1]));
        self.bars += (len - 1) as u64;
        let bar: Vec<f64> = inputs.iter().map(|c| last(c)).collect();
        let mut out = [f64::NAN; MAX_OUTPUTS];
        let outputs = self.spec.outputs.len();
        let ready = if present.is_some_and(|p| !p[len - 1]) {
            self.commit_skipped();
            false
        } else {
            self.update(&bar, &mut out[..outputs])?
        };
        batch.push_row(&out[..outputs], ready);
        Ok(batch)
    }

    /// A stream continuing from a state machine's state (e.g. one symbol of a panel).
    pub fn from_state(
        spec: &'static IndicatorSpec,
        values: &[f64],
        state: Box<dyn Stream>,
    ) -> Result<Self, TaError> {
        let params = spec.params(values)?;
        Ok(Self::from_parts(spec, params, state, false))
    }

    pub fn spec(&self) -> &'static IndicatorSpec {
        self.spec
    }

    /// Canonical parameter values, catalog order.
    pub fn values(&self) -> &[f64] {
        self.params.values()
    }

    pub fn revisable(&self) -> bool {
        self.previous.is_some()
    }

    /// Bars committed so far.
    pub fn bars(&self) -> u64 {
        self.bars
    }

    /// Whether the last committed bar gave an output.
    pub fn ready(&self) -> bool {
        self.ready
    }

    /// Complete bars consumed before the first output. Worked out from the parameters, not
    /// read from the state (which a damaged snapshot could hold wrongly).
    pub fn lookback(&self) -> usize {
        self.lookback
    }

    fn check_bar(&self, bar: &[f64], out: &[f64]) -> Result<(), TaError> {
        let (inputs, outputs) = (self.spec.inputs.len(), self.spec.outputs.len());
        if bar.len() != inputs || out.len() != outputs {
            let (what, expected, got) = if bar.len() != inputs {
                ("inputs per bar", inputs, bar.len())
            } else {
                ("output slots", outputs, out.len())
            };
            return Err(TaError::Arity {
                indicator: self.spec.name.to_string(),
                what,
                expected,
                got,
            });
        }
        Ok(())
    }

    /// Commits a closed bar; `true` when `out` holds its output(s). A bar with a missing
    /// (NaN) or infinite input is skipped, as the batch fold skips it.
    #[inline]
    pub fn update(&mut self, bar: &[f64], out: &mut [f64]) -> Result<bool, TaError> {
        self.check_bar(bar, out)?;
        if let Some(previous) = &mut self.previous {
            previous.assign(&*self.state);
            self.has_last = true;
        }
        self.bars += 1;
        self.ready = self.state.update(bar, out);
        Ok(self.ready)
    }

    /// Commits a bar with a missing input (nothing is stepped).
    pub fn commit_skipped(&mut self) {
        if let Some(previous) = &mut self.previous {
            previous.assign(&*self.state);
            self.has_last = true;
        }
        self.bars += 1;
        self.ready = false;
    }

    /// The output `bar` would give if it closed now; nothing is committed.
    pub fn peek(&mut self, bar: &[f64], out: &mut [f64]) -> Result<bool, TaError> {
        self.check_bar(bar, out)?;
        let scratch = self.scratch.get_or_insert_with(|| self.state.clone_box());
        scratch.assign(&*self.state);
        Ok(scratch.update(bar, out))
    }

    /// Replaces the last committed bar with `bar` and returns its output.
    pub fn revise(&mut self, bar: &[f64], out: &mut [f64]) -> Result<bool, TaError> {
        self.check_bar(bar, out)?;
        let Some(previous) = &self.previous else {
            return Err(
                self.invalid_state("this stream was not built revisable (pass revisable=True)")
            );
        };
        if !self.has_last {
            return Err(self.invalid_state("there is no committed bar to revise yet"));
        }
        self.state.assign(&**previous);
        self.ready = self.state.update(bar, out);
        Ok(self.ready)
    }

    fn invalid_state(&self, message: &str) -> TaError {
        TaError::InvalidState {
            indicator: self.spec.name.to_string(),
            message: message.to_string(),
        }
    }

    /// The whole stream as a snapshot (see [`snapshot`]).
    pub fn to_bytes(&self) -> Result<Vec<u8>, TaError> {
        let header = Header {
            engine: env!("CARGO_PKG_VERSION").to_string(),
            indicator: self.spec.name.to_string(),
            state_version: self.state.state_version(),
            params: self
                .spec
                .params
                .iter()
                .zip(self.params.values())
                .map(|(p, &v)| (p.name.to_string(), v))
                .collect(),
            revisable: self.previous.is_some(),
            bars: self.bars,
            ready: self.ready,
        };
        let state = self.state.save()?;
        let previous = match (&self.previous, self.has_last) {
            (Some(previous), true) => Some(previous.save()?),
            _ => None,
        };
        snapshot::write(&header, &state, previous.as_deref())
    }

    /// Restores a stream from [`to_bytes`](Self::to_bytes)'s output. A buffer that is not a
    /// snapshot, is truncated or altered, comes from an unknown version, or does not fit its
    /// indicator is refused with [`TaError::Snapshot`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, TaError> {
        let frame = snapshot::read(bytes)?;
        let header = &frame.header;
        let spec = find(&header.indicator).map_err(|_| {
            TaError::snapshot(
                SnapshotProblem::Malformed,
                format!("unknown indicator '{}'", header.indicator),
            )
        })?;
        let malformed = |detail: String| TaError::snapshot(SnapshotProblem::Malformed, detail);
        if header.params.len() != spec.params.len()
            || header
                .params
                .iter()
                .zip(spec.params)
                .any(|((name, _), p)| name != p.name)
        {
            return Err(malformed(format!(
                "the parameters do not match {}'s",
                spec.name
            )));
        }
        let values: Vec<f64> = header.params.iter().map(|(_, v)| *v).collect();
        let params = spec
            .params(&values)
            .map_err(|e| malformed(format!("parameters: {e}")))?;
        // Values in range that the state machine still refuses (e.g. MAVP's min above max).
        let fresh = spec
            .stream(params.values())
            .map_err(|e| malformed(format!("parameters: {e}")))?;
        if !(fresh.oldest_state_version()..=fresh.state_version()).contains(&header.state_version) {
            return Err(TaError::snapshot(
                SnapshotProblem::UnsupportedVersion,
                match (fresh.oldest_state_version(), fresh.state_version()) {
                    (oldest, newest) if oldest == newest => format!(
                        "{} state version {}; this engine reads {newest}",
                        spec.name, header.state_version
                    ),
                    (oldest, newest) => format!(
                        "{} state version {}; this engine reads {oldest} to {newest}",
                        spec.name, header.state_version
                    ),
                },
            ));
        }
        let state = spec.restore(&params, frame.state)?;
        if frame.previous.is_some() && !header.revisable {
            return Err(malformed(
                "a previous state in a stream that is not revisable".into(),
            ));
        }
        let previous = match frame.previous {
            Some(bytes) => Some(spec.restore(&params, bytes)?),
            None => header.revisable.then(|| state.clone_box()),
        };
        Ok(LiveStream {
            spec,
            params,
            state,
            has_last: frame.previous.is_some(),
            previous,
            scratch: None,
            bars: header.bars,
            ready: header.ready,
            lookback: fresh.lookback(),
        })
    }

    /// Like [`from_bytes`](Self::from_bytes), refusing a snapshot of another indicator.
    pub fn from_bytes_of(name: &str, bytes: &[u8]) -> Result<Self, TaError> {
        let stream = Self::from_bytes(bytes)?;
        if stream.spec.name != name {
            return Err(TaError::snapshot(
                SnapshotProblem::WrongIndicator,
                format!("a snapshot of '{}', not '{name}'", stream.spec.name),
            ));
        }
        Ok(stream)
    }
}

/// The first `rows` rows of a chunked series.
fn cut<'a>(chunks: &[&'a [f64]], rows: usize) -> Vec<&'a [f64]> {
    let mut left = rows;
    let mut out = Vec::new();
    for chunk in chunks {
        if left == 0 {
            break;
        }
        let take = left.min(chunk.len());
        out.push(&chunk[..take]);
        left -= take;
    }
    out
}

/// The last value of a chunked series (NaN when empty).
fn last(chunks: &[&[f64]]) -> f64 {
    chunks
        .iter()
        .rev()
        .find_map(|c| c.last().copied())
        .unwrap_or(f64::NAN)
}
