//! Matching low.

pattern_settings!(Equal);

candle_pattern!(
    /// Matching low: two black candles closing at (about) the same price. +100.
    CdlMatchingLow, candles: 2, sums: 1,
    |cfg| (cfg.period(Equal) + 1, [Total::before(&cfg, Equal, 1)]),
    |w, _pen| {
        let (first, second) = (w.c(1), w.c(0));
        let equal = w.avg(0, 1);
        if all(first.black()
            & second.black()
            & (second.close <= first.close + equal)
            & (second.close >= first.close - equal))
        {
            100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlmatchinglow",
    "CDLMATCHINGLOW",
    CdlMatchingLow,
    "Matching low: two black candles with (nearly) equal closes"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        let first = [103.0, 103.2, 99.8, 100.0];
        check(
            "cdlmatchinglow",
            &[first, [101.5, 101.6, 99.9, 100.02]],
            100,
        );
        check("cdlmatchinglow", &[first, [101.5, 101.6, 99.9, 100.5]], 0);
    }
}
