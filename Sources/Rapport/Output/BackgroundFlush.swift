import CSupport
import Foundation
import Glibc
import Synchronization

/// Flushes a large site to disk while it is still being written, and then drops the
/// flushed pages from the page cache, on a thread of its own.
///
/// Every page written takes fresh page-cache memory, which the kernel must fill before
/// the page is copied in: at 100,000 customers, 1.2 GB, and the largest single cost of
/// writing the site on a virtual machine, whose host backs fresh memory only as it is
/// first touched. Pages dropped once they are on disk are used again for the next pages
/// written, so a build touches a few batches' worth instead. Nothing starts until
/// `batchBytes` have been written: a small site is flushed once, at the end, as before.
final class BackgroundFlush: Sendable {
    private struct State {
        /// Files written since the last flush started, and their bytes.
        var paths: [String] = []
        var bytes = 0
        var started = false
        var stopping = false
        /// The first flush that failed: its error number.
        var failure: Int32?
    }

    /// The staging folder, open: `syncfs` of it flushes its file system.
    private let folder: Int32
    private let batchBytes: Int
    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)

    /// How much a large site writes between flushes: large enough that a site of 10,000
    /// customers (80 MB) is never flushed in the background, as one flush cost it more
    /// (0.05 s) than it saved with little written after it; small enough that the pages
    /// in flight take little memory.
    static let batchBytes = 128 << 20

    init(folder: Int32, batchBytes: Int = BackgroundFlush.batchBytes) {
        self.folder = folder
        self.batchBytes = batchBytes
    }

    /// Records a file just written and closed (`path`, `size` bytes), and wakes the flushing
    /// thread, starting it if need be, once a batch has been written.
    func written(_ path: String, size: Int) {
        let (wakeUp, start) = state.withLock { state -> (Bool, Bool) in
            state.paths.append(path)
            state.bytes += size
            // Once per batch: the count starts again when the thread takes the batch.
            guard state.bytes >= batchBytes, state.bytes - size < batchBytes, !state.stopping else { return (false, false) }
            defer { state.started = true }
            return (true, !state.started)
        }
        if start { Thread.detachNewThread { [self] in run() } }
        if wakeUp { wake.signal() }
    }

    /// Waits for a flush under way to end; what is left is for the caller's own flush. The
    /// error number of a flush that failed, if any: the caller's flush, made later, may not
    /// report that failure again. Stopping again does not wait.
    func stop() -> Int32? {
        let running = state.withLock { state in
            defer { state.stopping = true }
            return state.started && !state.stopping
        }
        if running {
            wake.signal()
            stopped.wait()
        }
        return state.withLock { $0.failure }
    }

    private func run() {
        while true {
            wake.wait()
            guard let batch = takeBatch() else { break }
            if rapport_sync_file_system(folder) != 0 {
                let error = errno
                state.withLock { $0.failure = $0.failure ?? error }
                continue
            }
            // On disk: their pages can go, and be used again for the next pages written.
            for path in batch {
                let descriptor = open(path, O_RDONLY | O_CLOEXEC)
                guard descriptor >= 0 else { continue }
                _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_DONTNEED)
                close(descriptor)
            }
        }
        stopped.signal()
    }

    /// The files written since the last flush, now taken; nil once stopping.
    private func takeBatch() -> [String]? {
        state.withLock { state in
            guard !state.stopping else { return nil }
            let batch = state.paths
            state.paths = []
            state.paths.reserveCapacity(batch.count)
            state.bytes = 0
            return batch
        }
    }
}
