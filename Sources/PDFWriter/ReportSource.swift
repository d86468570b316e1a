/// A report to be typeset: page settings and a list of blocks.
///
/// Parsed from the `.rpt` format of `Corpus/sources/` (a small Markdown subset with front matter),
/// or built in code by tests.
public struct ReportSource: Sendable, Equatable {
  public enum Block: Sendable, Equatable {
    case heading(level: Int, text: String)
    case paragraph(String)
    case bullet(String)
    case numbered(String, text: String)
    case tableRow([String])
    case pageBreak
  }

  public var title: String
  public var language: String
  public var columns: Int
  /// Running header and footer; `{page}` and `{pages}` are replaced.
  public var header: String?
  public var footer: String?
  /// Lines of a centred title page, printed before the body without header or footer.
  public var titleLines: [String]
  public var blocks: [Block]
  /// The PDF's creation date, fixed so that the output is the same on every run.
  public var date: String

  public init(
    title: String, language: String = "en", columns: Int = 1, header: String? = nil,
    footer: String? = nil, titleLines: [String] = [], blocks: [Block], date: String = "2024-01-01"
  ) {
    self.title = title
    self.language = language
    self.columns = columns
    self.header = header
    self.footer = footer
    self.titleLines = titleLines
    self.blocks = blocks
    self.date = date
  }
}
