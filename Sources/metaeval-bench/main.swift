import ArgumentParser
import Foundation
import MetaEvalCore
import PDFExtraction
import PDFWriter

/// Benchmarks of metaeval beside poppler's own pdftotext, measured side by side in one run,
/// and a generator of large synthetic corpora. Not tests: nothing here asserts a time.
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "metaeval-bench",
    abstract: "Measure metaeval beside pdftotext, or generate a synthetic corpus.",
    subcommands: [Run.self, Generate.self, Score.self], defaultSubcommand: Run.self)

  /// The `metaeval` built beside this benchmark.
  static var metaeval: String {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("metaeval").path
  }

  /// The files' texts, for scoring alone: from `cached` where it has them, otherwise
  /// extracted without OCR (one extractor for all); unreadable files left out.
  static func texts(
    _ files: [String], cached: (String) throws -> ExtractedDocument? = { _ in nil }
  ) rethrows -> [ExtractedDocument] {
    let extractor = Extractor(options: ExtractionOptions(ocr: OCROptions(mode: .never)))
    return try files.compactMap { try cached($0) ?? (try? extractor.extract($0)) }
  }

  /// The bytes of text of the documents' pages (UTF-8).
  static func textBytes(_ documents: [ExtractedDocument]) -> Double {
    Double(documents.reduce(0) { $0 + $1.pages.reduce(0) { $0 + $1.text.utf8.count } })
  }
}

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Time pdftotext, extraction, cold and warm corpus runs and scoring on a folder of PDFs.",
    discussion: """
      Phases, side by side: (1) pdftotext on every file, one process at a time and --jobs at \
      once; (2) metaeval's extraction alone (one process, then --jobs processes); (3) the cold \
      corpus run with --jobs 1 and --jobs N (empty cache); (4) the warm re-run; (5) scoring \
      alone, on one thread of a child process (`score --cache`) that reads the texts the cold \
      run cached and times only the scoring, after one untimed pass. Reports seconds, pages \
      per second, the ratio to the matching pdftotext run (the warm run's against the cold \
      one, also printed unrounded as 1/N under the table) and peak resident memory (wait4; a \
      child reports at least this process's own, said in the header). With --repeat N the \
      phases run round-robin N times (one run of each per round, so that a slow minute falls \
      on all of them rather than on one), and each phase keeps its fastest run.
      """)

  @Argument(help: "A folder of PDFs.")
  var path: String

  @Option(help: "Parallel jobs for the parallel phases (default: the cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: "text or json.")
  var format: String = "text"

  @Option(
    help:
      "Run every phase this many times and keep the fastest (a noisy machine slows runs, never speeds them up)."
  )
  var `repeat`: Int = 1

  struct Row: Encodable {
    var phase: String
    var seconds: Double
    var pagesPerSecond: Double?
    var ratio: Double?
    var ratioTo: String?
    var peakMB: Double?

    enum CodingKeys: String, CodingKey {
      case phase, seconds, ratio
      case pagesPerSecond = "pages_per_second"
      case ratioTo = "ratio_to"
      case peakMB = "peak_mb"
    }
  }

  func run() throws {
    let files = DocumentFinder.documents(in: path).filter { $0.lowercased().hasSuffix(".pdf") }
      .map { (path as NSString).appendingPathComponent($0) }
    guard !files.isEmpty else {
      FileHandle.standardError.write(Data("metaeval-bench: \(path): no PDFs\n".utf8))
      throw ExitCode(2)
    }
    let metaeval = Bench.metaeval
    guard FileManager.default.isExecutableFile(atPath: metaeval) else {
      FileHandle.standardError.write(
        Data("metaeval-bench: \(metaeval) not found; build it first\n".utf8))
      throw ExitCode(2)
    }
    let pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
    if pdftotext == nil {
      FileHandle.standardError.write(
        Data(
          "metaeval-bench: pdftotext is not installed; no reference (apt-get install poppler-utils)\n"
            .utf8))
    }
    // One process per job for the parallel extraction, the files dealt out by size (largest
    // first, to the lightest share), so that the processes finish together.
    var shares = Array(repeating: [String](), count: max(1, jobs))
    var shareBytes = Array(repeating: 0, count: max(1, jobs))
    let sizes = files.map {
      ((try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0, $0)
    }
    for (size, file) in sizes.sorted(by: { $0.0 > $1.0 }) {
      let lightest = shareBytes.indices.min { shareBytes[$0] < shareBytes[$1] }!
      shares[lightest].append(file)
      shareBytes[lightest] += size
    }
    let scratch = (NSTemporaryDirectory() as NSString).appendingPathComponent(
      "metaeval-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    func corpus(_ jobs: Int, cache: String) -> Spawn.Measure {
      Spawn.run(
        metaeval,
        [
          "corpus", path, "--out", scratch + "/out", "--cache", cache, "--jobs", String(jobs),
          "--ocr", "never",
        ])
    }
    // The phases, each with the phase its ratio is taken against. They run round-robin, one
    // run of each per round, so that a slow minute of a noisy machine falls on every phase
    // alike rather than on one; each keeps its fastest run.
    let oneText = "pdftotext, 1 process"
    let manyText = "pdftotext, \(jobs) processes"
    let coldMany = "corpus run, cold, --jobs \(jobs)"
    var phases: [Phase] = []
    if let pdftotext {
      let commands = files.map { (pdftotext, ["-q", $0, "/dev/null"]) }
      phases.append(Phase(oneText, nil) { _ in Spawn.parallel(commands, jobs: 1) })
      phases.append(Phase(manyText, nil) { _ in Spawn.parallel(commands, jobs: jobs) })
    }
    let reference = { (name: String) in pdftotext == nil ? nil : name }
    phases.append(
      Phase("metaeval extract, 1 process", reference(oneText)) { _ in
        Spawn.run(metaeval, ["extract", "--ocr", "never"] + files)
      })
    phases.append(
      Phase("metaeval extract, \(jobs) processes", reference(manyText)) { _ in
        Spawn.parallel(
          shares.filter { !$0.isEmpty }.map { (metaeval, ["extract", "--ocr", "never"] + $0) },
          jobs: jobs)
      })
    phases.append(
      Phase("corpus run, cold, --jobs 1", reference(oneText)) {
        corpus(1, cache: scratch + "/cache1-\($0).sqlite")
      })
    phases.append(
      Phase(coldMany, reference(manyText)) { corpus(jobs, cache: scratch + "/cacheN-\($0).sqlite") }
    )
    // The cache the cold run of this round has just filled.
    phases.append(
      Phase("corpus run, warm, --jobs \(jobs)", coldMany) {
        corpus(jobs, cache: scratch + "/cacheN-\($0).sqlite")
      })
    // Scoring alone, in a child of its own on the texts the cold run of this round cached:
    // sampled in every round like the other phases, and this process never holds the texts.
    let scoringName = "scoring alone, 1 thread"
    var figures: Score.Figures?
    let bench = Bundle.main.executablePath ?? CommandLine.arguments[0]
    let scoringOutput = scratch + "/scoring.json"
    phases.append(
      Phase(scoringName, nil) { round in
        let child = Spawn.run(
          bench,
          [
            "score", path, "--cache", scratch + "/cacheN-\(round).sqlite", "--json",
            "--warm-up",
          ], output: scoringOutput)
        guard child.status == 0,
          let data = FileManager.default.contents(atPath: scoringOutput),
          let read = try? JSONDecoder().decode(Score.Figures.self, from: data)
        else { return Spawn.Measure(seconds: .infinity, peakKB: 0, status: child.status) }
        figures = read
        return Spawn.Measure(seconds: read.seconds, peakKB: child.peakKB, status: 0)
      })
    // A child started by this process reports at least this process's resident memory then.
    var own = rusage()
    #if canImport(Glibc)
      getrusage(RUSAGE_SELF.rawValue, &own)
    #else
      getrusage(RUSAGE_SELF, &own)
    #endif
    let floorMB = Self.round(Double(own.ru_maxrss) / 1024)
    var best: [String: Spawn.Measure] = [:]
    for round in 0..<max(1, self.repeat) {
      for phase in phases {
        var measured = phase.measure(round)
        if let previous = best[phase.name] {
          measured.peakKB = max(measured.peakKB, previous.peakKB)
          if previous.seconds < measured.seconds { measured.seconds = previous.seconds }
        }
        best[phase.name] = measured
      }
    }
    guard let figures else {
      FileHandle.standardError.write(Data("metaeval-bench: scoring alone failed\n".utf8))
      throw ExitCode(1)
    }
    let pages = Double(figures.pages)
    let bytes = Double(figures.bytes)
    var rows: [Row] = []
    for phase in phases {
      let measure = best[phase.name]!
      let against = phase.against.flatMap { name in best[name].map { (name, $0.seconds) } }
      let isScoring = phase.name == scoringName
      rows.append(
        Row(
          phase: isScoring
            ? "scoring alone, 1 thread (\(Self.round(bytes / 1_048_576 / measure.seconds)) MB/s)"
            : phase.name,
          seconds: Self.round(measure.seconds),
          pagesPerSecond: Self.round(pages / measure.seconds),
          ratio: against.map { Self.round(measure.seconds / $0.1) }, ratioTo: against?.0,
          peakMB: isScoring ? nil : Self.round(Double(measure.peakKB) / 1024)))
    }
    if format == "json" {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
      print(String(decoding: try encoder.encode(rows), as: UTF8.self))
    } else {
      print(
        "\(files.count) PDFs, \(Int(pages)) pages, \(Self.round(bytes / 1_048_576)) MB of text; \(ProcessInfo.processInfo.activeProcessorCount) cores, --jobs \(jobs), best of \(max(1, self.repeat)) round(s); peaks under \(Int(floorMB.rounded(.up))) MB (this process) read as that\n"
      )
      print(
        "phase".padding(toLength: 52, withPad: " ", startingAt: 0)
          + "seconds  pages/s  ratio  peak MB")
      for row in rows {
        let ratio = row.ratio.map { String(format: "%.2f×", $0) } ?? ""
        let peak = row.peakMB.map { String(format: "%.0f", $0) } ?? ""
        print(
          row.phase.padding(toLength: 52, withPad: " ", startingAt: 0)
            + String(format: "%7.2f  %7.0f  ", row.seconds, row.pagesPerSecond ?? 0)
            + String(repeating: " ", count: max(0, 5 - ratio.count)) + ratio + "  "
            + String(repeating: " ", count: max(0, 7 - peak.count)) + peak)
      }
      print(
        "\nratios: extraction and cold runs against the pdftotext run with the same number of processes; the warm run against the cold one."
      )
      // The warm run's share, unrounded: its ratio in the table reads 0.04× for 1/21 and 1/28.
      if let warm = phases.first(where: { $0.name.hasPrefix("corpus run, warm") }),
        let cold = warm.against.flatMap({ best[$0] }), let measured = best[warm.name]
      {
        print(
          "warm run: 1/\(String(format: "%.1f", cold.seconds / measured.seconds)) of the cold run")
      }
    }
  }

  static func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }

  /// One measured phase: its name, the phase its ratio is taken against, and one run of it.
  struct Phase {
    let name: String
    let against: String?
    let measure: (Int) -> Spawn.Measure

    init(_ name: String, _ against: String?, measure: @escaping (Int) -> Spawn.Measure) {
      self.name = name
      self.against = against
      self.measure = measure
    }
  }
}

struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write N varied report PDFs built from the sample corpus's sources.",
    discussion:
      "Each report takes the front matter of one source and sections drawn from others, with a seeded random generator: the same seed gives the same corpus."
  )

  @Argument(help: "How many reports.")
  var count: Int

  @Option(name: .shortAndLong, help: "Output folder.")
  var output: String

  @Option(help: "The sources to draw from.")
  var sources: String = "Corpus/sources"

  @Option(help: "Random seed.")
  var seed: UInt64 = 1

  func run() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: sources).filter {
      $0.hasSuffix(".rpt")
    }.sorted()
    let parsed = try names.map { name -> ReportSource in
      let path = (sources as NSString).appendingPathComponent(name)
      return try ReportSourceParser.parse(
        try String(contentsOfFile: path, encoding: .utf8), path: path)
    }
    guard !parsed.isEmpty else { throw ValidationError("no .rpt sources in \(sources)") }
    // Sections: a heading with the blocks up to the next heading.
    var sections: [[ReportSource.Block]] = []
    for source in parsed {
      var current: [ReportSource.Block] = []
      for block in source.blocks {
        if case .heading = block, !current.isEmpty {
          sections.append(current)
          current = []
        }
        current.append(block)
      }
      if !current.isEmpty { sections.append(current) }
    }
    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
    var random = SplitMix(seed: seed)
    for index in 1...max(1, count) {
      var source = parsed[Int(random.next() % UInt64(parsed.count))]
      let length = 4 + Int(random.next() % 14)
      source.blocks = (0..<length).flatMap { _ in
        sections[Int(random.next() % UInt64(sections.count))]
      }
      source.columns = random.next() % 4 == 0 ? 2 : 1
      let name = String(format: "gen-%05d.pdf", index)
      try PDFWriter.write(source, to: (output as NSString).appendingPathComponent(name))
    }
    print("Wrote \(count) reports to \(output)")
  }
}

/// A small seeded generator (SplitMix64), so that a seed always gives the same corpus.
struct SplitMix {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}

Bench.main()
