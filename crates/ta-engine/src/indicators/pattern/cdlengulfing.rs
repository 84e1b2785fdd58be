//! Engulfing pattern.

pattern_settings!();

candle_pattern!(
    /// Engulfing: a body that engulfs the previous, opposite-coloured body (+100 white
    /// engulfing black, -100 black engulfing white; +-80 when one end of the bodies matches).
    CdlEngulfing, candles: 2, sums: 0,
    |cfg| (2, []),
    |w, _pen| {
        let (first, second) = (w.c(1), w.c(0));
        let white_engulfs = second.white()
            & first.black()
            & (((second.close >= first.open) & (second.open < first.close))
                | ((second.close > first.open) & (second.open <= first.close)));
        let black_engulfs = second.black()
            & first.white()
            & (((second.open >= first.close) & (second.close < first.open))
                | ((second.open > first.close) & (second.close <= first.open)));
        if all(white_engulfs | black_engulfs) {
            if second.open != first.close && second.close != first.open {
                second.color() * 100
            } else {
                second.color() * 80
            }
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlengulfing",
    "CDLENGULFING",
    CdlEngulfing,
    "Engulfing: a body engulfing the previous, opposite-coloured body"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_both_ways() {
        check(
            "cdlengulfing",
            &[[101.0, 101.2, 99.8, 100.0], [99.5, 102.0, 99.4, 101.5]],
            100,
        );
        check(
            "cdlengulfing",
            &[[100.0, 101.2, 99.8, 101.0], [101.5, 101.6, 99.0, 99.5]],
            -100,
        );
        check(
            "cdlengulfing",
            &[[101.0, 101.2, 99.8, 100.0], [100.0, 102.0, 99.4, 101.5]],
            80,
        );
        check(
            "cdlengulfing",
            &[[100.0, 101.2, 99.8, 101.0], [101.0, 101.6, 99.0, 99.5]],
            -80,
        );
        check(
            "cdlengulfing",
            &[[101.0, 101.2, 99.8, 100.0], [100.5, 102.0, 99.4, 100.8]],
            0,
        );
    }
}
