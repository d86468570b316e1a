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
final class ExtractionWorker: @unchecked Sendable {
  // Used from one slot thread only; each child gets a fresh channel that its reader thread fills.
  private let executable: String
  private let arguments: [String]
  private var process: Process?
  private var input: FileHandle?
  private var channel = Channel()

  /// The frames one child has written, and a semaphore signalled per frame and once at its end.
  final class Channel: @unchecked Sendable {
    let lock = NSLock()
    var frames: [(type: UInt8, payload: Data)] = []
    let available = DispatchSemaphore(value: 0)

    func push(_ frame: (type: UInt8, payload: Data)) {
      lock.lock()
      frames.append(frame)
      lock.unlock()
      available.signal()
    }

    func pop() -> (type: UInt8, payload: Data)? {
      lock.lock()
      defer { lock.unlock() }
      return frames.isEmpty ? nil : frames.removeFirst()
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
    if process == nil || process?.isRunning == false { try start() }
    guard let input else { throw .died(reason: "could not start the extraction worker") }
    do {
      var request = try JSONEncoder().encode(
        WorkerRequest(path: path, sha256: sha256, stamp: stamp))
      request.append(0x0A)
      try input.write(contentsOf: request)
    } catch {
      let reason = stopAndDescribe()
      throw .died(reason: reason)
    }
    switch channel.available.wait(timeout: .now() + timeout) {
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

  func stop() {
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
