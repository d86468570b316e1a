/// Why a document could not be extracted.
///
/// Every case names the file, so that its description can be printed as one line on stderr.
public enum PDFExtractionError: Error, Equatable, Sendable, CustomStringConvertible {
  case fileNotFound(path: String)
  case unreadable(path: String, reason: String)
  case emptyFile(path: String)
  case notAPDF(path: String)
  case damaged(path: String, detail: String)
  case encrypted(path: String, passwordGiven: Bool)
  case noTextLayer(path: String, pages: Int)
  case noPages(path: String)
  case invalidPageRange(path: String, range: String, pageCount: Int)
  case unsupportedType(path: String, fileExtension: String)
  case ocrUnavailable(path: String, pages: Int, reason: String)

  /// The file the error is about.
  public var path: String {
    switch self {
    case .fileNotFound(let path), .unreadable(let path, _), .emptyFile(let path),
      .notAPDF(let path), .damaged(let path, _), .encrypted(let path, _),
      .noTextLayer(let path, _), .noPages(let path), .invalidPageRange(let path, _, _),
      .unsupportedType(let path, _), .ocrUnavailable(let path, _, _):
      return path
    }
  }

  /// A short machine-readable name for the kind of failure (used in CSV and JSON output).
  public var code: String {
    switch self {
    case .fileNotFound: "file-not-found"
    case .unreadable: "unreadable"
    case .emptyFile: "empty-file"
    case .notAPDF: "not-a-pdf"
    case .damaged: "damaged"
    case .encrypted: "encrypted"
    case .noTextLayer: "no-text-layer"
    case .noPages: "no-pages"
    case .invalidPageRange: "invalid-page-range"
    case .unsupportedType: "unsupported-type"
    case .ocrUnavailable: "ocr-unavailable"
    }
  }

  /// The problem without the file name, for tables that already show the file.
  public var problem: String {
    switch self {
    case .fileNotFound: "no such file"
    case .unreadable(_, let reason): "cannot be read: \(reason)"
    case .emptyFile: "the file is empty (0 bytes)"
    case .notAPDF: "not a PDF (no %PDF- header)"
    case .damaged(_, let detail): "damaged or truncated PDF: \(detail)"
    case .encrypted(_, let passwordGiven):
      passwordGiven
        ? "encrypted PDF: the password given is wrong"
        : "encrypted PDF: a password is needed (--password)"
    case .noTextLayer(_, let pages):
      "no text layer on any of its \(pages) page\(pages == 1 ? "" : "s") (a scan?); run it with --ocr auto or always"
    case .ocrUnavailable(_, let pages, let reason):
      "a scan (\(pages) page\(pages == 1 ? "" : "s") without text) and OCR is not available: \(reason); install it with: apt-get install tesseract-ocr tesseract-ocr-nld tesseract-ocr-eng"
    case .noPages: "the PDF has zero pages"
    case .invalidPageRange(_, let range, let pageCount):
      "page range '\(range)' does not fit a document of \(pageCount) page\(pageCount == 1 ? "" : "s")"
    case .unsupportedType(_, let ext):
      "unsupported file type '.\(ext)' (expected .pdf, .txt or .md)"
    }
  }

  public var description: String { "\(path): \(problem)" }
}
