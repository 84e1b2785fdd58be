//! Memory of the previous bar.

/// Previous-bar memory: yields the previous high, low and close once a bar has been seen.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct PrevBar {
    seen: bool,
    high: f64,
    low: f64,
    close: f64,
}

impl PrevBar {
    pub fn new() -> Self {
        PrevBar {
            seen: false,
            high: 0.0,
            low: 0.0,
            close: 0.0,
        }
    }

    /// Stores this bar and returns the previous one's `(high, low, close)`, if any.
    #[inline(always)]
    pub fn swap(&mut self, high: f64, low: f64, close: f64) -> Option<(f64, f64, f64)> {
        let prev = self.seen.then_some((self.high, self.low, self.close));
        self.seen = true;
        self.high = high;
        self.low = low;
        self.close = close;
        prev
    }
}
