import CSQLite
import Foundation
import PDFExtraction

/// Why the cache could not be used. The corpus run then goes on without it.
public enum CacheError: Error, Equatable, Sendable, CustomStringConvertible {
  case cannotOpen(path: String, reason: String)
  case failed(path: String, reason: String)

  public var description: String {
    switch self {
    case .cannotOpen(let path, let reason): "\(path): cannot open the cache: \(reason)"
    case .failed(let path, let reason): "\(path): cache error: \(reason)"
    }
  }
}

/// Cleaned page texts in an SQLite file, keyed by the file's SHA-256 and the extractor's
/// version, so that no file is extracted twice.
///
/// Safe for several processes at once: WAL journal, a busy timeout, and one statement per write.
/// One instance belongs to one thread.
public final class ExtractionCache {
  public let path: String
  private let db: OpaquePointer

  /// The default location: `$XDG_CACHE_HOME/metaeval/extraction.sqlite`, else
  /// `~/.cache/metaeval/extraction.sqlite`.
  public static var defaultPath: String {
    let environment = ProcessInfo.processInfo.environment
    let base =
      environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (NSHomeDirectory() as NSString).appendingPathComponent(".cache")
    return ((base as NSString).appendingPathComponent("metaeval") as NSString)
      .appendingPathComponent("extraction.sqlite")
  }

  public init(path: String) throws(CacheError) {
    self.path = path
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty {
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw .cannotOpen(path: path, reason: "cannot create \(folder)")
      }
    }
    var handle: OpaquePointer?
    let status = sqlite3_open_v2(
      path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
    guard status == SQLITE_OK, let handle else {
      let reason = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "status \(status)"
      sqlite3_close(handle)
      throw .cannotOpen(path: path, reason: reason)
    }
    db = handle
    sqlite3_busy_timeout(db, 30_000)
    do {
      try execute("PRAGMA journal_mode=WAL")
      try execute("PRAGMA synchronous=NORMAL")
      try execute(
        """
        CREATE TABLE IF NOT EXISTS documents (
          sha256 TEXT NOT NULL,
          extractor TEXT NOT NULL,
          kind TEXT NOT NULL,
          page_count INTEGER NOT NULL,
          document TEXT NOT NULL,
          PRIMARY KEY (sha256, extractor)
        )
        """)
      try execute(
        """
        CREATE TABLE IF NOT EXISTS ocr_pages (
          sha256 TEXT NOT NULL,
          page INTEGER NOT NULL,
          engine TEXT NOT NULL,
          text TEXT NOT NULL,
          confidence REAL NOT NULL,
          PRIMARY KEY (sha256, page, engine)
        )
        """)
      try execute(
        """
        CREATE TABLE IF NOT EXISTS file_digests (
          path TEXT NOT NULL PRIMARY KEY,
          size INTEGER NOT NULL,
          modified INTEGER NOT NULL,
          changed INTEGER NOT NULL,
          inode INTEGER NOT NULL,
          sha256 TEXT NOT NULL
        )
        """)
    } catch {
      sqlite3_close(db)
      throw .cannotOpen(path: path, reason: error.description)
    }
  }

  deinit {
    sqlite3_close(db)
  }

  /// The cached document with this hash, or nil. `path` is put into the returned value;
  /// `key` says how it was extracted (`Extractor.cacheKey`).
  public func document(sha256: String, path: String, key: String = Extractor.version)
    throws(CacheError)
    -> ExtractedDocument?
  {
    let statement = try prepare(
      "SELECT document FROM documents WHERE sha256 = ?1 AND extractor = ?2")
    defer { sqlite3_finalize(statement) }
    bind(statement, 1, sha256)
    bind(statement, 2, key)
    let step = sqlite3_step(statement)
    guard step == SQLITE_ROW else {
      if step == SQLITE_DONE { return nil }
      throw .failed(path: self.path, reason: message)
    }
    // Entries are binary (`DocumentCodec`); caches written by earlier builds hold JSON text.
    if sqlite3_column_type(statement, 0) == SQLITE_BLOB {
      let count = Int(sqlite3_column_bytes(statement, 0))
      guard let bytes = sqlite3_column_blob(statement, 0), count > 0 else { return nil }
      // An entry that does not decode (another build) is a miss.
      return DocumentCodec.decode(Data(bytes: bytes, count: count), path: path)
    }
    guard let text = sqlite3_column_text(statement, 0) else { return nil }
    let data = Data(String(cString: text).utf8)
    guard var document = try? JSONDecoder().decode(CachedDocument.self, from: data).document else {
      return nil  // an entry written by another build: treat as a miss
    }
    document.path = path
    return document
  }

  /// Stores a document; an entry that is already there (another run was first) is kept.
  public func store(_ document: ExtractedDocument, key: String = Extractor.version)
    throws(CacheError)
  {
    let encoded = DocumentCodec.encode(document)
    let statement = try prepare(
      "INSERT OR IGNORE INTO documents (sha256, extractor, kind, page_count, document) VALUES (?1, ?2, ?3, ?4, ?5)"
    )
    defer { sqlite3_finalize(statement) }
    bind(statement, 1, document.sha256)
    bind(statement, 2, key)
    bind(statement, 3, document.kind.rawValue)
    sqlite3_bind_int64(statement, 4, Int64(document.pageCount))
    let bound = encoded.withUnsafeBytes { bytes in
      sqlite3_bind_blob64(
        statement, 5, bytes.baseAddress, sqlite3_uint64(bytes.count),
        unsafeBitCast(-1, to: sqlite3_destructor_type.self))
    }
    guard bound == SQLITE_OK else { throw .failed(path: path, reason: message) }
    guard sqlite3_step(statement) == SQLITE_DONE else { throw .failed(path: path, reason: message) }
  }

  /// The SHA-256 last computed for the file at `path` (absolute), when its stamp is still the
  /// one it had then: a warm run then reads no file in full. Any write to the file changes its
  /// status-change time (which no program can set back), so a changed file is never matched.
  public func digest(path: String, stamp: FileDigest.Stamp) -> String? {
    guard
      let statement = try? prepare(
        "SELECT sha256 FROM file_digests WHERE path = ?1 AND size = ?2 AND modified = ?3 AND changed = ?4 AND inode = ?5"
      )
    else { return nil }
    defer { sqlite3_finalize(statement) }
    bind(statement, 1, path)
    bind(statement, stamp)
    guard sqlite3_step(statement) == SQLITE_ROW, let text = sqlite3_column_text(statement, 0)
    else { return nil }
    return String(cString: text)
  }

  /// Keeps the SHA-256 of the file at `path` with the stamp taken before it was read.
  public func storeDigest(path: String, stamp: FileDigest.Stamp, sha256: String)
    throws(CacheError)
  {
    let statement = try prepare(
      "INSERT OR REPLACE INTO file_digests (path, size, modified, changed, inode, sha256) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    )
    defer { sqlite3_finalize(statement) }
    bind(statement, 1, path)
    bind(statement, stamp)
    bind(statement, 6, sha256)
    guard sqlite3_step(statement) == SQLITE_DONE else {
      throw .failed(path: self.path, reason: message)
    }
  }

  /// How many documents the cache holds for this extractor version.
  public func count() throws(CacheError) -> Int {
    let statement = try prepare("SELECT COUNT(*) FROM documents WHERE extractor = ?1")
    defer { sqlite3_finalize(statement) }
    bind(statement, 1, Extractor.version)
    guard sqlite3_step(statement) == SQLITE_ROW else { throw .failed(path: path, reason: message) }
    return Int(sqlite3_column_int64(statement, 0))
  }

  /// How many pages were recognised and kept.
  public func recognisedPages() throws(CacheError) -> Int {
    let statement = try prepare("SELECT COUNT(*) FROM ocr_pages")
    defer { sqlite3_finalize(statement) }
    guard sqlite3_step(statement) == SQLITE_ROW else { throw .failed(path: path, reason: message) }
    return Int(sqlite3_column_int64(statement, 0))
  }

  // MARK: SQLite plumbing

  private var message: String { String(cString: sqlite3_errmsg(db)) }

  private func execute(_ sql: String) throws(CacheError) {
    var error: UnsafeMutablePointer<CChar>?
    let status = sqlite3_exec(db, sql, nil, nil, &error)
    defer { sqlite3_free(error) }
    guard status == SQLITE_OK else {
      throw .failed(path: path, reason: error.map { String(cString: $0) } ?? "status \(status)")
    }
  }

  fileprivate func prepare(_ sql: String) throws(CacheError) -> OpaquePointer {
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
      sqlite3_finalize(statement)
      throw .failed(path: path, reason: message)
    }
    return statement
  }

  /// Binds a stamp to parameters 2 to 5.
  private func bind(_ statement: OpaquePointer, _ stamp: FileDigest.Stamp) {
    sqlite3_bind_int64(statement, 2, stamp.size)
    sqlite3_bind_int64(statement, 3, stamp.modified)
    sqlite3_bind_int64(statement, 4, stamp.changed)
    sqlite3_bind_int64(statement, 5, Int64(bitPattern: stamp.inode))
  }

  fileprivate func bind(_ statement: OpaquePointer, _ index: Int32, _ text: String) {
    // SQLITE_TRANSIENT: SQLite copies the text before this call returns.
    sqlite3_bind_text(
      statement, index, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
  }
}

extension ExtractionCache: OCRCache {
  public func recognised(sha256: String, page: Int, key: String) -> (
    text: String, confidence: Double
  )? {
    guard
      let statement = try? prepare(
        "SELECT text, confidence FROM ocr_pages WHERE sha256 = ?1 AND page = ?2 AND engine = ?3")
    else { return nil }
    defer { sqlite3_finalize(statement) }
    bind(statement, 1, sha256)
    sqlite3_bind_int64(statement, 2, Int64(page))
    bind(statement, 3, key)
    guard sqlite3_step(statement) == SQLITE_ROW, let text = sqlite3_column_text(statement, 0) else {
      return nil
    }
    return (String(cString: text), sqlite3_column_double(statement, 1))
  }

  public func storeRecognised(
    sha256: String, page: Int, key: String, text: String, confidence: Double
  ) {
    guard
      let statement = try? prepare(
        "INSERT OR IGNORE INTO ocr_pages (sha256, page, engine, text, confidence) VALUES (?1, ?2, ?3, ?4, ?5)"
      )
    else { return }
    defer { sqlite3_finalize(statement) }
    bind(statement, 1, sha256)
    sqlite3_bind_int64(statement, 2, Int64(page))
    bind(statement, 3, key)
    bind(statement, 4, text)
    sqlite3_bind_double(statement, 5, confidence)
    _ = sqlite3_step(statement)
  }
}

/// What is stored per document: everything but the path, which differs between corpora.
struct CachedDocument: Codable {
  var kind: SourceKind
  var sha256: String
  var pageCount: Int
  var pages: [PageText]
  var metadata: DocumentMetadata

  init(document: ExtractedDocument) {
    kind = document.kind
    sha256 = document.sha256
    pageCount = document.pageCount
    pages = document.pages
    metadata = document.metadata
  }

  var document: ExtractedDocument {
    ExtractedDocument(
      path: "", kind: kind, sha256: sha256, pageCount: pageCount, pages: pages, metadata: metadata)
  }
}
