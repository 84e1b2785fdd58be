//! The plan document (the DSL's `plan.ir`) read and checked: every node's operation, the kind
//! of value it holds (as the batch plan's Polars dtype) and the frame (timeframe) it runs in.
//!
//! A malformed document (unknown operation, a child that comes later, a wrong kind of
//! argument, a node reading a finer timeframe, ...) or an unknown indicator is refused with a
//! [`TaError`]; nothing here panics on input.

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

use crate::catalog::{find, Dtype, IndicatorSpec};
use crate::params::{ParamInput, Params};
use crate::timeframe::{Bucketing, Duration};
use crate::TaError;

use super::ops::{Arith, Cmp};

/// The plan format version this runner reads.
pub(crate) const IR_VERSION: u64 = 1;

/// A JSON object read as its entries in document order.
struct Ordered<T>(Vec<(String, T)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Ordered<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Entries<T> {
            type Value = Ordered<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered<T>, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Ordered(entries))
            }
        }
        deserializer.deserialize_map(Entries(std::marker::PhantomData))
    }
}

#[derive(Deserialize)]
struct RawDoc {
    version: u64,
    nodes: Vec<RawNode>,
    outputs: Ordered<usize>,
    #[serde(default)]
    options: RawOptions,
}

#[derive(Deserialize, Default)]
struct RawOptions {
    #[serde(default)]
    base: Option<String>,
    #[serde(default)]
    stamp: Option<String>,
    #[serde(default)]
    tz: Option<String>,
    #[serde(default)]
    session_offset: Option<String>,
}

#[derive(Deserialize)]
struct RawNode {
    id: usize,
    op: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    args: Vec<usize>,
    #[serde(default)]
    timeframe: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    params: Option<Ordered<Value>>,
    #[serde(default)]
    value: Option<Value>,
    #[serde(default)]
    operator: Option<String>,
}

/// What a node's values are, as the batch plan's column dtype.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Float,
    /// Whole numbers (Int32: pattern signals, indices).
    Int,
    Bool,
    /// A multi-output call with this many outputs, read through field nodes only.
    Struct(usize),
}

impl Kind {
    pub(crate) fn numeric(self) -> bool {
        matches!(self, Kind::Float | Kind::Int)
    }

    /// The Polars dtype name of a column of this kind.
    pub fn dtype(self) -> &'static str {
        match self {
            Kind::Float | Kind::Struct(_) => "Float64",
            Kind::Int => "Int32",
            Kind::Bool => "Boolean",
        }
    }
}

/// A price derived from bar fields, as the batch computes it (`(high + low) / 2.0`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Derived {
    Hl2,
    Hlc3,
    Ohlc4,
}

impl Derived {
    fn parts(self) -> &'static [&'static str] {
        match self {
            Derived::Hl2 => &["high", "low"],
            Derived::Hlc3 => &["high", "low", "close"],
            Derived::Ohlc4 => &["open", "high", "low", "close"],
        }
    }
}

/// How a call's output is turned into the batch column's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Conv {
    Float,
    /// Int32: truncated as the plugin's `as i32` does.
    Int,
    /// Boolean: any nonzero value is true.
    Bool,
}

#[derive(Debug, Clone)]
pub(crate) enum Op {
    /// A raw input column (index into [`Graph::columns`]).
    Column(usize),
    /// A derived price from raw columns (indices into [`Graph::columns`]).
    Derived(Derived, Vec<usize>),
    Const(f64),
    Call {
        spec: &'static IndicatorSpec,
        params: Params,
        conv: Vec<Conv>,
    },
    Field(usize),
    Neg,
    Not,
    Arith(Arith),
    Cmp(Cmp),
    And,
    Or,
    IfElse,
    Nz,
    Abs,
    Min,
    Max,
}

#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub op: Op,
    pub args: Vec<usize>,
    /// Index into [`Graph::frames`] (0: the base bars). Constants belong to no frame; they
    /// have 0 here and are used as values wherever they are read.
    pub frame: usize,
    pub kind: Kind,
}

impl Node {
    pub fn is_const(&self) -> bool {
        matches!(self.op, Op::Const(_))
    }
}

/// A timeframe the plan runs in.
#[derive(Debug, Clone)]
pub(crate) struct FrameSpec {
    /// The Polars duration (None: the base bars).
    pub name: Option<String>,
    pub bucketing: Option<Bucketing>,
    /// Length with average months, for ordering (the base bars are finest).
    approx: i128,
}

/// When a bar's timestamp is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stamp {
    Open,
    Close,
}

/// A checked plan.
#[derive(Debug, Clone)]
pub(crate) struct Graph {
    pub nodes: Vec<Node>,
    pub outputs: Vec<(String, usize)>,
    /// Frame 0 is the base bars; the higher timeframes follow, coarsest first.
    pub frames: Vec<FrameSpec>,
    /// Raw input columns, in first-use order.
    pub columns: Vec<String>,
    pub stamp: Stamp,
    /// Buckets of the base bar length (for close times); with higher timeframes only.
    pub base: Option<Bucketing>,
}

fn bad(message: impl Into<String>) -> TaError {
    TaError::plan(message)
}

fn approx(text: &str) -> Result<i128, TaError> {
    let d = Duration::parse(text)?;
    Ok(i128::from(d.months) * 2_629_746_000_000_000
        + i128::from(d.days) * 86_400_000_000_000
        + i128::from(d.nanos))
}

impl Graph {
    /// Reads and checks a plan document (JSON text).
    pub fn parse(text: &str) -> Result<Graph, TaError> {
        let doc: RawDoc =
            serde_json::from_str(text).map_err(|e| bad(format!("not a plan document: {e}")))?;
        if doc.version != IR_VERSION {
            return Err(bad(format!(
                "plan format version {}; this engine reads {IR_VERSION}",
                doc.version
            )));
        }
        let options = &doc.options;
        let stamp = match options.stamp.as_deref() {
            None | Some("open") => Stamp::Open,
            Some("close") => Stamp::Close,
            Some(other) => return Err(bad(format!("stamp must be open or close, not '{other}'"))),
        };
        let offset = options.session_offset.as_deref();
        let tz = options.tz.as_deref();
        // Frames: the distinct timeframes of the nodes, coarsest first after the base.
        let mut names: Vec<String> = Vec::new();
        for node in &doc.nodes {
            if let Some(tf) = &node.timeframe {
                if node.op != "const" && !names.contains(tf) {
                    names.push(tf.clone());
                }
            }
        }
        let mut frames = vec![FrameSpec {
            name: None,
            bucketing: None,
            approx: -1,
        }];
        let mut higher = Vec::new();
        for name in names {
            higher.push(FrameSpec {
                bucketing: Some(Bucketing::new(&name, offset, tz)?),
                approx: approx(&name)?,
                name: Some(name),
            });
        }
        higher.sort_by(|a, b| b.approx.cmp(&a.approx).then(a.name.cmp(&b.name)));
        frames.extend(higher);
        let base = if frames.len() > 1 {
            let Some(base) = options.base.as_deref() else {
                return Err(bad(
                    "the plan reads higher timeframes but has no base bar length",
                ));
            };
            Some(Bucketing::new(base, offset, tz)?)
        } else {
            None
        };
        let mut graph = Graph {
            nodes: Vec::with_capacity(doc.nodes.len()),
            outputs: Vec::new(),
            frames,
            columns: Vec::new(),
            stamp,
            base,
        };
        for (index, raw) in doc.nodes.iter().enumerate() {
            let node = graph.node(index, raw).map_err(|e| match e {
                TaError::InvalidPlan { message } => {
                    bad(format!("node {index} ({}): {message}", raw.op))
                }
                other => other,
            })?;
            graph.nodes.push(node);
        }
        if doc.outputs.0.is_empty() {
            return Err(bad("the plan has no outputs"));
        }
        for (name, id) in doc.outputs.0 {
            match graph.nodes.get(id) {
                None => {
                    return Err(bad(format!(
                        "output '{name}' names node {id}, which does not exist"
                    )))
                }
                Some(n) if matches!(n.kind, Kind::Struct(_)) => {
                    return Err(bad(format!(
                        "output '{name}' is a multi-output call: choose a field"
                    )))
                }
                Some(_) => graph.outputs.push((name, id)),
            }
        }
        Ok(graph)
    }

    fn frame_of(&self, timeframe: Option<&String>) -> usize {
        match timeframe {
            None => 0,
            Some(name) => self
                .frames
                .iter()
                .position(|f| f.name.as_ref() == Some(name))
                .unwrap_or(0),
        }
    }

    fn column(&mut self, name: &str) -> usize {
        match self.columns.iter().position(|c| c == name) {
            Some(i) => i,
            None => {
                self.columns.push(name.to_string());
                self.columns.len() - 1
            }
        }
    }

    fn node(&mut self, index: usize, raw: &RawNode) -> Result<Node, TaError> {
        if raw.id != index {
            return Err(bad(format!("has id {} at position {index}", raw.id)));
        }
        for &arg in &raw.args {
            if arg >= index {
                return Err(bad(format!(
                    "reads node {arg}, which does not come before it"
                )));
            }
        }
        let frame = self.frame_of(raw.timeframe.as_ref());
        let args: Vec<&Node> = raw.args.iter().map(|&a| &self.nodes[a]).collect();
        for arg in &args {
            if !arg.is_const()
                && arg.frame != frame
                && self.frames[arg.frame].approx <= self.frames[frame].approx
            {
                return Err(bad(format!(
                    "on {} bars, it reads a node on finer {} bars",
                    self.frames[frame].name.as_deref().unwrap_or("base"),
                    self.frames[arg.frame].name.as_deref().unwrap_or("base")
                )));
            }
            if matches!(arg.kind, Kind::Struct(_)) && raw.op != "field" {
                return Err(bad("reads a multi-output call directly (use a field node)"));
            }
        }
        let arity = |n: usize| -> Result<(), TaError> {
            if args.len() == n {
                Ok(())
            } else {
                Err(bad(format!("takes {n} argument(s), got {}", args.len())))
            }
        };
        let numeric = |a: &Node| -> Result<(), TaError> {
            if a.kind.numeric() {
                Ok(())
            } else {
                Err(bad("needs a number argument, got true/false"))
            }
        };
        let boolean = |a: &Node| -> Result<(), TaError> {
            if a.kind == Kind::Bool {
                Ok(())
            } else {
                Err(bad("needs a true/false argument"))
            }
        };
        // A series of integers (a constant is a Float64 literal in the batch plan).
        let int = |a: &Node| a.kind == Kind::Int && !a.is_const();
        let (op, kind) = match raw.op.as_str() {
            "source" => {
                arity(0)?;
                let name = raw
                    .name
                    .as_deref()
                    .ok_or_else(|| bad("has no column name"))?;
                let op = match name {
                    "hl2" => self.derived(Derived::Hl2),
                    "hlc3" => self.derived(Derived::Hlc3),
                    "ohlc4" => self.derived(Derived::Ohlc4),
                    _ => Op::Column(self.column(name)),
                };
                (op, Kind::Float)
            }
            "const" => {
                arity(0)?;
                match &raw.value {
                    Some(Value::Bool(b)) => (Op::Const(if *b { 1.0 } else { 0.0 }), Kind::Bool),
                    Some(Value::Number(n)) => {
                        let v = n.as_f64().filter(|v| v.is_finite());
                        (
                            Op::Const(v.ok_or_else(|| bad("has no finite value"))?),
                            Kind::Float,
                        )
                    }
                    _ => return Err(bad("needs a number or true/false value")),
                }
            }
            "call" => self.call(raw, &args)?,
            "field" => {
                arity(1)?;
                let name = raw
                    .name
                    .as_deref()
                    .ok_or_else(|| bad("has no output name"))?;
                let Op::Call { spec, conv, .. } = &args[0].op else {
                    return Err(bad("reads a field of something that is not a call"));
                };
                if spec.outputs.len() < 2 {
                    return Err(bad(format!("{} has a single output", spec.name)));
                }
                let k = spec
                    .outputs
                    .iter()
                    .position(|o| o.name == name)
                    .ok_or_else(|| bad(format!("{} has no output '{name}'", spec.name)))?;
                let kind = match conv[k] {
                    Conv::Float => Kind::Float,
                    Conv::Int => Kind::Int,
                    Conv::Bool => Kind::Bool,
                };
                (Op::Field(k), kind)
            }
            "unary" => {
                arity(1)?;
                match raw.operator.as_deref() {
                    Some("-") => {
                        numeric(args[0])?;
                        (Op::Neg, if int(args[0]) { Kind::Int } else { Kind::Float })
                    }
                    Some("not") => {
                        boolean(args[0])?;
                        (Op::Not, Kind::Bool)
                    }
                    other => return Err(bad(format!("unknown unary operator {other:?}"))),
                }
            }
            "binary" => {
                arity(2)?;
                let (a, b) = (args[0], args[1]);
                let operator = raw.operator.as_deref().unwrap_or("");
                let arith = match operator {
                    "+" => Some(Arith::Add),
                    "-" => Some(Arith::Sub),
                    "*" => Some(Arith::Mul),
                    "/" => Some(Arith::Div),
                    "%" => Some(Arith::Mod),
                    "**" => Some(Arith::Pow),
                    _ => None,
                };
                let cmp = match operator {
                    "<" => Some(Cmp::Lt),
                    "<=" => Some(Cmp::Le),
                    ">" => Some(Cmp::Gt),
                    ">=" => Some(Cmp::Ge),
                    "==" => Some(Cmp::Eq),
                    "!=" => Some(Cmp::Ne),
                    _ => None,
                };
                if let Some(op) = arith {
                    numeric(a)?;
                    numeric(b)?;
                    let both = int(a) && int(b);
                    let kind = match op {
                        Arith::Add | Arith::Sub | Arith::Mul | Arith::Mod if both => Kind::Int,
                        _ => Kind::Float,
                    };
                    (Op::Arith(op), kind)
                } else if let Some(op) = cmp {
                    let bools = (a.kind == Kind::Bool, b.kind == Kind::Bool);
                    match bools {
                        (false, false) => {}
                        (true, true) if matches!(op, Cmp::Eq | Cmp::Ne) => {}
                        _ => {
                            return Err(bad(format!(
                                "'{operator}' compares values of different kinds"
                            )))
                        }
                    }
                    (Op::Cmp(op), Kind::Bool)
                } else if operator == "and" || operator == "or" {
                    boolean(a)?;
                    boolean(b)?;
                    (if operator == "and" { Op::And } else { Op::Or }, Kind::Bool)
                } else {
                    return Err(bad(format!("unknown operator '{operator}'")));
                }
            }
            "if_else" => {
                arity(3)?;
                boolean(args[0])?;
                let (a, b) = (args[1], args[2]);
                let kind = match (a.kind, b.kind) {
                    (Kind::Bool, Kind::Bool) => Kind::Bool,
                    (Kind::Bool, _) | (_, Kind::Bool) => {
                        return Err(bad("branches of different kinds"))
                    }
                    _ if int(a) && int(b) => Kind::Int,
                    _ => Kind::Float,
                };
                (Op::IfElse, kind)
            }
            "nz" => {
                arity(2)?;
                let (x, r) = (args[0], args[1]);
                if !r.is_const() || (x.kind == Kind::Bool) != (r.kind == Kind::Bool) {
                    return Err(bad(
                        "the replacement must be a constant of the value's kind",
                    ));
                }
                (
                    Op::Nz,
                    if x.kind == Kind::Bool {
                        Kind::Bool
                    } else {
                        Kind::Float
                    },
                )
            }
            "abs" => {
                arity(1)?;
                numeric(args[0])?;
                (Op::Abs, if int(args[0]) { Kind::Int } else { Kind::Float })
            }
            "min" | "max" => {
                arity(2)?;
                numeric(args[0])?;
                numeric(args[1])?;
                let kind = if int(args[0]) && int(args[1]) {
                    Kind::Int
                } else {
                    Kind::Float
                };
                (if raw.op == "min" { Op::Min } else { Op::Max }, kind)
            }
            other => return Err(bad(format!("unknown operation '{other}'"))),
        };
        Ok(Node {
            op,
            args: raw.args.clone(),
            frame,
            kind,
        })
    }

    fn derived(&mut self, derived: Derived) -> Op {
        let parts = derived.parts().iter().map(|c| self.column(c)).collect();
        Op::Derived(derived, parts)
    }

    fn call(&self, raw: &RawNode, args: &[&Node]) -> Result<(Op, Kind), TaError> {
        let name = raw
            .name
            .as_deref()
            .ok_or_else(|| bad("has no indicator name"))?;
        let spec = find(name)?;
        if args.len() != spec.inputs.len() {
            return Err(bad(format!(
                "{} takes {} input series, got {}",
                spec.name,
                spec.inputs.len(),
                args.len()
            )));
        }
        let given: Vec<(&str, ParamInput<'_>)> = match &raw.params {
            None => Vec::new(),
            Some(params) => params
                .0
                .iter()
                .map(|(key, value)| {
                    let input = match value {
                        Value::Number(n) => match n.as_i64() {
                            Some(i) => ParamInput::Int(i),
                            None => ParamInput::Float(n.as_f64().unwrap_or(f64::NAN)),
                        },
                        Value::String(s) => ParamInput::Name(s),
                        _ => {
                            return Err(bad(format!(
                                "{}: parameter '{key}' is not a number",
                                spec.name
                            )))
                        }
                    };
                    Ok((key.as_str(), input))
                })
                .collect::<Result<_, _>>()?,
        };
        let params = spec.resolve_params(&given)?;
        // A boolean series through `lag` stays boolean (the batch casts the result back).
        let as_bool = raw.kind == "bool" && spec.outputs.len() == 1;
        let conv: Vec<Conv> = spec
            .outputs
            .iter()
            .map(|o| match o.dtype {
                Dtype::Float64 if as_bool => Conv::Bool,
                Dtype::Float64 => Conv::Float,
                Dtype::Int32 => Conv::Int,
                Dtype::Boolean => Conv::Bool,
            })
            .collect();
        let kind = match spec.outputs {
            [_] => match conv[0] {
                Conv::Float => Kind::Float,
                Conv::Int => Kind::Int,
                Conv::Bool => Kind::Bool,
            },
            many => Kind::Struct(many.len()),
        };
        Ok((Op::Call { spec, params, conv }, kind))
    }
}
