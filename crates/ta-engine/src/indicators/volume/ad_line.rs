//! The running accumulation/distribution total, shared by AD and ADOSC.

/// Running accumulation/distribution total: adds each bar's money-flow volume, the close's
/// position in the bar's range (-1 at the low, +1 at the high) times the volume. Bars without
/// a positive range add nothing.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct AdLine(pub(crate) f64);

impl AdLine {
    #[inline(always)]
    pub(crate) fn update(&mut self, high: f64, low: f64, close: f64, volume: f64) -> f64 {
        let range = high - low;
        if range > 0.0 {
            self.0 += (close - low - (high - close)) / range * volume;
        }
        self.0
    }
}
