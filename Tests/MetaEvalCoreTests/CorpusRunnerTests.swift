import Foundation
import PDFExtraction
import TestSupport
import Testing

@testable import MetaEvalCore

/// The corpus runner on real files, every document from a cache that always has it (so no
/// worker process starts), and a caller that is slower than the threads.
@Suite struct CorpusRunnerTests {
  /// A cache that has every document and counts how often it was asked.
  final class EveryDocument: PageCache, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var asked = 0
    /// The files asked for, in the order they were asked for.
    private(set) var files: [String] = []
    /// The absolute paths whose digest this cache says it remembers.
    var remembered: Set<String> = []

    func document(sha256: String, path: String) throws -> ExtractedDocument? {
      lock.lock()
      asked += 1
      files.append(path)
      lock.unlock()
      return ExtractedDocument(
        path: path, kind: .text, sha256: sha256, pageCount: 1,
        pages: [PageText(index: 1, label: "1", text: "We recommend that \(path) is read.")],
        metadata: DocumentMetadata())
    }

    func store(_ document: ExtractedDocument) throws {}

    func digest(path: String, stamp: FileDigest.Stamp) -> String? {
      remembered.contains(path) ? String(repeating: "0", count: 64) : nil
    }
  }

  /// A corpus of `count` short text files in a new folder (kept as long as the directory).
  /// A folder's documents get the absolute paths that making each path absolute would give,
  /// however the folder was named.
  @Test func aFolderCorpusHasAbsolutePaths() throws {
    let directory = try TemporaryDirectory("absolute")
    try directory.write("corpus/a.txt", "x")
    try directory.write("corpus/b/c.md", "x")
    let folder = directory.file("corpus")
    for spelling in [
      folder, folder + "/", folder + "//", folder + "/./", folder + "/b/..", folder + "/../corpus",
    ] {
      let source = try CorpusSource.load(path: spelling)
      #expect(source.entries.map(\.file) == ["a.txt", "b/c.md"])
      #expect(
        source.entries.map(\.absolutePath)
          == source.entries.map { CorpusSource.absolute(spelling + "/" + $0.file) })
      #expect(
        source.entries.allSatisfy {
          !$0.absolutePath.contains("/.") && !$0.absolutePath.contains("//")
        })
    }
  }

  static func corpus(_ count: Int, in directory: TemporaryDirectory) throws -> CorpusSource {
    for index in 0..<count {
      // Sizes that vary, so that the order taken differs from the corpus order.
      _ = try directory.write(
        String(format: "corpus/doc-%02d.txt", index),
        "Report \(index)." + String(repeating: " More.", count: (index * 7) % 5))
    }
    return try CorpusSource.load(path: directory.file("corpus"))
  }

  /// Options for `jobs` threads whose documents all come from the cache (no worker starts).
  static func options(jobs: Int) -> CorpusRunOptions {
    CorpusRunOptions(
      jobs: jobs, timeout: 10, memoryLimit: 0, workerExecutable: "/nonexistent/metaeval")
  }

  /// Stretch by stretch: the documents to extract, the largest first (ties in corpus order),
  /// then those the cache remembers, in corpus order; every index once.
  @Test func documentsToExtractAreTakenLargestFirstWithinEachStretch() {
    let sizes: [Int64] = [5, 9, 9, 1, 7, 3, 8, 2]
    let fresh = sizes.map { CorpusRunner.Pending(size: $0, remembered: false) }
    #expect(CorpusRunner.processingOrder(fresh, window: 3) == [1, 2, 0, 4, 5, 3, 6, 7])
    #expect(CorpusRunner.processingOrder(fresh, window: 100) == [1, 2, 6, 4, 0, 5, 7, 3])
    #expect(CorpusRunner.processingOrder(fresh, window: 1) == Array(0..<8))
    #expect(CorpusRunner.processingOrder([], window: 4) == [])
    var mixed = fresh
    for index in [1, 3, 6] { mixed[index].remembered = true }
    #expect(CorpusRunner.processingOrder(mixed, window: 100) == [2, 4, 0, 5, 7, 1, 3, 6])
    #expect(CorpusRunner.processingOrder(mixed, window: 4) == [2, 0, 1, 3, 4, 5, 7, 6])
    let warm = sizes.map { CorpusRunner.Pending(size: $0, remembered: true) }
    #expect(CorpusRunner.processingOrder(warm, window: 3) == Array(0..<8))
  }

  /// A run takes the files the cache does not remember first, the largest first, then the
  /// remembered ones in corpus order; the outcomes still come in corpus order.
  @Test func aRunTakesUnrememberedFilesLargestFirst() throws {
    let directory = try TemporaryDirectory("order")
    let source = try Self.corpus(8, in: directory)
    let cache = EveryDocument()
    cache.remembered = [source.entries[1].absolutePath, source.entries[6].absolutePath]
    let scorer = Promise<Scorer?>()
    scorer.fulfil(Scorer(rubric: try RepositoryRubrics.load("bronsgeest")))
    let runner = CorpusRunner(
      source: source, scorer: scorer, options: Self.options(jobs: 1), cache: { cache })
    var files: [String] = []
    runner.run { files.append($0.entry.file) }
    #expect(files == source.entries.map(\.file))
    let size = { (file: String) in
      (try? FileManager.default.attributesOfItem(atPath: directory.file("corpus/" + file))[.size])
        as? Int ?? 0
    }
    let unremembered = [0, 2, 3, 4, 5, 7].map { source.entries[$0].file }
    let expected =
      unremembered.enumerated().sorted {
        size($0.element) != size($1.element)
          ? size($0.element) > size($1.element) : $0.offset < $1.offset
      }.map(\.element) + [source.entries[1].file, source.entries[6].file]
    #expect(cache.files == expected)
    #expect(cache.files != source.entries.map(\.file), "the sizes differ from the corpus order")
  }

  /// However slowly the caller takes the outcomes, the threads run at most `runAhead`
  /// documents ahead of it (the outcomes wait in memory), and every outcome comes in order.
  @Test func theThreadsRunNoFurtherAheadOfTheCallerThanAllowed() throws {
    let directory = try TemporaryDirectory("runner")
    let source = try Self.corpus(40, in: directory)
    let cache = EveryDocument()
    let scorer = Promise<Scorer?>()
    scorer.fulfil(Scorer(rubric: try RepositoryRubrics.load("bronsgeest")))
    var options = Self.options(jobs: 3)
    options.runAhead = 4
    let runner = CorpusRunner(source: source, scorer: scorer, options: options, cache: { cache })
    var files: [String] = []
    var furthest = 0
    runner.run { outcome in
      Thread.sleep(forTimeInterval: 0.01)
      furthest = max(furthest, cache.asked - files.count)
      files.append(outcome.entry.file)
      #expect(outcome.status == .scored)
    }
    #expect(files == source.entries.map(\.file))
    #expect(files.count == 40)
    // Taken: the one being handed over, the four ahead, and one per thread on its way.
    #expect(furthest <= 1 + 4 + 3)
    #expect(furthest >= 4, "the threads did run ahead of the slow caller")
  }

  /// While the scorer is still being made, each thread reads `prepareAhead` documents instead
  /// of idling after the first; once it comes, all are scored and handed over in order. With
  /// a bound of 4 on running ahead, a thread holding documents still hands them over.
  @Test(arguments: [256, 4])
  func theThreadsReadAheadWhileTheScorerIsMade(runAhead: Int) throws {
    let directory = try TemporaryDirectory("ahead")
    let source = try Self.corpus(30, in: directory)
    let cache = EveryDocument()
    let scorer = Promise<Scorer?>()
    var options = Self.options(jobs: 2)
    options.prepareAhead = 5
    options.runAhead = runAhead
    let runner = CorpusRunner(source: source, scorer: scorer, options: options, cache: { cache })
    runner.start()
    // Without a scorer, the two threads stop at five documents each, or at the bound (the
    // caller has taken none).
    let expected = min(2 * 5, runAhead)
    let deadline = Date().addingTimeInterval(10)
    while cache.asked < expected && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    Thread.sleep(forTimeInterval: 0.2)
    #expect(cache.asked == expected)
    scorer.fulfil(Scorer(rubric: try RepositoryRubrics.load("bronsgeest")))
    var files: [String] = []
    runner.collect { outcome in
      files.append(outcome.entry.file)
      #expect(outcome.status == .scored)
    }
    #expect(files == source.entries.map(\.file))
  }
}
