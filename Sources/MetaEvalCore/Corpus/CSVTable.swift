import Foundation

/// Why a CSV file could not be used.
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible {
  case unreadable(path: String)
  case empty(path: String)
  case unterminatedQuote(path: String, line: Int)
  case missingColumn(path: String, column: String)

  public var description: String {
    switch self {
    case .unreadable(let path): "\(path): cannot read the file"
    case .empty(let path): "\(path): the file is empty (no header row)"
    case .unterminatedQuote(let path, let line): "\(path):\(line): a quoted field is not closed"
    case .missingColumn(let path, let column): "\(path): no '\(column)' column"
    }
  }
}

/// A CSV file read whole: a header and rows of fields (RFC 4180; a byte-order mark, CRLF and a
/// `;` delimiter as a Dutch Excel writes it are accepted).
public struct CSVTable: Sendable, Equatable {
  public var header: [String]
  public var rows: [[String]]
  /// One-based line numbers of the rows, for messages.
  public var lines: [Int]

  public static func read(path: String) throws(CSVError) -> CSVTable {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path)
    }
    let text = String(decoding: data, as: UTF8.self)
    return try parse(text, path: path)
  }

  public static func parse(_ input: String, path: String) throws(CSVError) -> CSVTable {
    var text = Substring(input)
    if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
    let firstLine = text.prefix(while: { $0 != "\n" && $0 != "\r\n" })
    let delimiter: Character =
      firstLine.filter({ $0 == ";" }).count > firstLine.filter({ $0 == "," }).count ? ";" : ","
    var records: [[String]] = []
    var lines: [Int] = []
    var record: [String] = []
    var field = ""
    var inQuotes = false
    var line = 1
    var recordLine = 1
    var iterator = text.makeIterator()
    var pending: Character? = nil
    func endRecord() {
      record.append(field)
      field = ""
      if !(record.count == 1 && record[0].isEmpty) {
        records.append(record)
        lines.append(recordLine)
      }
      record = []
    }
    while let character = pending ?? iterator.next() {
      pending = nil
      if inQuotes {
        if character == "\"" {
          if let next = iterator.next() {
            if next == "\"" {
              field.append("\"")
            } else {
              inQuotes = false
              pending = next
            }
          } else {
            inQuotes = false
          }
        } else {
          if character == "\n" || character == "\r\n" { line += 1 }
          field.append(character)
        }
      } else if character == "\"" && field.isEmpty {
        inQuotes = true
      } else if character == delimiter {
        record.append(field)
        field = ""
      } else if character == "\n" || character == "\r\n" || character == "\r" {
        endRecord()
        line += 1
        recordLine = line
      } else {
        field.append(character)
      }
    }
    if inQuotes { throw .unterminatedQuote(path: path, line: recordLine) }
    if !field.isEmpty || !record.isEmpty { endRecord() }
    guard let header = records.first else { throw .empty(path: path) }
    return CSVTable(
      header: header.map { $0.trimmingCharacters(in: .whitespaces) },
      rows: Array(records.dropFirst()), lines: Array(lines.dropFirst()))
  }

  public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

  /// The rows as dictionaries from column name to value; short rows get empty values.
  public var records: [[String: String]] {
    rows.map { row in
      var record: [String: String] = [:]
      for (index, name) in header.enumerated() {
        record[name] = index < row.count ? row[index] : ""
      }
      return record
    }
  }
}

/// Writes CSV rows (RFC 4180) with formula-defused cells.
public struct CSVWriter: Sendable {
  public var delimiter: Character
  /// Excel: a byte-order mark first, so that it reads UTF-8.
  public var byteOrderMark: Bool

  public init(delimiter: Character = ",", byteOrderMark: Bool = false) {
    self.delimiter = delimiter
    self.byteOrderMark = byteOrderMark
  }

  public func row(_ fields: [String]) -> String {
    fields.map { Escape.csv($0, delimiter: delimiter) }.joined(separator: String(delimiter))
      + "\r\n"
  }

  public var preamble: String { byteOrderMark ? "\u{FEFF}" : "" }
}
