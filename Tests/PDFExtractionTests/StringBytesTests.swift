import Testing

@testable import PDFExtraction

/// `containsBytes` finds a pair at every place, in strings and in slices of them.
@Suite struct StringBytesTests {
  @Test func findsAPairAtEveryPlace() {
    for length in 0...70 {
      for place in 0..<max(0, length - 1) {
        var bytes = [UInt8](repeating: 0x61, count: length)
        bytes[place] = 0x2D
        bytes[place + 1] = 0x0A
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.containsBytes(0x2D, 0x0A), "length \(length), place \(place)")
        #expect(!text.containsBytes(0x20, 0x0A))
        let slice = text.dropFirst(place)
        #expect(slice.containsBytes(0x2D, 0x0A))
        #expect(!text.dropFirst(place + 1).containsBytes(0x2D, 0x0A))
      }
    }
    #expect(!"\n-".containsBytes(0x2D, 0x0A))
    #expect(!"".containsBytes(0x2D, 0x0A))
    #expect("é-\nx".containsBytes(0x2D, 0x0A))
  }
}
