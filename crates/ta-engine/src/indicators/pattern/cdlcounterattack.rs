//! Counterattack.

pattern_settings!(Equal, BodyLong);

candle_pattern!(
    /// Counterattack: two long opposite candles closing at (about) the same price (+100 white
    /// second candle, -100 black).
    CdlCounterAttack, candles: 2, sums: 3,
    |cfg| (
        cfg.period(Equal).max(cfg.period(BodyLong)) + 1,
        [
            Total::before(&cfg, Equal, 1),
            Total::before(&cfg, BodyLong, 1),
            Total::before(&cfg, BodyLong, 0),
        ]
    ),
    |w, _pen| {
        let (first, second) = (w.c(1), w.c(0));
        let equal = w.avg(0, 1);
        if all((first.white() != second.white())
            & (first.body() > w.avg(1, 1))
            & (second.body() > w.avg(2, 0))
            & (second.close <= first.close + equal)
            & (second.close >= first.close - equal))
        {
            second.color() * 100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlcounterattack",
    "CDLCOUNTERATTACK",
    CdlCounterAttack,
    "Counterattack: two long opposite candles closing at the same price"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_both_ways() {
        let black = [103.0, 103.2, 99.8, 100.0];
        check(
            "cdlcounterattack",
            &[black, [97.0, 100.2, 96.8, 100.02]],
            100,
        );
        let white = [100.0, 103.2, 99.8, 103.0];
        check(
            "cdlcounterattack",
            &[white, [106.0, 106.2, 102.8, 103.0]],
            -100,
        );
        check(
            "cdlcounterattack",
            &[white, [106.0, 106.2, 102.8, 103.5]],
            0,
        );
    }
}
