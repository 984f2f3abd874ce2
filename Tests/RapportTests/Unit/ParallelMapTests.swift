import Synchronization
import XCTest

@testable import Rapport

/// Work spread over the cores: results in the elements' order, and inputs that are only
/// needed until they are transformed released as soon as they are.
final class ParallelMapTests: XCTestCase {
    func testResultsKeepTheElementsOrder() {
        for count in [0, 1, 15, 16, 1_000] {
            XCTAssertEqual(Array(0..<count).parallelMap { $0 * 3 }, (0..<count).map { $0 * 3 }, "\(count) elements")
        }
    }

    func testReleasingMapFreesEachElementOnceTransformed() {
        let live = Live()
        let count = 200
        // The array is handed over: nothing else holds the elements. By the last transform,
        // the elements transformed before it are gone.
        let seen = (0..<count).map { Tracked(value: $0, live: live) }.parallelMapReleasing { element -> (Int, Int) in
            (element.value, live.count)
        }
        XCTAssertEqual(seen.map(\.0), Array(0..<count))
        XCTAssertEqual(live.count, 0)
        XCTAssertLessThan(seen.last!.1, count, "the last element was transformed with every other still held")
    }

    func testReleasingMapOfFewElementsStaysOnThisThread() {
        let live = Live()
        let results = (0..<5).map { Tracked(value: $0, live: live) }.parallelMapReleasing { $0.value + 1 }
        XCTAssertEqual(results, [1, 2, 3, 4, 5])
        XCTAssertEqual(live.count, 0)
    }

    private final class Live: Sendable {
        private let counter = Atomic<Int>(0)
        var count: Int { counter.load(ordering: .relaxed) }
        func add(_ delta: Int) { counter.add(delta, ordering: .relaxed) }
    }

    private final class Tracked: Sendable {
        let value: Int
        let live: Live
        init(value: Int, live: Live) {
            self.value = value
            self.live = live
            live.add(1)
        }
        deinit { live.add(-1) }
    }
}
