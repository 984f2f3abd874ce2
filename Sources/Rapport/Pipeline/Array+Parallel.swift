import Dispatch

extension Array where Element: Sendable {
    /// `transform` applied to every element, spread over all cores; the results keep the
    /// elements' order, so what is built from them does not depend on scheduling. A few
    /// elements are done in order on the calling thread: threads would cost more than they
    /// save, and a small site's build makes its system calls in one predictable order.
    func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count >= 16 else { return map(transform) }
        let results = ResultSlots<Result>(count: count)
        let elements = self
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            results.store(transform(elements[index]), at: index)
        }
        return results.values()
    }

    /// `parallelMap` for elements that are only needed until they are transformed, such as
    /// files read to be parsed: each is released as soon as its transform returns, so the
    /// inputs and what is made of them are not all held at once. The array is consumed.
    consuming func parallelMapReleasing<Result: Sendable>(_ transform: @Sendable (consuming Element) -> Result) -> [Result] {
        guard count >= 16 else { return map(transform) }
        let count = self.count
        let elements = ResultSlots<Element>(moving: self)
        let results = ResultSlots<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.store(transform(elements.take(at: index)), at: index)
        }
        return results.values()
    }
}

/// One slot per element, each written by exactly one iteration of `concurrentPerform`
/// and read only after all of them have finished: no two threads touch the same memory.
final class ResultSlots<Result>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Result?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    /// Slots holding `values`. The array is consumed: once it is gone, the slots hold the
    /// only copies, and `take(at:)` hands each one over.
    convenience init(moving values: consuming [Result]) {
        self.init(count: values.count)
        for index in values.indices { slots[index] = values[index] }
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ value: Result, at index: Int) { slots[index] = value }

    /// The value in slot `index`, which is left empty.
    func take(at index: Int) -> Result { slots[index].take()! }

    /// Every value, in order, each taken out of its slot.
    func values() -> [Result] { (0..<count).map(take) }
}

/// `first` on another thread while `second` runs on this one; both results. When not
/// `worthIt` (little work), one after the other on this thread, as `parallelMap` does.
func concurrently<First: Sendable, Second>(
    if worthIt: Bool, _ first: @escaping @Sendable () -> First, _ second: () -> Second
) -> (First, Second) {
    guard worthIt else { return (first(), second()) }
    let slot = ResultSlots<First>(count: 1)
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { slot.store(first(), at: 0) }
    let secondResult = second()
    group.wait()
    return (slot.values()[0], secondResult)
}
