//! Panels: one indicator over many symbols, stepped tick by tick with one call.

use crate::catalog::IndicatorSpec;
use crate::kernel::{bar_is_complete, Indicator, PanelStream, Stream, MAX_INPUTS, MAX_OUTPUTS};
use crate::params::Params;
use crate::TaError;

/// The state machines of a panel, one per symbol, side by side in one vector (no per-symbol
/// indirection); a tick steps each in symbol order, with the same rule for incomplete bars
/// as the batch fold and single streams, so symbol `s` gives the bits a stream of its own
/// would.
#[derive(Debug, Clone)]
pub struct Panel<I> {
    fresh: I,
    states: Vec<I>,
}

impl<I: Indicator> Panel<I> {
    pub fn new(fresh: I, symbols: usize) -> Self {
        Panel {
            states: vec![fresh.clone(); symbols],
            fresh,
        }
    }
}

impl<I: crate::kernel::Snapshot> PanelStream for Panel<I> {
    fn symbols(&self) -> usize {
        self.states.len()
    }

    fn update(
        &mut self,
        inputs: &[&[f64]],
        has_bar: Option<&[bool]>,
        outputs: &mut [&mut [f64]],
        ready: &mut [bool],
    ) {
        #[cfg(target_arch = "x86_64")]
        if I::FUSED && std::arch::is_x86_feature_detected!("fma") {
            // SAFETY: the CPU has FMA, the one feature `update_fma` is compiled for.
            #[allow(unsafe_code)]
            return unsafe { update_fma(&mut self.states, inputs, has_bar, outputs, ready) };
        }
        update_inline(&mut self.states, inputs, has_bar, outputs, ready);
    }

    fn add(&mut self, count: usize) {
        self.states
            .extend(std::iter::repeat_n(&self.fresh, count).cloned());
    }

    fn remove(&mut self, index: usize) {
        if index < self.states.len() {
            self.states.remove(index);
        }
    }

    fn symbol(&self, index: usize) -> Option<Box<dyn Stream>> {
        self.states
            .get(index)
            .map(|state| Box::new(state.clone()) as Box<dyn Stream>)
    }

    fn assign_symbol(&mut self, index: usize, state: &dyn Stream) -> bool {
        match (
            self.states.get_mut(index),
            state.as_any().downcast_ref::<I>(),
        ) {
            (Some(slot), Some(state)) => {
                slot.clone_from(state);
                true
            }
            _ => false,
        }
    }
}

/// The tick compiled for CPUs with FMA (as the batch fold is): state machines that fuse
/// multiply-adds get one instruction each instead of a call, with the same bits.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "fma")]
#[allow(unsafe_code)]
unsafe fn update_fma<I: Indicator>(
    states: &mut [I],
    inputs: &[&[f64]],
    has_bar: Option<&[bool]>,
    outputs: &mut [&mut [f64]],
    ready: &mut [bool],
) {
    update_inline(states, inputs, has_bar, outputs, ready);
}

/// One tick: each symbol's state machine steps with its bar (see [`PanelStream::update`]).
#[inline(always)]
fn update_inline<I: Indicator>(
    states: &mut [I],
    inputs: &[&[f64]],
    has_bar: Option<&[bool]>,
    outputs: &mut [&mut [f64]],
    ready: &mut [bool],
) {
    let mut out = [f64::NAN; MAX_OUTPUTS];
    for (s, state) in states.iter_mut().enumerate() {
        let bar: [f64; MAX_INPUTS] =
            std::array::from_fn(|k| inputs.get(k).map_or(0.0, |column| column[s]));
        let bar = &bar[..I::INPUTS];
        let given = has_bar.is_none_or(|h| h[s]);
        let complete = given && bar_is_complete(bar);
        let stepped = complete && state.step(bar, &mut out[..I::OUTPUTS]);
        if given && !complete {
            state.skip(bar);
        }
        ready[s] = stepped;
        for (series, &v) in outputs.iter_mut().zip(&out[..I::OUTPUTS]) {
            series[s] = if stepped { v } else { f64::NAN };
        }
    }
}

/// A panel of one indicator over `symbols` symbols, checked at its boundary: the catalog
/// entry, its parameters, and the lengths of every tick's arrays.
#[derive(Debug)]
pub struct LivePanel {
    spec: &'static IndicatorSpec,
    params: Params,
    inner: Box<dyn PanelStream>,
    ready: Vec<bool>,
}

impl LivePanel {
    pub fn new(
        spec: &'static IndicatorSpec,
        values: &[f64],
        symbols: usize,
    ) -> Result<Self, TaError> {
        let params = spec.params(values)?;
        let inner = spec.stream(params.values())?.panel(symbols);
        Ok(LivePanel {
            spec,
            params,
            inner,
            ready: vec![false; symbols],
        })
    }

    pub fn spec(&self) -> &'static IndicatorSpec {
        self.spec
    }

    pub fn values(&self) -> &[f64] {
        self.params.values()
    }

    pub fn symbols(&self) -> usize {
        self.inner.symbols()
    }

    /// Which symbols gave an output on the last tick.
    pub fn ready(&self) -> &[bool] {
        &self.ready
    }

    /// One tick: `inputs` are the input series in catalog order, one value per symbol;
    /// `has_bar` (when given) marks the symbols with a bar this tick (the others keep their
    /// state and give nothing); `outputs` receives one value per symbol per output (NaN where
    /// nothing is ready).
    pub fn update(
        &mut self,
        inputs: &[&[f64]],
        has_bar: Option<&[bool]>,
        outputs: &mut [&mut [f64]],
    ) -> Result<(), TaError> {
        let n = self.inner.symbols();
        let arity = |what: &'static str, expected: usize, got: usize| TaError::Arity {
            indicator: self.spec.name.to_string(),
            what,
            expected,
            got,
        };
        if inputs.len() != self.spec.inputs.len() {
            return Err(arity("input arrays", self.spec.inputs.len(), inputs.len()));
        }
        if outputs.len() != self.spec.outputs.len() {
            return Err(arity(
                "output arrays",
                self.spec.outputs.len(),
                outputs.len(),
            ));
        }
        let lengths = inputs
            .iter()
            .map(|c| c.len())
            .chain(has_bar.map(<[bool]>::len))
            .chain(outputs.iter().map(|c| c.len()));
        for got in lengths {
            if got != n {
                return Err(TaError::LengthMismatch {
                    indicator: self.spec.name.to_string(),
                    expected: n,
                    got,
                });
            }
        }
        self.ready.resize(n, false);
        self.inner.update(inputs, has_bar, outputs, &mut self.ready);
        Ok(())
    }

    /// Appends `count` fresh symbols at the end.
    pub fn add(&mut self, count: usize) {
        self.inner.add(count);
        self.ready.resize(self.inner.symbols(), false);
    }

    /// Drops symbol `index`; later symbols move down by one.
    pub fn remove(&mut self, index: usize) -> Result<(), TaError> {
        let n = self.inner.symbols();
        if index >= n {
            return Err(TaError::InvalidState {
                indicator: self.spec.name.to_string(),
                message: format!("no symbol at index {index} (the panel has {n})"),
            });
        }
        self.inner.remove(index);
        self.ready.remove(index);
        Ok(())
    }

    /// Symbol `index`'s state as a live stream of its own (a copy).
    pub fn symbol(&self, index: usize) -> Option<Box<dyn Stream>> {
        self.inner.symbol(index)
    }
}
