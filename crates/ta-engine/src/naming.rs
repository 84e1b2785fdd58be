//! What adapters call an indicator's inputs and its result: the keyword of each input series,
//! the input that stands for "the series" (the `.ta` receiver), and the output column name.

use crate::catalog::{IndicatorSpec, Input};
use crate::indicators::pattern::settings::SETTING_SPECS;
use crate::params::{MaType, ParamKind, ParamSpec};

/// The keyword an adapter uses for input `i` of `spec`: the entry's own keywords where it
/// names them (BETA: `market`, `expr`), else OHLCV inputs by their role and free series as
/// `expr` (the series studied) and `other` (a second series).
pub fn input_keyword(spec: &IndicatorSpec, i: usize) -> &'static str {
    if let Some(keywords) = spec.input_keywords {
        return keywords[i];
    }
    match spec.inputs[i] {
        Input::Real | Input::Real0 => "expr",
        Input::Real1 => "other",
        role => role.as_str(),
    }
}

/// The input that stands for the series itself: the free series `expr` when there is one,
/// else the close, else the first input.
pub fn primary_input(spec: &IndicatorSpec) -> usize {
    let position =
        |wanted: &str| (0..spec.inputs.len()).find(|&i| input_keyword(spec, i) == wanted);
    position("expr").or_else(|| position("close")).unwrap_or(0)
}

/// The column an input reads when the caller names none: its role for OHLCV inputs, the close
/// for a free series, the column of its name for the rest (a signal's `long_entry`, ...).
pub fn default_column(input: Input) -> &'static str {
    match input {
        Input::Real | Input::Real0 | Input::Real1 => "close",
        role => role.as_str(),
    }
}

/// True for a pattern's candle-setting parameter (`body_doji_period`, ...).
fn is_candle_setting(param: &ParamSpec) -> bool {
    SETTING_SPECS
        .iter()
        .flatten()
        .any(|setting| setting.name == param.name)
}

/// `name` followed by every parameter value: `rsi_14`, `macd_12_26_9`, `bbands_20_2_2_sma`,
/// `sar_0.02_0.2`. Candle settings are written only when they differ from TA-Lib's default,
/// with their names (`cdldoji_body_doji_period_5`). Two calls with different parameters never
/// share a label.
pub fn label(spec: &IndicatorSpec, values: &[f64]) -> String {
    let mut label = spec.name.to_string();
    for (param, &value) in spec.params.iter().zip(values) {
        if is_candle_setting(param) {
            if value != param.default {
                label.push_str(&format!("_{}_{value}", param.name));
            }
            continue;
        }
        label.push('_');
        match param.kind {
            ParamKind::MaType => match MaType::from_code(value as u8) {
                Some(kind) => label.push_str(&kind.name().to_ascii_lowercase()),
                None => label.push_str(&format!("{value}")),
            },
            // `Display` writes the shortest form that reads back exactly: 14, 2, 0.02.
            ParamKind::Int | ParamKind::Float => label.push_str(&format!("{value}")),
        }
    }
    label
}

/// The result column's name: the label, prefixed with the primary input's column name unless
/// that column is the one the input reads by default (`sma_20` for the close, `open_sma_20`
/// for the open). Distinct input columns therefore give distinct names, and the result never
/// takes the name of an input column.
pub fn output_name(spec: &IndicatorSpec, values: &[f64], primary_column: &str) -> String {
    let label = label(spec, values);
    let primary = spec.inputs.get(primary_input(spec)).copied();
    match primary {
        Some(input) if primary_column != default_column(input) => {
            format!("{primary_column}_{label}")
        }
        _ => label,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::find;

    fn name_of(indicator: &str, values: &[f64], column: &str) -> String {
        output_name(find(indicator).unwrap(), values, column)
    }

    #[test]
    fn labels_carry_every_parameter() {
        assert_eq!(name_of("rsi", &[14.0], "close"), "rsi_14");
        assert_eq!(name_of("rsi", &[2.0], "close"), "rsi_2");
        assert_eq!(name_of("macd", &[12.0, 26.0, 9.0], "close"), "macd_12_26_9");
        assert_eq!(
            name_of("bbands", &[20.0, 2.0, 2.0, 0.0], "close"),
            "bbands_20_2_2_sma"
        );
        assert_eq!(name_of("sar", &[0.02, 0.2], "high"), "sar_0.02_0.2");
        assert_eq!(name_of("obv", &[], "close"), "obv");
    }

    #[test]
    fn candle_settings_are_named_only_when_changed() {
        let doji = find("cdldoji").unwrap();
        let mut values = doji.default_values();
        assert_eq!(output_name(doji, &values, "close"), "cdldoji");
        let period = doji
            .params
            .iter()
            .position(|p| p.name == "body_doji_period")
            .unwrap();
        values[period] = 5.0;
        assert_eq!(
            output_name(doji, &values, "close"),
            "cdldoji_body_doji_period_5"
        );
        let star = find("cdlmorningstar").unwrap();
        assert_eq!(
            output_name(star, &star.default_values(), "close"),
            "cdlmorningstar_0.3"
        );
    }

    #[test]
    fn other_columns_prefix_the_label() {
        assert_eq!(name_of("sma", &[5.0], "open"), "open_sma_5");
        assert_eq!(name_of("atr", &[14.0], "close"), "atr_14");
        assert_eq!(name_of("atr", &[14.0], "c"), "c_atr_14");
        assert_eq!(name_of("sma", &[5.0], "sma_5"), "sma_5_sma_5");
    }

    #[test]
    fn our_entries_follow_the_same_rules() {
        assert_eq!(name_of("lag", &[3.0], "close"), "lag_3");
        assert_eq!(name_of("lag", &[3.0], "rsi_14"), "rsi_14_lag_3");
        let crosses = find("crosses_above").unwrap();
        assert_eq!(input_keyword(crosses, 0), "expr");
        assert_eq!(input_keyword(crosses, 1), "other");
        assert_eq!(output_name(crosses, &[], "fast"), "fast_crosses_above");
        let position = find("position").unwrap();
        let keywords: Vec<_> = (0..4).map(|i| input_keyword(position, i)).collect();
        assert_eq!(
            keywords,
            ["long_entry", "long_exit", "short_entry", "short_exit"]
        );
        assert_eq!(primary_input(position), 0);
        assert_eq!(output_name(position, &[], "long_entry"), "position");
        assert_eq!(output_name(position, &[], "buy"), "buy_position");
    }

    #[test]
    fn beta_studies_real1_against_real0() {
        let beta = find("beta").unwrap();
        assert_eq!(input_keyword(beta, 0), "market");
        assert_eq!(input_keyword(beta, 1), "expr");
        assert_eq!(primary_input(beta), 1);
        let correl = find("correl").unwrap();
        assert_eq!(primary_input(correl), 0);
        assert_eq!(input_keyword(correl, 1), "other");
        assert_eq!(primary_input(find("atr").unwrap()), 2);
        assert_eq!(primary_input(find("sar").unwrap()), 0);
    }
}
