extension Int {
    /// `value` rounded towards zero and clamped to `Int`'s range; NaN is 0. `Int(_: Double)` traps on
    /// values outside the range (1e19, 1e300) and on NaN, and blueprint numbers come from users.
    @inlinable
    public init(saturating value: Double) {
        if value.isNaN {
            self = 0
        } else if value >= 9.223_372_036_854_775e18 {
            self = .max
        } else if value <= -9.223_372_036_854_775e18 {
            self = .min
        } else {
            self = Int(value)
        }
    }
}

extension Int64 {
    /// `value` rounded towards zero and clamped to `Int64`'s range; NaN is 0.
    @inlinable
    public init(saturating value: Double) { self = Int64(Int(saturating: value)) }
}
