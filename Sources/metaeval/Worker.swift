import ArgumentParser
import CProcess
import ExtractionCache
import Foundation
import MetaEvalCore
import PDFExtraction

/// The extraction worker a corpus run starts: one request per line on stdin (JSON), one reply
/// per frame on stdout (`WorkerFrame`: the document in binary, or a failure as JSON). Not for
/// people; hidden from --help.
struct Worker: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "worker",
    abstract: "Extraction worker for corpus runs (reads JSON lines on stdin).",
    shouldDisplay: false
  )

  @Option(help: "Address-space limit in MiB (0: none).")
  var memoryLimit: Int = 0

  @OptionGroup var ocr: OCRFlags

  @Option(help: "The SQLite cache for recognised pages.")
  var cache: String?

  func run() throws {
    // A worker never outlives its run: when the run ends early (a rubric that does not load,
    // a crash, a kill), the kernel ends the worker too, even in the middle of a document.
    let parent = getppid()
    _ = cprocess_die_with_parent()
    if getppid() != parent { return }  // the run ended before the line above
    if memoryLimit > 0 {
      let bytes = rlim_t(memoryLimit) * 1024 * 1024
      var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
      setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
    }
    let ocrCache = cache.flatMap { try? ExtractionCache(path: $0) }
    let extractor = Extractor(
      options: ExtractionOptions(ocr: ocr.options(jobs: 1)), ocrCache: ocrCache)
    let encoder = JSONEncoder()
    let decoder = JSONDecoder()
    let output = FileHandle.standardOutput
    let faults = FaultInjection()
    while let line = readLine(strippingNewline: true) {
      guard let request = try? decoder.decode(WorkerRequest.self, from: Data(line.utf8)) else {
        continue
      }
      faults.apply(to: request.path)
      let frame: Data
      do {
        frame = WorkerFrame.document(
          try extractor.extract(request.path, knownSHA256: request.knownSHA256))
      } catch {
        let failure = WorkerReply.Failure(code: error.code, message: error.problem)
        frame = WorkerFrame.failure(
          (try? encoder.encode(failure))
            ?? Data(#"{"code":"worker","message":"cannot encode"}"#.utf8))
      }
      output.write(frame)
    }
  }
}

/// Failures on demand, for the tests of fault isolation: a file whose name contains
/// `$METAEVAL_TEST_HANG` hangs its worker, one with `$METAEVAL_TEST_CRASH` crashes it, one
/// with `$METAEVAL_TEST_HOG` allocates until the memory limit stops it. Unset, nothing happens.
struct FaultInjection {
  let hang = ProcessInfo.processInfo.environment["METAEVAL_TEST_HANG"].flatMap {
    $0.isEmpty ? nil : $0
  }
  let crash = ProcessInfo.processInfo.environment["METAEVAL_TEST_CRASH"].flatMap {
    $0.isEmpty ? nil : $0
  }
  let hog = ProcessInfo.processInfo.environment["METAEVAL_TEST_HOG"].flatMap {
    $0.isEmpty ? nil : $0
  }

  func apply(to path: String) {
    let name = (path as NSString).lastPathComponent
    if let hang, name.contains(hang) { while true { sleep(60) } }
    if let crash, name.contains(crash) {
      // A real invalid access, as a poppler bug would make: not a signal a handler can ignore.
      UnsafeMutablePointer<Int>(bitPattern: 8)?.pointee = 1
    }
    if let hog, name.contains(hog) {
      var blocks: [UnsafeMutableRawPointer] = []
      while true {
        guard let block = malloc(64 << 20) else { abort() }
        memset(block, 1, 64 << 20)
        blocks.append(block)
      }
    }
  }
}
