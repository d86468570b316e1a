/// Renders results in one format. Every output format of metaeval is a reporter.
public protocol Reporter<Input>: Sendable {
  associatedtype Input
  /// The name users pass to `--format`.
  var identifier: String { get }
  var fileExtension: String { get }
  func render(_ input: Input) throws -> String
}

/// The reporters of `check`, by name.
public enum CheckReporters {
  public static func all(colour: Bool = false) -> [any Reporter<[ReportResult]>] {
    [ChecklistReporter(colour: colour), JSONReporter(), MarkdownReporter(), HTMLReporter()]
  }

  public static var names: [String] { all().map(\.identifier) }

  public static func named(_ name: String, colour: Bool = false) -> (any Reporter<[ReportResult]>)?
  {
    all(colour: colour).first { $0.identifier == name }
  }
}
