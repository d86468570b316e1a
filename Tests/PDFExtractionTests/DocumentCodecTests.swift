import Foundation
import Testing

@testable import PDFExtraction

@Suite struct DocumentCodecTests {
  let document = ExtractedDocument(
    path: "/corpus/a.pdf", kind: .pdf, sha256: "ab12", pageCount: 9,
    pages: [
      PageText(index: 1, label: "i", text: "Eerste pagina\nmet ë, “quotes” en ﬁ 😀"),
      PageText(index: 2, label: "", text: ""),
      PageText(
        index: 7, label: "5", text: "Herkende tekst", source: .ocr, ocrConfidence: 91.25,
        ocrError: nil),
      PageText(index: 8, label: "6", text: "", source: .textLayer, ocrError: "OCR not available"),
    ],
    metadata: DocumentMetadata(title: "Titel", author: nil, created: "2024-01-01T00:00:00Z"))

  @Test func aDocumentComesBackWhole() throws {
    let data = DocumentCodec.encode(document)
    let decoded = try #require(DocumentCodec.decode(data, path: "/elsewhere/b.pdf"))
    var expected = document
    expected.path = "/elsewhere/b.pdf"
    #expect(decoded == expected)
  }

  /// A cut-off or foreign entry is nil, never a crash or a partial document.
  @Test func brokenBytesAreNotADocument() {
    let data = DocumentCodec.encode(document)
    for length in 0..<data.count {
      #expect(DocumentCodec.decode(data.prefix(length), path: "x") == nil, "cut at \(length)")
    }
    var foreign = data
    foreign[0] = UInt8(ascii: "X")
    #expect(DocumentCodec.decode(foreign, path: "x") == nil)
    #expect(DocumentCodec.decode(data + Data([0]), path: "x") == nil)
    #expect(DocumentCodec.decode(Data("{\"kind\":\"pdf\"}".utf8), path: "x") == nil)
  }
}
