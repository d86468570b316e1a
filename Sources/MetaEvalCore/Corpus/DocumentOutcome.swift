import PDFExtraction

/// A cache of extracted documents, by the file's SHA-256. The corpus run takes one per
/// worker thread; it lives outside this module (SQLite is C).
public protocol PageCache: AnyObject {
  func document(sha256: String, path: String) throws -> ExtractedDocument?
  func store(_ document: ExtractedDocument) throws
  /// The digest remembered for the file at `path` while it keeps `stamp`, or nil.
  func digest(path: String, stamp: FileDigest.Stamp) -> String?
  /// Remembers a file's digest with the stamp taken before it was read.
  func storeDigest(path: String, stamp: FileDigest.Stamp, sha256: String) throws
}

extension PageCache {
  /// A cache that keeps no digests: every file is read and hashed.
  public func digest(path: String, stamp: FileDigest.Stamp) -> String? { nil }
  public func storeDigest(path: String, stamp: FileDigest.Stamp, sha256: String) throws {}
}

/// What became of one document of a corpus run: scored, or failed with a reason.
public struct DocumentOutcome: Sendable {
  public enum Status: String, Sendable {
    case scored
    case failed
  }

  public var entry: CorpusEntry
  public var sha256: String
  public var status: Status
  /// For a failure: a short code (timeout, crashed, damaged, encrypted, no-text-layer, ...).
  public var errorCode: String?
  /// For a failure: the one-line reason.
  public var error: String?
  public var result: ReportResult?
  /// Where the text came from.
  public var source: Source

  public enum Source: String, Sendable {
    case extracted
    case cache
    case none
  }

  static func failed(_ entry: CorpusEntry, sha256: String = "", code: String, message: String)
    -> DocumentOutcome
  {
    DocumentOutcome(
      entry: entry, sha256: sha256, status: .failed, errorCode: code, error: message, result: nil,
      source: .none)
  }
}
