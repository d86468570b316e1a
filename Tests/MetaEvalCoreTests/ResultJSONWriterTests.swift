import Foundation
import PDFExtraction
import PDFWriter
import TestSupport
import Testing

@testable import MetaEvalCore

/// The results.jsonl line written by hand is the line `JSONEncoder` makes, byte for byte.
@Suite struct ResultJSONWriterTests {
  /// The text of a sample report's source, page by page.
  static func document(_ source: ReportSource, file: String) -> DocumentText {
    var pages: [[String]] = [source.titleLines]
    for block in source.blocks {
      switch block {
      case .heading(_, let text), .paragraph(let text), .bullet(let text):
        pages[pages.count - 1].append(text)
      case .numbered(let number, let text): pages[pages.count - 1].append(number + " " + text)
      case .tableRow(let cells): pages[pages.count - 1].append(cells.joined(separator: "  "))
      case .pageBreak: pages.append([])
      }
    }
    return DocumentText(
      file: file,
      pages: pages.enumerated().map {
        PageText(
          index: $0.offset + 1, label: String($0.offset + 1),
          text: $0.element.joined(separator: "\n"))
      })
  }

  /// Every sample report of `Corpus/`, scored: evidence, advice, names, counts, scope
  /// dimensions and techniques as the scorer makes them.
  @Test func scoredSampleReportsAreWrittenAsTheEncoderWritesThem() throws {
    let scorer = Scorer(rubric: try RepositoryRubrics.load("bronsgeest"))
    let folder = (FixtureReports.packageRoot as NSString).appendingPathComponent("Corpus/sources")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      $0.hasSuffix(".rpt")
    }.sorted()
    #expect(names.count >= 20)
    var fields = Set<String>()
    for name in names {
      let source = try FixtureReports.corpusSource(String(name.dropLast(4)))
      let result = scorer.score(Self.document(source, file: "Corpus/\(name)"))
      let line = try #require(ResultJSONWriter.line(result))
      #expect(line == (try JSONReporter.encoderLine(result)), "\(name)")
      for key in [
        "\"advice\"", "\"name\"", "\"count\"", "\"note\"", "\"strength\"", "\"terms\":[{",
      ] where line.contains(key) {
        fields.insert(key)
      }
    }
    #expect(fields.count == 6, "every optional field was written at least once: \(fields.sorted())")
  }

  /// Strings with every control character, quotes, slashes and characters beyond ASCII;
  /// numbers whole, fractional, tiny and huge; optionals present and absent.
  @Test func everyStringAndNumberIsSpelledAsTheEncoderSpellsIt() throws {
    let controls = String(decoding: (0..<0x20).map { UInt8($0) } + [0x7F], as: UTF8.self)
    let strings = [
      "", controls, "\"quoted\" \\ back/slash", "café – “curly” 👍🏽 \u{A0}\u{2028}\u{2029}",
      "tab\there\nnew line\r\n", "\\u0041 not an escape",
    ]
    let numbers = [0, 1, -1, 0.5, 0.94, 0.1 + 0.2, 1e-7, 123_456_789.125, 1e21, 2e-308, 100]
    for (index, text) in strings.enumerated() {
      for number in numbers {
        let evidence = Evidence(
          page: index, pageLabel: text, quote: text, kind: "phrase", cue: text,
          source: index.isMultiple(of: 2) ? "ocr" : "text-layer",
          ocrConfidence: index.isMultiple(of: 2) ? number : nil)
        let criterion = CriterionResult(
          id: text, title: text, required: index.isMultiple(of: 3), verdict: .no,
          confidence: number, evidence: [evidence, evidence], lookedFor: [text, "x"],
          advice: index == 1 ? nil : text, name: index == 2 ? nil : text,
          count: index == 3 ? nil : index,
          terms: [FoundTerm(id: text, title: text, evidence: evidence)],
          dimensions: [
            DimensionResult(
              id: text, title: text, verdict: .yes, strength: number, judgedSentences: index,
              evidence: [evidence])
          ],
          note: index == 4 ? nil : text)
        let result = ReportResult(
          file: text, sha256: text, language: .nl, pages: index, ocrPages: -index, words: Int.max,
          rubric: .init(id: text, version: index), criteria: [criterion, criterion],
          score: .init(met: 1, total: 2, requiredMet: 3, requiredTotal: 4), passed: index == 0)
        #expect(
          ResultJSONWriter.line(result) == (try JSONReporter.encoderLine(result)),
          "\(text.debugDescription) \(number)")
      }
    }
  }

  /// A number that is not finite is left to the encoder, which refuses it.
  @Test func aNumberThatIsNotFiniteIsLeftToTheEncoder() {
    let criterion = CriterionResult(
      id: "x", title: "x", required: true, verdict: .yes, confidence: .nan, evidence: [],
      lookedFor: [], advice: nil, name: nil, count: nil, terms: [], dimensions: [], note: nil)
    let result = ReportResult(
      file: "f", sha256: "s", language: .en, pages: 1, ocrPages: 0, words: 1,
      rubric: .init(id: "r", version: 1), criteria: [criterion],
      score: .init(met: 1, total: 1, requiredMet: 1, requiredTotal: 1), passed: true)
    #expect(ResultJSONWriter.line(result) == nil)
    #expect(throws: (any Error).self) { try JSONReporter.line(result) }
  }
}
