//! Wilder's swing index of one bar, shared by SI and ASI.

/// The previous bar's close and body, and the limit move the index is scaled against.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(super) struct SwingIndex {
    limit_move: f64,
    prev: Option<(f64, f64)>,
}

impl SwingIndex {
    pub(super) fn new(limit_move: f64) -> Self {
        SwingIndex {
            limit_move,
            prev: None,
        }
    }

    /// Consumes a bar (open, high, low, close); the swing index once a previous bar exists.
    #[inline(always)]
    pub(super) fn update(&mut self, open: f64, high: f64, low: f64, close: f64) -> Option<f64> {
        let body = close - open;
        let prev = self.prev.replace((close, body));
        let (prev_close, prev_body) = prev?;
        // TA-Lib 0.8.3's order of operations.
        let mut n = close - prev_close;
        n += 0.5 * body;
        n += 0.25 * prev_body;
        let up = (high - prev_close).abs();
        let down = (low - prev_close).abs();
        let range = (high - low).abs();
        let k = max(up, down);
        let mut r = max(up - 0.5 * down, down - 0.5 * up);
        r = max(r, range);
        r += 0.25 * prev_body.abs();
        Some(if r == 0.0 {
            0.0
        } else {
            50.0 * (n / r) * (k / self.limit_move)
        })
    }
}

/// TA-Lib's `max`: `a > b ? a : b`.
#[inline(always)]
fn max(a: f64, b: f64) -> f64 {
    if a > b {
        a
    } else {
        b
    }
}
