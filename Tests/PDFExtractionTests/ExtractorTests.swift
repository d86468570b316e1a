import Foundation
import PDFWriter
import TestSupport
import Testing

@testable import PDFExtraction

/// Real PDFs, written by our cairo writer, read back through real poppler.
@Suite struct ExtractorTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory("extractor-tests")
  }

  @Test(arguments: [1, 2])
  func cleanedTextHasAllWordsAndNoRunningLines(columns: Int) throws {
    let source = FixtureReports.dutchEvaluation(columns: columns)
    let path = try FixtureReports.writePDF(source, named: "report-\(columns).pdf", in: directory)
    let document = try Extractor().extract(path)

    #expect(document.kind == .pdf)
    #expect(document.pageCount >= 3)
    #expect(document.pages.map(\.index) == Array(1...document.pageCount))
    for page in document.pages {
      #expect(
        !page.text.contains("Gemeente Lindeveen"), "running header left on page \(page.index)")
      #expect(!page.text.contains("Pagina "), "page number left on page \(page.index)")
    }
    // Every word of the source comes back, hyphenated compounds rejoined, table cells apart.
    let extracted = Set(
      document.pages.flatMap { $0.text.split(whereSeparator: \.isWhitespace) }.map(String.init))
    let missing = FixtureReports.words(of: source).filter { !extracted.contains($0) }
    #expect(missing.isEmpty, "missing words: \(missing.prefix(10))")
    #expect(!extracted.contains("ParameterDescription"))
  }

  /// The document that keeps poppler's global tables alive is a valid PDF of one page, it
  /// opened, and documents opened after it read as before.
  @Test func popplersGlobalTablesAreKept() throws {
    let pdf = PopplerFile.minimalPDF()
    let text = String(decoding: pdf, as: UTF8.self)
    #expect(text.hasPrefix("%PDF-1.4\n") && text.hasSuffix("%%EOF\n"))
    // The cross-reference table points at each object.
    for number in 1...3 {
      let offset = try #require(text.range(of: "\n\(number) 0 obj\n")).lowerBound
      let entry = String(text.utf8.distance(from: text.startIndex, to: offset) + 1)
      let padded = String(repeating: "0", count: 10 - entry.count) + entry + " 00000 n \n"
      #expect(text.contains(padded), "object \(number) at \(entry)")
    }
    let path = try directory.write("minimal.pdf", Data(pdf))
    #expect(try PopplerFile(path: path, password: nil).pageCount == 1)
    #expect(PopplerFile.globalTablesKept)
    // Documents read the same while the tables stay.
    let report = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(columns: 1), named: "kept.pdf", in: directory)
    let first = try Extractor().extract(report)
    #expect(first.pages.contains { !$0.text.isEmpty })
    #expect(try Extractor().extract(report).pages.map(\.text) == first.pages.map(\.text))
  }

  @Test func rawTextKeepsRunningLines() throws {
    let path = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(), named: "raw.pdf", in: directory)
    let document = try Extractor(options: ExtractionOptions(raw: true)).extract(path)
    #expect(document.pages.dropFirst().allSatisfy { $0.text.contains("Gemeente Lindeveen") })
    #expect(
      document.pages.last?.text.contains("Pagina \(document.pageCount)/\(document.pageCount)")
        == true)
  }

  @Test func metadataAndLabelsComeFromTheFile() throws {
    let path = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(), named: "meta.pdf", in: directory)
    let document = try Extractor().extract(path)
    #expect(document.metadata.title == "Evaluatie zaaksysteem")
    #expect(document.metadata.creator == "metaeval-pdfgen")
    #expect(document.metadata.created?.hasPrefix("2024-01-01") == true)
    #expect(document.pages.first?.label == "1")
  }

  @Test func pageRangeSelectsPages() throws {
    let path = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(), named: "range.pdf", in: directory)
    let document = try Extractor(options: ExtractionOptions(pages: PageRange("2-3"))).extract(path)
    #expect(document.pages.map(\.index) == [2, 3])
    #expect(
      throws: PDFExtractionError.invalidPageRange(
        path: path, range: "90-", pageCount: document.pageCount)
    ) {
      try Extractor(options: ExtractionOptions(pages: PageRange("90-"))).extract(path)
    }
  }

  @Test func sha256MatchesAKnownDigest() throws {
    let path = try directory.write("abc.txt", "abc")
    let document = try Extractor().extract(path)
    #expect(document.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test func textAndMarkdownFilesAreDocumentsToo() throws {
    let text = try directory.write(
      "memo.txt", "Lessons learned\nThe team re-\nflected.\u{0C}Second page\u{0C}")
    let document = try Extractor().extract(text)
    #expect(document.kind == .text)
    #expect(document.pages.count == 2)
    #expect(document.pages[0].text.contains("reflected."))
    let markdown = try directory.write("notes.md", "# Evaluatie\n\nDe ﬁnanciën zijn op orde.")
    #expect(try Extractor().extract(markdown).pages[0].text.contains("financiën"))
  }

  @Test func eachBadInputIsItsOwnError() throws {
    let extractor = Extractor()
    let missing = directory.file("nope.pdf")
    #expect(throws: PDFExtractionError.fileNotFound(path: missing)) {
      try extractor.extract(missing)
    }

    let empty = try directory.write("empty.pdf", Data())
    #expect(throws: PDFExtractionError.emptyFile(path: empty)) { try extractor.extract(empty) }

    var generator = SystemRandomNumberGenerator()
    let noise = try directory.write(
      "noise.pdf", Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }))
    #expect(throws: PDFExtractionError.notAPDF(path: noise)) { try extractor.extract(noise) }

    let folder = directory.file("folder")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    #expect(throws: PDFExtractionError.unreadable(path: folder, reason: "it is a directory")) {
      try extractor.extract(folder)
    }

    let word = try directory.write("report.docx", "PK\u{3}\u{4}")
    #expect(throws: PDFExtractionError.unsupportedType(path: word, fileExtension: "docx")) {
      try extractor.extract(word)
    }
  }

  @Test func truncatedPDFIsDamaged() throws {
    let good = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(), named: "good.pdf", in: directory)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: good))
    let truncated = try directory.write("truncated.pdf", bytes.prefix(bytes.count / 2))
    #expect {
      try Extractor().extract(truncated)
    } throws: { error in
      if case .damaged(let path, _) = error as? PDFExtractionError { return path == truncated }
      return false
    }
  }

  @Test func imageOnlyPDFHasNoTextLayerWithoutOCR() throws {
    let source = FixtureReports.dutchEvaluation(paragraphs: 2)
    let path = try FixtureReports.writePDF(
      source, named: "scan.pdf", in: directory, rendering: .image(dpi: 50))
    #expect(throws: PDFExtractionError.noTextLayer(path: path, pages: 2)) {
      try Extractor(options: ExtractionOptions(ocr: OCROptions(mode: .never))).extract(path)
    }
  }

  @Test func aScanIsReadByOCRAndEachPageSaysSo() throws {
    let source = FixtureReports.dutchEvaluation(paragraphs: 2)
    let path = try FixtureReports.writePDF(
      source, named: "scan.pdf", in: directory, rendering: .image(dpi: 200))
    let document = try Extractor(options: ExtractionOptions(ocr: OCROptions(mode: .auto, jobs: 2)))
      .extract(path)
    #expect(document.pages.allSatisfy { $0.source == .ocr })
    #expect(document.pages.allSatisfy { ($0.ocrConfidence ?? 0) > 60 })
    let text = document.pages.map(\.text).joined(separator: "\n")
    for word in ["informatiebeveiligingsbeleid", "vraag", "onderzoek", "Lindeveen"] {
      #expect(text.contains(word), "OCR lost '\(word)'")
    }
  }

  @Test func aScannedPageThatCannotBeReadIsNamedAndTheRestCounts() throws {
    let path = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(), named: "annex.pdf", in: directory,
      rendering: .imageOnPages([3], dpi: 50))
    let options = ExtractionOptions(
      ocr: OCROptions(mode: .auto, executable: "/nonexistent/tesseract"))
    let document = try Extractor(options: options).extract(path)
    // Page 1 is the title page, page 2 text, page 3 the scan.
    #expect(document.pages[1].text.contains("informatiebeveiligingsbeleid"))
    #expect(document.pages[1].ocrError == nil)
    #expect(document.pages[2].ocrError?.contains("OCR not available") == true)
    #expect(document.ocrProblems?.hasPrefix("OCR failed on page 3: OCR not available") == true)
  }

  @Test func withoutTesseractAScanSaysHowToInstallIt() throws {
    let path = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(paragraphs: 2), named: "scan.pdf", in: directory,
      rendering: .image(dpi: 50))
    let options = ExtractionOptions(
      ocr: OCROptions(mode: .auto, executable: "/nonexistent/tesseract"))
    #expect {
      try Extractor(options: options).extract(path)
    } throws: { error in
      guard case .ocrUnavailable(_, let pages, _) = error as? PDFExtractionError else {
        return false
      }
      return pages == 2
        && (error as! PDFExtractionError).description.contains("apt-get install tesseract-ocr")
    }
  }

  @Test func thousandsOfEmptyPagesHaveNoTextLayer() throws {
    let path = directory.file("blank.pdf")
    try PDFWriter.writeBlankPages(3000, to: path)
    #expect(throws: PDFExtractionError.noTextLayer(path: path, pages: 3000)) {
      try Extractor().extract(path)
    }
  }

  @Test func encryptedPDFNeedsTheRightPassword() throws {
    let path = try #require(
      Bundle.module.path(
        forResource: "encrypted-password-secret", ofType: "pdf", inDirectory: "Fixtures"))
    #expect(throws: PDFExtractionError.encrypted(path: path, passwordGiven: false)) {
      try Extractor().extract(path)
    }
    #expect(throws: PDFExtractionError.encrypted(path: path, passwordGiven: true)) {
      try Extractor(options: ExtractionOptions(password: "wrong")).extract(path)
    }
    let document = try Extractor(options: ExtractionOptions(password: "secret")).extract(path)
    #expect(document.pages[0].text.contains("Confidential evaluation"))
  }

  @Test func errorsNameTheFileOnOneLine() {
    let errors: [PDFExtractionError] = [
      .fileNotFound(path: "a.pdf"), .unreadable(path: "a.pdf", reason: "x"),
      .emptyFile(path: "a.pdf"),
      .notAPDF(path: "a.pdf"), .damaged(path: "a.pdf", detail: "x"),
      .encrypted(path: "a.pdf", passwordGiven: false),
      .noTextLayer(path: "a.pdf", pages: 3), .noPages(path: "a.pdf"),
      .invalidPageRange(path: "a.pdf", range: "9", pageCount: 2),
      .unsupportedType(path: "a.pdf", fileExtension: "doc"),
    ]
    for error in errors {
      #expect(error.description.hasPrefix("a.pdf: "))
      #expect(!error.description.contains("\n"))
    }
    #expect(Set(errors.map(\.code)).count == errors.count)
    #expect(PDFExtractionError.noTextLayer(path: "a.pdf", pages: 3).description.contains("--ocr"))
  }
}

@Suite struct DocumentFinderTests {
  @Test func findsReadableDocumentsRecursivelyInOrder() throws {
    let directory = try TemporaryDirectory("finder")
    for name in ["b.pdf", "a/c.TXT", "a/d.md", "e.docx", ".hidden/f.pdf", "g.pdf.bak"] {
      try directory.write(name, "x")
    }
    #expect(DocumentFinder.documents(in: directory.path) == ["a/c.TXT", "a/d.md", "b.pdf"])
    // Names are read from their bytes: the extension after the last dot, in any case.
    for name in ["h.b.PDF", "i.", "pdf", "j.pdf.", "k/.l.md", "m.Md", "ñ é.txt"] {
      try directory.write(name, "x")
    }
    #expect(
      DocumentFinder.documents(in: directory.path) == [
        "a/c.TXT", "a/d.md", "b.pdf", "h.b.PDF", "m.Md", "ñ é.txt",
      ])
    #expect(
      DocumentFinder.expand([directory.file("a"), "x.pdf"]) == [
        directory.file("a/c.TXT"), directory.file("a/d.md"), "x.pdf",
      ])
  }
}
