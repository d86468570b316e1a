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

  /// A stand-in worker in sh: for each request line it answers a failure frame whose message
  /// is the requested path; a path with "crash" kills it with SIGSEGV, one with "hang" hangs,
  /// and after answering one with "last" it exits.
  static let script = #"""
    while read -r line; do
      case "$line" in *crash*) kill -SEGV $$ ;; *hang*) exec sleep 30 ;; esac
      name=$(echo "$line" | sed 's/.*"path":"\([^"]*\)".*/\1/')
      json="{\"code\":\"seen\",\"message\":\"$name\"}"
      printf "F\\$(printf %o ${#json})\\000\\000\\000%s" "$json"
      case "$line" in *last*) exit 0 ;; esac
    done
    """#

  /// Requests queued ahead are answered in order; those queued behind one that crashes or
  /// hangs go to a new child, a write to a child that has died does not end this process, and
  /// a child that ends while idle fails no document.
  @Test func queuedRequestsOutliveACrashAndAHang() throws {
    let worker = ExtractionWorker(executable: "/bin/sh", arguments: ["-c", Self.script])
    defer { worker.stop() }
    func answer() throws -> String? { try worker.receive(timeout: 2).failure?.message }
    worker.submit("a.pdf")
    worker.submit("crash.pdf")
    worker.submit("b.pdf")
    #expect(try answer() == "a.pdf")
    #expect {
      _ = try worker.receive(timeout: 20)
    } throws: { error in
      guard case .died(let reason)? = error as? WorkerFailure else { return false }
      return reason.contains("signal 11")
    }
    worker.submit("b2.pdf")  // a new child: it gets b.pdf, then b2.pdf
    #expect(try answer() == "b.pdf")
    #expect(try answer() == "b2.pdf")

    // The child is dead when the next request is written to it.
    worker.submit("crash.pdf")
    Thread.sleep(forTimeInterval: 0.5)
    worker.submit("c.pdf")
    #expect(throws: WorkerFailure.self) { _ = try worker.receive(timeout: 20) }
    #expect(try answer() == "c.pdf")

    worker.submit("hang.pdf")
    worker.submit("d.pdf")
    let started = Date()
    #expect(throws: WorkerFailure.timedOut(seconds: 1)) { _ = try worker.receive(timeout: 1) }
    #expect(Date().timeIntervalSince(started) < 10)
    #expect(try answer() == "d.pdf")

    // A child that ends after answering all it was asked takes no document down with it.
    worker.submit("last.pdf")
    #expect(try answer() == "last.pdf")
    Thread.sleep(forTimeInterval: 0.5)
    worker.submit("e.pdf")
    #expect(try answer() == "e.pdf")
  }
}
