//! Wilder's one-bar directional movement.

/// One-bar directional movement `(+DM1, -DM1)` from the previous bar's high and low. At most
/// one of the two is non-zero; equal moves give neither.
#[inline(always)]
pub fn directional_movement(prev_high: f64, prev_low: f64, high: f64, low: f64) -> (f64, f64) {
    let up = high - prev_high;
    let down = prev_low - low;
    if down > 0.0 && up < down {
        (0.0, down)
    } else if up > 0.0 && up > down {
        (up, 0.0)
    } else {
        (0.0, 0.0)
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bar_directional_movement() {
        assert_eq!(directional_movement(10.0, 8.0, 12.0, 9.0), (2.0, 0.0));
        assert_eq!(directional_movement(10.0, 8.0, 10.5, 5.0), (0.0, 3.0));
        assert_eq!(directional_movement(10.0, 8.0, 11.0, 7.0), (0.0, 0.0)); // equal moves
        assert_eq!(directional_movement(10.0, 8.0, 9.0, 9.0), (0.0, 0.0)); // inside bar
    }
}
