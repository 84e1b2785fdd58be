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
        if first.body() > w.avg(0, 1) && second.body() <= w.avg(1, 0) {
            inside(&first, &second)
        } else {
            0
        }
    }
);

/// The harami signal once the body sizes qualify: `second`'s body strictly inside `first`'s
/// (100), or inside with one end matching (80); signed against `first`'s colour.
pub(super) fn inside(first: &super::candle::Candle, second: &super::candle::Candle) -> i32 {
    if second.body_top() < first.body_top() && second.body_bottom() > first.body_bottom() {
        -first.color() * 100
    } else if second.body_top() <= first.body_top() && second.body_bottom() >= first.body_bottom() {
        -first.color() * 80
    } else {
        0
    }
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
