//! Harami pattern.

pattern_settings!(BodyShort, BodyLong);

candle_pattern!(
    /// Harami: a long candle, then a short body inside its body (+100 after a black candle,
    /// -100 after a white one; +-80 when one end of the bodies matches).
    CdlHarami, candles: 2, sums: 2,
    |cfg| (
        cfg.period(BodyShort).max(cfg.period(BodyLong)) + 1,
        [Total::before(&cfg, BodyLong, 1), Total::before(&cfg, BodyShort, 0)]
    ),
    |w, _pen| {
        let (first, second) = (w.c(1), w.c(0));
        let sizes = (first.body() > w.avg(0, 1)) & (second.body() <= w.avg(1, 0));
        if all(sizes & inside(&first, &second)) {
            -first.color() * if strictly_inside(&first, &second) { 100 } else { 80 }
        } else {
            0
        }
    }
);

/// `second`'s body inside `first`'s, ends included (the harami's +-80 case).
pub(super) fn inside(first: &super::candle::Candle, second: &super::candle::Candle) -> bool {
    (second.body_top() <= first.body_top()) & (second.body_bottom() >= first.body_bottom())
}

/// `second`'s body strictly inside `first`'s (the harami's +-100 case).
pub(super) fn strictly_inside(
    first: &super::candle::Candle,
    second: &super::candle::Candle,
) -> bool {
    (second.body_top() < first.body_top()) & (second.body_bottom() > first.body_bottom())
}

pattern_spec!(
    "cdlharami",
    "CDLHARAMI",
    CdlHarami,
    "Harami: a long candle, then a short body within its body"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_both_ways() {
        check(
            "cdlharami",
            &[[103.0, 103.2, 99.8, 100.0], [101.0, 101.8, 100.8, 101.5]],
            100,
        );
        check(
            "cdlharami",
            &[[100.0, 103.2, 99.8, 103.0], [102.0, 102.8, 101.8, 101.5]],
            -100,
        );
        check(
            "cdlharami",
            &[[103.0, 103.2, 99.8, 100.0], [100.0, 101.8, 99.8, 100.5]],
            80,
        );
        check(
            "cdlharami",
            &[[100.0, 103.2, 99.8, 103.0], [103.0, 103.1, 101.8, 102.5]],
            -80,
        );
        check(
            "cdlharami",
            &[[103.0, 103.2, 99.8, 100.0], [101.0, 103.8, 100.8, 103.5]],
            0,
        );
    }
}
