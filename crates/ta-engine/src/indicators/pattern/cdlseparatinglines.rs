//! Separating lines.

pattern_settings!(ShadowVeryShort, BodyLong, Equal);

candle_pattern!(
    /// Separating lines: a candle, then an opposite-coloured belt hold opening at (about) the
    /// same price (+100 white belt hold, -100 black).
    CdlSeparatingLines, candles: 2, sums: 3,
    |cfg| (
        cfg.period(ShadowVeryShort).max(cfg.period(BodyLong)).max(cfg.period(Equal)) + 1,
        [
            Total::before(&cfg, ShadowVeryShort, 0),
            Total::before(&cfg, BodyLong, 0),
            Total::before(&cfg, Equal, 1),
        ]
    ),
    |w, _pen| {
        let (first, second) = (w.c(1), w.c(0));
        let (very_short, equal) = (w.avg(0, 0), w.avg(2, 1));
        if all((first.white() != second.white())
            & (second.open <= first.open + equal)
            & (second.open >= first.open - equal)
            & (second.body() > w.avg(1, 0))
            & ((second.white() & (second.lower() < very_short))
                | (second.black() & (second.upper() < very_short))))
        {
            second.color() * 100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlseparatinglines",
    "CDLSEPARATINGLINES",
    CdlSeparatingLines,
    "Separating lines: an opposite belt hold opening where the previous candle opened"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_both_ways() {
        let black = [103.0, 103.2, 101.8, 102.0];
        check(
            "cdlseparatinglines",
            &[black, [103.02, 106.2, 103.0, 106.0]],
            100,
        );
        let white = [100.0, 101.2, 99.8, 101.0];
        check(
            "cdlseparatinglines",
            &[white, [100.02, 100.03, 96.8, 97.0]],
            -100,
        );
        check(
            "cdlseparatinglines",
            &[white, [100.5, 100.53, 96.8, 97.0]],
            0,
        );
    }
}
