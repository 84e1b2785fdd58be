//! Volume indicators: on-balance volume and the Chaikin accumulation/distribution family.

mod ad;
mod ad_line;
mod adosc;
mod obv;
// TA-Lib 0.8.3 additions.
mod emv;
mod kvo;

pub use ad::Ad;
pub use adosc::{Adosc, AdoscParams};
pub use obv::Obv;
// TA-Lib 0.8.3 additions.
pub use emv::{Emv, EmvParams};
pub use kvo::{Kvo, KvoParams};

use crate::catalog::IndicatorSpec;

/// The family's catalog entries, in catalog order.
pub(crate) static SPECS: &[&IndicatorSpec] = &[
    &obv::SPEC,
    &ad::SPEC,
    &adosc::SPEC,
    // TA-Lib 0.8.3 additions.
    &emv::SPEC,
    &kvo::SPEC,
];
