//! A fixed-capacity window of the last values.

/// The last `capacity` values seen, oldest first.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "RingFields")]
pub struct Ring {
    buf: Vec<f64>,
    head: usize,
    len: usize,
}

/// A ring as a snapshot holds it, before its indices are checked.
#[derive(serde::Deserialize)]
struct RingFields {
    buf: Vec<f64>,
    head: usize,
    len: usize,
}

impl TryFrom<RingFields> for Ring {
    type Error = String;

    fn try_from(f: RingFields) -> Result<Self, String> {
        // The head moves only once the ring is full (`as_slices` relies on it).
        if f.buf.is_empty()
            || f.head >= f.buf.len()
            || f.len > f.buf.len()
            || (f.len < f.buf.len() && f.head != 0)
        {
            return Err(crate::execution::checks::outside("ring"));
        }
        Ok(Ring {
            buf: f.buf,
            head: f.head,
            len: f.len,
        })
    }
}

impl Ring {
    pub fn new(capacity: usize) -> Self {
        Ring {
            buf: vec![0.0; capacity.max(1)],
            head: 0,
            len: 0,
        }
    }

    #[inline(always)]
    pub fn capacity(&self) -> usize {
        self.buf.len()
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline(always)]
    pub fn is_full(&self) -> bool {
        self.len == self.buf.len()
    }

    /// Appends `x`; returns the value pushed out when the ring was full.
    #[inline(always)]
    pub fn push(&mut self, x: f64) -> Option<f64> {
        let cap = self.buf.len();
        if self.len < cap {
            let slot = (self.head + self.len) % cap;
            self.buf[slot] = x;
            self.len += 1;
            None
        } else {
            let old = std::mem::replace(&mut self.buf[self.head], x);
            self.head += 1;
            if self.head == cap {
                self.head = 0;
            }
            Some(old)
        }
    }

    /// The `i`-th oldest value (0 = oldest).
    #[inline(always)]
    pub fn get(&self, i: usize) -> f64 {
        debug_assert!(i < self.len);
        let cap = self.buf.len();
        let mut at = self.head + i;
        if at >= cap {
            at -= cap;
        }
        self.buf[at]
    }

    /// The `i`-th newest value (0 = newest).
    #[inline(always)]
    pub fn back(&self, i: usize) -> f64 {
        self.get(self.len - 1 - i)
    }

    #[inline(always)]
    pub fn oldest(&self) -> f64 {
        self.get(0)
    }

    /// The values as two contiguous runs, oldest first.
    #[inline(always)]
    pub fn as_slices(&self) -> (&[f64], &[f64]) {
        if self.len < self.buf.len() {
            // Until the ring is full nothing wraps: values sit at 0..len.
            (&self.buf[..self.len], &[])
        } else {
            let (newer, older) = self.buf.split_at(self.head);
            (older, newer)
        }
    }

    /// Values oldest first.
    #[inline(always)]
    pub fn iter(&self) -> impl Iterator<Item = f64> + '_ {
        let (older, newer) = self.as_slices();
        older.iter().chain(newer).copied()
    }
}
