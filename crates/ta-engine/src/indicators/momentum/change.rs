//! Indicators comparing each value with the one `period` bars earlier (MOM, ROC, ...).

/// A single-series indicator comparing each value with the one `period` bars earlier.
macro_rules! change_indicator {
    ($(#[$doc:meta])* $ty:ident, $params:ty, |$x:ident, $prev:ident| $body:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
        pub struct $ty($crate::primitives::Ring);

        impl $crate::kernel::Indicator for $ty {
            const INPUTS: usize = 1;
            const OUTPUTS: usize = 1;
            fn from_params(params: &$crate::params::Params) -> Result<Self, $crate::TaError> {
                let p: $params = params.get();
                Ok($ty($crate::primitives::Ring::new(p.period)))
            }
            fn lookback(&self) -> usize {
                self.0.capacity()
            }
            #[inline(always)]
            fn step(&mut self, bar: &[f64], out: &mut [f64]) -> bool {
                let $x = bar[0];
                let Some($prev) = self.0.push($x) else { return false };
                out[0] = $body;
                true
            }
        }
    };
}
