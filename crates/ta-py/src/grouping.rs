//! `by=` and `order_by=`: which rows form one series, and in which order the indicator sees
//! them. Groups are found with Polars' own group-by on the key columns (any dtype, nulls as a
//! group of their own, several keys), so `by=` groups exactly as `.over()` does.

use polars::prelude::*;

/// How rows map onto the series an indicator runs over.
#[derive(Debug)]
pub enum RowLayout {
    /// Rows are already in order and each group's rows are contiguous: the indicator restarts
    /// at each listed row (none: one series). The fast path, with no copy.
    Contiguous { group_starts: Vec<usize> },
    /// Row `order[k]` is the `k`-th row the indicator sees; groups start at the listed
    /// positions of `order`.
    Permuted {
        order: Vec<usize>,
        group_starts: Vec<usize>,
    },
}

/// Rows where any key differs from the row before (the first row always does).
fn run_starts(keys: &[Series], len: usize) -> Vec<usize> {
    if len == 0 {
        return Vec::new();
    }
    let mut changed = vec![false; len];
    changed[0] = true;
    for key in keys {
        // Compare codes, not categories' strings (equal codes are equal keys).
        let key = key.to_physical_repr();
        if !mark_changes(&key, &mut changed) {
            // A key dtype without a comparison here: every row starts a run, and the
            // group-by still finds the groups.
            return (0..len).collect();
        }
    }
    changed
        .iter()
        .enumerate()
        .filter_map(|(row, &c)| c.then_some(row))
        .collect()
}

/// Sets `changed[i]` where row `i` of `key` differs from row `i - 1` (nulls equal each other,
/// NaN equals NaN, as in a group-by); false when the dtype has no comparison here.
fn mark_changes(key: &Series, changed: &mut [bool]) -> bool {
    // Keys without nulls, fixed width: compare neighbours in a tight loop, chunk by chunk
    // (the streaming engine hands columns over in many chunks).
    macro_rules! dense {
        ($ca:expr, $bits:expr) => {{
            let mut row = 0;
            let mut last = None;
            for array in $ca.downcast_iter() {
                let values = array.values().as_slice();
                if let (Some(before), Some(&first)) = (last, values.first()) {
                    changed[row] |= $bits(before) != $bits(first);
                }
                for (slot, pair) in changed[row + 1..].iter_mut().zip(values.windows(2)) {
                    *slot |= $bits(pair[0]) != $bits(pair[1]);
                }
                row += values.len();
                last = values.last().copied().or(last);
            }
            return true;
        }};
    }
    if key.null_count() == 0 {
        match key.dtype() {
            DataType::Int32 => dense!(key.i32().unwrap(), |v: i32| v),
            DataType::Int64 => dense!(key.i64().unwrap(), |v: i64| v),
            DataType::UInt32 => dense!(key.u32().unwrap(), |v: u32| v),
            DataType::UInt64 => dense!(key.u64().unwrap(), |v: u64| v),
            DataType::Float64 => dense!(key.f64().unwrap(), canonical_bits),
            DataType::String => {
                let mut row = 0;
                let mut last: Option<&str> = None;
                for array in key.str().unwrap().downcast_iter() {
                    if let (Some(before), Some(first)) = (last, array.values_iter().next()) {
                        changed[row] |= before != first;
                    }
                    let views = array.views();
                    for (i, (slot, pair)) in changed[row + 1..]
                        .iter_mut()
                        .zip(views.windows(2))
                        .enumerate()
                    {
                        // Equal views are equal strings (inline ones hold the bytes, others
                        // the same place in a buffer); different lengths or prefixes differ.
                        *slot |= pair[0].as_u128() != pair[1].as_u128()
                            && (pair[0].length != pair[1].length
                                || pair[0].prefix != pair[1].prefix
                                || array.value(i) != array.value(i + 1));
                    }
                    row += array.len();
                    last = array.len().checked_sub(1).map(|i| array.value(i)).or(last);
                }
                return true;
            }
            _ => {}
        }
    }
    let len = key.len();
    let next = key.slice(1, len - 1);
    let previous = key.slice(0, len - 1);
    let Ok(differs) = next.not_equal_missing(&previous) else {
        return false;
    };
    for (slot, d) in changed[1..].iter_mut().zip(differs.iter()) {
        *slot |= d.unwrap_or(true);
    }
    true
}

/// A float's bits with every NaN alike and -0.0 as 0.0 (Polars groups them so).
fn canonical_bits(v: f64) -> u64 {
    if v.is_nan() {
        f64::NAN.to_bits()
    } else {
        (v + 0.0).to_bits()
    }
}

/// The group of each run (dense ids in order of first appearance) and the number of groups.
fn group_of_runs(keys: &[Series], runs: &[usize]) -> PolarsResult<(Vec<usize>, usize)> {
    let at_runs = IdxCa::from_vec(
        PlSmallStr::EMPTY,
        runs.iter().map(|&r| r as IdxSize).collect(),
    );
    let representatives = keys
        .iter()
        .map(|k| Ok(k.take(&at_runs)?.into_column()))
        .collect::<PolarsResult<Vec<_>>>()?;
    // One thread: a plugin has its own copy of Polars' thread pool, which would compete with
    // the one running this expression.
    let no_columns = DataFrame::empty();
    let grouped = no_columns.group_by_with_series(representatives, false, true)?;
    let groups = grouped.get_groups();
    let mut group_of = vec![0; runs.len()];
    for (id, group) in groups.iter().enumerate() {
        match group {
            GroupsIndicator::Idx((_, members)) => {
                for &run in members.iter() {
                    group_of[run as usize] = id;
                }
            }
            GroupsIndicator::Slice([first, len]) => {
                group_of[first as usize..(first + len) as usize].fill(id);
            }
        }
    }
    Ok((group_of, groups.len()))
}

/// The row order given by `order_by=`: a permutation of `0..len`.
fn row_order(order: &Series, len: usize) -> PolarsResult<Option<Vec<usize>>> {
    let order = order.cast(&DataType::Int64)?;
    let mut seen = vec![false; len];
    let mut rows = Vec::with_capacity(len);
    for row in order.i64()?.iter() {
        let row = row
            .and_then(|r| usize::try_from(r).ok())
            .filter(|&r| r < len && !seen[r]);
        let Some(row) = row else {
            polars_bail!(InvalidOperation: "order_by: the row order is not a permutation of the rows");
        };
        seen[row] = true;
        rows.push(row);
    }
    polars_ensure!(rows.len() == len, InvalidOperation: "order_by: the row order has {} rows, expected {}", rows.len(), len);
    // Already in order: the contiguous path applies.
    Ok((!rows.iter().enumerate().all(|(i, &r)| i == r)).then_some(rows))
}

/// Lays out `len` rows by the `by=` keys (several, any dtype) and the optional `order_by=`
/// row order. Keeps the single-pass path whenever the rows need no reordering.
pub fn row_layout(keys: &[Series], order: Option<&Series>, len: usize) -> PolarsResult<RowLayout> {
    let order = match order {
        Some(o) => row_order(o, len)?,
        None => None,
    };
    if keys.is_empty() || len == 0 {
        return Ok(match order {
            None => RowLayout::Contiguous {
                group_starts: Vec::new(),
            },
            Some(order) => RowLayout::Permuted {
                order,
                group_starts: vec![0],
            },
        });
    }
    let runs = run_starts(keys, len);
    let (group_of_run, groups) = group_of_runs(keys, &runs)?;
    if order.is_none() && groups == runs.len() {
        return Ok(RowLayout::Contiguous { group_starts: runs });
    }
    let mut group_of_row = vec![0; len];
    let mut sizes = vec![0; groups];
    let ends = runs.iter().skip(1).copied().chain([len]);
    for ((&start, end), &group) in runs.iter().zip(ends).zip(&group_of_run) {
        group_of_row[start..end].fill(group);
        sizes[group] += end - start;
    }
    // Counting sort by group, stable in the given row order.
    let mut group_starts = Vec::with_capacity(groups);
    let mut next = 0;
    for size in &sizes {
        group_starts.push(next);
        next += size;
    }
    let mut slot = group_starts.clone();
    let mut placed = vec![0; len];
    let mut place = |row: usize| {
        let group = group_of_row[row];
        placed[slot[group]] = row;
        slot[group] += 1;
    };
    match &order {
        Some(order) => order.iter().for_each(|&row| place(row)),
        None => (0..len).for_each(place),
    }
    Ok(RowLayout::Permuted {
        order: placed,
        group_starts,
    })
}
