import Testing

@testable import PDFExtraction

/// `containsBytes` finds a pair at every place, in strings and in slices of them; `lineSlices`
/// cuts the lines that splitting the bytes does.
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

  @Test func lineSlicesAreTheLinesOfSplittingTheBytes() {
    let pieces = [
      "", "\n", "\n\n", "a", "regel", "\u{E9}", "e\u{301}", "\n\u{301}", "-", "  ", "\u{1F44D}",
    ]
    var texts: [String] = []
    for first in pieces {
      for second in pieces {
        for third in pieces { texts.append(first + second + third) }
      }
    }
    // Also a string that is not native UTF-8 inside (bridged from UTF-16 on some platforms).
    texts.append(String(decoding: Array("eerste\nzin\n\u{E9}\n".utf16), as: UTF16.self))
    for text in texts {
      let expected = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map {
        String(Substring($0))
      }
      #expect(text.lineSlices().map(String.init) == expected, "\(Array(text.unicodeScalars))")
    }
    #expect(texts.count == pieces.count * pieces.count * pieces.count + 1)
  }
}
