import PDFExtraction

/// The text of a document to score: its pages and where it came from.
///
/// Scoring takes this plain value, so it can be tested on text without any PDF.
public struct DocumentText: Sendable, Equatable {
  public var file: String
  public var sha256: String
  public var pages: [PageText]

  public init(file: String, sha256: String = "", pages: [PageText]) {
    self.file = file
    self.sha256 = sha256
    self.pages = pages
  }

  /// One page of text, for examples and tests.
  public init(file: String = "example", text: String) {
    self.init(file: file, pages: [PageText(index: 1, label: "1", text: text)])
  }

  public init(_ document: ExtractedDocument, file: String? = nil) {
    self.init(file: file ?? document.path, sha256: document.sha256, pages: document.pages)
  }
}
