import Foundation
import Testing

@testable import MetaEvalCore

/// A fixed result with hostile text in every field that came from a PDF.
enum ReporterFixtures {
  static func evidence(_ quote: String, page: Int = 2) -> Evidence {
    Evidence(page: page, pageLabel: "ii", quote: quote, kind: "phrase", cue: "in opdracht van")
  }

  static func result(file: String = "rapporten/evaluatie, \"zaaksysteem\".pdf") -> ReportResult {
    let criteria = [
      CriterionResult(
        id: "commissioner", title: "Commissioner", required: true, verdict: .yes, confidence: 0.85,
        evidence: [
          evidence("In opdracht van de gemeenteraad <script>alert(1)</script> | Lindeveen & co")
        ],
        lookedFor: [], advice: nil, name: "=HYPERLINK(\"http://x\")", count: nil, terms: [],
        dimensions: [], note: nil),
      CriterionResult(
        id: "recommendations", title: "Recommendations", required: true, verdict: .no,
        confidence: 0.9,
        evidence: [], lookedFor: ["heading: aanbevelingen"],
        advice: "Geef aanbevelingen — *genummerd*.",
        name: nil, count: nil, terms: [], dimensions: [],
        note: "the section 'Aanbevelingen' on page 4 is empty"),
      CriterionResult(
        id: "method", title: "Method", required: true, verdict: .yes, confidence: 0.8,
        evidence: [evidence("Wij spraken met\nveertien betrokkenen; daarnaast [documentstudie].")],
        lookedFor: [], advice: nil, name: nil, count: nil,
        terms: [
          FoundTerm(
            id: "interviews", title: "Interviews",
            evidence: evidence("Wij spraken met veertien betrokkenen."))
        ],
        dimensions: [], note: nil),
      CriterionResult(
        id: "scope", title: "Scope", required: false, verdict: .no, confidence: 0.7, evidence: [],
        lookedFor: ["judgements of people"], advice: "Kijk breder.", name: nil, count: nil,
        terms: [],
        dimensions: [
          DimensionResult(
            id: "product", title: "Product", verdict: .yes, strength: 1, judgedSentences: 4,
            evidence: [evidence("De app is traag.")]),
          DimensionResult(
            id: "people", title: "People", verdict: .no, strength: 0, judgedSentences: 0,
            evidence: []),
        ],
        note: "not judged: People"),
    ]
    return ReportResult(
      file: file, sha256: "abc123", language: .nl, pages: 12, ocrPages: 0, words: 3456,
      rubric: .init(id: "bronsgeest", version: 1), criteria: criteria,
      score: .init(met: 2, total: 4, requiredMet: 2, requiredTotal: 3), passed: false)
  }
}

@Suite struct ReporterTests {
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  /// Each reporter's output for the fixed input equals its stored file. Set
  /// METAEVAL_UPDATE_GOLDEN=1 to write the files after a deliberate change, then review the diff.
  @Test(arguments: CheckReporters.names)
  func outputMatchesTheStoredFile(name: String) throws {
    let reporter = try #require(CheckReporters.named(name))
    let output = try reporter.render([ReporterFixtures.result()])
    let file = Self.golden.appendingPathComponent("check.\(reporter.fileExtension)")
    if ProcessInfo.processInfo.environment["METAEVAL_UPDATE_GOLDEN"] == "1" {
      try output.write(to: file, atomically: true, encoding: .utf8)
    }
    let stored = try String(contentsOf: file, encoding: .utf8)
    #expect(output == stored)
  }

  @Test(arguments: CheckReporters.names)
  func everyReporterHandlesAnEmptyList(name: String) throws {
    let reporter = try #require(CheckReporters.named(name))
    let output = try reporter.render([])
    #expect(!output.contains("<script"))
    if name == "html" { #expect(output.contains("</html>")) }
  }

  @Test(arguments: CheckReporters.names)
  func renderingIsDeterministic(name: String) throws {
    let reporter = try #require(CheckReporters.named(name))
    let input = [ReporterFixtures.result(), ReporterFixtures.result(file: "b.pdf")]
    #expect(try reporter.render(input) == reporter.render(input))
  }

  @Test func htmlEscapesEverythingFromThePDF() throws {
    let html = try HTMLReporter().render([ReporterFixtures.result()])
    #expect(!html.contains("<script>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("&quot;zaaksysteem&quot;"))
    #expect(html.contains("Lindeveen &amp; co"))
    #expect(!html.contains("src=\"http"), "no resources from elsewhere")
  }

  @Test func markdownEscapesMarkupAndKeepsTheTableIntact() throws {
    let markdown = try MarkdownReporter().render([ReporterFixtures.result()])
    #expect(!markdown.contains("<script>"))
    #expect(markdown.contains("\\<script\\>"))
    #expect(markdown.contains("\\| Lindeveen"))
    #expect(markdown.contains("\\[documentstudie\\]"))
    for line in markdown.split(separator: "\n") where line.hasPrefix("| ") {
      let unescapedPipes =
        line.split(separator: "|", omittingEmptySubsequences: false).count - 1
        - line.components(separatedBy: "\\|").count + 1
      #expect(unescapedPipes == 4, "a table row with a stray cell: \(line)")
    }
  }

  @Test func jsonKeepsTheTextAndSortsKeys() throws {
    let json = try JSONReporter().render([ReporterFixtures.result()])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["file"] as? String == "rapporten/evaluatie, \"zaaksysteem\".pdf")
    #expect(json.hasPrefix(#"{"criteria":"#))
    let decoded = try JSONDecoder().decode(ReportResult.self, from: Data(json.utf8))
    #expect(decoded == ReporterFixtures.result())
  }

  @Test func checklistShowsMarksQuotesAndAdvice() throws {
    let text = try ChecklistReporter().render([ReporterFixtures.result()])
    #expect(text.contains("✓ Commissioner: =HYPERLINK"))
    #expect(text.contains("✗ Recommendations"))
    #expect(text.contains("→ Geef aanbevelingen"))
    #expect(
      text.contains("p. ii: \"Wij spraken met veertien betrokkenen; daarnaast [documentstudie].\""))
    #expect(text.contains("techniques: interviews"))
    #expect(text.contains("FAIL: 2/3 required criteria met (missing: recommendations)"))
    #expect(!text.contains("\u{1B}["), "no colour unless asked for")
    #expect(
      try ChecklistReporter(colour: true).render([ReporterFixtures.result()]).contains("\u{1B}[32m")
    )
  }
}

@Suite struct EscapeTests {
  @Test(arguments: [
    ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
    ("two\nlines", "\"two\nlines\""),
    ("=1+2", "'=1+2"), ("+31 6", "'+31 6"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"),
    ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("", ""),
    ("ë, é", "\"ë, é\""),
  ])
  func csvFieldsAreQuotedAndDefused(input: String, expected: String) {
    #expect(Escape.csv(input) == expected)
  }

  @Test func csvQuotesTheDelimiterInUse() {
    #expect(Escape.csv("a;b", delimiter: ";") == "\"a;b\"")
    #expect(Escape.csv("a,b", delimiter: ";") == "a,b")
    #expect(Escape.csv("a€b", delimiter: "€") == "\"a€b\"")
    #expect(Escape.csv("a,b", delimiter: "€") == "a,b")
  }

  /// A CR before a LF is a line break all the same, and a formula sign with a mark on it is
  /// still read as one by a spreadsheet.
  @Test func csvReadsLineBreaksAndFormulaSignsOnTheirBytes() {
    #expect(Escape.csv("two\r\nlines") == "\"two\r\nlines\"")
    #expect(Escape.csv("\r\nx") == "\"'\r\nx\"")
    #expect(Escape.csv("-\u{301}5") == "'-\u{301}5")
    #expect(Escape.csv("é=1") == "é=1")
  }

  @Test func htmlEscapesTheFiveCharacters() {
    #expect(
      Escape.html("<a href=\"x\">'&'</a>")
        == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
  }

  /// A quote with a combining mark after it is one character to Swift but a quote to the
  /// browser: left as it was, it would end an attribute value early.
  @Test func htmlEscapesACharacterWithAMarkOnIt() {
    #expect(Escape.html("x\"\u{301} onclick=y") == "x&quot;\u{301} onclick=y")
    #expect(Escape.html("<\u{338}b>") == "&lt;\u{338}b&gt;")
    #expect(Escape.html("één — plain") == "één — plain")
  }

  @Test func terminalTextLosesControlCharacters() {
    #expect(Escape.terminal("a\u{1B}[31mred\u{07}b") == "a [31mred b")
  }

  @Test func markdownEscapesInlineMarkup() {
    #expect(
      Escape.markdown("*a* _b_ [c](d) <e> `f` | g\nh")
        == "\\*a\\* \\_b\\_ \\[c\\]\\(d\\) \\<e\\> \\`f\\` \\| g h")
  }
}

@Suite struct RunMetadataTests {
  /// run.json's start time reads as `ISO8601DateFormatter` writes it, at every kind of moment:
  /// the epoch, before it, leap days, the ends of years and of days, fractions of a second.
  @Test func theStartTimeIsWhatTheISOFormatterWrites() {
    let formatter = ISO8601DateFormatter()
    let moments: [TimeInterval] = [
      0, -1, 951_782_400, 1_709_208_000.75, 1_798_761_599.999, 1_796_083_200, 4_102_444_800,
      -2_208_988_800, 1_234_567_890.5,
    ]
    var state: UInt64 = 3
    var all = moments
    for _ in 0..<500 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      all.append(TimeInterval(state >> 33) / 2)
    }
    for moment in all {
      let date = Date(timeIntervalSince1970: moment)
      #expect(RunMetadata.timestamp(date) == formatter.string(from: date), "\(moment)")
    }
  }
}
