import Foundation

/// `xmllint --noout --schema`, for tests that validate REFI-QDA files against their schemas.
public enum XMLLint {
  /// The xmllint on the PATH, or nil (it comes with libxml2-utils).
  public static let path: String? = {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(
      separator: ":")
    return folders.map { "\($0)/xmllint" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }()

  /// Validates `file` against the schema at `schemaPath`: xmllint's exit status and messages.
  public static func validate(_ file: String, schemaPath: String) throws -> (
    status: Int32, output: String
  ) {
    guard let path else { return (-1, "no xmllint") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = ["--noout", "--schema", schemaPath, file]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }
}
