//! Inverted hammer.

pattern_settings!(BodyShort, ShadowLong, ShadowVeryShort);

candle_pattern!(
    /// Inverted hammer: a small body at the bottom of the range with a long upper shadow,
    /// gapping down from the previous body. +100.
    CdlInvertedHammer, candles: 2, sums: 3,
    |cfg| (
        cfg.period(BodyShort)
            .max(cfg.period(ShadowLong))
            .max(cfg.period(ShadowVeryShort))
            + 1,
        [
            Total::before(&cfg, BodyShort, 0),
            Total::before(&cfg, ShadowLong, 0),
            Total::before(&cfg, ShadowVeryShort, 0),
        ]
    ),
    |w, _pen| {
        let c = w.c(0);
        let fires = body_gap_down(&c, &w.c(1))
            & (c.body() < w.avg(0, 0))
            & (c.upper() > w.avg(1, 0))
            & (c.lower() < w.avg(2, 0));
        when(fires, 100)
    }
);

pattern_spec!(
    "cdlinvertedhammer",
    "CDLINVERTEDHAMMER",
    CdlInvertedHammer,
    "Inverted hammer: small body below a long upper shadow, gapping down"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_on_a_gap_down() {
        check("cdlinvertedhammer", &[[99.2, 101.5, 99.15, 99.4]], 100);
        check("cdlinvertedhammer", &[[100.2, 102.5, 100.15, 100.4]], 0);
    }
}
