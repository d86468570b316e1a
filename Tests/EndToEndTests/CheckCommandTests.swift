import Foundation
import TestSupport
import Testing

/// `metaeval check` and `metaeval rubric` as an auditor runs them, on real PDFs.
@Suite struct CheckCommandTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory("check")
  }

  @Test func aCompleteReportPasses() throws {
    let pdf = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(method: true), named: "complete.pdf", in: directory)
    let result = try CommandRunner.run(["check", pdf])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("✓ Recommendations (2)"))
    #expect(result.stdout.contains("PASS: 5/5 required criteria met"))
    #expect(!result.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
  }

  @Test func aReportWithoutRecommendationsFailsWithTheAdvice() throws {
    let pdf = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(method: true, recommendations: false), named: "no-advice.pdf",
      in: directory)
    let result = try CommandRunner.run(["check", pdf])
    #expect(result.status == 1)
    #expect(result.stdout.contains("✗ Recommendations"))
    #expect(result.stdout.contains("→ Sluit af met concrete aanbevelingen"))
    #expect(result.stdout.contains("missing: recommendations"))
  }

  @Test func aDamagedPDFExitsTwoWithOneLineNamingIt() throws {
    let good = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(), named: "good.pdf", in: directory)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: good))
    let damaged = try directory.write("damaged.pdf", bytes.prefix(bytes.count / 2))
    let result = try CommandRunner.run(["check", damaged])
    #expect(result.status == 2)
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.contains("damaged.pdf"))
    #expect(!result.signalled)
  }

  @Test func extractedTextIsEscapedInHTMLAndMarkdown() throws {
    let pdf = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(
        extra: "Citaat uit een interview: <script>alert(1)</script> en =HYPERLINK(\"http://x\")."),
      named: "hostile.pdf", in: directory)
    let html = try CommandRunner.run(["check", "--format", "html", pdf])
    #expect(html.stdout.contains("</html>"))
    #expect(!html.stdout.contains("<script>"))
    let markdown = try CommandRunner.run(["check", "--format", "md", pdf])
    #expect(!markdown.stdout.contains("<script>"))
    let json = try CommandRunner.run(["check", "--format", "json", pdf])
    #expect(json.stdout.split(separator: "\n").count == 1)
  }

  @Test func anUnknownRubricOrFormatExitsTwo() throws {
    let pdf = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(), named: "r.pdf", in: directory)
    let rubric = try CommandRunner.run(["check", "--rubric", "nope", pdf])
    #expect(rubric.status == 2)
    #expect(rubric.stderr.contains("rubric 'nope' not found"))
    let format = try CommandRunner.run(["check", "--format", "pdf", pdf])
    #expect(format.status == 2)
    #expect(format.stderr.contains("text, json, md, html"))
  }

  @Test func rubricTestPassesForTheShippedRubrics() throws {
    let result = try CommandRunner.run(["rubric", "test"])
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.contains("bronsgeest.yaml"))
    let list = try CommandRunner.run(["rubric", "list"])
    #expect(list.stdout.contains("bronsgeest\tv1"))
  }

  @Test func rubricLintNamesFileAndLineOfAProblem() throws {
    let bad = try directory.write(
      "bad.yaml",
      "version: 1\nid: bad\ntitle: Bad\ndescription: Bad.\ncriteria:\n  - id: x\n    title: X\n    description: X.\n    advice: {nl: a, en: b}\n    cues:\n      - kind: phrase\n        patterns: {en: ['(unclosed']}\n    examples: []\n"
    )
    let result = try CommandRunner.run(["rubric", "lint", bad])
    #expect(result.status == 2)
    #expect(result.stderr.contains("bad.yaml:12: criterion 'x'"))
  }
}
