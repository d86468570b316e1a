import Foundation
import PDFWriter
import TestSupport
import Testing

/// Runs the built `metaeval` binary as a user would.
@Suite struct ExtractCommandTests {
  @Test func aFolderOfHostileFilesFailsEachBadOneAndExtractsTheGoodOnes() throws {
    let directory = try TemporaryDirectory("hostile")
    let good = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(), named: "good.pdf", in: directory)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: good))
    try directory.write("truncated.pdf", bytes.prefix(bytes.count / 3))
    try directory.write("zero.pdf", Data())
    var generator = SystemRandomNumberGenerator()
    try directory.write(
      "random.pdf", Data((0..<10_000).map { _ in UInt8.random(in: 0...255, using: &generator) }))
    _ = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(paragraphs: 2), named: "scan.pdf", in: directory,
      rendering: .image(dpi: 40))
    try PDFWriter.writeBlankPages(2000, to: directory.file("blank.pdf"))
    try directory.write("memo.txt", "Lessons learned from the pilot.")

    // Without OCR the scan has no text; with it (the default) it would be read: see OCRTests.
    let result = try CommandRunner.run(["extract", "--ocr", "never", directory.path])
    #expect(!result.signalled)
    #expect(result.status == 2)
    let errors = result.stderrLines
    #expect(errors.count == 5, "one line per bad file: \(errors)")
    for name in ["truncated.pdf", "zero.pdf", "random.pdf", "scan.pdf", "blank.pdf"] {
      #expect(errors.contains { $0.contains(name) }, "no error line for \(name)")
    }
    #expect(errors.contains { $0.contains("scan.pdf") && $0.contains("--ocr") })
    #expect(result.stdout.contains("informatiebeveiligingsbeleid"))
    #expect(result.stdout.contains("Lessons learned from the pilot."))
  }

  @Test func jsonHasOneObjectPerFileWithStableKeys() throws {
    let directory = try TemporaryDirectory("json")
    let pdf = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(), named: "r.pdf", in: directory)
    let first = try CommandRunner.run(["extract", "--format", "json", pdf, pdf])
    let second = try CommandRunner.run(["extract", "--format", "json", pdf, pdf])
    #expect(first.status == 0)
    #expect(first.stdout == second.stdout)
    let lines = first.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["file", "kind", "metadata", "page_count", "pages", "sha256"])
    #expect(lines[0].hasPrefix(#"{"file":"#))
  }

  @Test func textSeparatesPagesWithFormFeeds() throws {
    let directory = try TemporaryDirectory("text")
    let pdf = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(), named: "r.pdf", in: directory)
    let all = try CommandRunner.run(["extract", pdf])
    let some = try CommandRunner.run(["extract", "--pages", "2-3", pdf])
    #expect(some.stdout.filter { $0 == "\u{0C}" }.count == 2)
    #expect(all.stdout.filter { $0 == "\u{0C}" }.count > 2)
  }

  @Test func badFlagsExitTwoWithTheReason() throws {
    let result = try CommandRunner.run(["extract", "--pages", "5-2", "x.pdf"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("--pages"))
  }

  @Test(arguments: [["--help"], ["extract", "--help"], ["--version"]])
  func helpAndVersionWork(arguments: [String]) throws {
    let result = try CommandRunner.run(arguments)
    #expect(result.status == 0)
    #expect(!result.stdout.isEmpty)
  }
}
