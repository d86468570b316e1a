import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program and measures it: wall time and the peak resident memory of it and the
/// children it waited for (from `wait4`).
enum Spawn {
  struct Measure {
    var seconds: Double
    var peakKB: Int
    var status: Int32
  }

  static func run(_ executable: String, _ arguments: [String], output: String = "/dev/null")
    -> Measure
  {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = Date()
    guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
      return Measure(seconds: 0, peakKB: 0, status: -1)
    }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    return Measure(
      seconds: Date().timeIntervalSince(start), peakKB: Int(usage.ru_maxrss), status: status)
  }

  /// Runs `jobs` at a time, each `(executable, arguments)`; the wall time of all and the
  /// largest peak of any.
  static func parallel(_ commands: [(String, [String])], jobs: Int) -> Measure {
    let state = Shared()
    let start = Date()
    DispatchQueue.concurrentPerform(iterations: max(1, jobs)) { _ in
      while let index = state.take(), index < commands.count {
        state.record(run(commands[index].0, commands[index].1))
      }
    }
    return Measure(
      seconds: Date().timeIntervalSince(start), peakKB: state.peak, status: state.failed)
  }

  private final class Shared: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private(set) var peak = 0
    private(set) var failed: Int32 = 0

    func take() -> Int? {
      lock.lock()
      defer { lock.unlock() }
      next += 1
      return next - 1
    }

    func record(_ measure: Measure) {
      lock.lock()
      defer { lock.unlock() }
      peak = max(peak, measure.peakKB)
      if measure.status != 0 { failed = measure.status }
    }
  }
}
