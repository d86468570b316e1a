import Foundation

/// Writes the files of a corpus run as the documents arrive, in corpus order: the CSVs and
/// `results.jsonl` stream to `.partial` files renamed at the end, so an interrupted run never
/// leaves a half file that looks whole.
public final class CorpusOutput {
  public let folder: String
  private let layout: ColumnLayout
  private let metadataColumns: [String]
  /// criterion id to the id of its vocabulary, for naming term evidence like the CSV column.
  private let vocabularies: [String: String]
  private let csv: CSVWriter
  private var documents: FileHandle
  private var evidence: FileHandle
  private var results: FileHandle
  /// Each document's evidence as HTML, streamed to a file: the report is put together at the
  /// end without holding every document's evidence in memory.
  private var sections: FileHandle
  private var index = 0

  public static let fileNames = [
    "documents.csv", "evidence.csv", "results.jsonl", "summary.md", "report.html", "run.json",
  ]

  public init(folder: String, rubric: Rubric, metadataColumns: [String], csv: CSVWriter) throws {
    self.folder = folder
    self.layout = ColumnLayout(rubric: rubric)
    self.vocabularies = Dictionary(
      uniqueKeysWithValues: rubric.criteria.compactMap { criterion in
        criterion.spec.vocabulary.map { (criterion.id, $0) }
      })
    self.metadataColumns = metadataColumns
    self.csv = csv
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    documents = try Self.create(
      (folder as NSString).appendingPathComponent("documents.csv.partial"))
    evidence = try Self.create((folder as NSString).appendingPathComponent("evidence.csv.partial"))
    results = try Self.create((folder as NSString).appendingPathComponent("results.jsonl.partial"))
    sections = try Self.create(
      (folder as NSString).appendingPathComponent("report-sections.html.partial"))
    let header =
      ["file", "sha256", "status", "error", "language", "pages", "ocr_pages", "words"]
      + layout.names + ["score"]
      + metadataColumns
    write(documents, csv.preamble + csv.row(header))
    write(
      evidence,
      csv.preamble
        + csv.row(["file", "criterion", "page", "page_label", "quote", "cue", "kind", "source"]))
  }

  static func create(_ path: String) throws -> FileHandle {
    guard FileManager.default.createFile(atPath: path, contents: nil) else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
    }
    return try FileHandle(forWritingTo: URL(fileURLWithPath: path))
  }

  private func write(_ handle: FileHandle, _ text: String) {
    handle.write(Data(text.utf8))
  }

  public func add(_ outcome: DocumentOutcome) throws {
    index += 1
    let metadata = metadataColumns.map { column in
      outcome.entry.metadata.first { $0.0 == column }?.1 ?? ""
    }
    if let result = outcome.result {
      let score =
        result.score.requiredTotal == 0
        ? 0 : Double(result.score.requiredMet) / Double(result.score.requiredTotal)
      let row =
        [
          outcome.entry.file, outcome.sha256, "scored", outcome.error ?? "",
          result.language.rawValue,
          String(result.pages),
          String(result.ocrPages), String(result.words),
        ]
        + layout.cells(for: result) + [ColumnLayout.number(score)] + metadata
      write(documents, csv.row(row))
      var lines = ""
      for criterion in result.criteria {
        for item in criterion.evidence {
          lines += csv.row(evidenceRow(outcome.entry.file, criterion.id, item))
        }
        for dimension in criterion.dimensions {
          for item in dimension.evidence {
            lines += csv.row(
              evidenceRow(outcome.entry.file, "\(criterion.id)_\(dimension.id)", item))
          }
        }
        for term in criterion.terms {
          lines += csv.row(
            evidenceRow(
              outcome.entry.file, "\(criterion.id)_\(vocabularies[criterion.id] ?? "terms")",
              term.evidence))
        }
      }
      write(evidence, lines)
      write(results, try JSONReporter.line(result))
    } else {
      let blanks = Array(repeating: "", count: layout.names.count + 1)
      let row =
        [
          outcome.entry.file, outcome.sha256, "failed",
          (outcome.errorCode.map { $0 + ": " } ?? "") + (outcome.error ?? ""), "", "", "", "",
        ]
        + blanks + metadata
      write(documents, csv.row(row))
    }
    write(sections, CorpusHTMLReporter.section(index: index, outcome: outcome))
  }

  func evidenceRow(_ file: String, _ criterion: String, _ item: Evidence) -> [String] {
    [
      file, criterion, String(item.page), item.pageLabel, item.quote, item.cue, item.kind,
      item.source,
    ]
  }

  /// Writes the summaries and the run's metadata, and puts the streamed files in place.
  public func finish(name: String, aggregate: CorpusAggregate, metadata: RunMetadata) throws {
    for handle in [documents, evidence, results, sections] { try handle.close() }
    for file in ["documents.csv", "evidence.csv", "results.jsonl"] {
      let target = (folder as NSString).appendingPathComponent(file)
      try? FileManager.default.removeItem(atPath: target)
      try FileManager.default.moveItem(atPath: target + ".partial", toPath: target)
    }
    let marker = "<!-- metaeval: evidence per document -->"
    let report = CorpusReport(
      name: name, summary: aggregate.summary, rows: aggregate.rows, sectionsHTML: marker)
    try SummaryMarkdownReporter().render(report).write(
      toFile: (folder as NSString).appendingPathComponent("summary.md"), atomically: true,
      encoding: .utf8)
    // The page around the marker, with the streamed sections copied in between.
    let page = try CorpusHTMLReporter().render(report)
    guard let split = page.range(of: marker) else { throw CocoaError(.fileWriteUnknown) }
    let sectionsPath = (folder as NSString).appendingPathComponent("report-sections.html.partial")
    let htmlPath = (folder as NSString).appendingPathComponent("report.html")
    let html = try Self.create(htmlPath + ".partial")
    write(html, String(page[..<split.lowerBound]))
    let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: sectionsPath))
    while true {
      let chunk = input.readData(ofLength: 1 << 20)
      if chunk.isEmpty { break }
      html.write(chunk)
    }
    try input.close()
    write(html, String(page[split.upperBound...]))
    try html.close()
    try? FileManager.default.removeItem(atPath: sectionsPath)
    try? FileManager.default.removeItem(atPath: htmlPath)
    try FileManager.default.moveItem(atPath: htmlPath + ".partial", toPath: htmlPath)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    try encoder.encode(metadata).write(
      to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("run.json")))
  }
}

/// `run.json`: the one file of a run with dates, timings and the tool's version; every
/// other file is the same for the same input.
public struct RunMetadata: Codable, Sendable {
  public var metaevalVersion: String
  public var started: String
  public var seconds: Double
  public var rubric: String
  public var rubricVersion: Int
  public var documents: Int
  public var scored: Int
  public var failed: Int
  public var extracted: Int
  public var fromCache: Int
  public var jobs: Int
  public var cache: String?
  /// The corpus as it was given (a folder or a manifest), so that exports can find the texts.
  public var corpus: String
  /// The folder the `file` column of documents.csv is relative to.
  public var corpusRoot: String

  /// A moment as `ISO8601DateFormatter` writes it by default ("2026-11-29T17:10:00Z", UTC,
  /// whole seconds), without making one: its calendar costs 5 ms, on the path of every run.
  public static func timestamp(_ date: Date) -> String {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let year = Int(parts.tm_year) + 1900
    let yearText =
      year >= 0 && year < 1000
      ? String(repeating: "0", count: 4 - "\(year)".count) + "\(year)" : "\(year)"
    return "\(yearText)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):"
      + "\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
  }

  public init(
    metaevalVersion: String, started: String, seconds: Double, rubric: String, rubricVersion: Int,
    documents: Int, scored: Int, failed: Int, extracted: Int, fromCache: Int, jobs: Int,
    cache: String?,
    corpus: String, corpusRoot: String
  ) {
    self.corpus = corpus
    self.corpusRoot = corpusRoot
    self.metaevalVersion = metaevalVersion
    self.started = started
    self.seconds = seconds
    self.rubric = rubric
    self.rubricVersion = rubricVersion
    self.documents = documents
    self.scored = scored
    self.failed = failed
    self.extracted = extracted
    self.fromCache = fromCache
    self.jobs = jobs
    self.cache = cache
  }

  enum CodingKeys: String, CodingKey {
    case started, seconds, rubric, documents, scored, failed, extracted, jobs, cache, corpus
    case corpusRoot = "corpus_root"
    case metaevalVersion = "metaeval_version"
    case rubricVersion = "rubric_version"
    case fromCache = "from_cache"
  }
}
