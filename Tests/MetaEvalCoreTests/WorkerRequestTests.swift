import Foundation
import PDFExtraction
import TestSupport
import Testing

@testable import MetaEvalCore

/// The worker reuses the parent's digest only while the file is as it was when hashed.
@Suite struct WorkerRequestTests {
  @Test func theParentsDigestHoldsOnlyForAnUnchangedFile() throws {
    let directory = try TemporaryDirectory("request")
    let path = directory.file("report.txt")
    try "Eerste versie".write(toFile: path, atomically: false, encoding: .utf8)
    let stamp = try #require(FileDigest.stamp(path: path))
    let digest = try FileDigest.sha256(path: path)
    #expect(WorkerRequest(path: path, sha256: digest, stamp: stamp).knownSHA256 == digest)
    #expect(WorkerRequest(path: path, sha256: digest).knownSHA256 == nil)

    // Same length, new content: the stamp no longer holds, so the worker hashes again.
    try "Tweede versie".write(toFile: path, atomically: false, encoding: .utf8)
    #expect(WorkerRequest(path: path, sha256: digest, stamp: stamp).knownSHA256 == nil)
    let document = try Extractor().extract(
      path, knownSHA256: WorkerRequest(path: path, sha256: digest, stamp: stamp).knownSHA256)
    #expect(document.sha256 == (try FileDigest.sha256(path: path)))
    #expect(document.sha256 != digest)
  }
}

@Suite struct ExtractionWorkerTests {
  /// A worker that prints something other than a frame is garbled at once, not after the
  /// timeout spent waiting for a frame that never ends.
  @Test func aWorkerThatPrintsNonsenseIsGarbledAtOnce() throws {
    let worker = ExtractionWorker(
      executable: "/bin/sh", arguments: ["-c", "read line; printf 'ok\\n'; exec sleep 30"])
    defer { worker.stop() }
    let started = Date()
    #expect(throws: WorkerFailure.garbled) {
      _ = try worker.extract("/nonexistent.pdf", timeout: 20)
    }
    #expect(Date().timeIntervalSince(started) < 10)
  }
}
