//! The catalog as one JSON document: the contract bindings, docs and tools read.

use serde::Serialize;

use super::{
    catalog, Fill, Flag, Group, IndicatorSpec, Input, InputRole, MissingData, Origin, OutputSpec,
};
use crate::indicators::pattern::settings::SETTING_SPECS;
use crate::naming;
use crate::params::{MaType, ParamSpec};

/// Bumped whenever a field changes meaning or disappears (adding fields does not bump it).
/// Version 2: `talib_name` and `talib_group` (and an output's `talib_name`) are null for our
/// own entries, which `origin` tells apart.
pub const FORMAT_VERSION: u32 = 2;

#[derive(Serialize)]
struct CatalogDoc {
    format_version: u32,
    ma_types: Vec<MaTypeDoc>,
    /// TA-Lib's candle settings with their defaults; each pattern's parameters name the
    /// settings it reads (`<setting>_period`, `_factor`, `_range`).
    candle_settings: Vec<CandleSettingDoc>,
    indicators: Vec<EntryDoc>,
}

#[derive(Serialize)]
struct CandleSettingDoc {
    name: &'static str,
    /// 0 real body, 1 high-low, 2 shadows.
    range: f64,
    period: f64,
    factor: f64,
}

#[derive(Serialize)]
struct MaTypeDoc {
    name: &'static str,
    code: u8,
}

#[derive(Serialize)]
struct InputDoc {
    name: Input,
    role: InputRole,
    /// Our keyword for it (see `naming::input_keyword`).
    keyword: &'static str,
}

#[derive(Serialize)]
struct EntryDoc {
    name: &'static str,
    /// Whose definition the entry follows: `talib`, or `laakhay` (ours, not in TA-Lib).
    origin: Origin,
    /// TA-Lib's name; null for our own entries.
    talib_name: Option<&'static str>,
    group: Group,
    /// TA-Lib's name for the group; null for our own groups.
    talib_group: Option<&'static str>,
    summary: &'static str,
    /// The full rules where the summary cannot hold them; null for most entries.
    details: Option<&'static str>,
    inputs: Vec<InputDoc>,
    /// The input that stands for the series (the `.ta` receiver).
    primary_input: usize,
    params: &'static [ParamSpec],
    outputs: &'static [OutputSpec],
    levels: &'static [f64],
    fills: &'static [Fill],
    flags: &'static [Flag],
    missing_data: MissingData,
    deviations: &'static [&'static str],
    default_lookback: Option<usize>,
    /// The result's name with default parameters and columns (see `naming::label`).
    output_name: String,
}

impl EntryDoc {
    fn new(spec: &'static IndicatorSpec) -> Self {
        EntryDoc {
            name: spec.name,
            origin: spec.origin,
            talib_name: spec.talib_name,
            group: spec.group,
            talib_group: spec.group.talib_name(),
            summary: spec.summary,
            details: spec.details,
            inputs: spec
                .inputs
                .iter()
                .enumerate()
                .map(|(i, &name)| InputDoc {
                    name,
                    role: name.role(),
                    keyword: naming::input_keyword(spec, i),
                })
                .collect(),
            primary_input: naming::primary_input(spec),
            params: spec.params,
            outputs: spec.outputs,
            levels: spec.levels,
            fills: spec.fills,
            flags: spec.flags,
            missing_data: spec.missing_data,
            deviations: spec.deviations,
            default_lookback: spec.lookback(&spec.default_values()).ok(),
            output_name: naming::label(spec, &spec.default_values()),
        }
    }
}

/// Every catalog entry, the moving-average types and the format version, as JSON.
pub fn catalog_json() -> String {
    let doc = CatalogDoc {
        format_version: FORMAT_VERSION,
        ma_types: MaType::ALL
            .iter()
            .map(|m| MaTypeDoc {
                name: m.name(),
                code: m.code(),
            })
            .collect(),
        candle_settings: SETTING_SPECS
            .iter()
            .map(|[period, factor, range]| CandleSettingDoc {
                name: period.name.trim_end_matches("_period"),
                range: range.default,
                period: period.default,
                factor: factor.default,
            })
            .collect(),
        indicators: catalog().iter().map(|&s| EntryDoc::new(s)).collect(),
    };
    // Only strings, numbers and lists of them: serialising cannot fail.
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn entry<'a>(doc: &'a Value, name: &str) -> &'a Value {
        doc["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == name)
            .unwrap()
    }

    #[test]
    fn parses_back_with_every_entry() {
        let doc: Value = serde_json::from_str(&catalog_json()).unwrap();
        assert_eq!(doc["format_version"], FORMAT_VERSION);
        assert_eq!(doc["indicators"].as_array().unwrap().len(), catalog().len());
        assert_eq!(doc["ma_types"][1]["name"], "EMA");
        assert_eq!(doc["candle_settings"][3]["name"], "body_doji");
        assert_eq!(doc["candle_settings"][3]["factor"], 0.1);
        assert_eq!(doc["ma_types"][7]["name"], "MAMA");
        assert_eq!(doc["ma_types"][8]["code"], 8);

        let bbands = entry(&doc, "bbands");
        assert_eq!(bbands["talib_name"], "BBANDS");
        assert_eq!(bbands["inputs"][0]["name"], "real");
        assert_eq!(bbands["inputs"][0]["role"], "free");
        assert_eq!(bbands["params"][3]["kind"], "matype");
        assert_eq!(bbands["params"][1]["talib_name"], "nbdevup");
        assert_eq!(bbands["outputs"][0]["style"], "band");
        assert_eq!(bbands["outputs"][0]["dtype"], "Float64");
        assert_eq!(bbands["fills"][0]["upper"], "upper");
        assert_eq!(bbands["default_lookback"], 19);

        let adx = entry(&doc, "adx");
        assert_eq!(adx["inputs"][0]["role"], "price");
        assert_eq!(adx["outputs"][0]["pane_group"], "directional");
        assert_eq!(adx["levels"][0], 25.0);
        assert_eq!(adx["flags"][0], "unstable_period");
        assert_eq!(adx["missing_data"], "skip_bar");
        assert_eq!(entry(&doc, "sma")["outputs"][0]["pane_group"], Value::Null);
        assert_eq!(bbands["origin"], "talib");
        assert_eq!(bbands["talib_group"], "Overlap Studies");

        let crosses = entry(&doc, "crosses_above");
        assert_eq!(crosses["origin"], "laakhay");
        assert_eq!(crosses["talib_name"], Value::Null);
        assert_eq!(crosses["group"], "signal");
        assert_eq!(crosses["talib_group"], Value::Null);
        assert_eq!(crosses["outputs"][0]["dtype"], "Boolean");
        assert_eq!(crosses["outputs"][0]["talib_name"], Value::Null);
        assert_eq!(crosses["default_lookback"], 1);
        let position = entry(&doc, "position");
        assert_eq!(position["inputs"][2]["name"], "short_entry");
        assert_eq!(position["inputs"][2]["role"], "signal");
        assert_eq!(position["inputs"][2]["keyword"], "short_entry");
        assert_eq!(position["outputs"][0]["dtype"], "Int32");
        assert_eq!(position["default_lookback"], 0);
        assert!(position["details"]
            .as_str()
            .unwrap()
            .contains("reverses to short"));
        assert_eq!(bbands["details"], Value::Null);
        assert_eq!(
            entry(&doc, "dema")["deviations"].as_array().unwrap().len(),
            1
        );
    }

    #[test]
    fn json_names_are_the_as_str_names() {
        for spec in catalog() {
            for input in spec.inputs {
                assert_eq!(serde_json::to_value(input).unwrap(), input.as_str());
                assert_eq!(
                    serde_json::to_value(input.role()).unwrap(),
                    input.role().as_str()
                );
            }
            for p in spec.params {
                assert_eq!(serde_json::to_value(p.kind).unwrap(), p.kind.as_str());
            }
            for o in spec.outputs {
                assert_eq!(serde_json::to_value(o.pane).unwrap(), o.pane.as_str());
                assert_eq!(serde_json::to_value(o.style).unwrap(), o.style.as_str());
                assert_eq!(serde_json::to_value(o.dtype).unwrap(), o.dtype.as_str());
            }
            for f in spec.flags {
                assert_eq!(serde_json::to_value(f).unwrap(), f.as_str());
            }
            assert_eq!(
                serde_json::to_value(spec.group).unwrap(),
                spec.group.as_str()
            );
            assert_eq!(
                serde_json::to_value(spec.origin).unwrap(),
                spec.origin.as_str()
            );
        }
    }
}
