import Foundation

/// One JSON object per document and line (JSON Lines), keys sorted: the schema the corpus run's
/// `results.jsonl` reuses.
public struct JSONReporter: Reporter {
  public let identifier = "json"
  public let fileExtension = "jsonl"

  public init() {}

  public func render(_ results: [ReportResult]) throws -> String {
    try results.map { try Self.line($0) }.joined()
  }

  public static func line(_ result: ReportResult) throws -> String {
    if let line = ResultJSONWriter.line(result) { return line }
    return try encoderLine(result)
  }

  /// The line as `JSONEncoder` makes it (the writer's reference; it also says why a number
  /// that is not finite cannot be written).
  static func encoderLine(_ result: ReportResult) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(result), as: UTF8.self) + "\n"
  }
}
