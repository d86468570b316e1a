import Foundation
import MetaEvalCore

/// The output folder of `metaeval corpus`, as far as an export needs it: the scored documents
/// with their results, and where their files are.
public struct CorpusRun: Sendable {
  public struct Document: Sendable {
    /// The `file` column: relative to the corpus root, or absolute.
    public var file: String
    public var result: ReportResult
  }

  public let folder: String
  /// `run.json`, when there is one.
  public let metadata: RunMetadata?
  /// Scored documents in the order of `documents.csv` (sorted by file).
  public let documents: [Document]
  /// Rows of `documents.csv` with status scored but no line in `results.jsonl`.
  public let missingResults: [String]

  /// The rubric the run was scored with.
  public var rubric: ReportResult.RubricReference? { documents.first?.result.rubric }

  /// Reads `documents.csv`, `results.jsonl` and (unless `requireMetadata` is false and it is
  /// missing) `run.json`.
  public static func read(folder: String, requireMetadata: Bool = true) throws(QDAExchangeError)
    -> CorpusRun
  {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw .invalidRun(
        path: folder, reason: "no such folder; give the output folder of 'metaeval corpus'")
    }
    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    let metadataPath = path("run.json")
    var metadata: RunMetadata?
    if let data = FileManager.default.contents(atPath: metadataPath) {
      do {
        metadata = try JSONDecoder().decode(RunMetadata.self, from: data)
      } catch {
        throw .invalidRun(path: metadataPath, reason: "not the run.json of a corpus run")
      }
    } else if requireMetadata {
      throw .invalidRun(
        path: metadataPath, reason: "no such file; give the corpus folder with --corpus")
    }

    let documentsPath = path("documents.csv")
    guard FileManager.default.fileExists(atPath: documentsPath) else {
      throw .invalidRun(path: documentsPath, reason: "no such file")
    }
    let table: CSVTable
    do {
      table = try CSVTable.read(path: documentsPath)
    } catch {
      throw .invalidRun(path: documentsPath, reason: error.description)
    }
    guard let fileColumn = table.column("file"), let statusColumn = table.column("status") else {
      throw .invalidRun(path: documentsPath, reason: "no 'file' and 'status' columns")
    }

    let resultsPath = path("results.jsonl")
    guard let resultsData = FileManager.default.contents(atPath: resultsPath) else {
      throw .invalidRun(path: resultsPath, reason: "no such file")
    }
    var results: [String: ReportResult] = [:]
    let decoder = JSONDecoder()
    for (number, line) in String(decoding: resultsData, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false
    ).enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
      do {
        let result = try decoder.decode(ReportResult.self, from: Data(line.utf8))
        results[result.file] = result
      } catch {
        throw .invalidRun(
          path: "\(resultsPath):\(number + 1)", reason: "not a result line of a corpus run")
      }
    }

    var documents: [Document] = []
    var missing: [String] = []
    for row in table.rows {
      guard fileColumn < row.count, statusColumn < row.count, row[statusColumn] == "scored" else {
        continue
      }
      // A cell that would start a formula got a leading quote in the CSV; the JSON has the name.
      let cell = row[fileColumn]
      let file = results[cell] != nil || !cell.hasPrefix("'") ? cell : String(cell.dropFirst())
      if let result = results[file] {
        documents.append(Document(file: file, result: result))
      } else {
        missing.append(file)
      }
    }
    return CorpusRun(
      folder: folder, metadata: metadata, documents: documents, missingResults: missing)
  }
}
