import Foundation

/// The per-criterion columns of `documents.csv`, derived from the rubric: for each criterion
/// its verdict and confidence (named as in `Corpus/coding.csv`), the extracted name, count or
/// vocabulary terms where it has them, and each dimension. Gate criteria come last, as in the
/// coding file.
public struct ColumnLayout: Sendable {
  public enum Value: Sendable, Equatable {
    case verdict(criterion: String)
    case confidence(criterion: String)
    case name(criterion: String)
    case count(criterion: String)
    case terms(criterion: String)
    case dimension(criterion: String, dimension: String)
    case dimensionStrength(criterion: String, dimension: String)
  }

  public let columns: [(name: String, value: Value)]

  public init(rubric: Rubric) {
    var columns: [(String, Value)] = []
    let ordered = rubric.criteria.filter { !$0.isGate } + rubric.criteria.filter(\.isGate)
    for criterion in ordered {
      let id = criterion.id
      columns.append((id, .verdict(criterion: id)))
      columns.append(("\(id)_confidence", .confidence(criterion: id)))
      if criterion.spec.extractName == true { columns.append(("\(id)_name", .name(criterion: id))) }
      if criterion.spec.countItems == true {
        columns.append(("\(id)_count", .count(criterion: id)))
      }
      if let vocabulary = criterion.spec.vocabulary {
        columns.append(("\(id)_\(vocabulary)", .terms(criterion: id)))
      }
      for dimension in criterion.dimensions {
        let name = "\(id)_\(dimension.spec.id)"
        columns.append((name, .dimension(criterion: id, dimension: dimension.spec.id)))
        columns.append(
          ("\(name)_confidence", .dimensionStrength(criterion: id, dimension: dimension.spec.id)))
      }
    }
    self.columns = columns
  }

  public var names: [String] { columns.map(\.name) }

  /// The cells of one scored result, in column order.
  public func cells(for result: ReportResult) -> [String] {
    columns.map { column in
      switch column.value {
      case .verdict(let id): result.criterion(id)?.verdict.rawValue ?? ""
      case .confidence(let id): result.criterion(id).map { Self.number($0.confidence) } ?? ""
      case .name(let id): result.criterion(id)?.name ?? ""
      case .count(let id): result.criterion(id)?.count.map(String.init) ?? ""
      case .terms(let id):
        result.criterion(id)?.terms.map(\.id).sorted().joined(separator: ";") ?? ""
      case .dimension(let id, let dimension):
        result.criterion(id)?.dimensions.first { $0.id == dimension }?.verdict.rawValue ?? ""
      case .dimensionStrength(let id, let dimension):
        result.criterion(id)?.dimensions.first { $0.id == dimension }.map {
          Self.number($0.strength)
        } ?? ""
      }
    }
  }

  static func number(_ value: Double) -> String {
    String(format: "%.2f", value)
  }
}
