import Foundation
import PDFWriter
import TestSupport
import Testing

/// Scanned reports: three reports of Corpus/ rendered to page images without a text layer.
@Suite(.serialized) struct OCRTests {
  static let reports = [
    "en-09-release-retrospective", "nl-06-lessen-werkplekmigratie", "nl-11-terugblik-hr-systeem",
  ]
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory("ocr")
    for name in Self.reports {
      let source = try FixtureReports.corpusSource(name)
      try PDFWriter.write(source, to: directory.file("\(name).pdf"), rendering: .text)
      try FileManager.default.createDirectory(
        atPath: directory.file("scans"), withIntermediateDirectories: true)
      try PDFWriter.write(
        source, to: directory.file("scans/\(name).pdf"), rendering: .image(dpi: 200))
    }
  }

  func json(_ result: CommandResult) throws -> [[String: Any]] {
    try result.stdout.split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }

  /// criterion id (and criterion_dimension) → verdict
  func verdicts(_ object: [String: Any]) -> [String: String] {
    var verdicts: [String: String] = [:]
    for criterion in object["criteria"] as! [[String: Any]] {
      let id = criterion["id"] as! String
      verdicts[id] = criterion["verdict"] as? String
      for dimension in criterion["dimensions"] as! [[String: Any]] {
        verdicts["\(id)_\(dimension["id"] as! String)"] = dimension["verdict"] as? String
      }
    }
    return verdicts
  }

  @Test func scansGetTheSameVerdictsAndQuotesOfTheOriginalText() throws {
    let originals = try json(
      CommandRunner.run(
        ["check", "--format", "json"] + Self.reports.map { directory.file("\($0).pdf") }))
    let scans = try json(
      CommandRunner.run(
        ["check", "--format", "json", "--ocr", "auto"]
          + Self.reports.map { directory.file("scans/\($0).pdf") }))
    #expect(originals.count == 3 && scans.count == 3)
    for (index, (original, scan)) in zip(originals, scans).enumerated() {
      #expect(
        (scan["ocr_pages"] as? Int ?? 0) == (scan["pages"] as? Int ?? -1),
        "every page of a scan is read by OCR")
      #expect(verdicts(original) == verdicts(scan), "\(scan["file"] ?? "")")
      // Each quote from the scan stands in the original's text, but for a few characters.
      let originalText = try CommandRunner.run([
        "extract", directory.file("\(Self.reports[index]).pdf"),
      ]).stdout
      for criterion in scan["criteria"] as! [[String: Any]] {
        for evidence in criterion["evidence"] as! [[String: Any]] {
          #expect(evidence["source"] as? String == "ocr")
          let quote = (evidence["quote"] as! String).replacingOccurrences(of: "…", with: "")
          // A heading quote is "heading — first sentence": each part stands in the text.
          for part in quote.components(separatedBy: " — ") where !part.isEmpty {
            let distance = FixtureReports.approximateDistance(of: part, in: originalText)
            if distance <= max(3, part.count / 30) { continue }
            // A table read column by column instead of row by row: the same words in another
            // order. Then nearly every word must still be the original's, letter for letter.
            let words = Set(
              originalText.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() })
            let quoted = part.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }.filter
            { $0.count >= 4 }
            let found = quoted.filter(words.contains).count
            #expect(
              Double(found) >= 0.95 * Double(quoted.count),
              "'\(part)': \(quoted.count - found) words not in the original")
          }
        }
      }
    }
    let text = try CommandRunner.run(["check", directory.file("scans/\(Self.reports[2]).pdf")])
    #expect(text.stdout.contains("(OCR, "), "the checklist says which quotes rest on OCR")
  }

  @Test func aCorpusRunUsesOCROnlyWhereNeededAndNotTwice() throws {
    let corpus = directory.file("mixed")
    try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: directory.file("\(Self.reports[0]).pdf"), toPath: corpus + "/text.pdf")
    try FileManager.default.copyItem(
      atPath: directory.file("scans/\(Self.reports[1]).pdf"), toPath: corpus + "/scan.pdf")
    let cache = directory.file("cache.sqlite")
    let first = try CommandRunner.run([
      "corpus", corpus, "--out", directory.file("run1"), "--cache", cache,
    ])
    #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
    let rows = try String(contentsOfFile: directory.file("run1/documents.csv"), encoding: .utf8)
      .split(separator: "\r\n")
    let header = rows[0].split(separator: ",", omittingEmptySubsequences: false)
    let column = try #require(header.firstIndex(of: "ocr_pages"))
    let values = Dictionary(
      uniqueKeysWithValues: rows.dropFirst().map { row in
        let cells = row.split(separator: ",", omittingEmptySubsequences: false)
        return (String(cells[0]), String(cells[column]))
      })
    #expect(values["text.pdf"] == "0")
    #expect(values["scan.pdf"] == "2")
    let evidence = try String(contentsOfFile: directory.file("run1/evidence.csv"), encoding: .utf8)
    #expect(evidence.contains("scan.pdf") && evidence.contains(",ocr\r\n"))
    let second = try CommandRunner.run([
      "corpus", corpus, "--out", directory.file("run2"), "--cache", cache,
    ])
    #expect(
      second.stdout.contains("extracted 0, from cache 2"), "the second run recognises nothing")
  }

  @Test func withoutTesseractScansFailWithHowToInstallAndTheRestWorks() throws {
    let corpus = directory.file("mixed-no-ocr")
    try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: directory.file("\(Self.reports[0]).pdf"), toPath: corpus + "/text.pdf")
    try FileManager.default.copyItem(
      atPath: directory.file("scans/\(Self.reports[1]).pdf"), toPath: corpus + "/scan.pdf")
    let result = try CommandRunner.run(
      ["corpus", corpus, "--out", directory.file("run-no-ocr"), "--no-cache"],
      environment: ["METAEVAL_TESSERACT": "/nonexistent/tesseract"])
    #expect(result.status == 3)
    let documents = try String(
      contentsOfFile: directory.file("run-no-ocr/documents.csv"), encoding: .utf8)
    #expect(documents.contains("scan.pdf") && documents.contains("apt-get install tesseract-ocr"))
    #expect(documents.contains("text.pdf,") && documents.contains(",scored,"))
  }
}
