//! Up/down-gap side-by-side white lines.

pattern_settings!(Near, Equal);

candle_pattern!(
    /// Side-by-side white lines: two white candles of about the same size and open, both
    /// gapping away from the candle before (+100 after an upside gap, -100 downside).
    CdlGapSideSideWhite, candles: 3, sums: 2,
    |cfg| (
        cfg.period(Near).max(cfg.period(Equal)) + 2,
        [Total::before(&cfg, Near, 1), Total::before(&cfg, Equal, 1)]
    ),
    |w, _pen| {
        let (first, second, third) = (w.c(2), w.c(1), w.c(0));
        let up = body_gap_up(&second, &first) & body_gap_up(&third, &first);
        let down = body_gap_down(&second, &first) & body_gap_down(&third, &first);
        if !all((up | down) & second.white() & third.white()) {
            return 0;
        }
        let (near, equal) = (w.avg(0, 1), w.avg(1, 1));
        if third.body() >= second.body() - near
            && third.body() <= second.body() + near
            && third.open >= second.open - equal
            && third.open <= second.open + equal
        {
            if body_gap_up(&second, &first) {
                100
            } else {
                -100
            }
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlgapsidesidewhite",
    "CDLGAPSIDESIDEWHITE",
    CdlGapSideSideWhite,
    "Up/down-gap side-by-side white lines: two similar white candles after a gap"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_both_ways() {
        let first = [100.0, 101.2, 99.8, 101.0];
        check(
            "cdlgapsidesidewhite",
            &[
                first,
                [102.0, 103.1, 101.9, 103.0],
                [102.02, 103.2, 101.9, 103.05],
            ],
            100,
        );
        check(
            "cdlgapsidesidewhite",
            &[first, [98.0, 99.1, 97.9, 99.0], [98.02, 99.2, 97.9, 99.05]],
            -100,
        );
        check(
            "cdlgapsidesidewhite",
            &[
                first,
                [102.0, 103.1, 101.9, 103.0],
                [102.5, 103.6, 102.4, 103.5],
            ],
            0,
        );
    }
}
