//! Volume indicators: on-balance volume and the Chaikin accumulation/distribution family.

mod ad;
mod ad_line;
mod adosc;
mod cmf;
mod efi;
mod marketfi;
mod nvi;
mod obv;
mod pvi;
mod pvo;
mod pvt;
mod rvol;
mod volume_index;
mod vwap;
// TA-Lib 0.8.3 additions.
mod emv;
mod kvo;

pub use ad::Ad;
pub use adosc::{Adosc, AdoscParams};
pub use cmf::{Cmf, CmfParams};
pub use efi::{Efi, EfiParams};
pub use marketfi::Marketfi;
pub use nvi::Nvi;
pub use obv::Obv;
// TA-Lib 0.8.3 additions.
pub use emv::{Emv, EmvParams};
pub use kvo::{Kvo, KvoParams};
pub use pvi::Pvi;
pub use pvt::Pvt;
pub use rvol::{Rvol, RvolParams};
pub use vwap::Vwap;

use crate::catalog::IndicatorSpec;

/// The family's catalog entries, in catalog order.
pub(crate) static SPECS: &[&IndicatorSpec] = &[
    &obv::SPEC,
    &ad::SPEC,
    &adosc::SPEC,
    &cmf::SPEC,
    &efi::SPEC,
    &marketfi::SPEC,
    &nvi::SPEC,
    &pvi::SPEC,
    &pvo::SPEC,
    &pvt::SPEC,
    &rvol::SPEC,
    &vwap::SPEC,
    // TA-Lib 0.8.3 additions.
    &emv::SPEC,
    &kvo::SPEC,
];
