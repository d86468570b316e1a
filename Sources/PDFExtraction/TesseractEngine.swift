import Foundation

/// The `tesseract` program: found on PATH (or `$METAEVAL_TESSERACT`), run once per page image.
///
/// The image paths are ours; nothing from a PDF reaches its command line.
public struct TesseractEngine: Sendable {
  public let executable: String
  /// "tesseract 5.3.0"
  public let version: String

  public enum Failure: Error, Equatable, Sendable {
    case notInstalled(String)
    case missingLanguage(String)
    case failed(String)
  }

  /// Finds the engine and checks that it has the languages; a reason when it cannot be used.
  public static func locate(languages: String, executable: String? = nil) -> Result<
    TesseractEngine, Failure
  > {
    let environment = ProcessInfo.processInfo.environment
    let candidates: [String]
    if let executable {
      candidates = [executable]
    } else if let custom = environment["METAEVAL_TESSERACT"], !custom.isEmpty {
      candidates = [custom]
    } else {
      candidates = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map {
        "\($0)/tesseract"
      }
    }
    guard
      let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    else {
      return .failure(.notInstalled("the tesseract program was not found"))
    }
    guard let versionOutput = try? run(executable, ["--version"]), versionOutput.status == 0 else {
      return .failure(.notInstalled("\(executable) --version failed"))
    }
    let version =
      String(decoding: versionOutput.stdout + versionOutput.stderr, as: UTF8.self)
      .split(separator: "\n").first.map(String.init) ?? "tesseract"
    if let list = try? run(executable, ["--list-langs"]) {
      let installed = Set(
        String(decoding: list.stdout, as: UTF8.self).split(separator: "\n").map(String.init))
      for language in languages.split(separator: "+").map(String.init)
      where !installed.contains(language) {
        return .failure(.missingLanguage("the tesseract language '\(language)' is not installed"))
      }
    }
    return .success(TesseractEngine(executable: executable, version: version))
  }

  /// Recognises one page image: the text (lines kept) and the mean word confidence.
  public func recognise(image: String, languages: String, dpi: Int) -> Result<
    (text: String, confidence: Double), Failure
  > {
    guard
      let output = try? Self.run(
        executable, [image, "stdout", "-l", languages, "--dpi", String(dpi), "--psm", "3", "tsv"],
        environment: ["OMP_THREAD_LIMIT": "1"])
    else { return .failure(.failed("could not run \(executable)")) }
    guard output.status == 0 else {
      let message =
        String(decoding: output.stderr, as: UTF8.self).split(separator: "\n").last.map(String.init)
        ?? ""
      return .failure(.failed("tesseract exited with status \(output.status): \(message)"))
    }
    return .success(Self.parseTSV(String(decoding: output.stdout, as: UTF8.self)))
  }

  /// Tesseract's TSV: level, page, block, paragraph, line, word, left, top, width, height, conf, text.
  static func parseTSV(_ tsv: String) -> (text: String, confidence: Double) {
    var lines: [String] = []
    var currentKey = ""
    var current: [String] = []
    var confidences: [Double] = []
    var lastBlock = ""
    for row in tsv.split(separator: "\n").dropFirst() {
      let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count >= 12, fields[0] == "5" else { continue }
      let word = fields[11...].joined(separator: "\t").trimmingCharacters(in: .whitespaces)
      guard !word.isEmpty else { continue }
      let key = "\(fields[2]).\(fields[3]).\(fields[4])"
      if key != currentKey {
        if !current.isEmpty { lines.append(current.joined(separator: " ")) }
        // A new block starts a paragraph: keep a blank line between blocks.
        if String(fields[2]) != lastBlock && !lines.isEmpty { lines.append("") }
        lastBlock = String(fields[2])
        current = []
        currentKey = key
      }
      current.append(word)
      if let confidence = Double(fields[10]), confidence >= 0 { confidences.append(confidence) }
    }
    if !current.isEmpty { lines.append(current.joined(separator: " ")) }
    let mean = confidences.isEmpty ? 0 : confidences.reduce(0, +) / Double(confidences.count)
    return (lines.joined(separator: "\n"), (mean * 10).rounded() / 10)
  }

  struct Output {
    var status: Int32
    var stdout: Data
    var stderr: Data
  }

  static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:])
    throws -> Output
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var merged = ProcessInfo.processInfo.environment
    for (key, value) in environment { merged[key] = value }
    process.environment = merged
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes while it runs; waiting first would hang once a pipe fills.
    let group = DispatchGroup()
    let collected = Collected()
    group.enter()
    DispatchQueue.global().async {
      collected.err = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Output(status: process.terminationStatus, stdout: stdout, stderr: collected.err)
  }

  private final class Collected: @unchecked Sendable {
    var err = Data()
  }
}
