import Foundation
import PDFExtraction

/// How a corpus run extracts.
public struct CorpusRunOptions: Sendable {
  public var jobs: Int
  /// Seconds one document may take to extract before its worker is killed.
  public var timeout: Double
  /// Address-space limit for each worker, in MiB (0: none).
  public var memoryLimit: Int
  /// The `metaeval` executable to start as `metaeval worker`.
  public var workerExecutable: String
  /// More arguments for `metaeval worker` (OCR settings, the cache).
  public var workerArguments: [String]
  public var language: Language?
  /// How far the threads may run ahead of the caller: outcomes wait in memory until their
  /// turn, so a caller slower than the threads (writing the reports of a warm run) must not
  /// let them pile up with the size of the corpus. Wide enough that a slow document (a scan
  /// being recognised) does not hold the other threads up for long. Within each stretch of
  /// this many documents, those to extract are taken first, the largest first
  /// (`CorpusRunner.processingOrder`).
  public var runAhead = 256
  /// How many documents each thread reads into lines and sentences while the scorer is still
  /// being made (the rubric compiling), instead of waiting idle after the first.
  public var prepareAhead = 8

  public init(
    jobs: Int, timeout: Double, memoryLimit: Int, workerExecutable: String,
    workerArguments: [String] = [],
    language: Language? = nil
  ) {
    self.jobs = jobs
    self.timeout = timeout
    self.memoryLimit = memoryLimit
    self.workerExecutable = workerExecutable
    self.workerArguments = workerArguments
    self.language = language
  }
}

/// Scores a corpus on `jobs` threads, each with its own extraction worker process and cache
/// connection, and hands the outcomes over in corpus order as they become ready.
///
/// The scorer may still be in the making when the run starts: each thread meanwhile extracts
/// its first documents (`prepareAhead`) and reads them into lines and sentences, and waits for
/// the scorer only to score. When no scorer comes (the rubric did not load), the threads stop.
public final class CorpusRunner: @unchecked Sendable {
  private let source: CorpusSource
  private let scorer: Promise<Scorer?>
  private let options: CorpusRunOptions
  private let makeCache: @Sendable () -> PageCache?

  /// The corpus indexes in the order the slots take them (`processingOrder`), set by `start`.
  private var order: [Int] = []

  // Shared between the slot threads and the caller, under `lock`.
  private let lock = NSCondition()
  /// The next place in `order`.
  private var next = 0
  private var ready: [Int: DocumentOutcome] = [:]
  /// How many outcomes the caller has taken.
  private var emitted = 0
  private var threads: [Thread] = []

  public init(
    source: CorpusSource, scorer: Promise<Scorer?>, options: CorpusRunOptions,
    cache: @escaping @Sendable () -> PageCache?
  ) {
    self.source = source
    self.scorer = scorer
    self.options = options
    self.makeCache = cache
  }

  /// Runs the corpus; `emit` is called on the calling thread once per document, in order.
  public func run(emit: (DocumentOutcome) -> Void) {
    start()
    collect(emit: emit)
  }

  /// Starts the threads, which begin extracting at once.
  public func start() {
    guard threads.isEmpty else { return }
    order = Self.processingOrder(
      source.entries.map(Self.pending(in: makeCache())), window: max(1, options.runAhead))
    let slots = max(1, min(options.jobs, source.entries.count))
    for _ in 0..<slots {
      let thread = Thread { [self] in self.slot() }
      thread.stackSize = 8 << 20
      threads.append(thread)
      thread.start()
    }
  }

  /// Waits for the outcomes and calls `emit` on the calling thread once per document, in
  /// order. Only when the scorer was delivered: without one no outcome comes.
  public func collect(emit: (DocumentOutcome) -> Void) {
    start()
    for index in 0..<source.entries.count {
      lock.lock()
      while ready[index] == nil { lock.wait() }
      let outcome = ready.removeValue(forKey: index)!
      emitted = index + 1
      lock.broadcast()
      lock.unlock()
      emit(outcome)
    }
  }

  /// What the order of a corpus run knows of a document before it starts: its size, and
  /// whether the cache remembers the file as it is (then its text is most likely cached too).
  struct Pending: Equatable {
    var size: Int64
    var remembered: Bool
  }

  /// The size and whether the cache remembers the file, for each entry; a stat and one lookup.
  private static func pending(in cache: PageCache?) -> (CorpusEntry) -> Pending {
    { entry in
      let stamp = FileDigest.stamp(path: entry.absolutePath)
      let remembered = stamp.map { cache?.digest(path: entry.absolutePath, stamp: $0) != nil }
      return Pending(size: stamp?.size ?? 0, remembered: remembered ?? false)
    }
  }

  /// The order documents are taken in, stretch by stretch of `window` documents (as far as
  /// the slots may run ahead of the caller): first those to extract, the largest first, then
  /// those the cache remembers, in corpus order. A long document handed to a worker late
  /// would end the run on that worker while the others idle; taken first, it ends while the
  /// short ones go to the other workers, as a scheduler that knows the lengths would do. The
  /// documents from the cache keep the corpus order, so that a warm run hands its outcomes over
  /// as they are scored, not all at the end. Outcomes are handed over in corpus order anyway.
  static func processingOrder(_ documents: [Pending], window: Int) -> [Int] {
    var order: [Int] = []
    order.reserveCapacity(documents.count)
    for start in stride(from: 0, to: documents.count, by: max(1, window)) {
      let stretch = start..<min(documents.count, start + max(1, window))
      order += stretch.filter { !documents[$0].remembered }.sorted {
        documents[$0].size != documents[$1].size ? documents[$0].size > documents[$1].size : $0 < $1
      }
      order += stretch.filter { documents[$0].remembered }
    }
    return order
  }

  /// One slot: takes the next document, scores it, hands it over; until none are left.
  ///
  /// The worker does not wait while this thread stores and scores what it sent: the moment
  /// a reply arrives, the next document is taken and queued at the worker, and only then is
  /// the reply read into lines and scored. Documents are still taken when a worker is free,
  /// as `pdftotext` runs under `xargs -P` would be, so a long one found late does not wait
  /// behind another.
  private func slot() {
    let cache = makeCache()
    var arguments = ["worker"] + options.workerArguments
    if options.memoryLimit > 0 { arguments += ["--memory-limit", String(options.memoryLimit)] }
    let worker = ExtractionWorker(executable: options.workerExecutable, arguments: arguments)
    // Documents read while the scorer is still being made, by corpus index.
    var waiting: [(index: Int, extraction: Extraction)] = []
    // The document queued at the worker, whose reply has not been read yet.
    var inFlight: (index: Int, sha256: String)?
    // Starts on the next document: one from the cache waits in `waiting`, one to extract is
    // queued at the worker. While the caller is too far behind, this waits for it only with
    // `mayWait` and nothing in `waiting` (the caller may be waiting for one of those).
    func startNext(mayWait: Bool) -> Taken {
      lock.lock()
      if tooFarAhead() && (!mayWait || !waiting.isEmpty) {
        lock.unlock()
        return .blocked
      }
      while tooFarAhead() { lock.wait() }
      guard next < order.count else {
        lock.unlock()
        return .noneLeft
      }
      let index = order[next]
      next += 1
      lock.unlock()
      switch begin(source.entries[index], cache: cache, worker: worker) {
      case .done(let extraction): waiting.append((index, extraction))
      case .queued(let sha256): inFlight = (index, sha256)
      }
      return .started
    }
    loop: while true {
      if let arrived = inFlight {
        let reply = Result { () throws(WorkerFailure) in
          try worker.receive(timeout: options.timeout)
        }
        inFlight = nil
        // The worker's next document before this reply is read: a few from the cache may
        // come first.
        var taken = 0
        while inFlight == nil && taken < 4 && startNext(mayWait: false) == .started { taken += 1 }
        waiting.append(
          (arrived.index, complete(source.entries[arrived.index], arrived.sha256, reply, cache)))
      } else {
        switch startNext(mayWait: true) {
        case .started: break
        case .noneLeft: break loop
        case .blocked:
          // Hand over what this slot holds, then wait for the caller.
          guard finish(&waiting) else { break loop }
          continue loop
        }
      }
      if waiting.count < options.prepareAhead && !scorer.isFulfilled { continue }
      guard finish(&waiting) else { break }
    }
    // A document still queued at the worker here has no scorer to score it: the run is
    // stopping, and `stop` ends the worker without waiting for it.
    _ = finish(&waiting)
    worker.stop()
  }

  /// Under `lock`: whether the next document is further ahead of the caller than allowed.
  private func tooFarAhead() -> Bool {
    next < order.count && order[next] >= emitted + max(1, options.runAhead)
  }

  /// Scores the waiting documents and hands their outcomes over, in order; false when there
  /// is no scorer to score them with.
  private func finish(_ waiting: inout [(index: Int, extraction: Extraction)]) -> Bool {
    defer { waiting = [] }
    for (index, extraction) in waiting {
      guard let outcome = outcome(source.entries[index], extraction) else { return false }
      lock.lock()
      ready[index] = outcome
      lock.broadcast()
      lock.unlock()
    }
    return true
  }

  /// The outcome of one extracted document; nil when there is no scorer to score it with.
  private func outcome(_ entry: CorpusEntry, _ extraction: Extraction) -> DocumentOutcome? {
    guard case .prepared(let prepared, let sha256, let origin, let ocrProblems) = extraction else {
      if case .failed(let failed) = extraction { return failed }
      return nil
    }
    guard let scorer = scorer.wait() else { return nil }
    let result = scorer.score(prepared)
    // Scored, but a page that OCR could not read is said in the error column.
    return DocumentOutcome(
      entry: entry, sha256: sha256, status: .scored, errorCode: nil, error: ocrProblems,
      result: result, source: origin)
  }

  private enum Extraction {
    case prepared(PreparedDocument, sha256: String, DocumentOutcome.Source, ocrProblems: String?)
    case failed(DocumentOutcome)

    static func failed(_ entry: CorpusEntry, sha256: String = "", code: String, message: String)
      -> Extraction
    {
      .failed(DocumentOutcome.failed(entry, sha256: sha256, code: code, message: message))
    }
  }

  /// What taking the next document came to.
  private enum Taken { case started, noneLeft, blocked }

  /// How a document starts: read already (from the cache, or failed before extraction), or
  /// queued at the worker.
  private enum Started {
    case done(Extraction)
    case queued(sha256: String)
  }

  /// Starts on the document of an entry: from the cache when it holds it, otherwise queued at
  /// the worker (`complete` reads the reply).
  private func begin(_ entry: CorpusEntry, cache: PageCache?, worker: ExtractionWorker)
    -> Started
  {
    let sha256: String
    // The stamp is taken before the digest: a file changed in between gets a new stamp, and
    // the worker then computes the digest of what it reads.
    let stamp = FileDigest.stamp(path: entry.absolutePath)
    if let stamp, let known = cache?.digest(path: entry.absolutePath, stamp: stamp) {
      sha256 = known
    } else {
      do {
        sha256 = try FileDigest.sha256(path: entry.absolutePath)
      } catch {
        return .done(.failed(entry, code: error.code, message: error.problem))
      }
      if let stamp {
        try? cache?.storeDigest(path: entry.absolutePath, stamp: stamp, sha256: sha256)
      }
    }
    if let cache, let cached = try? cache.document(sha256: sha256, path: entry.file) {
      return .done(prepared(cached, entry, sha256: sha256, origin: .cache))
    }
    worker.submit(entry.absolutePath, sha256: sha256, stamp: stamp)
    return .queued(sha256: sha256)
  }

  /// The worker's reply for a document `begin` queued, stored in the cache and read into lines
  /// and sentences.
  private func complete(
    _ entry: CorpusEntry, _ sha256: String, _ reply: Result<WorkerReply, WorkerFailure>,
    _ cache: PageCache?
  ) -> Extraction {
    switch reply {
    case .success(let reply):
      if let failure = reply.failure {
        return .failed(entry, sha256: sha256, code: failure.code, message: failure.message)
      }
      guard var extracted = reply.document else {
        return .failed(
          entry, sha256: sha256, code: "worker", message: "the worker sent no document")
      }
      extracted.path = entry.file
      try? cache?.store(extracted)
      return prepared(extracted, entry, sha256: sha256, origin: .extracted)
    case .failure(.timedOut(let seconds)):
      return .failed(
        entry, sha256: sha256, code: "timeout",
        message: "extraction took longer than \(Int(seconds)) s")
    case .failure(.died(let reason)):
      return .failed(entry, sha256: sha256, code: "crashed", message: reason)
    case .failure(.garbled):
      return .failed(
        entry, sha256: sha256, code: "worker", message: "the extraction worker answered nonsense")
    }
  }

  private func prepared(
    _ document: ExtractedDocument, _ entry: CorpusEntry, sha256: String,
    origin: DocumentOutcome.Source
  ) -> Extraction {
    let prepared = Scorer.prepare(
      DocumentText(document, file: entry.file), language: options.language)
    return .prepared(prepared, sha256: sha256, origin, ocrProblems: document.ocrProblems)
  }
}
