//! The volume indices NVI and PVI: one state machine, the volume test picked by a flag.

/// Negative (or positive) volume index: starts at 1000 and, on a bar whose volume is below
/// (above) the previous bar's, grows by the close's relative change; otherwise it is carried.
/// A non-finite step (previous close 0 is skipped outright) leaves it unchanged, as in TA-Lib.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct VolumeIndex<const POSITIVE: bool> {
    /// `(close, volume)` of the previous bar.
    prev: Option<(f64, f64)>,
    index: f64,
}

impl<const POSITIVE: bool> VolumeIndex<POSITIVE> {
    pub(crate) fn new() -> Self {
        VolumeIndex {
            prev: None,
            index: 1000.0,
        }
    }

    #[inline(always)]
    pub(crate) fn update(&mut self, close: f64, volume: f64) -> f64 {
        if let Some((prev_close, prev_volume)) = self.prev {
            let moved = if POSITIVE {
                volume > prev_volume
            } else {
                volume < prev_volume
            };
            if moved && prev_close != 0.0 {
                let mut next = self.index;
                next += (close - prev_close) / prev_close * next;
                if next.is_finite() {
                    self.index = next;
                }
            }
        }
        self.prev = Some((close, volume));
        self.index
    }
}

/// An NVI or PVI indicator over (close, volume).
macro_rules! volume_index {
    ($(#[$doc:meta])* $ty:ident, $positive:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
        pub struct $ty(super::volume_index::VolumeIndex<$positive>);

        impl $crate::kernel::Indicator for $ty {
            const INPUTS: usize = 2;
            const OUTPUTS: usize = 1;
            fn from_params(_: &$crate::params::Params) -> Result<Self, $crate::TaError> {
                Ok($ty(super::volume_index::VolumeIndex::new()))
            }
            fn lookback(&self) -> usize {
                0
            }
            #[inline(always)]
            fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
                out[0] = self.0.update(bar[0], bar[1]);
                true
            }
        }
    };
}
pub(crate) use volume_index;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_only_on_the_chosen_volume_change() {
        let mut nvi = VolumeIndex::<false>::new();
        let mut pvi = VolumeIndex::<true>::new();
        let bars = [(10.0, 100.0), (11.0, 50.0), (12.1, 80.0)];
        let n: Vec<_> = bars.iter().map(|&(c, v)| nvi.update(c, v)).collect();
        let p: Vec<_> = bars.iter().map(|&(c, v)| pvi.update(c, v)).collect();
        assert_eq!(n, [1000.0, 1100.0, 1100.0]);
        assert_eq!(p[..2], [1000.0, 1000.0]);
        assert!((p[2] - 1100.0).abs() < 1e-9);
    }
}
