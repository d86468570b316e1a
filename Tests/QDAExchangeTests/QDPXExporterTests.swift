import Foundation
import MetaEvalCore
import PDFExtraction
import TestSupport
import Testing

@testable import QDAExchange

/// The exporter on a corpus run written here from text reports: what lands where.
@Suite struct QDPXExporterTests {
  let directory: TemporaryDirectory
  let rubric: Rubric

  init() throws {
    directory = try TemporaryDirectory("qda-export")
    rubric = try RepositoryRubrics.load("bronsgeest")
  }

  static let reports = [
    "advies.txt": """
    Evaluatie van de invoering van het zaaksysteem 📄

    Opdrachtgever: Gemeenteraad van Lindeveen

    1 Inleiding
    De centrale vraag van dit onderzoek is in hoeverre het project
    zijn doelen heeft bereikt. Wij hebben documentstudie verricht en
    twaalf betrokkenen geïnterviewd over de coördinatie.
    \u{0C}
    2 Bevindingen
    De applicatie is stabiel, maar de toegankelijkheid van de formulieren is onvoldoende.
    De planning liep fors uit en het budget werd overschreden.
    De samenwerking tussen de afdelingen verliep stroef.

    3 Aanbevelingen
    1. Stel een programmamanager aan.
    2. Leg de afspraken met de leverancier vast.
    """,
    "sub/memo.txt":
      "Lessons learned\nWe recommend that future projects plan the migration earlier.",
  ]

  /// Scores the reports and writes what `metaeval corpus` would: documents.csv, results.jsonl
  /// and run.json.
  func writeRun(corpus: String = "corpus", edit: (inout [ReportResult]) -> Void = { _ in }) throws
    -> String
  {
    let scorer = Scorer(rubric: rubric)
    var results: [ReportResult] = []
    for (file, text) in Self.reports.sorted(by: { $0.key < $1.key }) {
      let path = try directory.write("\(corpus)/\(file)", text)
      results.append(scorer.score(DocumentText(try Extractor().extract(path), file: file)))
    }
    edit(&results)
    let run = directory.file("run")
    try FileManager.default.createDirectory(atPath: run, withIntermediateDirectories: true)
    var documents = "file,sha256,status,error\r\n"
    for result in results { documents += "\(result.file),\(result.sha256),scored,\r\n" }
    documents += "broken.pdf,,failed,damaged\r\n"
    try directory.write("run/documents.csv", documents)
    try directory.write("run/results.jsonl", try results.map { try JSONReporter.line($0) }.joined())
    let metadata = RunMetadata(
      metaevalVersion: "0.1.0", started: "2026-01-01T00:00:00Z", seconds: 1, rubric: rubric.id,
      rubricVersion: rubric.version,
      documents: results.count + 1, scored: results.count, failed: 1, extracted: results.count,
      fromCache: 0, jobs: 1,
      cache: nil,
      corpus: directory.file(corpus), corpusRoot: directory.file(corpus))
    try JSONEncoder().encode(metadata).write(
      to: URL(fileURLWithPath: directory.file("run/run.json")))
    return run
  }

  func exporter(_ run: String, corpus: String? = nil) throws -> QDPXExporter {
    try QDPXExporter(
      folder: run, corpus: corpus, library: RubricLibrary(folders: [RepositoryRubrics.folder]),
      origin: "metaeval test")
  }

  @Test func everyQuoteBecomesASelectionOverItsText() throws {
    let run = try writeRun()
    let output = directory.file("x.qdpx")
    let summary = try exporter(run).export(to: output)
    #expect(summary.documents == 2)
    #expect(summary.missingQuotes.isEmpty, "\(summary.missingQuotes)")
    #expect(summary.skippedDocuments.isEmpty)
    #expect(summary.selections > 5)

    let entries = try QDPXArchive.read(output)
    #expect(entries.keys.filter { !$0.hasPrefix("sources/") } == ["project.qde"])
    let project = QDEReader.read(try #require(entries["project.qde"]))
    #expect(project.sources.map(\.name) == ["advies.txt", "sub/memo.txt"])
    let results = try String(contentsOfFile: run + "/results.jsonl", encoding: .utf8).split(
      separator: "\n"
    ).map {
      try JSONDecoder().decode(ReportResult.self, from: Data($0.utf8))
    }
    let codebook = QDACodebook(rubric: rubric)
    var selections = 0
    for source in project.sources {
      #expect(source.plainTextPath == "internal://\(source.guid).txt")
      let text = String(
        decoding: try #require(entries["sources/\(source.guid).txt"]), as: UTF8.self)
      let scalars = Array(text.unicodeScalars)
      let result = try #require(results.first { $0.file == source.name })
      var quotes: [String: Set<String>] = [:]
      for criterion in result.criteria {
        for evidence in criterion.evidence {
          quotes[codebook.guid(for: .criterion(criterion.id))!, default: []].insert(evidence.quote)
        }
        for dimension in criterion.dimensions {
          for evidence in dimension.evidence {
            quotes[
              codebook.guid(for: .dimension(criterion: criterion.id, dimension: dimension.id))!,
              default: []
            ]
            .insert(evidence.quote)
          }
        }
        for term in criterion.terms {
          quotes[codebook.guid(for: .term(criterion: criterion.id, term: term.id))!, default: []]
            .insert(
              term.evidence.quote)
        }
      }
      for selection in source.selections {
        selections += 1
        #expect(selection.codes.count == 1)
        var selected = ""
        selected.unicodeScalars.append(contentsOf: scalars[selection.start..<selection.end])
        let candidates = quotes[selection.codes[0]] ?? []
        #expect(
          candidates.contains { Self.matches(selected, quote: $0) },
          "\(source.name) [\(selection.start), \(selection.end)): '\(selected)' is none of \(candidates)"
        )
        #expect(selection.user == StableGUID.make(["user", "metaeval"]))
      }
    }
    #expect(selections == summary.selections)
  }

  /// The selected text is the quote (white space and ellipses aside), or for a heading's
  /// "Heading — first sentence", runs from the heading to the sentence.
  static func matches(_ selected: String, quote: String) -> Bool {
    let text = QuoteLocator.normalized(selected)
    if text == QuoteLocator.normalized(quote) { return true }
    guard let separator = quote.range(of: " — ") else { return false }
    return text.hasPrefix(QuoteLocator.normalized(String(quote[..<separator.lowerBound])))
      && text.hasSuffix(QuoteLocator.normalized(String(quote[separator.upperBound...])))
  }

  @Test func theTextIsTheExtractedPagesWithABlankLineBetween() throws {
    let run = try writeRun()
    let output = directory.file("x.qdpx")
    _ = try exporter(run).export(to: output)
    let entries = try QDPXArchive.read(output)
    let project = QDEReader.read(try #require(entries["project.qde"]))
    let source = try #require(project.sources.first { $0.name == "advies.txt" })
    let text = String(decoding: try #require(entries["sources/\(source.guid).txt"]), as: UTF8.self)
    let pages = try Extractor().extract(directory.file("corpus/advies.txt")).pages
    #expect(pages.count == 2)
    #expect(text == pages.map(\.text).joined(separator: "\n\n"))
  }

  @Test func verdictsAreCaseVariables() throws {
    let run = try writeRun()
    let output = directory.file("x.qdpx")
    _ = try exporter(run).export(to: output)
    let project = QDEReader.read(try #require(try QDPXArchive.read(output)["project.qde"]))
    #expect(project.cases.map(\.name) == ["advies.txt", "sub/memo.txt"])
    #expect(project.cases.map(\.sources) == project.sources.map { [$0.guid] })
    let advies = try #require(project.cases.first)
    #expect(advies.values["commissioner"] == "true")
    #expect(advies.values["commissioner_name"] == "Gemeenteraad van Lindeveen")
    #expect(advies.values["recommendations"] == "true")
    #expect(advies.values["recommendations_count"] == "2")
    #expect(advies.values["method_techniques"] == "document_study;interviews")
    #expect(["true", "false"].contains(advies.values["scope_people"] ?? ""))
  }

  @Test func theSameRunGivesTheSameBytes() throws {
    let run = try writeRun()
    _ = try exporter(run).export(to: directory.file("one.qdpx"))
    _ = try exporter(run).export(to: directory.file("two.qdpx"))
    let one = try Data(contentsOf: URL(fileURLWithPath: directory.file("one.qdpx")))
    let two = try Data(contentsOf: URL(fileURLWithPath: directory.file("two.qdpx")))
    #expect(one == two)
  }

  @Test func aQuoteThatIsNotInTheTextIsCountedAndLeftOut() throws {
    let run = try writeRun { results in
      results[0].criteria[0].evidence.append(
        Evidence(
          page: 1, pageLabel: "1", quote: "Deze zin staat nergens.", kind: "phrase", cue: "x"))
    }
    let summary = try exporter(run).export(to: directory.file("x.qdpx"))
    #expect(summary.missingQuotes.map(\.quote) == ["Deze zin staat nergens."])
    #expect(summary.missingQuotes.map(\.file) == ["advies.txt"])
  }

  @Test func aDocumentThatIsGoneIsLeftOutAndNamed() throws {
    let run = try writeRun()
    try FileManager.default.removeItem(atPath: directory.file("corpus/sub/memo.txt"))
    let summary = try exporter(run).export(to: directory.file("x.qdpx"))
    #expect(summary.documents == 1)
    #expect(summary.skippedDocuments.map(\.file) == ["sub/memo.txt"])
  }

  @Test func anotherCorpusFolderCanBeGiven() throws {
    let run = try writeRun()
    try FileManager.default.moveItem(
      atPath: directory.file("corpus"), toPath: directory.file("moved"))
    try FileManager.default.removeItem(atPath: run + "/run.json")
    #expect(
      throws: QDAExchangeError.invalidRun(
        path: run + "/run.json", reason: "no such file; give the corpus folder with --corpus")
    ) {
      try exporter(run)
    }
    let summary = try exporter(run, corpus: directory.file("moved")).export(
      to: directory.file("x.qdpx"))
    #expect(summary.documents == 2)
    #expect(summary.skippedDocuments.isEmpty)
  }

  @Test func aFolderThatIsNotARunSaysWhatIsMissing() throws {
    let folder = directory.file("empty")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    #expect(
      throws: QDAExchangeError.invalidRun(path: folder + "/documents.csv", reason: "no such file")
    ) {
      try exporter(folder, corpus: folder)
    }
  }
}
