import Foundation
import PDFExtraction

/// Why a worker could not deliver a document.
enum WorkerFailure: Error, Equatable {
  case timedOut(seconds: Double)
  case died(reason: String)
  case garbled
}

/// One child process that extracts documents, one at a time, and the thread that reads its
/// replies. A crash, hang or runaway memory in poppler stays inside the child; the parent
/// sees it as a failure of that one document and starts a new child for the next.
///
/// Requests may be queued ahead (`submit`), so that the child starts on the next document the
/// moment it has sent its reply, while the caller is still scoring that reply; `receive` gives
/// the replies in the order the requests were queued.
final class ExtractionWorker: @unchecked Sendable {
  // Used from one slot thread only; each child gets a fresh channel that its reader thread fills.
  private let executable: String
  private let arguments: [String]
  private var process: Process?
  private var input: FileHandle?
  private var channel = Channel()
  /// The requests not yet answered, oldest first, with when each was written: a child answers
  /// in order, so it is at work on the oldest. A new child is sent them all again.
  private var queued: [(line: Data, sent: DispatchTime)] = []

  /// The frames one child has written, and a semaphore signalled per frame and once at its end.
  final class Channel: @unchecked Sendable {
    let lock = NSLock()
    var frames: [(type: UInt8, payload: Data)] = []
    /// When the last frame came: the child started on its next request then.
    var lastFrame: DispatchTime?
    let available = DispatchSemaphore(value: 0)

    func push(_ frame: (type: UInt8, payload: Data)) {
      lock.lock()
      frames.append(frame)
      lastFrame = .now()
      lock.unlock()
      available.signal()
    }

    func pop() -> (type: UInt8, payload: Data)? {
      lock.lock()
      defer { lock.unlock() }
      return frames.isEmpty ? nil : frames.removeFirst()
    }

    var lastFrameTime: DispatchTime? {
      lock.lock()
      defer { lock.unlock() }
      return lastFrame
    }
  }

  init(executable: String, arguments: [String]) {
    self.executable = executable
    self.arguments = arguments
  }

  deinit { stop() }

  /// Extracts one file; throws when the child times out, dies or answers nonsense.
  func extract(
    _ path: String, sha256: String? = nil, stamp: FileDigest.Stamp? = nil, timeout: Double
  )
    throws(WorkerFailure) -> WorkerReply
  {
    submit(path, sha256: sha256, stamp: stamp)
    return try receive(timeout: timeout)
  }

  /// Queues one file: the child starts on it once it has answered the requests before it.
  /// A child that cannot be started or has died is found out by `receive`.
  func submit(_ path: String, sha256: String? = nil, stamp: FileDigest.Stamp? = nil) {
    // Integers and strings only: encoding cannot fail, but an empty line would be skipped by
    // the child and time out rather than crash here.
    var line =
      (try? JSONEncoder().encode(WorkerRequest(path: path, sha256: sha256, stamp: stamp)))
      ?? Data()
    line.append(0x0A)
    queued.append((line, .now()))
    if let process, !process.isRunning, queued.count == 1 {
      // The child ended while it had nothing to do (every reply of it was read): that is not
      // this document's doing, so it goes to a new child.
      process.waitUntilExit()
      drain()
    }
    if process == nil {
      // The first request, or the first since a failure: a new child gets all that wait.
      try? start()
    } else {
      send(line)
    }
  }

  /// The reply to the oldest queued request. Throws when the child does not answer it within
  /// `timeout` seconds of starting on it, dies or answers nonsense; the child is then ended,
  /// and the requests queued after it go to a new one.
  func receive(timeout: Double) throws(WorkerFailure) -> WorkerReply {
    guard !queued.isEmpty else { throw .died(reason: "nothing was asked of the worker") }
    if process == nil {
      do {
        try start()
      } catch {
        queued.removeFirst()
        throw error
      }
    }
    defer { queued.removeFirst() }
    // The child starts on this request when it has it and has answered the one before.
    let started = max(queued[0].sent, channel.lastFrameTime ?? queued[0].sent)
    let deadline = started + timeout
    switch channel.available.wait(timeout: deadline) {
    case .timedOut:
      kill()
      throw .timedOut(seconds: timeout)
    case .success:
      guard let frame = channel.pop() else { throw .died(reason: stopAndDescribe()) }
      guard let reply = WorkerFrame.reply(type: frame.type, payload: frame.payload) else {
        kill()
        throw .garbled
      }
      return reply
    }
  }

  private func start() throws(WorkerFailure) {
    let child = Process()
    child.executableURL = URL(fileURLWithPath: executable)
    child.arguments = arguments
    let toChild = Pipe()
    let fromChild = Pipe()
    child.standardInput = toChild
    child.standardOutput = fromChild
    child.standardError = FileHandle.nullDevice
    // A crash is reported by its signal; the runtime's backtrace would only cost time.
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    child.environment = environment
    do {
      try child.run()
    } catch {
      throw .died(reason: "cannot start \(executable)")
    }
    process = child
    input = toChild.fileHandleForWriting
    let channel = Channel()
    self.channel = channel
    let reader = fromChild.fileHandleForReading
    let thread = Thread { Self.readFrames(from: reader, into: channel) }
    thread.stackSize = 1 << 20
    thread.start()
    let now = DispatchTime.now()
    for index in queued.indices {
      queued[index].sent = now
      send(queued[index].line)
    }
  }

  /// Writes one request line. A child that has died is not an error here: `receive` finds it
  /// out and says how it died. SIGPIPE is held back on this thread while writing, so that a
  /// dead child's closed pipe returns an error instead of ending this process.
  private func send(_ line: Data) {
    guard let descriptor = input?.fileDescriptor else { return }
    var pipeSignal = sigset_t()
    sigemptyset(&pipeSignal)
    sigaddset(&pipeSignal, SIGPIPE)
    var previous = sigset_t()
    pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
    defer {
      // A SIGPIPE this write raised waits on this thread: take it before letting it through.
      var pending = sigset_t()
      sigpending(&pending)
      if sigismember(&pending, SIGPIPE) == 1 && sigismember(&previous, SIGPIPE) == 0 {
        var none = timespec()
        _ = sigtimedwait(&pipeSignal, nil, &none)
      }
      pthread_sigmask(SIG_SETMASK, &previous, nil)
    }
    line.withUnsafeBytes { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return }
        offset += written
      }
    }
  }

  /// Cuts a child's output into frames and signals each; signals once more at the end.
  private static func readFrames(from handle: FileHandle, into channel: Channel) {
    var buffer: [UInt8] = []
    var start = 0
    while true {
      let chunk = handle.availableData
      if chunk.isEmpty { break }
      buffer.append(contentsOf: chunk)
      while buffer.count > start {
        // Anything but a frame (a library printing to stdout) is garbled at once, rather than
        // read as the length of a frame that never ends.
        guard buffer[start] == WorkerFrame.documentType || buffer[start] == WorkerFrame.failureType
        else {
          channel.push((buffer[start], Data()))
          channel.available.signal()
          return
        }
        guard buffer.count - start >= WorkerFrame.headerLength else { break }
        let length = buffer.withUnsafeBytes {
          Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: start + 1, as: UInt32.self)))
        }
        let end = start + WorkerFrame.headerLength + length
        guard buffer.count >= end else { break }
        channel.push((buffer[start], Data(buffer[(start + WorkerFrame.headerLength)..<end])))
        start = end
      }
      // Drop what was read once it is most of the buffer, so copying stays linear.
      if start > 0 && start * 2 >= buffer.count {
        buffer.removeFirst(start)
        start = 0
      }
    }
    channel.available.signal()
  }

  /// Ends the child for good (a hang or a bad answer).
  private func kill() {
    guard let process else { return }
    if process.isRunning {
      Foundation.kill(process.processIdentifier, SIGKILL)
    }
    process.waitUntilExit()
    drain()
  }

  /// The child died on its own: say how.
  private func stopAndDescribe() -> String {
    guard let process else { return "the extraction worker is gone" }
    process.waitUntilExit()
    let reason: String
    if process.terminationReason == .uncaughtSignal {
      reason =
        "extraction crashed (signal \(process.terminationStatus): \(Self.signalName(process.terminationStatus)))"
    } else {
      reason = "extraction worker exited with status \(process.terminationStatus)"
    }
    drain()
    return reason
  }

  private func drain() {
    try? input?.close()
    input = nil
    process = nil
  }

  /// Ends the child: at once when requests still wait (the run is stopping early), otherwise
  /// when it has read the end of its input.
  func stop() {
    if !queued.isEmpty {
      kill()
      queued = []
      return
    }
    try? input?.close()
    input = nil
    if let process, process.isRunning {
      process.waitUntilExit()
    }
    process = nil
  }

  static func signalName(_ signal: Int32) -> String {
    switch signal {
    case SIGSEGV: "segmentation fault"
    case SIGABRT: "aborted, perhaps out of memory"
    case SIGKILL: "killed"
    case SIGBUS: "bus error"
    case SIGFPE: "arithmetic error"
    case SIGILL: "illegal instruction"
    case SIGTRAP: "trap"
    default: "signal \(signal)"
    }
  }
}
