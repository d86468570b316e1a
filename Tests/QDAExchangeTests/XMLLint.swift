import Foundation
import Testing

/// `xmllint --noout --schema` against the REFI-QDA schemas in Fixtures/.
enum XMLLint {
  /// The xmllint on the PATH, or nil (it comes with libxml2-utils).
  static let path: String? = {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(
      separator: ":")
    return folders.map { "\($0)/xmllint" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }()

  static var isAvailable: Bool { path != nil }

  static let missing: Comment =
    "xmllint is not installed (apt-get install libxml2-utils): schema validation skipped"

  /// A schema of Fixtures/ by name (`Project` or `Codebook`).
  static func schema(_ name: String) throws -> String {
    guard
      let url = Bundle.module.url(forResource: name, withExtension: "xsd", subdirectory: "Fixtures")
    else {
      throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/\(name).xsd"])
    }
    return url.path
  }

  /// Validates the file; the result is xmllint's exit status and its messages.
  static func validate(_ file: String, against schema: String) throws -> (
    status: Int32, output: String
  ) {
    guard let path else { return (-1, "no xmllint") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = ["--noout", "--schema", try self.schema(schema), file]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }
}
