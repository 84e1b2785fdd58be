//! One timeframe's part of the plan, vectorised over symbols: every node is a column (one
//! value per symbol), every indicator a panel of state machines, and one evaluation steps the
//! whole graph for the symbols that have a bar (the others keep their indicator states; their
//! other values are stale and never read).

use crate::kernel::PanelStream;

use super::ops::{self, Arith, Cmp, NULL, V};
use super::plan::{Conv, Derived, Graph, Kind, Op};

/// A node's values across symbols. A missing value holds NaN (see [`V`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct Column {
    pub v: Vec<f64>,
    pub ok: Vec<bool>,
}

impl Column {
    fn new(symbols: usize) -> Self {
        Column {
            v: vec![f64::NAN; symbols],
            ok: vec![false; symbols],
        }
    }

    fn filled(symbols: usize, value: f64) -> Self {
        Column {
            v: vec![value; symbols],
            ok: vec![true; symbols],
        }
    }

    #[inline(always)]
    pub fn get(&self, s: usize) -> V {
        V {
            v: self.v[s],
            ok: self.ok[s],
        }
    }

    #[inline(always)]
    pub fn set(&mut self, s: usize, x: V) {
        self.v[s] = x.v;
        self.ok[s] = x.ok;
    }
}

/// An arithmetic operand: a column, or a constant (Polars runs its scalar kernels then).
#[derive(Debug, Clone, Copy)]
enum Operand {
    Col(usize),
    Scalar(f64),
}

#[derive(Debug)]
enum Step {
    Derived {
        kind: Derived,
        parts: Vec<usize>,
        out: usize,
    },
    Neg {
        x: usize,
        int: bool,
        out: usize,
    },
    Not {
        x: usize,
        out: usize,
    },
    Abs {
        x: usize,
        int: bool,
        out: usize,
    },
    Arith {
        op: Arith,
        a: Operand,
        b: Operand,
        int: bool,
        out: usize,
    },
    Cmp {
        op: Cmp,
        a: usize,
        b: usize,
        out: usize,
    },
    And {
        a: usize,
        b: usize,
        out: usize,
    },
    Or {
        a: usize,
        b: usize,
        out: usize,
    },
    IfElse {
        c: usize,
        a: usize,
        b: usize,
        out: usize,
    },
    Nz {
        x: usize,
        r: usize,
        out: usize,
    },
    Min {
        a: usize,
        b: usize,
        out: usize,
    },
    Max {
        a: usize,
        b: usize,
        out: usize,
    },
    Call {
        /// Index into [`Frame::calls`].
        call: usize,
        inputs: Vec<usize>,
        outs: Vec<usize>,
        conv: Vec<Conv>,
    },
}

/// An indicator node: its panel of state machines and where it comes from in the plan.
#[derive(Debug)]
pub(crate) struct Call {
    pub node: usize,
    pub panel: Box<dyn PanelStream>,
}

/// One timeframe's nodes over `symbols` symbols.
#[derive(Debug)]
pub(crate) struct Frame {
    pub columns: Vec<Column>,
    steps: Vec<Step>,
    pub calls: Vec<Call>,
    /// Plan column index -> the column holding that raw input.
    pub sources: Vec<(usize, usize)>,
    /// Nodes of coarser frames read here: (node, column), filled by the links.
    pub imports: Vec<(usize, usize)>,
    /// Node -> its column here (for a multi-output call: its first output's).
    slot: Vec<Option<usize>>,
    /// Constant columns: (column, value), refilled when symbols are added.
    consts: Vec<(usize, f64)>,
}

impl Frame {
    /// The part of `graph` that runs in frame `index`, over `symbols` symbols.
    pub fn build(graph: &Graph, index: usize, symbols: usize) -> Result<Frame, crate::TaError> {
        let mut frame = Frame {
            columns: Vec::new(),
            steps: Vec::new(),
            calls: Vec::new(),
            sources: Vec::new(),
            imports: Vec::new(),
            slot: vec![None; graph.nodes.len()],
            consts: Vec::new(),
        };
        for (id, node) in graph.nodes.iter().enumerate() {
            if node.is_const() || node.frame != index {
                continue;
            }
            frame.add_node(graph, index, id, symbols)?;
        }
        if index == 0 {
            // Outputs are read in the base frame (higher-timeframe ones are joined in).
            for &(_, id) in &graph.outputs {
                frame.read(graph, index, id, symbols);
            }
        }
        Ok(frame)
    }

    fn column(&mut self, symbols: usize) -> usize {
        self.columns.push(Column::new(symbols));
        self.columns.len() - 1
    }

    fn source(&mut self, plan_column: usize, symbols: usize) -> usize {
        if let Some(&(_, c)) = self.sources.iter().find(|(p, _)| *p == plan_column) {
            return c;
        }
        let c = self.column(symbols);
        self.sources.push((plan_column, c));
        c
    }

    /// The column node `id` is read from in this frame: its own, a constant's, or one joined
    /// in from a coarser frame.
    pub fn read(&mut self, graph: &Graph, index: usize, id: usize, symbols: usize) -> usize {
        if let Some(c) = self.slot[id] {
            return c;
        }
        let node = &graph.nodes[id];
        let c = self.column(symbols);
        if let Op::Const(value) = node.op {
            self.columns[c] = Column::filled(symbols, value);
            self.consts.push((c, value));
        } else {
            debug_assert_ne!(node.frame, index);
            self.imports.push((id, c));
        }
        self.slot[id] = Some(c);
        c
    }

    /// The column of node `id` in this frame, if it has one.
    pub fn slot(&self, id: usize) -> Option<usize> {
        self.slot[id]
    }

    fn operand(&mut self, graph: &Graph, index: usize, id: usize, symbols: usize) -> Operand {
        match graph.nodes[id].op {
            Op::Const(value) => Operand::Scalar(value),
            _ => Operand::Col(self.read(graph, index, id, symbols)),
        }
    }

    fn add_node(
        &mut self,
        graph: &Graph,
        index: usize,
        id: usize,
        symbols: usize,
    ) -> Result<(), crate::TaError> {
        let node = &graph.nodes[id];
        let args: Vec<usize> = node.args.clone();
        let int = node.kind == Kind::Int;
        let arg = |frame: &mut Frame, k: usize| frame.read(graph, index, args[k], symbols);
        if let Op::Field(k) = node.op {
            // A field is a view of its call's output column.
            let first = self.slot[args[0]]
                .ok_or_else(|| crate::TaError::plan("a field before its call"))?;
            self.slot[id] = Some(first + k);
            return Ok(());
        }
        if let Op::Call { spec, params, conv } = &node.op {
            let inputs: Vec<usize> = (0..args.len()).map(|k| arg(self, k)).collect();
            let outs: Vec<usize> = (0..conv.len()).map(|_| self.column(symbols)).collect();
            let panel = spec.stream(params.values())?.panel(symbols);
            self.calls.push(Call { node: id, panel });
            self.slot[id] = Some(outs[0]);
            self.steps.push(Step::Call {
                call: self.calls.len() - 1,
                inputs,
                outs,
                conv: conv.clone(),
            });
            return Ok(());
        }
        let step = match &node.op {
            Op::Column(c) => {
                let c = self.source(*c, symbols);
                self.slot[id] = Some(c);
                return Ok(());
            }
            Op::Derived(kind, parts) => {
                let parts = parts.iter().map(|&p| self.source(p, symbols)).collect();
                let out = self.column(symbols);
                Step::Derived {
                    kind: *kind,
                    parts,
                    out,
                }
            }
            Op::Neg => Step::Neg {
                x: arg(self, 0),
                int,
                out: self.column(symbols),
            },
            Op::Not => Step::Not {
                x: arg(self, 0),
                out: self.column(symbols),
            },
            Op::Abs => Step::Abs {
                x: arg(self, 0),
                int,
                out: self.column(symbols),
            },
            Op::Arith(op) => {
                let a = self.operand(graph, index, args[0], symbols);
                let b = self.operand(graph, index, args[1], symbols);
                Step::Arith {
                    op: *op,
                    a,
                    b,
                    int,
                    out: self.column(symbols),
                }
            }
            Op::Cmp(op) => Step::Cmp {
                op: *op,
                a: arg(self, 0),
                b: arg(self, 1),
                out: self.column(symbols),
            },
            Op::And => Step::And {
                a: arg(self, 0),
                b: arg(self, 1),
                out: self.column(symbols),
            },
            Op::Or => Step::Or {
                a: arg(self, 0),
                b: arg(self, 1),
                out: self.column(symbols),
            },
            Op::IfElse => Step::IfElse {
                c: arg(self, 0),
                a: arg(self, 1),
                b: arg(self, 2),
                out: self.column(symbols),
            },
            Op::Nz => Step::Nz {
                x: arg(self, 0),
                r: arg(self, 1),
                out: self.column(symbols),
            },
            Op::Min => Step::Min {
                a: arg(self, 0),
                b: arg(self, 1),
                out: self.column(symbols),
            },
            Op::Max => Step::Max {
                a: arg(self, 0),
                b: arg(self, 1),
                out: self.column(symbols),
            },
            Op::Const(_) | Op::Field(_) | Op::Call { .. } => unreachable!("handled above"),
        };
        let out = match &step {
            Step::Derived { out, .. }
            | Step::Neg { out, .. }
            | Step::Not { out, .. }
            | Step::Abs { out, .. }
            | Step::Arith { out, .. }
            | Step::Cmp { out, .. }
            | Step::And { out, .. }
            | Step::Or { out, .. }
            | Step::IfElse { out, .. }
            | Step::Nz { out, .. }
            | Step::Min { out, .. }
            | Step::Max { out, .. } => *out,
            Step::Call { .. } => unreachable!("handled above"),
        };
        self.slot[id] = Some(out);
        self.steps.push(step);
        Ok(())
    }

    pub fn symbols(&self) -> usize {
        self.columns.first().map_or(0, |c| c.v.len())
    }

    /// Appends `count` fresh symbols.
    pub fn add(&mut self, count: usize) {
        let n = self.symbols() + count;
        for column in &mut self.columns {
            column.v.resize(n, f64::NAN);
            column.ok.resize(n, false);
        }
        for &(c, value) in &self.consts {
            self.columns[c] = Column::filled(n, value);
        }
        for call in &mut self.calls {
            call.panel.add(count);
        }
    }

    /// Drops symbol `index`.
    pub fn remove(&mut self, index: usize) {
        for column in &mut self.columns {
            column.v.remove(index);
            column.ok.remove(index);
        }
        for call in &mut self.calls {
            call.panel.remove(index);
        }
    }

    /// Evaluates every node; indicators step only where `active` is true.
    pub fn run(&mut self, active: &[bool]) {
        let Frame {
            columns,
            steps,
            calls,
            ..
        } = self;
        for step in steps.iter() {
            run_step(step, columns, calls, active);
        }
    }
}

/// Takes column `out` out of `columns` while `f` fills it from the others.
#[inline(always)]
fn with_out(columns: &mut [Column], out: usize, f: impl FnOnce(&[Column], &mut Column)) {
    let mut target = std::mem::take(&mut columns[out]);
    f(columns, &mut target);
    columns[out] = target;
}

#[inline(always)]
fn map1(columns: &mut [Column], x: usize, out: usize, f: impl Fn(V) -> V) {
    with_out(columns, out, |cols, target| {
        let x = &cols[x];
        let Column { v, ok } = target;
        let outs = v.iter_mut().zip(ok.iter_mut());
        for ((v, ok), (&xv, &xo)) in outs.zip(x.v.iter().zip(&x.ok)) {
            let r = f(V { v: xv, ok: xo });
            *v = r.v;
            *ok = r.ok;
        }
    });
}

#[inline(always)]
fn map2(columns: &mut [Column], a: usize, b: usize, out: usize, f: impl Fn(V, V) -> V) {
    with_out(columns, out, |cols, target| {
        let (a, b) = (&cols[a], &cols[b]);
        let Column { v, ok } = target;
        let outs = v.iter_mut().zip(ok.iter_mut());
        let ins = a.v.iter().zip(&a.ok).zip(b.v.iter().zip(&b.ok));
        for ((v, ok), ((&av, &ao), (&bv, &bo))) in outs.zip(ins) {
            let r = f(V { v: av, ok: ao }, V { v: bv, ok: bo });
            *v = r.v;
            *ok = r.ok;
        }
    });
}

#[inline(always)]
fn lift(r: Option<f64>) -> V {
    match r {
        Some(v) => V::some(v),
        None => NULL,
    }
}

/// `arith` with the operator fixed, so that each loop compiles for one operator.
macro_rules! arith_loops {
    ($columns:expr, $op:expr, $a:expr, $b:expr, $int:expr, $out:expr, [$($variant:ident),*]) => {
        match $op {
            $(Arith::$variant => arith_loop($columns, Arith::$variant, $a, $b, $int, $out),)*
        }
    };
}

fn run_arith(columns: &mut [Column], op: Arith, a: Operand, b: Operand, int: bool, out: usize) {
    arith_loops!(columns, op, a, b, int, out, [Add, Sub, Mul, Div, Mod, Pow]);
}

#[inline(always)]
fn arith_loop(columns: &mut [Column], op: Arith, a: Operand, b: Operand, int: bool, out: usize) {
    match (a, b) {
        (Operand::Col(a), Operand::Col(b)) => map2(columns, a, b, out, |x, y| {
            if x.ok && y.ok {
                lift(ops::arith(op, x.v, y.v, int))
            } else {
                NULL
            }
        }),
        (Operand::Col(a), Operand::Scalar(c)) => map1(columns, a, out, |x| {
            if x.ok {
                lift(ops::arith_scalar(op, x.v, c))
            } else {
                NULL
            }
        }),
        (Operand::Scalar(c), Operand::Col(b)) => map1(columns, b, out, |x| {
            if x.ok {
                lift(ops::scalar_arith(op, c, x.v))
            } else {
                NULL
            }
        }),
        (Operand::Scalar(a), Operand::Scalar(b)) => {
            let value = lift(ops::fold(op, a, b));
            let target = &mut columns[out];
            for s in 0..target.v.len() {
                target.set(s, value);
            }
        }
    }
}

/// A comparison with the operator fixed, so that each loop compiles for one operator.
fn run_cmp(columns: &mut [Column], op: Cmp, a: usize, b: usize, out: usize) {
    #[inline(always)]
    fn go(columns: &mut [Column], op: Cmp, a: usize, b: usize, out: usize) {
        map2(columns, a, b, out, |x, y| {
            if x.ok && y.ok {
                V::bool(op.test(x.v, y.v))
            } else {
                NULL
            }
        });
    }
    match op {
        Cmp::Lt => go(columns, Cmp::Lt, a, b, out),
        Cmp::Le => go(columns, Cmp::Le, a, b, out),
        Cmp::Gt => go(columns, Cmp::Gt, a, b, out),
        Cmp::Ge => go(columns, Cmp::Ge, a, b, out),
        Cmp::Eq => go(columns, Cmp::Eq, a, b, out),
        Cmp::Ne => go(columns, Cmp::Ne, a, b, out),
    }
}

fn run_step(step: &Step, columns: &mut [Column], calls: &mut [Call], active: &[bool]) {
    match *step {
        Step::Derived {
            kind,
            ref parts,
            out,
        } => with_out(columns, out, |cols, target| {
            for s in 0..target.v.len() {
                let mut total = cols[parts[0]].get(s);
                for &p in &parts[1..] {
                    let x = cols[p].get(s);
                    total = if total.ok && x.ok {
                        V::some(total.v + x.v)
                    } else {
                        NULL
                    };
                }
                // `total / n.0`: Polars divides by a constant as `* (1 / n)`.
                let n = match kind {
                    Derived::Hl2 => 2.0,
                    Derived::Hlc3 => 3.0,
                    Derived::Ohlc4 => 4.0,
                };
                let v = if total.ok {
                    lift(ops::arith_scalar(Arith::Div, total.v, n))
                } else {
                    NULL
                };
                target.set(s, v);
            }
        }),
        Step::Neg { x, int, out } => map1(columns, x, out, |x| {
            if x.ok {
                V::some(ops::neg(x.v, int))
            } else {
                NULL
            }
        }),
        Step::Not { x, out } => map1(columns, x, out, |x| {
            if x.ok {
                V::bool(!x.truth())
            } else {
                NULL
            }
        }),
        Step::Abs { x, int, out } => map1(columns, x, out, |x| {
            if x.ok {
                V::some(ops::abs(x.v, int))
            } else {
                NULL
            }
        }),
        Step::Arith { op, a, b, int, out } => run_arith(columns, op, a, b, int, out),
        Step::Cmp { op, a, b, out } => run_cmp(columns, op, a, b, out),
        Step::And { a, b, out } => map2(columns, a, b, out, ops::and),
        Step::Or { a, b, out } => map2(columns, a, b, out, ops::or),
        Step::IfElse { c, a, b, out } => with_out(columns, out, |cols, target| {
            let (c, a, b) = (&cols[c], &cols[a], &cols[b]);
            for s in 0..target.v.len() {
                let cond = c.get(s);
                let v = if !cond.ok {
                    NULL
                } else if cond.truth() {
                    a.get(s)
                } else {
                    b.get(s)
                };
                target.set(s, v);
            }
        }),
        Step::Nz { x, r, out } => map2(columns, x, r, out, |x, r| if x.ok { x } else { r }),
        Step::Min { a, b, out } => map2(columns, a, b, out, ops::min),
        Step::Max { a, b, out } => map2(columns, a, b, out, ops::max),
        Step::Call {
            call,
            ref inputs,
            ref outs,
            ref conv,
        } => {
            let mut taken: Vec<Column> = outs
                .iter()
                .map(|&o| std::mem::take(&mut columns[o]))
                .collect();
            {
                let slices: Vec<&[f64]> = inputs.iter().map(|&i| columns[i].v.as_slice()).collect();
                let (first, rest) = taken.split_at_mut(1);
                let mut ready = std::mem::take(&mut first[0].ok);
                let mut values: Vec<&mut [f64]> = Vec::with_capacity(outs.len());
                values.push(first[0].v.as_mut_slice());
                values.extend(rest.iter_mut().map(|c| c.v.as_mut_slice()));
                calls[call]
                    .panel
                    .update(&slices, Some(active), &mut values, &mut ready);
                first[0].ok = ready;
            }
            let (first, rest) = taken.split_at_mut(1);
            for column in rest.iter_mut() {
                column.ok.copy_from_slice(&first[0].ok);
            }
            for (column, conv) in taken.iter_mut().zip(conv) {
                let Column { v, ok } = column;
                match conv {
                    Conv::Float => {}
                    Conv::Int => {
                        for (v, &ok) in v.iter_mut().zip(ok.iter()) {
                            if ok {
                                *v = f64::from(*v as i32);
                            }
                        }
                    }
                    Conv::Bool => {
                        for (v, &ok) in v.iter_mut().zip(ok.iter()) {
                            if ok {
                                *v = if *v != 0.0 { 1.0 } else { 0.0 };
                            }
                        }
                    }
                }
            }
            for (&o, column) in outs.iter().zip(taken) {
                columns[o] = column;
            }
        }
    }
}
