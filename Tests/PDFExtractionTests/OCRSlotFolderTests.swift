import Foundation
import TestSupport
import Testing

@testable import PDFExtraction

@Suite struct OCRSlotFolderTests {
  /// The id of a process that has ended: one that was started and waited for.
  static func endedProcess() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }

  /// A killed corpus run cannot remove its slot folder; the next run removes the folders of
  /// ended processes and keeps everything else.
  @Test func aNewRunClearsTheFoldersOfEndedRuns() throws {
    let parent = try TemporaryDirectory()
    let ended = try Self.endedProcess()
    let manager = FileManager.default
    func folder(_ name: String, files: [String]) throws -> String {
      let path = parent.file(name)
      try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
      for file in files { try parent.write(name + "/" + file, "") }
      return path
    }
    let dead = try folder("metaeval-ocr-slots-\(ended)-A", files: ["slot-0.lock", "slot-1.lock"])
    let deadEmpty = try folder("metaeval-ocr-slots-\(ended)-B", files: [])
    let live = try folder("metaeval-ocr-slots-\(getpid())-C", files: ["slot-0.lock"])
    let old = try folder("metaeval-ocr-slots-0EE8459A-222B", files: [])
    let foreign = try folder("metaeval-ocr-slots-\(ended)-D", files: ["notes.txt"])
    let other = try folder("other-\(ended)-E", files: [])

    let made = OCRSlotFolder.create(in: parent.path)
    #expect(!manager.fileExists(atPath: dead))
    #expect(!manager.fileExists(atPath: deadEmpty))
    for kept in [live, old, foreign, other, made] {
      #expect(manager.fileExists(atPath: kept), "\(kept)")
    }
    #expect((made as NSString).lastPathComponent.hasPrefix("metaeval-ocr-slots-\(getpid())-"))
  }
}
