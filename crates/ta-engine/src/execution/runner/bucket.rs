//! Higher-timeframe bars built live from base bars, as the batch plan's `group_by` builds them.
//!
//! A symbol's base bar at instant `t` belongs to the bucket of `t` (of `t - 1 ns` for bars
//! stamped with their close time). A bucket completes when a bar of a later bucket arrives, or
//! when a bar's close time reaches the bucket's end; then it becomes one bar of the higher
//! timeframe. The aggregates are the batch's: open the first non-null value, high the maximum,
//! low the minimum (nulls ignored), close and any other column the last non-null value, volume
//! the sum (null when every value is null). A symbol's leading bucket that starts before its
//! first bar opens is dropped (the batch's filter): it would look complete but is not.

use serde::{Deserialize, Serialize};

use super::ops::{NULL, V};

/// How a column is aggregated into a higher-timeframe bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Agg {
    First,
    Max,
    Min,
    Last,
    Sum,
}

impl Agg {
    /// The batch's rule for a column of this name.
    pub fn of(column: &str) -> Agg {
        match column {
            "open" => Agg::First,
            "high" => Agg::Max,
            "low" => Agg::Min,
            "volume" => Agg::Sum,
            _ => Agg::Last,
        }
    }
}

/// One forming bucket of one symbol.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Bucket {
    pub start: i64,
    pub end: i64,
    /// False for a leading bucket that starts before the symbol's first bar (dropped).
    pub keep: bool,
    /// Per aggregated column: the value so far (NaN before any) and whether any non-null value
    /// was seen.
    pub values: Vec<f64>,
    pub seen: Vec<bool>,
}

impl Bucket {
    pub fn new(start: i64, end: i64, keep: bool, aggs: &[Agg]) -> Self {
        Bucket {
            start,
            end,
            keep,
            values: vec![f64::NAN; aggs.len()],
            seen: vec![false; aggs.len()],
        }
    }

    /// Adds one base bar's values (one per aggregated column).
    pub fn add(&mut self, aggs: &[Agg], bar: impl Iterator<Item = V>) {
        for (k, (agg, x)) in aggs.iter().zip(bar).enumerate() {
            if !x.ok {
                continue;
            }
            let v = &mut self.values[k];
            *v = match agg {
                Agg::First if self.seen[k] => *v,
                Agg::First | Agg::Last => x.v,
                // Polars' grouped max/min start from NaN and fold with f64::max/min.
                Agg::Max => f64::max(*v, x.v),
                Agg::Min => f64::min(*v, x.v),
                // The batch's running sum in bar order (`cum_sum().last()`).
                Agg::Sum if self.seen[k] => *v + x.v,
                Agg::Sum => x.v,
            };
            self.seen[k] = true;
        }
    }

    /// The bar's value of aggregated column `k`.
    pub fn value(&self, k: usize) -> V {
        if self.seen[k] {
            V::some(self.values[k])
        } else {
            NULL
        }
    }

    /// Whether this state fits `aggs` (a restored snapshot is checked with it).
    pub fn fits(&self, aggs: &[Agg]) -> bool {
        self.values.len() == aggs.len() && self.seen.len() == aggs.len() && self.start < self.end
    }
}

/// A completed higher-timeframe bar of one symbol: its close time (the bucket's end) and its
/// aggregated values.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Completed {
    pub end: i64,
    pub values: Vec<V>,
}

impl Completed {
    fn of(bucket: &Bucket) -> Self {
        Completed {
            end: bucket.end,
            values: (0..bucket.values.len()).map(|k| bucket.value(k)).collect(),
        }
    }
}

/// Steps one symbol's forming bucket with a base bar: `start`, `end` is the bar's bucket,
/// `close` its close time, `first_open` when the symbol's first bar opened. Completed bars
/// are appended to `done` (at most two: the previous bucket, and this one when the bar closes
/// it).
#[allow(clippy::too_many_arguments)]
pub(crate) fn step(
    forming: &mut Option<Bucket>,
    aggs: &[Agg],
    (start, end): (i64, i64),
    close: i64,
    first_open: i64,
    bar: impl Iterator<Item = V>,
    done: &mut Vec<Completed>,
) {
    if forming.as_ref().is_some_and(|b| b.start != start) {
        if let Some(previous) = forming.take() {
            if previous.keep {
                done.push(Completed::of(&previous));
            }
        }
    }
    let bucket = forming.get_or_insert_with(|| Bucket::new(start, end, start >= first_open, aggs));
    bucket.add(aggs, bar);
    if close >= bucket.end {
        if bucket.keep {
            done.push(Completed::of(bucket));
        }
        *forming = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AGGS: [Agg; 5] = [Agg::First, Agg::Max, Agg::Min, Agg::Last, Agg::Sum];

    fn bar(values: [f64; 5]) -> impl Iterator<Item = V> {
        values.into_iter().map(V::source)
    }

    #[test]
    fn aggregates_ignore_missing_values() {
        let mut b = Bucket::new(0, 10, true, &AGGS);
        b.add(&AGGS, bar([f64::NAN, 2.0, 2.0, 1.0, f64::NAN]));
        b.add(&AGGS, bar([5.0, 7.0, f64::NAN, f64::NAN, f64::NAN]));
        b.add(&AGGS, bar([6.0, 3.0, 1.0, 4.0, f64::NAN]));
        let values: Vec<Option<f64>> = (0..5)
            .map(|k| b.value(k))
            .map(|v| v.ok.then_some(v.v))
            .collect();
        assert_eq!(values, [Some(5.0), Some(7.0), Some(1.0), Some(4.0), None]);
    }

    #[test]
    fn completes_on_a_later_bucket_or_on_reaching_its_end() {
        let mut forming = None;
        let mut done = Vec::new();
        let values = || bar([1.0, 1.0, 1.0, 1.0, 1.0]);
        // First bar opens at 2: the bucket [0, 5) started before it and is dropped.
        step(&mut forming, &AGGS, (0, 5), 3, 2, values(), &mut done);
        step(&mut forming, &AGGS, (0, 5), 5, 2, values(), &mut done);
        assert!(done.is_empty() && forming.is_none());
        // [5, 10): bars at 5 and 7, then a bar in [10, 15) completes it.
        step(&mut forming, &AGGS, (5, 10), 6, 2, values(), &mut done);
        step(&mut forming, &AGGS, (5, 10), 8, 2, values(), &mut done);
        assert!(done.is_empty());
        step(&mut forming, &AGGS, (10, 15), 11, 2, values(), &mut done);
        assert_eq!(done.len(), 1);
        assert_eq!(done[0].end, 10);
        assert_eq!(done[0].values[4], V::some(2.0));
        // A bar that jumps a bucket and closes its own completes two.
        done.clear();
        step(&mut forming, &AGGS, (20, 25), 25, 2, values(), &mut done);
        assert_eq!(done.iter().map(|c| c.end).collect::<Vec<_>>(), [15, 25]);
    }
}
