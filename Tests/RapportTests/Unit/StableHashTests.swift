import XCTest

@testable import Rapport

final class StableHashTests: XCTestCase {
    func testEqualBytesHashEqually() {
        let bytes = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        XCTAssertEqual(StableHash.of(bytes), StableHash.of(Array(bytes)))
    }

    /// Long inputs are read four words at a time: a change anywhere, in any of the four
    /// words or in the bytes after them, changes the hash.
    func testEveryByteCounts() {
        for length in [0, 1, 7, 8, 31, 63, 64, 65, 96, 100, 131] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 5) }
            let original = StableHash.of(bytes)
            for index in bytes.indices {
                var changed = bytes
                changed[index] ^= 0x01
                XCTAssertNotEqual(StableHash.of(changed), original, "length \(length), byte \(index)")
            }
            XCTAssertNotEqual(StableHash.of(bytes + [0]), original, "length \(length), a byte added")
        }
    }

    func testWordsInDifferentLanesDoNotCancel() {
        // The same word moved from one lane to another.
        var first = [UInt8](repeating: 0, count: 64)
        var second = first
        first[0] = 1
        second[8] = 1
        XCTAssertNotEqual(StableHash.of(first), StableHash.of(second))
    }
}
