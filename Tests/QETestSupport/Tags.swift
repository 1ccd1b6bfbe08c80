import Foundation
import Testing

extension Tag {
    /// Tests that take seconds rather than milliseconds: they run the built executable, time
    /// kernels, or simulate. Tagged so that test reports can tell them apart; see
    /// ``Trait/skippedWhenFast`` for leaving them out.
    @Tag public static var slow: Self
}

extension Trait where Self == ConditionTrait {
    /// Disabled when the environment variable `QE_VALIDATE_FAST_TESTS` is set, so that
    /// `QE_VALIDATE_FAST_TESTS=1 swift test` runs only the fast tests (CONTRIBUTING, "Running
    /// the tests"). Put it beside `.tags(.slow)`.
    public static var skippedWhenFast: Self {
        .enabled(if: ProcessInfo.processInfo.environment["QE_VALIDATE_FAST_TESTS"] == nil,
                 "a slow test, skipped because QE_VALIDATE_FAST_TESTS is set")
    }
}
