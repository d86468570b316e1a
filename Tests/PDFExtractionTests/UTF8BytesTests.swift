import Testing

@testable import PDFExtraction

/// The eight-bytes-at-a-time readings answer as a byte-by-byte reading does; a byte is white
/// space exactly when it is an ASCII character that is.
@Suite struct UTF8BytesTests {
  @Test func asciiSpaceIsTheWhiteSpaceOfASCIICharacters() {
    for byte in UInt8.min...UInt8.max {
      let expected = byte < 0x80 && Character(Unicode.Scalar(byte)).isWhitespace
      #expect(UTF8Bytes.isSpace(byte) == expected, "\(byte)")
    }
  }

  /// Words with the sought byte at each place or nowhere, beside its neighbours, zero and 0xFF
  /// (where a borrow could carry into the next byte).
  @Test func holdsAndEqualBytesAreTheByteByByteAnswers() {
    var state: UInt64 = 3
    for sought in [0x00, 0x0D, 0x21, 0x2E, 0x3F, 0x80, 0xFF] as [UInt8] {
      let fillers: [UInt8] = [sought &- 1, sought &+ 1, 0x00, 0xFF, 0x20, 0x41]
      for _ in 0..<2_000 {
        var bytes: [UInt8] = []
        for _ in 0..<8 {
          // A linear congruential step: the same words on every run.
          state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          let pick = Int(state >> 33) % (fillers.count + 1)
          bytes.append(pick == fillers.count ? sought : fillers[pick])
        }
        let word = bytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(UTF8Bytes.holds(word, sought) == bytes.contains(sought), "\(bytes)")
        let mask = bytes.enumerated().reduce(UInt64(0)) {
          $0 | ($1.element == sought ? UInt64(0x80) << (8 * UInt64($1.offset)) : 0)
        }
        #expect(UTF8Bytes.equalBytes(word, sought) == mask, "\(bytes)")
        #expect(UTF8Bytes.highBitCount(mask) == bytes.filter { $0 == sought }.count)
      }
    }
  }
}
