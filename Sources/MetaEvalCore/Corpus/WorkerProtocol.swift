import PDFExtraction

/// One line from the parent to an extraction worker: a file to extract.
public struct WorkerRequest: Codable, Sendable {
  public var path: String

  public init(path: String) { self.path = path }
}

/// One line back: the document, or why it could not be extracted.
public struct WorkerReply: Codable, Sendable {
  public struct Failure: Codable, Sendable, Equatable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
      self.code = code
      self.message = message
    }
  }

  public var document: WorkerDocument?
  public var failure: Failure?

  public init(document: WorkerDocument? = nil, failure: Failure? = nil) {
    self.document = document
    self.failure = failure
  }
}

/// An extracted document as it crosses the pipe.
public struct WorkerDocument: Codable, Sendable {
  public var kind: SourceKind
  public var sha256: String
  public var pageCount: Int
  public var pages: [PageText]
  public var metadata: DocumentMetadata

  public init(_ document: ExtractedDocument) {
    kind = document.kind
    sha256 = document.sha256
    pageCount = document.pageCount
    pages = document.pages
    metadata = document.metadata
  }

  public func document(path: String) -> ExtractedDocument {
    ExtractedDocument(
      path: path, kind: kind, sha256: sha256, pageCount: pageCount, pages: pages, metadata: metadata
    )
  }
}
