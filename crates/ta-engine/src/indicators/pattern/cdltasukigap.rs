//! Tasuki gap.

pattern_settings!(Near);

candle_pattern!(
    /// Tasuki gap: a body gapping away, then an opposite candle of about the same size opening
    /// within it and closing inside the gap (+100 upside gap, -100 downside).
    CdlTasukiGap, candles: 3, sums: 1,
    |cfg| (cfg.period(Near) + 2, [Total::before(&cfg, Near, 1)]),
    |w, _pen| {
        let (first, second, third) = (w.c(2), w.c(1), w.c(0));
        let up = body_gap_up(&second, &first)
            & second.white()
            & third.black()
            & (third.open < second.close)
            & (third.open > second.open)
            & (third.close < second.open)
            & (third.close > first.body_top());
        let down = body_gap_down(&second, &first)
            & second.black()
            & third.white()
            & (third.open < second.open)
            & (third.open > second.close)
            & (third.close > second.open)
            & (third.close < first.body_bottom());
        if all(up | down) && (second.body() - third.body()).abs() < w.avg(0, 1) {
            second.color() * 100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdltasukigap",
    "CDLTASUKIGAP",
    CdlTasukiGap,
    "Tasuki gap: a gap, then an opposite candle closing partly into the gap"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_both_ways() {
        let first = [100.0, 101.2, 99.8, 101.0];
        check(
            "cdltasukigap",
            &[
                first,
                [102.0, 103.1, 101.9, 103.0],
                [102.5, 102.6, 101.4, 101.5],
            ],
            100,
        );
        check(
            "cdltasukigap",
            &[first, [99.0, 99.1, 97.9, 98.0], [98.5, 99.6, 98.4, 99.5]],
            -100,
        );
        check(
            "cdltasukigap",
            &[
                first,
                [102.0, 103.1, 101.9, 103.0],
                [102.5, 102.6, 100.4, 100.5],
            ],
            0,
        );
    }
}
