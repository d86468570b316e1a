import Foundation
import Testing

@testable import PDFExtraction

/// The SHA instructions give the digests GLib gives, at every length around the block edges.
@Suite struct ChecksumTests {
  func digests(_ bytes: [UInt8]) -> (instructions: String, glib: String) {
    bytes.withUnsafeBytes { (Checksum.withInstructions($0), Checksum.withGLib($0)) }
  }

  @Test func knownDigests() {
    let vectors = [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
    ]
    for (text, expected) in vectors {
      let bytes = Array(text.utf8)
      #expect(bytes.withUnsafeBytes { Checksum.sha256($0) } == expected)
      #expect(digests(bytes).glib == expected)
      if Checksum.hasSHAInstructions { #expect(digests(bytes).instructions == expected) }
    }
  }

  @Test(.enabled(if: Checksum.hasSHAInstructions, "the processor has SHA instructions"))
  func everyLengthAroundTheBlockEdgesAgreesWithGLib() {
    var generator = SystemRandomNumberGenerator()
    let pool = (0..<(1 << 20) + 77).map { _ in UInt8.random(in: 0...255, using: &generator) }
    for length in Array(0...300) + [1000, 4095, 4096, 4097, 65_535, pool.count] {
      let (instructions, glib) = digests(Array(pool.prefix(length)))
      #expect(instructions == glib, "length \(length)")
    }
  }
}
