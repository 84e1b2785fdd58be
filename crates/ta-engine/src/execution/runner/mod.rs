//! A strategy plan run live: the DSL's plan document (`plan.ir`) executed tick by tick for
//! many symbols, giving exactly what the batch plan (`plan.apply`) gives on the same history.
//!
//! Design:
//! - the plan is read once ([`plan`]): every node gets its operation, the kind of value it
//!   holds (the batch column's dtype) and its frame (the base bars or a higher timeframe);
//! - each frame is vectorised over symbols ([`frame`]): a node is a column of one value per
//!   symbol, an indicator a panel of state machines (the catalog's, the batch kernel's own),
//!   an operator a loop over symbols with the batch's exact semantics ([`ops`]);
//! - higher timeframes build their bars from the base bars as they arrive ([`bucket`]); a
//!   completed bar steps its frame for the symbols that completed one, and reaches finer
//!   frames only once their bars close at or after it ([`link`]);
//! - the whole state (every indicator's state machines, forming buckets, values waiting to
//!   show) is a versioned, checksummed snapshot ([`state`]); restoring and continuing equals
//!   never stopping.

mod bucket;
mod frame;
mod link;
mod ops;
mod plan;
mod state;

use std::collections::VecDeque;

pub use plan::Kind;

use crate::TaError;
use bucket::{Agg, Bucket, Completed};
use frame::{Column, Frame};
use link::Link;
use ops::{NULL, V};
use plan::{Graph, Stamp};

/// The instants of one tick's bars (nanoseconds since the Unix epoch), for plans with higher
/// timeframes (others ignore them).
#[derive(Debug, Clone, Copy)]
pub enum Times<'a> {
    None,
    /// One instant for every symbol.
    All(i64),
    /// One instant per symbol (read only where the symbol has a bar).
    Each(&'a [i64]),
}

/// One tick: each input column ([`PlanRunner::columns`], in that order) as one value per
/// symbol (NaN: missing), and which symbols have a bar (all when `None`).
#[derive(Debug, Clone, Copy)]
pub struct Tick<'a> {
    pub times: Times<'a>,
    pub columns: &'a [&'a [f64]],
    pub has_bar: Option<&'a [bool]>,
}

/// A higher timeframe's forming bars.
#[derive(Debug)]
struct Higher {
    /// Its frame (index into the frames).
    frame: usize,
    /// How each of the frame's source columns is aggregated.
    aggs: Vec<Agg>,
    /// Per symbol: the forming bucket.
    forming: Vec<Option<Bucket>>,
    /// Per symbol: the bars this tick completed (scratch).
    done: Vec<Vec<Completed>>,
    /// The last bucket computed (buckets are intervals: the next bar usually falls in it).
    cache: Option<(i64, i64)>,
}

/// A plan run live over a panel of symbols.
#[derive(Debug)]
pub struct PlanRunner {
    graph: Graph,
    /// The plan document as given (kept for snapshots).
    ir: String,
    frames: Vec<Frame>,
    higher: Vec<Higher>,
    links: Vec<Link>,
    /// Per symbol: when its first bar opened, and its last bar's instant.
    first_open: Vec<Option<i64>>,
    last_time: Vec<Option<i64>>,
    /// Per output: the base-frame column it reads, and its values on the last tick.
    output_cols: Vec<usize>,
    outputs: Vec<Column>,
    symbols: usize,
    /// Scratch.
    active: Vec<bool>,
    mask: Vec<bool>,
    closes: Vec<i64>,
    ends: Vec<i64>,
    base_cache: Option<(i64, i64)>,
}

fn bad(message: impl Into<String>) -> TaError {
    TaError::plan(message)
}

impl PlanRunner {
    /// A runner of the plan document `ir` (JSON, the DSL's `plan.ir`) over `symbols` symbols.
    pub fn from_ir(ir: &str, symbols: usize) -> Result<Self, TaError> {
        let graph = Graph::parse(ir)?;
        let mut frames = Vec::with_capacity(graph.frames.len());
        for f in 0..graph.frames.len() {
            frames.push(Frame::build(&graph, f, symbols)?);
        }
        let mut links: Vec<Link> = Vec::new();
        for (to, frame) in frames.iter().enumerate() {
            for &(node, dst) in &frame.imports {
                let from = graph.nodes[node].frame;
                let src = frames[from]
                    .slot(node)
                    .ok_or_else(|| bad(format!("node {node} is read before it is computed")))?;
                match links.iter_mut().find(|l| l.from == from && l.to == to) {
                    Some(link) => {
                        link.src.push(src);
                        link.dst.push(dst);
                    }
                    None => links.push(Link {
                        from,
                        to,
                        src: vec![src],
                        dst: vec![dst],
                        pending: vec![VecDeque::new(); symbols],
                    }),
                }
            }
        }
        let higher = (1..frames.len())
            .map(|f| Higher {
                frame: f,
                aggs: frames[f]
                    .sources
                    .iter()
                    .map(|&(c, _)| Agg::of(&graph.columns[c]))
                    .collect(),
                forming: vec![None; symbols],
                done: vec![Vec::new(); symbols],
                cache: None,
            })
            .collect();
        let output_cols = graph
            .outputs
            .iter()
            .map(|&(_, id)| {
                frames[0]
                    .slot(id)
                    .ok_or_else(|| bad(format!("output node {id} has no column")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(PlanRunner {
            outputs: vec![
                Column {
                    v: vec![f64::NAN; symbols],
                    ok: vec![false; symbols],
                };
                output_cols.len()
            ],
            output_cols,
            ir: ir.to_string(),
            frames,
            higher,
            links,
            first_open: vec![None; symbols],
            last_time: vec![None; symbols],
            symbols,
            active: vec![true; symbols],
            mask: vec![false; symbols],
            closes: vec![0; symbols],
            ends: vec![0; symbols],
            base_cache: None,
            graph,
        })
    }

    /// The plan document this runner runs.
    pub fn ir(&self) -> &str {
        &self.ir
    }

    pub fn symbols(&self) -> usize {
        self.symbols
    }

    /// The input columns a tick carries, in the order [`Tick::columns`] takes them.
    pub fn columns(&self) -> &[String] {
        &self.graph.columns
    }

    /// Whether ticks must carry instants (the plan reads higher timeframes).
    pub fn needs_time(&self) -> bool {
        self.frames.len() > 1
    }

    /// The outputs: name and kind of value (its batch dtype), in order.
    pub fn outputs(&self) -> impl Iterator<Item = (&str, Kind)> + '_ {
        self.graph
            .outputs
            .iter()
            .map(|(name, id)| (name.as_str(), self.graph.nodes[*id].kind))
    }

    /// Output `k` on the last tick: one value per symbol and whether it is present (absent for
    /// symbols without a bar). Missing values hold NaN.
    pub fn output(&self, k: usize) -> (&[f64], &[bool]) {
        let column = &self.outputs[k];
        (&column.v, &column.ok)
    }

    fn check(&self, tick: &Tick<'_>) -> Result<(), TaError> {
        let n = self.symbols;
        let names = &self.graph.columns;
        if tick.columns.len() != names.len() {
            return Err(bad(format!(
                "a tick needs {} input column(s) ({}), got {}",
                names.len(),
                names.join(", "),
                tick.columns.len()
            )));
        }
        for (name, column) in names.iter().zip(tick.columns) {
            if column.len() != n {
                return Err(bad(format!(
                    "column '{name}' has {} values for {n} symbols",
                    column.len()
                )));
            }
        }
        if let Some(has_bar) = tick.has_bar {
            if has_bar.len() != n {
                return Err(bad(format!(
                    "has_bar has {} values for {n} symbols",
                    has_bar.len()
                )));
            }
        }
        if !self.needs_time() {
            return Ok(());
        }
        let time = |s: usize| match tick.times {
            Times::All(t) => Some(t),
            Times::Each(ts) => Some(ts[s]),
            Times::None => None,
        };
        match tick.times {
            Times::None => {
                return Err(bad(
                    "the plan reads higher timeframes: each tick needs its bars' instants",
                ))
            }
            Times::Each(ts) if ts.len() != n => {
                return Err(bad(format!("{} instants for {n} symbols", ts.len())))
            }
            _ => {}
        }
        for s in 0..n {
            if !tick.has_bar.is_none_or(|h| h[s]) {
                continue;
            }
            let t = time(s).unwrap_or_default();
            if t == i64::MIN {
                return Err(bad(format!("symbol {s}: its bar has no instant")));
            }
            if let Some(last) = self.last_time[s] {
                if t < last {
                    return Err(bad(format!(
                        "symbol {s}: a bar at {t} ns arrives after one at {last} ns (bars must \
                         come in time order)"
                    )));
                }
            }
        }
        Ok(())
    }

    /// Steps every symbol with a bar by one bar; the outputs are then readable with
    /// [`output`](Self::output). A tick that does not fit the plan is refused before anything
    /// changes.
    pub fn update(&mut self, tick: &Tick<'_>) -> Result<(), TaError> {
        self.check(tick)?;
        let n = self.symbols;
        match tick.has_bar {
            Some(has_bar) => self.active.copy_from_slice(has_bar),
            None => self.active.fill(true),
        }
        if self.needs_time() {
            self.step_higher(tick);
        }
        // The base bars.
        let base = &mut self.frames[0];
        for &(c, column) in &base.sources {
            let target = &mut base.columns[column];
            let slots = target.v.iter_mut().zip(target.ok.iter_mut());
            for ((v, ok), &x) in slots.zip(tick.columns[c]) {
                *v = x;
                *ok = !x.is_nan();
            }
        }
        for link in self.links.iter_mut().filter(|l| l.to == 0) {
            for s in 0..n {
                if self.active[s] {
                    link.advance(s, self.closes[s], &mut self.frames[0]);
                }
            }
        }
        self.frames[0].run(&self.active);
        for (out, &c) in self.outputs.iter_mut().zip(&self.output_cols) {
            let column = &self.frames[0].columns[c];
            let slots = out.v.iter_mut().zip(out.ok.iter_mut());
            let values = column.v.iter().zip(&column.ok).zip(&self.active);
            for ((v, ok), ((&x, &present), &active)) in slots.zip(values) {
                let shown = if active {
                    V { v: x, ok: present }
                } else {
                    NULL
                };
                *v = shown.v;
                *ok = shown.ok;
            }
        }
        Ok(())
    }

    /// Aggregates this tick's bars into the higher timeframes and steps each frame (coarsest
    /// first) once per bar completed.
    fn step_higher(&mut self, tick: &Tick<'_>) {
        let n = self.symbols;
        let shift = i64::from(self.graph.stamp == Stamp::Close);
        let base = self
            .graph
            .base
            .as_ref()
            .expect("plans with higher timeframes have a base bar length");
        for s in 0..n {
            if !self.active[s] {
                continue;
            }
            let t = match tick.times {
                Times::All(t) => t,
                Times::Each(ts) => ts[s],
                Times::None => 0,
            };
            let (start, end) = cached(&mut self.base_cache, base, t - shift);
            let (open, close) = match self.graph.stamp {
                Stamp::Open => (t, end),
                Stamp::Close => (start, t),
            };
            self.closes[s] = close;
            self.first_open[s].get_or_insert(open);
            self.last_time[s] = Some(t);
        }
        for higher in &mut self.higher {
            let spec = &self.graph.frames[higher.frame];
            let bucketing = spec.bucketing.as_ref().expect("higher frames bucket time");
            let sources = &self.frames[higher.frame].sources;
            for s in 0..n {
                higher.done[s].clear();
                if !self.active[s] {
                    continue;
                }
                let t = match tick.times {
                    Times::All(t) => t,
                    Times::Each(ts) => ts[s],
                    Times::None => 0,
                };
                let bucket = cached(&mut higher.cache, bucketing, t - shift);
                let bar = sources.iter().map(|&(c, _)| V::source(tick.columns[c][s]));
                bucket::step(
                    &mut higher.forming[s],
                    &higher.aggs,
                    bucket,
                    self.closes[s],
                    self.first_open[s].unwrap_or(i64::MIN),
                    bar,
                    &mut higher.done[s],
                );
            }
        }
        for h in 0..self.higher.len() {
            let f = self.higher[h].frame;
            let rounds = self.higher[h].done.iter().map(Vec::len).max().unwrap_or(0);
            for round in 0..rounds {
                let higher = &self.higher[h];
                let frame = &mut self.frames[f];
                for s in 0..n {
                    let bar = higher.done[s].get(round);
                    self.mask[s] = bar.is_some();
                    if let Some(bar) = bar {
                        self.ends[s] = bar.end;
                        for (k, &(_, c)) in frame.sources.iter().enumerate() {
                            frame.columns[c].set(s, bar.values[k]);
                        }
                    }
                }
                for link in self.links.iter_mut().filter(|l| l.to == f) {
                    for s in 0..n {
                        if self.mask[s] {
                            link.advance(s, self.ends[s], &mut self.frames[f]);
                        }
                    }
                }
                self.frames[f].run(&self.mask);
                for link in self.links.iter_mut().filter(|l| l.from == f) {
                    for s in 0..n {
                        if self.mask[s] {
                            link.push(s, self.ends[s], &self.frames[f]);
                        }
                    }
                }
            }
        }
    }

    /// Appends `count` fresh symbols (no history) at the end.
    pub fn add(&mut self, count: usize) {
        for frame in &mut self.frames {
            frame.add(count);
        }
        for higher in &mut self.higher {
            higher.forming.resize(higher.forming.len() + count, None);
            higher.done.resize_with(higher.done.len() + count, Vec::new);
        }
        for link in &mut self.links {
            link.add(count);
        }
        self.symbols += count;
        let n = self.symbols;
        self.first_open.resize(n, None);
        self.last_time.resize(n, None);
        for out in &mut self.outputs {
            out.v.resize(n, f64::NAN);
            out.ok.resize(n, false);
        }
        self.active.resize(n, true);
        self.mask.resize(n, false);
        self.closes.resize(n, 0);
        self.ends.resize(n, 0);
    }

    /// Drops symbol `index`; later symbols move down by one.
    pub fn remove(&mut self, index: usize) -> Result<(), TaError> {
        if index >= self.symbols {
            return Err(bad(format!(
                "no symbol at index {index} (the runner has {})",
                self.symbols
            )));
        }
        for frame in &mut self.frames {
            frame.remove(index);
        }
        for higher in &mut self.higher {
            higher.forming.remove(index);
            higher.done.remove(index);
        }
        for link in &mut self.links {
            link.remove(index);
        }
        self.symbols -= 1;
        self.first_open.remove(index);
        self.last_time.remove(index);
        for out in &mut self.outputs {
            out.v.remove(index);
            out.ok.remove(index);
        }
        for scratch in [&mut self.active, &mut self.mask] {
            scratch.remove(index);
        }
        self.closes.remove(index);
        self.ends.remove(index);
        Ok(())
    }
}

/// The bucket of `t`, reusing the last one when `t` falls in it.
#[inline]
fn cached(
    cache: &mut Option<(i64, i64)>,
    bucketing: &crate::timeframe::Bucketing,
    t: i64,
) -> (i64, i64) {
    if let Some((start, end)) = *cache {
        if start <= t && t < end {
            return (start, end);
        }
    }
    let found = bucketing.bucket(t);
    *cache = Some(found);
    found
}

#[cfg(test)]
mod tests;
