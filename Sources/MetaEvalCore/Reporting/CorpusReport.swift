/// Everything the corpus reporters show.
public struct CorpusReport: Sendable {
  public var name: String
  public var summary: CorpusSummary
  public var rows: [CorpusAggregate.Row]
  /// Each document's evidence, rendered to escaped HTML sections while the run streamed.
  public var sectionsHTML: String

  public init(
    name: String, summary: CorpusSummary, rows: [CorpusAggregate.Row], sectionsHTML: String
  ) {
    self.name = name
    self.summary = summary
    self.rows = rows
    self.sectionsHTML = sectionsHTML
  }
}
