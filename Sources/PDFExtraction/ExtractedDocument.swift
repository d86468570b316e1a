/// How a page's text was obtained.
public enum PageSource: String, Sendable, Codable, Hashable {
  case textLayer = "text-layer"
  case ocr
}

/// The text of one page, as a plain value.
public struct PageText: Sendable, Equatable, Hashable, Codable {
  /// One-based position of the page in the document.
  public var index: Int
  /// The printed page label (`poppler_page_get_label`), which may differ from the index ("iii", "12").
  public var label: String
  public var text: String
  public var source: PageSource
  /// Tesseract's mean word confidence (0–100) for an OCR page.
  public var ocrConfidence: Double?
  /// Why OCR failed on this page (the rest of the document still counts).
  public var ocrError: String?

  public init(
    index: Int, label: String, text: String, source: PageSource = .textLayer,
    ocrConfidence: Double? = nil,
    ocrError: String? = nil
  ) {
    self.index = index
    self.label = label
    self.text = text
    self.source = source
    self.ocrConfidence = ocrConfidence
    self.ocrError = ocrError
  }

  enum CodingKeys: String, CodingKey {
    case index, label, text, source
    case ocrConfidence = "ocr_confidence"
    case ocrError = "ocr_error"
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    index = try container.decode(Int.self, forKey: .index)
    label = try container.decode(String.self, forKey: .label)
    text = try container.decode(String.self, forKey: .text)
    source = try container.decodeIfPresent(PageSource.self, forKey: .source) ?? .textLayer
    ocrConfidence = try container.decodeIfPresent(Double.self, forKey: .ocrConfidence)
    ocrError = try container.decodeIfPresent(String.self, forKey: .ocrError)
  }
}

/// Document information from the PDF's info dictionary. Dates are ISO 8601 in UTC.
public struct DocumentMetadata: Sendable, Equatable, Codable {
  public var title: String?
  public var author: String?
  public var subject: String?
  public var keywords: String?
  public var creator: String?
  public var producer: String?
  public var created: String?
  public var modified: String?

  public init(
    title: String? = nil, author: String? = nil, subject: String? = nil, keywords: String? = nil,
    creator: String? = nil, producer: String? = nil, created: String? = nil, modified: String? = nil
  ) {
    self.title = title
    self.author = author
    self.subject = subject
    self.keywords = keywords
    self.creator = creator
    self.producer = producer
    self.created = created
    self.modified = modified
  }
}

/// What kind of file a document was read from.
public enum SourceKind: String, Sendable, Codable {
  case pdf
  case text
}

/// The extracted text of one file, with everything metaeval needs to know about where it came from.
public struct ExtractedDocument: Sendable, Equatable {
  /// The path as it was given.
  public var path: String
  public var kind: SourceKind
  /// Hex SHA-256 of the file's bytes.
  public var sha256: String
  /// Pages in the whole file (the `pages` array may hold fewer when a range was asked for).
  public var pageCount: Int
  public var pages: [PageText]
  public var metadata: DocumentMetadata

  /// One line about the pages OCR could not read ("page 3: ..."), or nil.
  public var ocrProblems: String? {
    let failed = pages.filter { $0.ocrError != nil }
    guard let first = failed.first, let reason = first.ocrError else { return nil }
    let numbers = failed.map { String($0.index) }.joined(separator: ", ")
    return "OCR failed on page\(failed.count == 1 ? "" : "s") \(numbers): \(reason)"
  }

  public init(
    path: String, kind: SourceKind, sha256: String, pageCount: Int, pages: [PageText],
    metadata: DocumentMetadata
  ) {
    self.path = path
    self.kind = kind
    self.sha256 = sha256
    self.pageCount = pageCount
    self.pages = pages
    self.metadata = metadata
  }
}
