import Foundation
import PDFExtraction

/// The JSON shape of `metaeval extract --format json`.
enum ExtractJSON {
  struct Document: Encodable {
    var file: String
    var kind: String
    var sha256: String
    var pageCount: Int
    var metadata: DocumentMetadata
    var pages: [PageText]

    enum CodingKeys: String, CodingKey {
      case file, kind, sha256, metadata, pages
      case pageCount = "page_count"
    }
  }

  static func line(for document: ExtractedDocument) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let value = Document(
      file: document.path, kind: document.kind.rawValue, sha256: document.sha256,
      pageCount: document.pageCount, metadata: document.metadata, pages: document.pages)
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
  }
}
