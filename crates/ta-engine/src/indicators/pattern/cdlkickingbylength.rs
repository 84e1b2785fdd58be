//! Kicking, bull/bear decided by the longer marubozu.

pattern_settings!(ShadowVeryShort, BodyLong);

candle_pattern!(
    /// Kicking by length: a kicking pattern signed by the colour of the longer of its two
    /// marubozu (+100 white, -100 black).
    CdlKickingByLength, candles: 2, sums: 4,
    |cfg| (
        cfg.period(ShadowVeryShort).max(cfg.period(BodyLong)) + 1,
        [
            Total::before(&cfg, ShadowVeryShort, 1),
            Total::before(&cfg, ShadowVeryShort, 0),
            Total::before(&cfg, BodyLong, 1),
            Total::before(&cfg, BodyLong, 0),
        ]
    ),
    |w, _pen| {
        if super::cdlkicking::kick(w) {
            let (first, second) = (w.c(1), w.c(0));
            let longer = if second.body() > first.body() { second } else { first };
            longer.color() * 100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlkickingbylength",
    "CDLKICKINGBYLENGTH",
    CdlKickingByLength,
    "Kicking by length: a kicking pattern signed by its longer marubozu"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_both_ways() {
        let black = [103.0, 103.05, 99.95, 100.0];
        check(
            "cdlkickingbylength",
            &[black, [103.5, 107.05, 103.45, 107.0]],
            100,
        );
        check(
            "cdlkickingbylength",
            &[black, [103.5, 105.55, 103.45, 105.5]],
            -100,
        );
        let white = [100.0, 103.05, 99.95, 103.0];
        check(
            "cdlkickingbylength",
            &[white, [99.5, 100.5, 96.45, 96.5]],
            0,
        );
    }
}
