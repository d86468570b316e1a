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

  /// Text that is not valid UTF-8 (a corrupted cache entry) is refused, whatever the decoder
  /// would have repaired it into: a lone byte, a cut-off or overlong sequence, a surrogate,
  /// and a cut-off four-byte sequence that repair turns into one character of three bytes.
  @Test func onlyValidUTF8IsAString() {
    let invalid: [[UInt8]] = [
      [0xFF], [0x61, 0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF0, 0x90, 0x80],
      [0xF0, 0x90, 0x80, 0x41], [0x80, 0x61],
    ]
    for bytes in invalid {
      #expect(bytes.withUnsafeBufferPointer(DocumentCodec.Reader.validString) == nil, "\(bytes)")
    }
    for text in ["", "plain", "ë “quotes” ﬁ 😀", "\u{0}"] {
      let bytes = Array(text.utf8)
      #expect(bytes.withUnsafeBufferPointer(DocumentCodec.Reader.validString) == text)
    }
    // Inside an entry: a broken page text makes the whole entry unreadable.
    var data = DocumentCodec.encode(document)
    let page = Array("Herkende".utf8)
    let at = data.firstRange(of: Data(page))!.lowerBound
    data[at] = 0xFF
    #expect(DocumentCodec.decode(data, path: "x") == nil)
  }
}
