import Foundation

/// Why codings could not be compared.
public enum AgreementError: Error, Equatable, Sendable, CustomStringConvertible {
  case csv(CSVError)
  case noRows(path: String)
  case unknownValue(path: String, line: Int, column: String, value: String)
  case missingCriterion(path: String, criterion: String)
  case noCommonCriteria(paths: [String])
  case tooFew

  public var description: String {
    switch self {
    case .csv(let error): error.description
    case .noRows(let path): "\(path): no coded documents (only a header, or empty)"
    case .unknownValue(let path, let line, let column, let value):
      "\(path):\(line): column '\(column)': unknown value '\(value)' (use yes, no, or leave it empty)"
    case .missingCriterion(let path, let criterion): "\(path): no '\(criterion)' column"
    case .noCommonCriteria(let paths):
      "\(paths.joined(separator: ", ")): no criterion column that every file has"
    case .tooFew: "agreement needs at least two codings"
    }
  }
}

/// One coder's coding: a `Corpus/coding.csv`-shaped file, or a corpus run's `documents.csv`.
public struct CodingFile: Sendable {
  public let path: String
  public let columns: [String]
  /// file → criterion → value (nil: missing, `?` or empty, or a failed document).
  public let values: [String: [String: Bool?]]
  /// Files in the order of the CSV.
  public let files: [String]
  /// For a metaeval run: file → criterion → "p. 3: quote", from evidence.csv beside it.
  public let evidence: [String: [String: String]]
  public let isMetaevalRun: Bool
  /// Rows whose file appears twice (the later one is ignored).
  public let duplicates: [String]

  /// Criterion columns metaeval knows, in the order of the coding file.
  public static let knownCriteria = [
    "research_question", "commissioner", "recommendations", "method", "scope_product",
    "scope_process",
    "scope_people", "is_evaluation",
  ]

  public static func read(_ path: String) throws(AgreementError) -> CodingFile {
    let table: CSVTable
    do {
      table = try CSVTable.read(path: path)
    } catch {
      throw .csv(error)
    }
    guard let fileColumn = table.column("file") else {
      throw .csv(.missingColumn(path: path, column: "file"))
    }
    let statusColumn = table.column("status")
    let isRun = statusColumn != nil && table.column("sha256") != nil
    let criteria = table.header.filter { column in
      knownCriteria.contains(column)
        || (!["file", "status", "error", "sha256", "language", "pages", "words", "score"].contains(
          column)
          && !["_confidence", "_name", "_count", "_techniques", "_notes", "_evidence"].contains {
            column.hasSuffix($0)
          }
          && isVerdictColumn(table, column))
    }
    var values: [String: [String: Bool?]] = [:]
    var files: [String] = []
    var duplicates: [String] = []
    for (rowIndex, row) in table.rows.enumerated() {
      let file = fileColumn < row.count ? row[fileColumn].trimmingCharacters(in: .whitespaces) : ""
      if file.isEmpty { continue }
      if values[file] != nil {
        duplicates.append(file)
        continue
      }
      let failed = statusColumn.map { $0 < row.count && row[$0] == "failed" } ?? false
      var coded: [String: Bool?] = [:]
      for criterion in criteria {
        guard let index = table.column(criterion) else { continue }
        let raw =
          index < row.count ? row[index].trimmingCharacters(in: .whitespaces).lowercased() : ""
        switch raw {
        case "yes": coded[criterion] = failed ? .some(nil) : true
        case "no": coded[criterion] = failed ? .some(nil) : false
        case "", "?", "na", "n/a": coded[criterion] = .some(nil)
        default:
          throw .unknownValue(
            path: path, line: table.lines[rowIndex], column: criterion, value: raw)
        }
      }
      values[file] = coded
      files.append(file)
    }
    guard !files.isEmpty else { throw .noRows(path: path) }
    var evidence: [String: [String: String]] = [:]
    let evidencePath = ((path as NSString).deletingLastPathComponent as NSString)
      .appendingPathComponent("evidence.csv")
    if isRun, let evidenceTable = try? CSVTable.read(path: evidencePath) {
      for record in evidenceTable.records {
        guard let file = record["file"], let criterion = record["criterion"],
          evidence[file]?[criterion] == nil
        else {
          continue
        }
        evidence[file, default: [:]][criterion] =
          "p. \(record["page_label"] ?? ""): \(Self.undefused(record["quote"] ?? ""))"
      }
    }
    return CodingFile(
      path: path, columns: criteria, values: values, files: files, evidence: evidence,
      isMetaevalRun: isRun,
      duplicates: duplicates)
  }

  /// A cell as metaeval wrote it before defusing it for spreadsheets (`'=x` back to `=x`).
  static func undefused(_ cell: String) -> String {
    guard cell.hasPrefix("'"), let next = cell.dropFirst().first, "=+-@\t\r".contains(next) else {
      return cell
    }
    return String(cell.dropFirst())
  }

  /// A column whose every value is yes, no, ? or empty.
  static func isVerdictColumn(_ table: CSVTable, _ column: String) -> Bool {
    guard let index = table.column(column) else { return false }
    var sawValue = false
    for row in table.rows {
      let value =
        index < row.count ? row[index].trimmingCharacters(in: .whitespaces).lowercased() : ""
      if value == "yes" || value == "no" {
        sawValue = true
      } else if !["", "?"].contains(value) {
        return false
      }
    }
    return sawValue
  }
}
