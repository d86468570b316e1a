/// What a corpus run found, gathered one document at a time without keeping their texts.
public struct CorpusAggregate: Sendable {
  /// The little that is kept per document.
  public struct Row: Sendable {
    public var file: String
    public var status: DocumentOutcome.Status
    public var errorCode: String?
    public var error: String?
    public var group: String?
    /// criterion id, or criterion_dimension, to verdict
    public var verdicts: [String: Verdict]
    public var names: [String: String]
    public var terms: [String]
    public var isEvaluation: Bool
  }

  public let rubric: Rubric
  public let groupColumn: String?
  public private(set) var rows: [Row] = []
  public private(set) var extracted = 0
  public private(set) var fromCache = 0

  public init(rubric: Rubric, groupColumn: String? = nil) {
    self.rubric = rubric
    self.groupColumn = groupColumn
  }

  public mutating func add(_ outcome: DocumentOutcome) {
    switch outcome.source {
    case .extracted: extracted += 1
    case .cache: fromCache += 1
    case .none: break
    }
    let group = groupColumn.flatMap { column in outcome.entry.metadata.first { $0.0 == column }?.1 }
    guard let result = outcome.result else {
      rows.append(
        Row(
          file: outcome.entry.file, status: .failed, errorCode: outcome.errorCode,
          error: outcome.error,
          group: group, verdicts: [:], names: [:], terms: [], isEvaluation: false))
      return
    }
    var verdicts: [String: Verdict] = [:]
    var names: [String: String] = [:]
    var terms: [String] = []
    for criterion in result.criteria {
      verdicts[criterion.id] = criterion.verdict
      for dimension in criterion.dimensions {
        verdicts["\(criterion.id)_\(dimension.id)"] = dimension.verdict
      }
      if let name = criterion.name { names[criterion.id] = name }
      terms += criterion.terms.map(\.id)
    }
    let gates = rubric.criteria.filter(\.isGate).map(\.id)
    rows.append(
      Row(
        file: outcome.entry.file, status: .scored, errorCode: nil, error: nil, group: group,
        verdicts: verdicts, names: names, terms: terms,
        isEvaluation: gates.allSatisfy { verdicts[$0] == .yes }))
  }

  public var summary: CorpusSummary { CorpusSummary(aggregate: self) }
}
