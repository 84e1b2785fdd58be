//! Upside/downside gap three methods.

pattern_settings!();

candle_pattern!(
    /// Gap three methods: two same-coloured candles with a body gap between them, then an
    /// opposite candle opening within the second body and closing within the first (+100
    /// upside gap with white candles, -100 downside with black).
    CdlXSideGap3Methods, candles: 3, sums: 0,
    |cfg| (2, []),
    |w, _pen| {
        let (first, second, third) = (w.c(2), w.c(1), w.c(0));
        if all((first.white() == second.white())
            & (second.white() != third.white())
            & (third.open < second.body_top())
            & (third.open > second.body_bottom())
            & (third.close < first.body_top())
            & (third.close > first.body_bottom())
            & ((first.white() & body_gap_up(&second, &first))
                | (first.black() & body_gap_down(&second, &first))))
        {
            first.color() * 100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlxsidegap3methods",
    "CDLXSIDEGAP3METHODS",
    CdlXSideGap3Methods,
    "Upside/downside gap three methods: a gap closed by an opposite candle"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_both_ways() {
        let white = [100.0, 101.2, 99.8, 101.0];
        check(
            "cdlxsidegap3methods",
            &[
                white,
                [101.5, 102.6, 101.4, 102.5],
                [102.0, 102.1, 100.4, 100.5],
            ],
            100,
        );
        let black = [101.0, 101.2, 99.8, 100.0];
        check(
            "cdlxsidegap3methods",
            &[black, [99.5, 99.6, 98.4, 98.5], [99.0, 100.6, 98.9, 100.5]],
            -100,
        );
        check(
            "cdlxsidegap3methods",
            &[
                white,
                [101.5, 102.6, 101.4, 102.5],
                [102.0, 102.1, 99.4, 99.5],
            ],
            0,
        );
    }
}
