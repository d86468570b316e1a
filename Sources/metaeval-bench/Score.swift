import ArgumentParser
import ExtractionCache
import Foundation
import MetaEvalCore
import PDFExtraction

/// Scoring alone, on one thread, repeated: the phase to profile (`perf record`, callgrind)
/// without extraction in the way. Files are read first and not timed.
struct Score: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Time scoring alone on the texts of a folder (PDF, .txt or .md), on one thread.",
    discussion: """
      With --cache, the texts are read from a corpus run's cache where it holds them (as a \
      warm run reads them) and extracted otherwise. With --json, one line: documents, pages, \
      bytes of text, repeats and seconds (what `run` reads from it).
      """)

  @Argument(help: "A folder of documents.")
  var path: String

  @Option(help: "How many times to score every document.")
  var repeats: Int = 1

  @Option(help: "The rubric (default: the standard one).")
  var rubric: String?

  @Option(help: "A corpus run's cache (SQLite) to read the texts from.")
  var cache: String?

  @Flag(help: "Print the figures as one JSON line.")
  var json = false

  @Flag(
    help:
      "Score every document once before timing (the rubric's patterns compile on first use), so that the figure is the steady rate."
  )
  var warmUp = false

  struct Figures: Codable {
    var documents: Int
    var pages: Int
    var bytes: Int
    var repeats: Int
    var seconds: Double
  }

  func run() throws {
    let extracted = try cache.map { try Self.cachedTexts(path, cache: $0) } ?? Bench.texts(files)
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
    let repeats = max(1, self.repeats)
    if warmUp {
      for document in documents { _ = scorer.score(document) }
    }
    let start = Date()
    for _ in 0..<repeats {
      for document in documents { _ = scorer.score(document) }
    }
    let seconds = Date().timeIntervalSince(start)
    if json {
      let figures = Figures(
        documents: documents.count, pages: extracted.reduce(0) { $0 + $1.pages.count },
        bytes: Int(bytes), repeats: repeats, seconds: seconds)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      print(String(decoding: try encoder.encode(figures), as: UTF8.self))
      return
    }
    let megabytes = bytes * Double(repeats) / 1_048_576
    print(
      String(
        format: "%d documents, %.2f MB of text, %d repeats: %.3f s, %.1f MB/s", documents.count,
        bytes / 1_048_576, repeats, seconds, megabytes / seconds))
  }

  private var files: [String] {
    DocumentFinder.documents(in: path).map { (path as NSString).appendingPathComponent($0) }
  }

  /// The texts of the folder's documents as a corpus run on it cached them (found by the
  /// same absolute paths); a document the cache lacks is extracted.
  static func cachedTexts(_ folder: String, cache path: String) throws -> [ExtractedDocument] {
    guard FileManager.default.fileExists(atPath: path) else {
      throw ValidationError("\(path): no such cache")
    }
    let cache = try ExtractionCache(path: path)
    return try Bench.texts(CorpusSource.load(path: folder).entries.map(\.absolutePath)) { file in
      guard let stamp = FileDigest.stamp(path: file),
        let sha256 = cache.digest(path: file, stamp: stamp)
      else { return nil }
      return try cache.document(sha256: sha256, path: file)
    }
  }
}
