import CSQLite
import Foundation
import PDFExtraction
import TestSupport
import Testing

@testable import ExtractionCache

/// A real SQLite file on disk.
@Suite struct ExtractionCacheTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory("cache")
  }

  func document(_ sha: String, text: String = "Eerste pagina\nmet ë en ﬁ") -> ExtractedDocument {
    ExtractedDocument(
      path: "/somewhere/a.pdf", kind: .pdf, sha256: sha, pageCount: 2,
      pages: [
        PageText(index: 1, label: "i", text: text), PageText(index: 2, label: "1", text: "Tweede"),
      ],
      metadata: DocumentMetadata(title: "Titel", created: "2024-01-01T00:00:00Z"))
  }

  @Test func aStoredDocumentComesBackWithTheNewPath() throws {
    let cache = try ExtractionCache(path: directory.file("sub/dir/cache.sqlite"))
    #expect(try cache.document(sha256: "abc", path: "x.pdf") == nil)
    try cache.store(document("abc"))
    var expected = document("abc")
    expected.path = "corpus/b.pdf"
    #expect(try cache.document(sha256: "abc", path: "corpus/b.pdf") == expected)
    #expect(try cache.count() == 1)
  }

  /// Caches written before entries became binary hold JSON text; they are still read.
  @Test func anEntryAnEarlierBuildWroteAsJSONIsStillRead() throws {
    let path = directory.file("old.sqlite")
    _ = try ExtractionCache(path: path)  // the tables
    let json = String(
      decoding: try JSONEncoder().encode(CachedDocument(document: document("old"))), as: UTF8.self)
    var db: OpaquePointer?
    #expect(sqlite3_open(path, &db) == SQLITE_OK)
    defer { sqlite3_close(db) }
    let sql =
      "INSERT INTO documents VALUES ('old', '\(Extractor.version)', 'pdf', 2, '"
      + json.replacingOccurrences(of: "'", with: "''") + "')"
    #expect(sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK)
    var expected = document("old")
    expected.path = "here.pdf"
    #expect(try ExtractionCache(path: path).document(sha256: "old", path: "here.pdf") == expected)
  }

  @Test func aSecondOpenSeesWhatTheFirstStored() throws {
    let path = directory.file("cache.sqlite")
    try ExtractionCache(path: path).store(document("one"))
    let reopened = try ExtractionCache(path: path)
    #expect(try reopened.document(sha256: "one", path: "p")?.pages.count == 2)
  }

  @Test func storingTwiceKeepsTheFirstEntry() throws {
    let cache = try ExtractionCache(path: directory.file("cache.sqlite"))
    try cache.store(document("same", text: "first"))
    try cache.store(document("same", text: "second"))
    #expect(try cache.document(sha256: "same", path: "p")?.pages.first?.text == "first")
    #expect(try cache.count() == 1)
  }

  @Test func twoConnectionsWritingAtOnceBothSucceed() async throws {
    let path = directory.file("shared.sqlite")
    _ = try ExtractionCache(path: path)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for writer in 0..<4 {
        group.addTask {
          let cache = try ExtractionCache(path: path)
          for item in 0..<50 {
            try cache.store(self.document("w\(writer)-\(item)"))
          }
        }
      }
      try await group.waitForAll()
    }
    #expect(try ExtractionCache(path: path).count() == 200)
  }

  /// A digest is only given back for the stamp it was stored with; a new one replaces it.
  @Test func aDigestComesBackOnlyForTheSameStamp() throws {
    let cache = try ExtractionCache(path: directory.file("digests.sqlite"))
    let stamp = FileDigest.Stamp(size: 10, modified: 1_000, changed: 2_000, inode: 42)
    #expect(cache.digest(path: "/corpus/a.pdf", stamp: stamp) == nil)
    try cache.storeDigest(path: "/corpus/a.pdf", stamp: stamp, sha256: "aaa")
    #expect(cache.digest(path: "/corpus/a.pdf", stamp: stamp) == "aaa")
    #expect(cache.digest(path: "/corpus/b.pdf", stamp: stamp) == nil)
    var touched = stamp
    touched.changed += 1
    #expect(cache.digest(path: "/corpus/a.pdf", stamp: touched) == nil)
    var moved = stamp
    moved.inode = 43
    #expect(cache.digest(path: "/corpus/a.pdf", stamp: moved) == nil)
    try cache.storeDigest(path: "/corpus/a.pdf", stamp: touched, sha256: "bbb")
    #expect(cache.digest(path: "/corpus/a.pdf", stamp: touched) == "bbb")
    #expect(cache.digest(path: "/corpus/a.pdf", stamp: stamp) == nil)
  }

  @Test func anUnwritableLocationIsAClearError() {
    #expect(throws: CacheError.self) {
      try ExtractionCache(path: "/proc/no-such-dir/cache.sqlite")
    }
  }

  @Test func theDefaultPathFollowsXDG() {
    #expect(ExtractionCache.defaultPath.hasSuffix("metaeval/extraction.sqlite"))
  }
}
