import ArgumentParser
import Foundation
import MetaEvalCore
import PDFExtraction

/// Scoring alone, on one thread, repeated: the phase to profile (`perf record`, callgrind)
/// without extraction in the way. Files are read first and not timed.
struct Score: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Time scoring alone on the texts of a folder (PDF, .txt or .md), on one thread.")

  @Argument(help: "A folder of documents.")
  var path: String

  @Option(help: "How many times to score every document.")
  var repeats: Int = 1

  @Option(help: "The rubric (default: the standard one).")
  var rubric: String?

  func run() throws {
    let files = DocumentFinder.documents(in: path).map {
      (path as NSString).appendingPathComponent($0)
    }
    let extracted = Bench.texts(files)
    let documents = extracted.map { DocumentText($0) }
    guard !documents.isEmpty else { throw ValidationError("\(path): no readable documents") }
    let loaded: Rubric
    if let rubric {
      loaded = try RubricLoader.load(path: rubric)
    } else {
      loaded = try RubricLibrary.standard(executable: Bench.metaeval).load()
    }
    let scorer = Scorer(rubric: loaded)
    let bytes = Bench.textBytes(extracted)
    let start = Date()
    for _ in 0..<max(1, repeats) {
      for document in documents { _ = scorer.score(document) }
    }
    let seconds = Date().timeIntervalSince(start)
    let megabytes = bytes * Double(max(1, repeats)) / 1_048_576
    print(
      String(
        format: "%d documents, %.2f MB of text, %d repeats: %.3f s, %.1f MB/s", documents.count,
        bytes / 1_048_576, max(1, repeats), seconds, megabytes / seconds))
  }
}
