import MetaEvalCore

/// A variable of the cases of an exported project: one per criterion verdict and dimension
/// verdict (Boolean), extracted name and vocabulary terms (Text) and count (Integer), named like
/// the columns of `documents.csv`.
struct CaseVariable: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    case verdict(criterion: String)
    case dimension(criterion: String, dimension: String)
    case name(criterion: String)
    case count(criterion: String)
    case terms(criterion: String)
  }

  enum Value: Sendable, Equatable {
    case boolean(Bool)
    case text(String)
    case integer(Int)
  }

  var guid: String
  var name: String
  var description: String
  var kind: Kind

  /// REFI-QDA's `typeOfVariable`.
  var type: String {
    switch kind {
    case .verdict, .dimension: "Boolean"
    case .name, .terms: "Text"
    case .count: "Integer"
    }
  }

  /// The variables of a rubric, in its order of criteria.
  static func all(for rubric: Rubric) -> [CaseVariable] {
    var variables: [CaseVariable] = []
    func add(_ name: String, _ description: String, _ kind: Kind) {
      variables.append(
        CaseVariable(
          guid: StableGUID.make(["variable", rubric.id, name]), name: name,
          description: description, kind: kind))
    }
    for criterion in rubric.criteria {
      let id = criterion.id
      let title = criterion.spec.title
      add(id, "metaeval's verdict: \(title)", .verdict(criterion: id))
      if criterion.spec.extractName == true {
        add("\(id)_name", "The name found for: \(title)", .name(criterion: id))
      }
      if criterion.spec.countItems == true {
        add("\(id)_count", "The items counted for: \(title)", .count(criterion: id))
      }
      if let vocabulary = criterion.spec.vocabulary {
        add(
          "\(id)_\(vocabulary)", "The \(vocabulary) found for: \(title) (ids separated by ;)",
          .terms(criterion: id))
      }
      for dimension in criterion.spec.dimensions ?? [] {
        add(
          "\(id)_\(dimension.id)", "metaeval's verdict: \(title), \(dimension.title)",
          .dimension(criterion: id, dimension: dimension.id))
      }
    }
    return variables
  }

  /// This variable's value for one document, or nil when it has none.
  func value(in result: ReportResult) -> Value? {
    switch kind {
    case .verdict(let id):
      return result.criterion(id).map { .boolean($0.verdict == .yes) }
    case .dimension(let id, let dimension):
      return result.criterion(id)?.dimensions.first { $0.id == dimension }.map {
        .boolean($0.verdict == .yes)
      }
    case .name(let id):
      return result.criterion(id)?.name.map { .text($0) }
    case .count(let id):
      return result.criterion(id)?.count.map { .integer($0) }
    case .terms(let id):
      return result.criterion(id).map { .text($0.terms.map(\.id).sorted().joined(separator: ";")) }
    }
  }
}
