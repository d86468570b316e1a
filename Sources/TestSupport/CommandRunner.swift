import Foundation

/// What a finished process left behind.
public struct CommandResult: Sendable {
  public var status: Int32
  /// True when the process was killed by a signal (a crash), not when it exited.
  public var signalled: Bool
  public var stdout: String
  public var stderr: String

  public var stderrLines: [String] {
    stderr.split(separator: "\n").map(String.init)
  }
}

/// Runs the built executables of this package, reading stdout and stderr while they run
/// (reading only after the process ends hangs once a pipe buffer fills).
public enum CommandRunner {
  /// The folder that holds the built products: beside the test bundle.
  public static var productsDirectory: URL {
    let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
    for candidate in candidates
    where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("metaeval").path)
    {
      return candidate
    }
    return Bundle.main.bundleURL.deletingLastPathComponent()
  }

  public static func run(
    _ arguments: [String], product: String = "metaeval", in directory: String? = nil,
    environment: [String: String] = [:], stdin: Data? = nil
  ) throws -> CommandResult {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent(product)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    let collected = Collected()
    let group = DispatchGroup()
    for (pipe, isOut) in [(out, true), (err, false)] {
      group.enter()
      DispatchQueue.global().async {
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        collected.store(data, isOut: isOut)
        group.leave()
      }
    }
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    group.wait()
    return CommandResult(
      status: process.terminationStatus,
      signalled: process.terminationReason == .uncaughtSignal,
      stdout: String(decoding: collected.out, as: UTF8.self),
      stderr: String(decoding: collected.err, as: UTF8.self))
  }

  private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var out = Data()
    private(set) var err = Data()

    func store(_ data: Data, isOut: Bool) {
      lock.lock()
      defer { lock.unlock() }
      if isOut { out = data } else { err = data }
    }
  }
}
