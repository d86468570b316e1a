import Foundation
import MetaEvalCore

/// One coder's coding of a REFI-QDA project as a coding CSV in the shape of
/// `Corpus/coding.csv`: `file`, then per criterion its column, its vocabulary's terms and its
/// dimensions, gate criteria last.
///
/// A cell is `yes` when the coder applied the matching code at least once in that source
/// (to a selection or to the whole source), else `no`. A criterion with dimensions is also
/// `yes` when every dimension is coded, as the rubric judges it. The terms column lists the
/// ids of the terms coded, sorted and separated by `;`.
public struct CodingTable: Sendable, Equatable {
  public var header: [String]
  /// Rows sorted by file.
  public var rows: [[String]]

  /// The columns for a rubric.
  enum Column: Equatable {
    case criterion(String, dimensions: [String])
    case terms(criterion: String)
    case dimension(criterion: String, dimension: String)
  }

  static func columns(for rubric: Rubric) -> [(name: String, column: Column)] {
    var columns: [(String, Column)] = []
    let ordered = rubric.criteria.filter { !$0.isGate } + rubric.criteria.filter(\.isGate)
    for criterion in ordered {
      let dimensions = (criterion.spec.dimensions ?? []).map(\.id)
      columns.append((criterion.id, .criterion(criterion.id, dimensions: dimensions)))
      if let vocabulary = criterion.spec.vocabulary {
        columns.append(("\(criterion.id)_\(vocabulary)", .terms(criterion: criterion.id)))
      }
      for dimension in dimensions {
        columns.append(
          (
            "\(criterion.id)_\(dimension)",
            .dimension(criterion: criterion.id, dimension: dimension)
          ))
      }
    }
    return columns
  }

  /// The table of the codings `include` accepts, with a row for every source.
  static func make(
    project: QDAProject, rubric: Rubric, mapping: [String: CodeTarget],
    include: (QDAProject.Coding) -> Bool
  ) -> CodingTable {
    let columns = columns(for: rubric)
    var coded: [String: Set<CodeTarget>] = [:]
    for source in project.sources {
      var targets = coded[source.name] ?? []
      for coding in source.codings where include(coding) {
        if let target = mapping[coding.codeGUID] { targets.insert(target) }
      }
      coded[source.name] = targets
    }
    let rows = coded.keys.sorted().map { file -> [String] in
      let targets = coded[file] ?? []
      return [file]
        + columns.map { _, column in
          switch column {
          case .criterion(let id, let dimensions):
            let met =
              targets.contains(.criterion(id))
              || (!dimensions.isEmpty
                && dimensions.allSatisfy {
                  targets.contains(.dimension(criterion: id, dimension: $0))
                })
            return met ? "yes" : "no"
          case .terms(let id):
            return targets.compactMap { target -> String? in
              if case .term(id, let term) = target { return term }
              return nil
            }.sorted().joined(separator: ";")
          case .dimension(let id, let dimension):
            return targets.contains(.dimension(criterion: id, dimension: dimension)) ? "yes" : "no"
          }
        }
    }
    return CodingTable(header: ["file"] + columns.map(\.name), rows: rows)
  }

  /// The table as CSV (RFC 4180, formula-defused cells).
  public var csv: String {
    let writer = CSVWriter()
    return ([header] + rows).map { writer.row($0) }.joined()
  }
}
