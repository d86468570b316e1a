import ArgumentParser
import ExtractionCache
import Foundation
import MetaEvalCore
import PDFExtraction

struct Corpus: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "corpus",
    abstract:
      "Score a whole corpus: parallel, cached, fault-isolated; writes CSV, JSON and reports.",
    discussion: """
      PATH is a folder (walked for .pdf, .txt, .md) or a manifest CSV with a 'file' column and \
      metadata columns (paths relative to the manifest). Each document is extracted in a worker \
      process, so a crash, hang (--timeout) or runaway memory (--memory-limit) fails that one \
      document only. Extracted text is cached in SQLite by SHA-256; the cache also remembers \
      each file's digest with its size, times and inode, so an unchanged file is not read \
      again (any write to a file changes its status-change time).

      Writes to --out: documents.csv, evidence.csv, results.jsonl (scored documents), summary.md, \
      report.html (self-contained), run.json (the only file with dates and timings).

      Exit codes: 0 every document scored; 3 some failed (reports are still written); \
      2 nothing could be done (no documents, bad manifest or rubric, or every document failed).
      """
  )

  @Argument(help: "A folder of reports, or a manifest CSV.")
  var path: String

  @Option(help: "A manifest CSV for the documents of PATH (a 'file' column and metadata columns).")
  var manifest: String?

  @OptionGroup var scoring: ScoringOptions

  @Option(help: "Output folder (default: Reports/<name of the corpus>).")
  var out: String?

  @Option(help: "Parallel workers (default: the number of cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: "Seconds one document may take to extract.")
  var timeout: Double = 120

  @Option(help: "Memory limit per extraction worker in MiB (0: none).")
  var memoryLimit: Int = 2048

  @Option(help: "The SQLite cache file (default: $XDG_CACHE_HOME/metaeval/extraction.sqlite).")
  var cache: String?

  @Flag(help: "Neither read nor write the cache.")
  var noCache = false

  @Option(help: "A manifest column to group the figures by.")
  var groupBy: String?

  @Option(help: "CSV delimiter: ',' or ';' (a Dutch Excel).")
  var delimiter: String = ","

  @Flag(help: "Start the CSV files with a byte-order mark, for Excel.")
  var excel = false

  @OptionGroup var ocr: OCRFlags

  func validate() throws {
    guard delimiter == "," || delimiter == ";" else {
      throw ValidationError("--delimiter must be ',' or ';'")
    }
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
    if noCache && cache != nil {
      throw ValidationError("--cache and --no-cache exclude each other")
    }
  }

  func run() throws {
    let started = Date()
    // The rubric compiles on its own thread while the corpus is listed and the first
    // documents are extracted; its errors are still said first, as if it had loaded first.
    let rubric = Promise<Result<Scorer, RubricError>>()
    let loading = Thread { [scoring] in rubric.fulfil(scoring.loadScorer()) }
    loading.stackSize = 8 << 20
    loading.start()
    func scorerOrExit() throws -> Scorer {
      switch rubric.wait() {
      case .success(let scorer): return scorer
      case .failure(let error):
        StandardError.line("metaeval: \(error)")
        throw ExitCode(2)
      }
    }
    let source: CorpusSource
    do {
      source = try CorpusSource.load(path: path, manifest: manifest)
    } catch {
      _ = try scorerOrExit()
      StandardError.line("metaeval: \(error)")
      throw ExitCode(2)
    }
    if let groupBy, !source.metadataColumns.contains(groupBy) {
      _ = try scorerOrExit()
      StandardError.line(
        "metaeval: --group-by '\(groupBy)' is not a manifest column (columns: \(source.metadataColumns.joined(separator: ", ")))"
      )
      throw ExitCode(2)
    }
    let cachePath = Self.usableCache(noCache ? nil : (cache ?? ExtractionCache.defaultPath))
    let key = Extractor.cacheKey(ExtractionOptions(ocr: ocr.options(jobs: 1)))
    // One budget of --jobs recognitions for all workers: a scan's pages are read in parallel
    // while the other workers are idle, and never more than --jobs at once.
    let slots = OCRSlotFolder.create()
    defer { try? FileManager.default.removeItem(atPath: slots) }
    let scorerForRun = Promise<Scorer?>()
    let runner = CorpusRunner(
      source: source, scorer: scorerForRun,
      options: CorpusRunOptions(
        jobs: jobs, timeout: timeout, memoryLimit: memoryLimit,
        workerExecutable: Self.executablePath,
        workerArguments: ocr.workerArguments + (cachePath.map { ["--cache", $0] } ?? [])
          + ["--ocr-jobs", String(jobs), "--ocr-slots", slots],
        language: scoring.language.fixed),
      cache: { [key] in cachePath.flatMap { try? CachedPages(path: $0, key: key) } })
    runner.start()
    let scorer: Scorer
    do {
      scorer = try scorerOrExit()
    } catch {
      scorerForRun.fulfil(nil)  // the threads stop after the document they are extracting
      throw error
    }
    let folder = out ?? ("Reports" as NSString).appendingPathComponent(source.name)
    let output: CorpusOutput
    do {
      output = try CorpusOutput(
        folder: folder, rubric: scorer.rubric, metadataColumns: source.metadataColumns,
        csv: CSVWriter(delimiter: Character(delimiter), byteOrderMark: excel))
    } catch {
      scorerForRun.fulfil(nil)
      StandardError.line(
        "metaeval: \(folder): cannot write the reports (\(error.localizedDescription))")
      throw ExitCode(2)
    }
    scorerForRun.fulfil(scorer)
    var aggregate = CorpusAggregate(rubric: scorer.rubric, groupColumn: groupBy)
    var progress = Progress(total: source.entries.count, started: started)
    var writeError: Error?
    runner.collect { outcome in
      aggregate.add(outcome)
      do { try output.add(outcome) } catch { writeError = writeError ?? error }
      progress.record(failed: outcome.status == .failed)
    }
    progress.finish()
    let summary = aggregate.summary
    let metadata = RunMetadata(
      metaevalVersion: MetaEvalVersion.current,
      started: RunMetadata.timestamp(started),
      seconds: (Date().timeIntervalSince(started) * 100).rounded() / 100, rubric: scorer.rubric.id,
      rubricVersion: scorer.rubric.version, documents: summary.documents, scored: summary.scored,
      failed: summary.failedCount, extracted: aggregate.extracted, fromCache: aggregate.fromCache,
      jobs: jobs,
      cache: cachePath, corpus: path, corpusRoot: source.root)
    do {
      if let writeError { throw writeError }
      try output.finish(name: source.name, aggregate: aggregate, metadata: metadata)
    } catch {
      StandardError.line(
        "metaeval: \(folder): cannot write the reports (\(error.localizedDescription))")
      throw ExitCode(2)
    }
    print(Self.summaryText(summary, metadata: metadata, folder: folder))
    if summary.scored == 0 { throw ExitCode(2) }
    if summary.failedCount > 0 { throw ExitCode(3) }
  }

  /// `path` if the cache there opens; otherwise nil, after one line on stderr, so that neither
  /// the workers nor run.json refer to a cache the run does not use.
  static func usableCache(_ path: String?) -> String? {
    guard let path else { return nil }
    do {
      _ = try ExtractionCache(path: path)
      return path
    } catch {
      StandardError.line("metaeval: \(error); going on without the cache")
      return nil
    }
  }

  static func summaryText(_ summary: CorpusSummary, metadata: RunMetadata, folder: String) -> String
  {
    var lines = [
      "Scored \(summary.scored) of \(summary.documents) documents (\(summary.failedCount) failed; extracted \(metadata.extracted), from cache \(metadata.fromCache)) in \(metadata.seconds) s; \(summary.evaluations) \(summary.evaluations == 1 ? "is an evaluation" : "are evaluations")."
    ]
    let width = summary.lines.map { $0.title.count + ($0.isDimension ? 2 : 0) }.max() ?? 10
    for line in summary.lines {
      let title = (line.isDimension ? "  " : "") + line.title
      lines.append(
        "  " + title.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
          + line.proportion.formatted)
    }
    for failure in summary.failures.prefix(10) {
      lines.append("  failed: \(Escape.terminal(failure.file)): \(Escape.terminal(failure.reason))")
    }
    if summary.failures.count > 10 {
      lines.append("  ... and \(summary.failures.count - 10) more failed (see documents.csv)")
    }
    lines.append("Report: \((folder as NSString).appendingPathComponent("report.html"))")
    return lines.joined(separator: "\n")
  }

  /// This executable, to start as the extraction worker.
  static var executablePath: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
  }
}

/// The SQLite cache as the corpus runner sees it.
final class CachedPages: PageCache {
  let cache: ExtractionCache
  /// How the documents were extracted (`Extractor.cacheKey`).
  let key: String

  init(path: String, key: String) throws {
    cache = try ExtractionCache(path: path)
    self.key = key
  }

  func document(sha256: String, path: String) throws -> ExtractedDocument? {
    try cache.document(sha256: sha256, path: path, key: key)
  }

  func store(_ document: ExtractedDocument) throws {
    try cache.store(document, key: key)
  }

  func digest(path: String, stamp: FileDigest.Stamp) -> String? {
    cache.digest(path: path, stamp: stamp)
  }

  func storeDigest(path: String, stamp: FileDigest.Stamp, sha256: String) throws {
    try cache.storeDigest(path: path, stamp: stamp, sha256: sha256)
  }
}

/// Progress on stderr when it is a terminal: done/total, failures, rate, time left.
struct Progress {
  let total: Int
  let started: Date
  let isTerminal = isatty(STDERR_FILENO) == 1
  var done = 0
  var failed = 0
  var lastDrawn = Date.distantPast

  init(total: Int, started: Date) {
    self.total = total
    self.started = started
  }

  mutating func record(failed didFail: Bool) {
    done += 1
    if didFail { failed += 1 }
    guard isTerminal, Date().timeIntervalSince(lastDrawn) > 0.2 || done == total else { return }
    lastDrawn = Date()
    let elapsed = Date().timeIntervalSince(started)
    let rate = Double(done) / max(elapsed, 0.001)
    let left = rate > 0 ? Double(total - done) / rate : 0
    FileHandle.standardError.write(
      Data(
        String(
          format: "\r  %d/%d documents, %d failed, %.1f/s, %.0f s left   ", done, total, failed,
          rate, left
        ).utf8))
  }

  func finish() {
    if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
