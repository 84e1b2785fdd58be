//! Homing pigeon.

pattern_settings!(BodyShort, BodyLong);

candle_pattern!(
    /// Homing pigeon: a long black candle, then a short black body inside its body. +100.
    CdlHomingPigeon, candles: 2, sums: 2,
    |cfg| (
        cfg.period(BodyShort).max(cfg.period(BodyLong)) + 1,
        [Total::before(&cfg, BodyLong, 1), Total::before(&cfg, BodyShort, 0)]
    ),
    |w, _pen| {
        let (first, second) = (w.c(1), w.c(0));
        let shape = first.black()
            & second.black()
            & (second.open < first.open)
            & (second.close > first.close);
        if all(shape) && first.body() > w.avg(0, 1) && second.body() <= w.avg(1, 0) {
            100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlhomingpigeon",
    "CDLHOMINGPIGEON",
    CdlHomingPigeon,
    "Homing pigeon: a long black candle, then a short black body within it"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        let first = [103.0, 103.2, 99.8, 100.0];
        check(
            "cdlhomingpigeon",
            &[first, [102.0, 102.2, 100.8, 101.0]],
            100,
        );
        check("cdlhomingpigeon", &[first, [101.0, 102.2, 100.8, 102.0]], 0);
    }
}
