import Foundation
import PDFWriter
import TestSupport
import Testing

/// `metaeval corpus` on real files: good reports, hostile files, a shared cache, a manifest.
@Suite(.serialized) struct CorpusCommandTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory("corpus")
  }

  /// A corpus of two good reports, a text report and hostile files of every kind.
  func hostileCorpus(mutatedCopies: Int = 6) throws -> String {
    let corpus = directory.file("corpus")
    let good = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(method: true), named: "corpus/good.pdf", in: directory)
    _ = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(recommendations: false), named: "corpus/sub/no-advice.pdf",
      in: directory)
    try directory.write(
      "corpus/memo.txt",
      "Lessons learned\nWe recommend that future projects plan the migration earlier.")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: good))
    try directory.write("corpus/bad/truncated.pdf", bytes.prefix(bytes.count / 3))
    try directory.write("corpus/bad/zero.pdf", Data())
    var generator = SystemRandomNumberGenerator()
    try directory.write(
      "corpus/bad/random.pdf",
      Data((0..<5000).map { _ in UInt8.random(in: 0...255, using: &generator) }))
    _ = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(paragraphs: 2), named: "corpus/bad/scan.pdf", in: directory,
      rendering: .image(dpi: 30))
    for copy in 0..<mutatedCopies {
      var mutated = bytes
      for _ in 0..<40 {
        let position = Int.random(in: 0..<mutated.count, using: &generator)
        mutated[position] = UInt8.random(in: 0...255, using: &generator)
      }
      try directory.write("corpus/mutated/copy-\(copy).pdf", mutated)
    }
    return corpus
  }

  /// Runs `metaeval corpus`; OCR is off unless a test asks for it (OCRTests cover it).
  func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
    let ocr = arguments.contains("--ocr") ? [] : ["--ocr", "never"]
    return try CommandRunner.run(["corpus"] + arguments + ocr, environment: environment)
  }

  func csv(_ path: String) throws -> [[String: String]] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let rows = TestCSV.parse(text)
    let header = rows[0]
    return rows.dropFirst().map { row in
      Dictionary(uniqueKeysWithValues: zip(header, row).map { ($0, $1) })
    }
  }

  @Test func aHostileCorpusGivesOneRowPerFileAndExitsThree() throws {
    let corpus = try hostileCorpus()
    let out = directory.file("out")
    let result = try run([
      corpus, "--out", out, "--cache", directory.file("cache.sqlite"), "--jobs", "2", "--timeout",
      "60",
    ])
    #expect(!result.signalled)
    #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
    let rows = try csv(out + "/documents.csv")
    #expect(rows.count == 3 + 4 + 6)
    #expect(rows.map { $0["file"]! } == rows.map { $0["file"]! }.sorted(), "rows are sorted")
    let byFile = Dictionary(uniqueKeysWithValues: rows.map { ($0["file"]!, $0) })
    for bad in ["bad/truncated.pdf", "bad/zero.pdf", "bad/random.pdf", "bad/scan.pdf"] {
      #expect(byFile[bad]?["status"] == "failed", "\(bad)")
      #expect(byFile[bad]?["error"]?.isEmpty == false)
    }
    #expect(byFile["bad/scan.pdf"]?["error"]?.contains("--ocr") == true)
    #expect(byFile["good.pdf"]?["status"] == "scored")
    #expect(byFile["good.pdf"]?["recommendations"] == "yes")
    #expect(byFile["sub/no-advice.pdf"]?["recommendations"] == "no")
    #expect(byFile["memo.txt"]?["status"] == "scored")
    for file in [
      "documents.csv", "evidence.csv", "results.jsonl", "summary.md", "report.html", "run.json",
    ] {
      #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file)")
    }
    #expect(!FileManager.default.fileExists(atPath: out + "/documents.csv.partial"))
  }

  @Test func aSecondRunComesFromTheCacheAndWritesTheSameBytes() throws {
    let corpus = try hostileCorpus(mutatedCopies: 0)
    let cache = directory.file("cache.sqlite")
    let first = try run([corpus, "--out", directory.file("one"), "--cache", cache])
    let second = try run([corpus, "--out", directory.file("two"), "--cache", cache])
    #expect(first.stdout.contains("extracted 3, from cache 0"))
    #expect(second.stdout.contains("extracted 0, from cache 3"))
    for file in ["documents.csv", "evidence.csv", "results.jsonl", "summary.md", "report.html"] {
      let one = try Data(contentsOf: URL(fileURLWithPath: directory.file("one/" + file)))
      let two = try Data(contentsOf: URL(fileURLWithPath: directory.file("two/" + file)))
      #expect(one == two, "\(file) differs between runs")
    }
    let metadata = try String(contentsOfFile: directory.file("two/run.json"), encoding: .utf8)
    #expect(metadata.contains("\"from_cache\" : 3"))
  }

  /// A warm run takes a file's digest from the cache while the file keeps its stamp. A file
  /// rewritten with other text of the same length, its modification time set back, still has
  /// a new status-change time: it is hashed and extracted again, never scored from the old text.
  @Test func aFileRewrittenInPlaceIsReadAgainDespiteItsOldModificationTime() throws {
    let corpus = try hostileCorpus(mutatedCopies: 0)
    let cache = directory.file("cache.sqlite")
    let memo = corpus + "/memo.txt"
    let first = try run([corpus, "--out", directory.file("one"), "--cache", cache])
    #expect(first.stdout.contains("extracted 3, from cache 0"))
    var before = stat()
    #expect(stat(memo, &before) == 0)
    let old = try String(contentsOfFile: memo, encoding: .utf8)
    let new = "Lessons learned\nThe team found that the plan for the migration came too late."
    #expect(new.utf8.count == old.utf8.count)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: memo))
    try handle.write(contentsOf: Data(new.utf8))
    try handle.close()
    var times = [before.st_atim, before.st_mtim]
    #expect(utimensat(AT_FDCWD, memo, &times, 0) == 0)
    var after = stat()
    #expect(stat(memo, &after) == 0)
    #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec)
    #expect(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
    #expect(after.st_size == before.st_size)
    let second = try run([corpus, "--out", directory.file("two"), "--cache", cache])
    #expect(second.stdout.contains("extracted 1, from cache 2"), "\(second.stdout)")
    func memoRow(_ run: String) throws -> [String: String]? {
      try csv(directory.file(run + "/documents.csv")).first { $0["file"] == "memo.txt" }
    }
    // The digest of the file as it is now, read without any cache.
    let extracted = try CommandRunner.run(["extract", "--format", "json", memo])
    let now = try JSONSerialization.jsonObject(with: Data(extracted.stdout.utf8)) as? [String: Any]
    let digest = try #require(now?["sha256"] as? String)
    #expect(try memoRow("one")?["sha256"] != digest)
    #expect(try memoRow("two")?["sha256"] == digest)
    #expect(try memoRow("one")?["recommendations"] == "yes")
    #expect(try memoRow("two")?["recommendations"] == "no")
    let third = try run([corpus, "--out", directory.file("three"), "--cache", cache])
    #expect(third.stdout.contains("extracted 0, from cache 3"))
  }

  /// The rubric compiles while the first documents are extracted; a rubric that does not
  /// load still ends the run with its error and exit 2, writes no reports and leaves no
  /// worker behind.
  @Test func aRubricThatDoesNotLoadEndsTheRunBeforeAnyReport() throws {
    let corpus = try hostileCorpus(mutatedCopies: 0)
    let out = directory.file("out")
    let result = try run([corpus, "--out", out, "--no-cache", "--rubric", "no-such-rubric"])
    #expect(result.status == 2)
    #expect(result.stderrLines == [result.stderrLines.first ?? ""])
    #expect(result.stderr.contains("rubric 'no-such-rubric' not found"))
    #expect(!FileManager.default.fileExists(atPath: out))
    // Both errors: the rubric's is said, as before the rubric loaded on its own thread.
    let both = try run([directory.file("missing"), "--rubric", "no-such-rubric", "--no-cache"])
    #expect(both.status == 2)
    #expect(both.stderr.contains("rubric 'no-such-rubric' not found"))
    #expect(!both.stderr.contains("missing"))
  }

  /// A worker never outlives its run: when the run is killed while a worker hangs on a
  /// document, the kernel ends the worker too.
  @Test func aKilledRunLeavesNoWorkerBehind() throws {
    _ = try directory.write("hanging/hang-here.txt", "We recommend nothing.")
    let process = Process()
    process.executableURL = CommandRunner.productsDirectory.appendingPathComponent("metaeval")
    process.arguments = [
      "corpus", directory.file("hanging"), "--out", directory.file("hanging-out"), "--no-cache",
      "--timeout", "60", "--ocr", "never",
    ]
    var environment = ProcessInfo.processInfo.environment
    environment["METAEVAL_TEST_HANG"] = "hang-here"
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // The worker: a child of the run, found through /proc (every process's parent is the
    // fourth field of its stat line, after the name in parentheses).
    func children(of pid: Int32) -> [Int32] {
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
      return entries.compactMap { Int32($0) }.filter { candidate in
        guard let stat = try? String(contentsOfFile: "/proc/\(candidate)/stat", encoding: .utf8),
          let fields = stat.split(separator: ")").last?.split(separator: " "), fields.count > 1
        else { return false }
        return Int32(fields[1]) == pid
      }
    }
    var worker: Int32?
    for _ in 0..<200 where worker == nil {
      worker = children(of: process.processIdentifier).first
      if worker == nil { Thread.sleep(forTimeInterval: 0.05) }
    }
    let child = try #require(worker, "the run started no worker")
    Thread.sleep(forTimeInterval: 0.3)  // the worker is in its hang by now
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    // Gone, or a zombie waiting for whoever adopted it: not running any more.
    func isAlive(_ pid: Int32) -> Bool {
      guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let state = stat.split(separator: ")").last?.split(separator: " ").first
      else { return false }
      return state != "Z" && state != "X"
    }
    var alive = true
    for _ in 0..<100 where alive {
      alive = isAlive(child)
      if alive { Thread.sleep(forTimeInterval: 0.05) }
    }
    if alive { kill(child, SIGKILL) }
    #expect(!alive, "the worker \(child) went on after its run was killed")
  }

  @Test func aCacheThatCannotOpenIsSaidOnceAndNotUsed() throws {
    let corpus = try hostileCorpus(mutatedCopies: 0)
    try directory.write("not-a-folder", "a file")
    let cache = directory.file("not-a-folder/cache.sqlite")
    let result = try run([corpus, "--out", directory.file("out"), "--cache", cache])
    #expect(result.status == 3)
    #expect(
      result.stderrLines.filter { $0.contains("going on without the cache") }.count == 1,
      "\(result.stderr)")
    #expect(result.stdout.contains("extracted 3, from cache 0"))
    let metadata = try String(contentsOfFile: directory.file("out/run.json"), encoding: .utf8)
    #expect(!metadata.contains("\"cache\""), "run.json names a cache the run did not use")
  }

  @Test func twoRunsAtOnceShareTheCache() throws {
    let corpus = try hostileCorpus(mutatedCopies: 2)
    let cache = directory.file("shared.sqlite")
    let outputs = [directory.file("a"), directory.file("b")]
    let results = Locked<[CommandResult]>([])
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      if let result = try? run([corpus, "--out", outputs[index], "--cache", cache, "--jobs", "2"]) {
        results.mutate { $0.append(result) }
      }
    }
    let finished = results.value
    #expect(finished.count == 2)
    for result in finished {
      #expect(!result.signalled)
      #expect(result.status == 3)
    }
    let a = try String(contentsOfFile: outputs[0] + "/documents.csv", encoding: .utf8)
    let b = try String(contentsOfFile: outputs[1] + "/documents.csv", encoding: .utf8)
    #expect(a == b)
  }

  /// With one job and with two, the documents after one that crashes or hangs its worker are
  /// extracted by the worker started after it.
  @Test(arguments: [1, 2])
  func aCrashOrAHangInExtractionFailsThatDocumentOnly(jobs: Int) throws {
    let corpus = directory.file("faults-\(jobs)")
    let names = ["a-fine", "b-crash-here", "c-fine", "d-hang-here", "e-fine"]
    for name in names {
      _ = try FixtureReports.writePDF(
        FixtureReports.dutchEvaluation(paragraphs: 3), named: "faults-\(jobs)/\(name).pdf",
        in: directory)
    }
    let out = directory.file("faults-\(jobs)-out")
    let result = try run(
      [corpus, "--out", out, "--no-cache", "--timeout", "3", "--jobs", String(jobs)],
      environment: ["METAEVAL_TEST_CRASH": "crash-here", "METAEVAL_TEST_HANG": "hang-here"])
    #expect(result.status == 3)
    let rows = Dictionary(
      uniqueKeysWithValues: try csv(out + "/documents.csv").map { ($0["file"]!, $0) })
    #expect(rows.count == names.count)
    for name in names where name.hasSuffix("fine") {
      #expect(rows["\(name).pdf"]?["status"] == "scored", "\(name)")
    }
    #expect(rows["b-crash-here.pdf"]?["error"]?.contains("signal 11") == true)
    #expect(rows["d-hang-here.pdf"]?["error"]?.contains("longer than 3 s") == true)
  }

  @Test func pdfTextIsEscapedInHTMLAndDefusedInCSV() throws {
    let source = ReportSource(
      title: "Evaluatie", language: "nl",
      blocks: [
        .heading(level: 1, text: "Evaluatie van het klantportaal"),
        .paragraph("Opdrachtgever: =HYPERLINK(\"http://x\")"),
        .paragraph(
          "Het doel van deze evaluatie is na te gaan of <script>alert(1)</script> het portaal goed werkt."
        ),
      ])
    _ = try FixtureReports.writePDF(source, named: "xss/report.pdf", in: directory)
    let out = directory.file("xss-out")
    let result = try run([directory.file("xss"), "--out", out, "--no-cache"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
    #expect(!html.contains("<script>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    let documents = try String(contentsOfFile: out + "/documents.csv", encoding: .utf8)
    #expect(documents.contains("'=HYPERLINK"))
    #expect(!documents.contains(",=HYPERLINK"))
    let evidence = try String(contentsOfFile: out + "/evidence.csv", encoding: .utf8)
    #expect(!evidence.contains(",=HYPERLINK"))
    #expect(!evidence.contains(",\"=HYPERLINK"))
    let summary = try String(contentsOfFile: out + "/summary.md", encoding: .utf8)
    #expect(!summary.contains("<script>"))
  }

  @Test func theSummaryMatchesFiguresComputedFromDocumentsCSV() throws {
    let corpus = try hostileCorpus(mutatedCopies: 0)
    let out = directory.file("sum")
    _ = try run([corpus, "--out", out, "--no-cache"])
    let rows = try csv(out + "/documents.csv").filter { $0["status"] == "scored" }
    let evaluations = rows.filter { $0["is_evaluation"] == "yes" }
    let summary = try String(contentsOfFile: out + "/summary.md", encoding: .utf8)
    let expectations: [(String, String, [[String: String]])] = [
      ("Is an evaluation", "is_evaluation", rows),
      ("Research question", "research_question", evaluations),
      ("Commissioner", "commissioner", evaluations),
      ("Recommendations", "recommendations", evaluations),
      ("Method", "method", evaluations), ("— Product", "scope_product", evaluations),
      ("— People", "scope_people", evaluations),
    ]
    for (title, column, base) in expectations {
      let met = base.filter { $0[column] == "yes" }.count
      let line = summary.split(separator: "\n").first { $0.hasPrefix("| \(title) |") }
      #expect(line?.contains("(\(met)/\(base.count);") == true, "\(title): \(line ?? "no line")")
    }
  }

  @Test func aManifestBringsMetadataAndGroups() throws {
    _ = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(method: true), named: "m/a.pdf", in: directory)
    _ = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(recommendations: false), named: "m/b.pdf", in: directory)
    let manifest = try directory.write(
      "m/manifest.csv",
      "file;year;organisation\r\nb.pdf;2021;Gemeente B\r\na.pdf;2016;\"Gemeente A; noord\"\r\n")
    let out = directory.file("m-out")
    let result = try run([
      manifest, "--out", out, "--no-cache", "--group-by", "year", "--delimiter", ";", "--excel",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let data = try Data(contentsOf: URL(fileURLWithPath: out + "/documents.csv"))
    #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "Excel byte-order mark")
    let text = String(decoding: data.dropFirst(3), as: UTF8.self)
    #expect(text.split(separator: "\r\n")[0].hasSuffix(";score;year;organisation"))
    #expect(text.contains("\"Gemeente A; noord\""))
    let summary = try String(contentsOfFile: out + "/summary.md", encoding: .utf8)
    #expect(summary.contains("## By year"))
    #expect(summary.contains("### 2016 (1 documents)"))
    let badGroup = try run([manifest, "--out", out, "--no-cache", "--group-by", "nope"])
    #expect(badGroup.status == 2)
    #expect(badGroup.stderr.contains("year, organisation"))
  }

  @Test func anEmptyFolderExitsTwo() throws {
    let empty = directory.file("empty")
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    let result = try run([empty, "--no-cache"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("no .pdf, .txt or .md documents"))
  }
}

/// A value shared between threads in a test.
final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value

  init(_ value: Value) { stored = value }

  var value: Value {
    lock.lock()
    defer { lock.unlock() }
    return stored
  }

  func mutate(_ change: (inout Value) -> Void) {
    lock.lock()
    defer { lock.unlock() }
    change(&stored)
  }
}

/// An independent RFC 4180 reader for the tests (not the one under test).
enum TestCSV {
  static func parse(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
    characters.append("\n")
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if quoted {
        if character == "\"" {
          if index + 1 < characters.count && characters[index + 1] == "\"" {
            field.append("\"")
            index += 1
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
      } else if character == "\"" {
        quoted = true
      } else if character == "," {
        row.append(field)
        field = ""
      } else if character == "\n" || character == "\r\n" {
        row.append(field)
        field = ""
        if row != [""] { rows.append(row) }
        row = []
      } else if character != "\r" {
        field.append(character)
      }
      index += 1
    }
    return rows
  }
}
