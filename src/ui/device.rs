//! The browser's clock and randomness, handed to the domain as plain numbers.

/// Milliseconds since the Unix epoch.
pub fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// A fresh seed for shuffling a new round.
pub fn fresh_seed() -> u64 {
    // 53 bits: all the precision an f64 from Math.random() carries.
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}
