//! The catalog: the one list of indicators with everything adapters need to know.

mod json;

pub use json::{catalog_json, FORMAT_VERSION};

use std::sync::OnceLock;

use serde::Serialize;

use crate::kernel::{fold_groups, Batch, Chunks, Indicator, Snapshot, Stream};
use crate::params::{ParamInput, ParamSpec, Params};
use crate::TaError;

/// Function groups: TA-Lib's, then ours for the entries TA-Lib does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Overlap,
    Momentum,
    Volatility,
    Volume,
    Statistic,
    Price,
    Cycle,
    MathTransform,
    MathOperator,
    Pattern,
    /// Ours: stateful building blocks of trading rules (lags, crossings, positions).
    Signal,
    /// Ours: indicators anchored to sessions or events through a reset series (anchored
    /// VWAP, pivot points, the previous period's levels, the opening range).
    Session,
    /// Ours: published indicators no TA-Lib version has (rolling VWAP, Ulcer Index, Laguerre
    /// RSI, Chandelier Exit).
    Extra,
}

impl Group {
    pub const fn as_str(self) -> &'static str {
        match self {
            Group::Overlap => "overlap",
            Group::Momentum => "momentum",
            Group::Volatility => "volatility",
            Group::Volume => "volume",
            Group::Statistic => "statistic",
            Group::Price => "price",
            Group::Cycle => "cycle",
            Group::MathTransform => "math_transform",
            Group::MathOperator => "math_operator",
            Group::Pattern => "pattern",
            Group::Signal => "signal",
            Group::Session => "session",
            Group::Extra => "extra",
        }
    }

    /// TA-Lib's name for the group (`talib.get_function_groups()`); `None` for our own groups.
    pub const fn talib_name(self) -> Option<&'static str> {
        Some(match self {
            Group::Overlap => "Overlap Studies",
            Group::Momentum => "Momentum Indicators",
            Group::Volatility => "Volatility Indicators",
            Group::Volume => "Volume Indicators",
            Group::Statistic => "Statistic Functions",
            Group::Price => "Price Transform",
            Group::Cycle => "Cycle Indicators",
            Group::MathTransform => "Math Transform",
            Group::MathOperator => "Math Operators",
            Group::Pattern => "Pattern Recognition",
            Group::Signal | Group::Session | Group::Extra => return None,
        })
    }
}

/// Where an entry's definition comes from: what its values are checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// A TA-Lib function (TA-Lib 0.8.1's, or one 0.8.3 added): TA-Lib's outputs are the
    /// reference, and the entry carries TA-Lib's names.
    Talib,
    /// Defined here, not in TA-Lib: the rules in the entry's documentation are the reference
    /// (the tests check it against an independent implementation of them). It has no TA-Lib
    /// name and belongs to one of our groups.
    Laakhay,
}

impl Origin {
    pub const fn as_str(self) -> &'static str {
        match self {
            Origin::Talib => "talib",
            Origin::Laakhay => "laakhay",
        }
    }
}

/// An input series. OHLCV inputs default to the column of that name; `Real*` are free series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Input {
    Open,
    High,
    Low,
    Close,
    Volume,
    /// Any single series (TA-Lib `real`).
    Real,
    /// First of two free series (TA-Lib `real0`).
    Real0,
    /// Second of two free series (TA-Lib `real1`).
    Real1,
    /// A per-bar period (TA-Lib MAVP's `periods`). No entry uses it yet.
    Periods,
    /// A boolean series that restarts the state where true. No entry uses it yet.
    Reset,
    /// Open a long position on this bar (a boolean as 0/1).
    LongEntry,
    /// Close a long position on this bar (a boolean as 0/1).
    LongExit,
    /// Open a short position on this bar (a boolean as 0/1).
    ShortEntry,
    /// Close a short position on this bar (a boolean as 0/1).
    ShortExit,
    /// The bar lies inside a time window, e.g. a session's first 30 minutes (a boolean as
    /// 0/1).
    Window,
}

/// What an input series is to an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputRole {
    /// A bar field (open, high, low, close, volume), defaulting to the column of that name.
    Price,
    /// Any series the caller picks (TA-Lib `real`, `real0`, `real1`).
    Free,
    /// A per-bar parameter, e.g. TA-Lib MAVP's `periods`.
    PeriodSeries,
    /// A boolean series whose true bars restart the state (an anchor).
    Reset,
    /// A boolean series, as 0/1 (any non-zero number is true), that tells a state machine
    /// what to do on a bar (enter, exit, include it in a window).
    Signal,
}

impl InputRole {
    /// True for the roles that read a Boolean series as 0/1 (signals, anchors): adapters
    /// accept Boolean columns for them.
    pub const fn takes_booleans(self) -> bool {
        matches!(self, InputRole::Signal | InputRole::Reset)
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            InputRole::Price => "price",
            InputRole::Free => "free",
            InputRole::PeriodSeries => "period_series",
            InputRole::Reset => "reset",
            InputRole::Signal => "signal",
        }
    }
}

impl Input {
    pub const fn role(self) -> InputRole {
        match self {
            Input::Open | Input::High | Input::Low | Input::Close | Input::Volume => {
                InputRole::Price
            }
            Input::Real | Input::Real0 | Input::Real1 => InputRole::Free,
            Input::Periods => InputRole::PeriodSeries,
            Input::Reset => InputRole::Reset,
            Input::LongEntry
            | Input::LongExit
            | Input::ShortEntry
            | Input::ShortExit
            | Input::Window => InputRole::Signal,
        }
    }

    /// True for the bar fields open, high, low, close and volume.
    pub const fn is_ohlcv(self) -> bool {
        matches!(self.role(), InputRole::Price)
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Input::Open => "open",
            Input::High => "high",
            Input::Low => "low",
            Input::Close => "close",
            Input::Volume => "volume",
            Input::Real => "real",
            Input::Real0 => "real0",
            Input::Real1 => "real1",
            Input::Periods => "periods",
            Input::Reset => "reset",
            Input::LongEntry => "long_entry",
            Input::LongExit => "long_exit",
            Input::ShortEntry => "short_entry",
            Input::ShortExit => "short_exit",
            Input::Window => "window",
        }
    }
}

/// Where a chart draws an output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pane {
    /// On the price chart (same scale as the input).
    Price,
    /// In a pane of its own.
    Own,
}

impl Pane {
    pub const fn as_str(self) -> &'static str {
        match self {
            Pane::Price => "price",
            Pane::Own => "own",
        }
    }
}

/// How a chart draws an output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Style {
    Line,
    DashedLine,
    Histogram,
    /// A line that marks an upper (or lower) limit, e.g. a band.
    Band,
    /// Points rather than a joined line (e.g. parabolic SAR).
    Dots,
}

impl Style {
    pub const fn as_str(self) -> &'static str {
        match self {
            Style::Line => "line",
            Style::DashedLine => "dashed_line",
            Style::Histogram => "histogram",
            Style::Band => "band",
            Style::Dots => "dots",
        }
    }
}

/// Element type of an output column.
/// Serialised under its Polars name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Dtype {
    Float64,
    Int32,
    /// True/false (crossings); computed as 1/0.
    Boolean,
}

impl Dtype {
    /// The Polars name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Dtype::Float64 => "Float64",
            Dtype::Int32 => "Int32",
            Dtype::Boolean => "Boolean",
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct OutputSpec {
    /// Our field name (snake_case).
    pub name: &'static str,
    /// TA-Lib's output name; `None` for our own entries' outputs.
    pub talib_name: Option<&'static str>,
    pub dtype: Dtype,
    pub pane: Pane,
    pub style: Style,
    /// Bars a chart draws the value ahead (positive) or behind (negative) of the bar it is
    /// computed on, e.g. Ichimoku's spans; 0 for all entries today.
    pub display_shift: i32,
    /// Bars after which a value is final (it may still change until then); 0 for all entries
    /// today.
    pub confirmation_lag: usize,
    /// Outputs of different entries that belong in one pane share this name (ADX with
    /// +DI/-DI).
    pub pane_group: Option<&'static str>,
    /// The parameter whose value is how many bars before the reporting bar the reported event
    /// happened (a swing pivot is known `right_bars` after its bar): charts draw the value
    /// there; computations see it only where it is reported. `None`: on the bar itself.
    pub event_lag_param: Option<&'static str>,
}

impl OutputSpec {
    pub const fn new(
        name: &'static str,
        talib_name: &'static str,
        pane: Pane,
        style: Style,
    ) -> Self {
        OutputSpec {
            name,
            talib_name: Some(talib_name),
            dtype: Dtype::Float64,
            pane,
            style,
            display_shift: 0,
            confirmation_lag: 0,
            pane_group: None,
            event_lag_param: None,
        }
    }

    /// An output of one of our own entries (no TA-Lib name).
    pub const fn own(name: &'static str, pane: Pane, style: Style) -> Self {
        let mut spec = OutputSpec::new(name, "", pane, style);
        spec.talib_name = None;
        spec
    }

    pub const fn in_pane_group(mut self, group: &'static str) -> Self {
        self.pane_group = Some(group);
        self
    }

    /// An output of whole numbers (pattern signals, row indices), TA-Lib's integer outputs.
    pub const fn integer(mut self) -> Self {
        self.dtype = Dtype::Int32;
        self
    }

    /// A true/false output (computed as 1/0).
    pub const fn boolean(mut self) -> Self {
        self.dtype = Dtype::Boolean;
        self
    }

    /// Drawn `bars` ahead (positive) or behind (negative) of the bar it is computed on.
    pub const fn shifted(mut self, bars: i32) -> Self {
        self.display_shift = bars;
        self
    }

    /// Reports an event that happened as many bars earlier as parameter `param` says.
    pub const fn reported_after(mut self, param: &'static str) -> Self {
        self.event_lag_param = Some(param);
        self
    }

    /// Final only `bars` bars after the bar it is reported on.
    pub const fn confirmed_after(mut self, bars: usize) -> Self {
        self.confirmation_lag = bars;
        self
    }
}

/// Two outputs of an entry a chart fills the area between (e.g. Bollinger's bands).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Fill {
    pub upper: &'static str,
    pub lower: &'static str,
}

/// Facts about an indicator that users and planners care about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Values depend on the bar the series starts at (recursive smoothing, or a path such
    /// as SAR's); more history converges to the same numbers. A superset of TA-Lib's
    /// "unstable period" flag: DEMA, TEMA, MACD, ADXR, ... are recursive too.
    UnstablePeriod,
    /// Output is a running total over the whole history (OBV, AD).
    Cumulative,
    /// Each output row depends on that row's inputs alone (math transforms, operators):
    /// adapters may split the series anywhere (Polars registers it elementwise).
    Elementwise,
    /// Values restart at each anchor: a bar whose `reset` input is true (and the series'
    /// first bar) starts a new period, as does the first bar of a `window`, so the warm-up
    /// depends on where the anchors fall.
    Anchored,
    /// Only the bars that report an event have a value (a swing pivot, on the bar that
    /// confirms it); every other row is missing, so the first value's row depends on the data.
    Events,
}

impl Flag {
    pub const fn as_str(self) -> &'static str {
        match self {
            Flag::UnstablePeriod => "unstable_period",
            Flag::Cumulative => "cumulative",
            Flag::Elementwise => "elementwise",
            Flag::Anchored => "anchored",
            Flag::Events => "events",
        }
    }
}

/// What an indicator does with a bar whose inputs are not all present. One rule today; kept
/// as metadata so each entry states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingData {
    /// The bar is skipped by the state machine and its output is missing: the result equals
    /// computing on the series without that bar, with a missing value put back in its place.
    SkipBar,
}

impl MissingData {
    pub const fn as_str(self) -> &'static str {
        match self {
            MissingData::SkipBar => "skip_bar",
        }
    }
}

type BatchFn = fn(&Params, &[Chunks<'_>], Option<&[bool]>, &[usize]) -> Result<Batch, TaError>;
type StreamFn = fn(&Params) -> Result<Box<dyn Stream>, TaError>;
type LookbackFn = fn(&Params) -> Result<usize, TaError>;
type RestoreFn = fn(&Params, &[u8]) -> Result<Box<dyn Stream>, TaError>;

/// The entry points of one indicator, monomorphised over its state machine.
#[derive(Clone, Copy)]
pub struct Kernel {
    batch: BatchFn,
    stream: StreamFn,
    lookback: LookbackFn,
    restore: RestoreFn,
}

impl std::fmt::Debug for Kernel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Kernel")
    }
}

fn batch_of<I: Indicator>(
    p: &Params,
    inputs: &[Chunks<'_>],
    present: Option<&[bool]>,
    group_starts: &[usize],
) -> Result<Batch, TaError> {
    Ok(fold_groups(
        I::from_params(p)?,
        inputs,
        present,
        group_starts,
    ))
}

fn stream_of<I: Snapshot>(p: &Params) -> Result<Box<dyn Stream>, TaError> {
    Ok(Box::new(I::from_params(p)?))
}

fn lookback_of<I: Indicator>(p: &Params) -> Result<usize, TaError> {
    Ok(I::from_params(p)?.lookback())
}

/// The kernel entry points for state machine `I`.
pub const fn kernel<I: Snapshot>() -> Kernel {
    Kernel {
        batch: batch_of::<I>,
        stream: stream_of::<I>,
        lookback: lookback_of::<I>,
        restore: crate::execution::snapshot::decode_state::<I>,
    }
}

/// One catalog entry.
#[derive(Debug, Clone, Copy)]
pub struct IndicatorSpec {
    /// Our name (snake_case); the Python function and DSL name.
    pub name: &'static str,
    /// TA-Lib's function name; `None` for our own entries.
    pub talib_name: Option<&'static str>,
    /// Whose definition the entry follows (TA-Lib's or ours).
    pub origin: Origin,
    pub group: Group,
    /// One line: what it measures.
    pub summary: &'static str,
    pub inputs: &'static [Input],
    pub params: &'static [ParamSpec],
    pub outputs: &'static [OutputSpec],
    pub flags: &'static [Flag],
    pub missing_data: MissingData,
    /// Where and why it departs from TA-Lib 0.8 (texts in [`deviations`]).
    pub deviations: &'static [&'static str],
    /// Horizontal reference lines a chart draws in the entry's pane (RSI 30/70, ...).
    pub levels: &'static [f64],
    /// Output pairs to fill between.
    pub fills: &'static [Fill],
    /// Adapters' keywords for the inputs when the defaults of [`crate::naming::input_keyword`]
    /// do not fit (BETA's market and asset).
    pub input_keywords: Option<&'static [&'static str]>,
    /// The full rules, where the summary cannot hold them (our own entries, e.g. a position's
    /// state transitions); adapters show them with the summary.
    pub details: Option<&'static str>,
    pub kernel: Kernel,
}

impl IndicatorSpec {
    /// A TA-Lib function's entry, without flags, that skips incomplete bars; see the `with_*`
    /// methods for the rest.
    #[allow(clippy::too_many_arguments)]
    pub const fn new(
        name: &'static str,
        talib_name: &'static str,
        group: Group,
        summary: &'static str,
        inputs: &'static [Input],
        params: &'static [ParamSpec],
        outputs: &'static [OutputSpec],
        kernel: Kernel,
    ) -> Self {
        IndicatorSpec {
            name,
            talib_name: Some(talib_name),
            origin: Origin::Talib,
            group,
            summary,
            inputs,
            params,
            outputs,
            flags: &[],
            missing_data: MissingData::SkipBar,
            deviations: &[],
            levels: &[],
            fills: &[],
            input_keywords: None,
            details: None,
            kernel,
        }
    }

    /// One of our own entries (no TA-Lib name; `group` is one of ours), as [`Self::new`] makes
    /// TA-Lib's.
    pub const fn laakhay(
        name: &'static str,
        group: Group,
        summary: &'static str,
        inputs: &'static [Input],
        params: &'static [ParamSpec],
        outputs: &'static [OutputSpec],
        kernel: Kernel,
    ) -> Self {
        let mut spec =
            IndicatorSpec::new(name, "", group, summary, inputs, params, outputs, kernel);
        spec.talib_name = None;
        spec.origin = Origin::Laakhay;
        spec
    }

    pub const fn with_input_keywords(mut self, keywords: &'static [&'static str]) -> Self {
        self.input_keywords = Some(keywords);
        self
    }

    pub const fn with_details(mut self, details: &'static str) -> Self {
        self.details = Some(details);
        self
    }

    pub const fn with_flags(mut self, flags: &'static [Flag]) -> Self {
        self.flags = flags;
        self
    }

    pub const fn with_levels(mut self, levels: &'static [f64]) -> Self {
        self.levels = levels;
        self
    }

    pub const fn with_fills(mut self, fills: &'static [Fill]) -> Self {
        self.fills = fills;
        self
    }

    pub const fn with_deviations(mut self, deviations: &'static [&'static str]) -> Self {
        self.deviations = deviations;
        self
    }

    /// Validates parameter values given in catalog order.
    pub fn params(&self, values: &[f64]) -> Result<Params, TaError> {
        Params::validate(self.name, self.params, values)
    }

    /// Validates parameters given by name (ours, or TA-Lib's in any case); the rest take
    /// their defaults.
    pub fn resolve_params(&self, given: &[(&str, ParamInput<'_>)]) -> Result<Params, TaError> {
        let params = Params::resolve(self.name, self.params, given)?;
        // Building the state machine checks what ranges alone cannot (MAVP's min <= max,
        // FRAMA's even period), so such errors surface when the call is written.
        (self.kernel.lookback)(&params)?;
        Ok(params)
    }

    /// Bars consumed before the first output, for these parameters.
    pub fn lookback(&self, values: &[f64]) -> Result<usize, TaError> {
        (self.kernel.lookback)(&self.params(values)?)
    }

    /// Runs the batch kernel. `present` marks rows whose inputs are all present.
    pub fn run(
        &self,
        values: &[f64],
        inputs: &[&[f64]],
        present: Option<&[bool]>,
    ) -> Result<Batch, TaError> {
        let chunked: Vec<[&[f64]; 1]> = inputs.iter().map(|s| [*s]).collect();
        let columns: Vec<Chunks<'_>> = chunked.iter().map(|c| c.as_slice()).collect();
        self.run_chunked(values, &columns, present)
    }

    /// Runs the batch kernel on inputs stored in chunks (chunk boundaries may differ between
    /// inputs); nothing is copied.
    pub fn run_chunked(
        &self,
        values: &[f64],
        inputs: &[Chunks<'_>],
        present: Option<&[bool]>,
    ) -> Result<Batch, TaError> {
        self.run_groups(values, inputs, present, &[])
    }

    /// Runs the batch kernel over consecutive groups (e.g. symbols in a panel sorted by
    /// symbol): the state starts afresh at each row of `group_starts` (ascending).
    pub fn run_groups(
        &self,
        values: &[f64],
        inputs: &[Chunks<'_>],
        present: Option<&[bool]>,
        group_starts: &[usize],
    ) -> Result<Batch, TaError> {
        let params = self.params(values)?;
        let len = self.check_inputs(inputs, present)?;
        if group_starts.windows(2).any(|w| w[0] >= w[1])
            || group_starts.last().is_some_and(|&g| g >= len.max(1))
        {
            return Err(TaError::InvalidGroups {
                indicator: self.name.to_string(),
            });
        }
        (self.kernel.batch)(&params, inputs, present, group_starts)
    }

    /// Checks the number of input series and that they (and `present`) have one length,
    /// which it returns.
    pub fn check_inputs(
        &self,
        inputs: &[Chunks<'_>],
        present: Option<&[bool]>,
    ) -> Result<usize, TaError> {
        if inputs.len() != self.inputs.len() {
            return Err(TaError::Arity {
                indicator: self.name.to_string(),
                what: "input series",
                expected: self.inputs.len(),
                got: inputs.len(),
            });
        }
        let length = |c: &Chunks<'_>| c.iter().map(|s| s.len()).sum::<usize>();
        let len = inputs.first().map_or(0, length);
        for other in inputs.iter().map(length).chain(present.map(|p| p.len())) {
            if other != len {
                return Err(TaError::LengthMismatch {
                    indicator: self.name.to_string(),
                    expected: len,
                    got: other,
                });
            }
        }
        Ok(len)
    }

    /// A fresh bar-by-bar state machine.
    pub fn stream(&self, values: &[f64]) -> Result<Box<dyn Stream>, TaError> {
        (self.kernel.stream)(&self.params(values)?)
    }

    /// A state machine restored from its serialized state (see [`crate::execution::snapshot`]).
    pub fn restore(&self, params: &Params, state: &[u8]) -> Result<Box<dyn Stream>, TaError> {
        (self.kernel.restore)(params, state)
    }

    /// Default parameter values in catalog order.
    pub fn default_values(&self) -> Vec<f64> {
        self.params.iter().map(|p| p.default).collect()
    }

    pub fn has_flag(&self, flag: Flag) -> bool {
        self.flags.contains(&flag)
    }

    /// Where and why this indicator deliberately departs from TA-Lib 0.8 (empty: nowhere).
    pub fn deviations(&self) -> Vec<&'static str> {
        self.deviations.to_vec()
    }
}

/// Deliberate departures from TA-Lib 0.8, shared by the entries they concern. Kept next to
/// the catalog, so the Python docs, `ta.info()` and the README all state the same thing.
pub mod deviations {
    pub const INDEX_WITHIN_SERIES: &str =
        "The index counts the rows the indicator used, from 0 at the start of the series (or \
         of each by= group): TA-Lib's absolute row when no earlier row is missing.";
    pub const FLAGGED_UNSTABLE: &str =
        "Flagged unstable_period although TA-Lib does not flag it: its values depend on the bar \
         the series starts at (recursive smoothing or a path), which is what the flag means here.";
}

/// Every indicator, in catalog order (TA-Lib's functions grouped as TA-Lib groups them, then
/// our own).
pub fn catalog() -> &'static [&'static IndicatorSpec] {
    static CATALOG: OnceLock<Vec<&'static IndicatorSpec>> = OnceLock::new();
    CATALOG.get_or_init(|| crate::indicators::all().collect())
}

/// Looks an indicator up by our name or TA-Lib's (case-insensitive).
pub fn find(name: &str) -> Result<&'static IndicatorSpec, TaError> {
    catalog()
        .iter()
        .copied()
        .find(|s| {
            s.name.eq_ignore_ascii_case(name)
                || s.talib_name.is_some_and(|t| t.eq_ignore_ascii_case(name))
        })
        .ok_or_else(|| TaError::UnknownIndicator {
            name: name.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_bar_fields_or_free_series() {
        assert!(Input::Close.is_ohlcv() && Input::Volume.is_ohlcv());
        assert_eq!(Input::Real0.role(), InputRole::Free);
        for spec in catalog() {
            for input in spec.inputs {
                assert_eq!(
                    input.role() == InputRole::Free,
                    input.as_str().starts_with("real")
                );
            }
        }
    }

    #[test]
    fn plot_hints_name_real_outputs() {
        for spec in catalog() {
            let names: Vec<_> = spec.outputs.iter().map(|o| o.name).collect();
            for fill in spec.fills {
                assert!(names.contains(&fill.upper) && names.contains(&fill.lower));
            }
            // An event lag is a whole-number parameter of the entry.
            for lag in spec.outputs.iter().filter_map(|o| o.event_lag_param) {
                let param = spec.params.iter().find(|p| p.name == lag);
                assert!(
                    param.is_some_and(|p| p.kind == crate::params::ParamKind::Int),
                    "{}: event lag {lag}",
                    spec.name
                );
            }
        }
        assert_eq!(find("rsi").unwrap().levels, [30.0, 70.0]);
        let group = |name| find(name).unwrap().outputs[0].pane_group;
        assert_eq!(group("adx"), Some("directional"));
        assert_eq!(group("plus_di"), group("minus_di"));
        assert_eq!(Input::Periods.role(), InputRole::PeriodSeries);
        assert_eq!(Input::Reset.role(), InputRole::Reset);
    }

    #[test]
    fn only_talib_entries_carry_talib_names() {
        for spec in catalog() {
            let talib = spec.origin == Origin::Talib;
            assert_eq!(spec.talib_name.is_some(), talib, "{}", spec.name);
            assert_eq!(spec.group.talib_name().is_some(), talib, "{}", spec.name);
            for output in spec.outputs {
                assert_eq!(output.talib_name.is_some(), talib, "{}", spec.name);
            }
        }
        let own: Vec<_> = catalog()
            .iter()
            .filter(|s| s.origin == Origin::Laakhay)
            .map(|s| s.name)
            .collect();
        assert_eq!(
            own,
            [
                "lag",
                "crosses_above",
                "crosses_below",
                "crosses",
                "position",
                "anchored_vwap",
                "pivot_points",
                "prev_levels",
                "opening_range",
                "demark_pivots",
                "window_range",
                "volume_profile",
                "rolling_vwap",
                "ulcer_index",
                "laguerre_rsi",
                "chandelier_exit",
                "pivot_high",
                "pivot_low",
                "ttm_squeeze",
                "td_sequential"
            ]
        );
        // Our entries come after TA-Lib's; an empty name finds nothing.
        let first_own = catalog().iter().position(|s| s.origin == Origin::Laakhay);
        assert!(catalog()[first_own.unwrap()..]
            .iter()
            .all(|s| s.origin == Origin::Laakhay));
        assert!(find("").is_err());
        assert_eq!(find("LAG").unwrap().name, "lag");
        assert_eq!(find("MAX").unwrap().talib_name, Some("MAX"));
    }

    #[test]
    fn signal_inputs_have_their_own_role() {
        for input in [
            Input::LongEntry,
            Input::LongExit,
            Input::ShortEntry,
            Input::ShortExit,
        ] {
            assert_eq!(input.role(), InputRole::Signal);
            assert!(!input.is_ohlcv());
        }
        let position = find("position").unwrap();
        let names: Vec<_> = position.inputs.iter().map(|i| i.as_str()).collect();
        assert_eq!(
            names,
            ["long_entry", "long_exit", "short_entry", "short_exit"]
        );
    }

    #[test]
    fn deviations_live_on_their_entries() {
        let dema = find("dema").unwrap().deviations();
        assert_eq!(dema, [deviations::FLAGGED_UNSTABLE]);
        assert!(find("sma").unwrap().deviations().is_empty());
    }
}
