/// The figures of a corpus run, as `summary.md` and `report.html` show them.
public struct CorpusSummary: Sendable {
  /// One line of the criteria table.
  public struct Line: Sendable {
    public var id: String
    public var title: String
    public var proportion: Proportion
    /// Indented under its criterion (a scope dimension).
    public var isDimension: Bool
  }

  public struct Group: Sendable {
    public var name: String
    public var documents: Int
    public var lines: [Line]
  }

  public struct Failure: Sendable {
    public var file: String
    public var code: String
    public var reason: String
  }

  /// The 2016 study's figures (Bronsgeest, 88 evaluation reports), for comparison: the share
  /// meeting each criterion, as far as the study gives one.
  public static let baseline: [String: (share: Double, text: String)] = [
    "research_question": (0.75, "under 75% (over 25% state no research question)"),
    "commissioner": (0.70, "about 70% (almost 30% name no commissioner)"),
    "recommendations": (0.52, "just over half (slightly fewer than half give none)"),
    "scope": (0.0, "0% (none deliberately covers product, process and people)"),
  ]

  public let rubricID: String
  public let rubricVersion: Int
  public let documents: Int
  public let scored: Int
  public let failedCount: Int
  public let evaluations: Int
  public let lines: [Line]
  /// Scope combinations among evaluations: "none", "product only", ..., "all three".
  public let combinations: [(name: String, count: Int)]
  public let combinationTotal: Int
  public let techniques: [(id: String, title: String, count: Int)]
  public let methodDocuments: Int
  public let onlyDocumentStudyAndInterviews: Int
  public let commissioners: [(name: String, count: Int)]
  public let groupColumn: String?
  public let groups: [Group]
  public let failures: [Failure]

  init(aggregate: CorpusAggregate) {
    let rubric = aggregate.rubric
    let rows = aggregate.rows
    let scoredRows = rows.filter { $0.status == .scored }
    let evaluationRows = scoredRows.filter(\.isEvaluation)
    rubricID = rubric.id
    rubricVersion = rubric.version
    documents = rows.count
    scored = scoredRows.count
    failedCount = rows.count - scoredRows.count
    evaluations = evaluationRows.count
    lines = Self.lines(rubric: rubric, scored: scoredRows, evaluations: evaluationRows)

    // Scope: the first criterion with dimensions.
    var combinations: [(String, Int)] = []
    if let scope = rubric.criteria.first(where: { !$0.dimensions.isEmpty }) {
      let ids = scope.dimensions.map(\.spec.id)
      let titles = scope.dimensions.map { $0.spec.title.lowercased() }
      var counts: [String: Int] = [:]
      for row in evaluationRows {
        let met = ids.indices.filter { row.verdicts["\(scope.id)_\(ids[$0])"] == .yes }
        counts[Self.combinationName(met.map { titles[$0] }, all: titles.count), default: 0] += 1
      }
      for name in Self.combinationNames(titles) { combinations.append((name, counts[name] ?? 0)) }
    }
    self.combinations = combinations
    combinationTotal = evaluationRows.count

    // Techniques of the first criterion with a vocabulary, among evaluations that meet it.
    var techniques: [(String, String, Int)] = []
    var methodDocuments = 0
    var onlyTwo = 0
    if let method = rubric.criteria.first(where: { !$0.vocabulary.isEmpty }) {
      let withMethod = evaluationRows.filter { $0.verdicts[method.id] == .yes }
      methodDocuments = withMethod.count
      for term in method.vocabulary {
        techniques.append(
          (term.id, term.title, withMethod.filter { $0.terms.contains(term.id) }.count))
      }
      let vocabulary = Set(method.vocabulary.map(\.id))
      onlyTwo =
        withMethod.filter {
          Set($0.terms).intersection(vocabulary) == ["document_study", "interviews"]
        }.count
    }
    self.techniques = techniques
    self.methodDocuments = methodDocuments
    onlyDocumentStudyAndInterviews = onlyTwo

    var names: [String: Int] = [:]
    for row in evaluationRows { for (_, name) in row.names { names[name, default: 0] += 1 } }
    commissioners = names.map { ($0.key, $0.value) }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }

    groupColumn = aggregate.groupColumn
    if aggregate.groupColumn != nil {
      let byGroup = Dictionary(grouping: rows, by: { $0.group ?? "" })
      groups = byGroup.keys.sorted().map { key in
        let members = byGroup[key] ?? []
        let scored = members.filter { $0.status == .scored }
        return Group(
          name: key.isEmpty ? "(none)" : key, documents: members.count,
          lines: Self.lines(
            rubric: rubric, scored: scored, evaluations: scored.filter(\.isEvaluation)))
      }
    } else {
      groups = []
    }
    failures = rows.filter { $0.status == .failed }.map {
      Failure(file: $0.file, code: $0.errorCode ?? "", reason: $0.error ?? "")
    }
  }

  /// Gates over all scored documents; every other criterion over the evaluations.
  static func lines(
    rubric: Rubric, scored: [CorpusAggregate.Row], evaluations: [CorpusAggregate.Row]
  ) -> [Line] {
    var lines: [Line] = []
    for criterion in rubric.criteria {
      let base = criterion.isGate ? scored : evaluations
      let met = base.filter { $0.verdicts[criterion.id] == .yes }.count
      lines.append(
        Line(
          id: criterion.id, title: criterion.spec.title,
          proportion: Proportion(count: met, total: base.count), isDimension: false))
      for dimension in criterion.dimensions {
        let key = "\(criterion.id)_\(dimension.spec.id)"
        let count = base.filter { $0.verdicts[key] == .yes }.count
        lines.append(
          Line(
            id: key, title: dimension.spec.title,
            proportion: Proportion(count: count, total: base.count), isDimension: true))
      }
    }
    return lines
  }

  static func combinationName(_ met: [String], all: Int) -> String {
    switch met.count {
    case 0: "none"
    case all: all == 3 ? "all three" : "all"
    case 1: "\(met[0]) only"
    default: met.joined(separator: " + ")
    }
  }

  /// Every combination of the dimensions, smallest first: none, each alone, each pair, all.
  static func combinationNames(_ titles: [String]) -> [String] {
    var subsets: [[Int]] = [[]]
    for index in titles.indices { subsets += subsets.map { $0 + [index] } }
    return subsets.sorted {
      $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1)
    }
    .map { combinationName($0.map { titles[$0] }, all: titles.count) }
  }
}
