//! The true range of a bar.

/// True range of a bar given the previous close, in TA-Lib's order: start from the bar's
/// range and replace it with a larger distance to the previous close.
#[inline(always)]
pub fn true_range(high: f64, low: f64, prev_close: f64) -> f64 {
    let mut range = high - low;
    let to_high = (prev_close - high).abs();
    if to_high > range {
        range = to_high;
    }
    let to_low = (prev_close - low).abs();
    if to_low > range {
        range = to_low;
    }
    range
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn true_range_extends_to_the_previous_close() {
        assert_eq!(true_range(12.0, 9.0, 9.0), 3.0); // the bar's own range
        assert_eq!(true_range(11.0, 10.0, 12.0), 2.0); // gap down: previous close to low
        assert_eq!(true_range(13.0, 12.0, 10.5), 2.5); // gap up: previous close to high
    }
}
