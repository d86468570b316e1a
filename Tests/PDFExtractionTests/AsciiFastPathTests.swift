import Testing

@testable import PDFExtraction

/// The clean-up reads ASCII lines and words on their bytes; what it finds there must be what
/// the character-by-character reading finds, on every kind of line.
@Suite struct AsciiFastPathTests {
  /// Lines made of the pieces that running lines, page numbers and words are made of.
  static let lines: [String] = {
    let pieces = [
      "Pagina", "page", "P.", "blz.", "iv", "XII", "c", "Lic", "3", "12", "2024", "/", "|", "-",
      "–", "of", "van", "Rapport", "ICT-project", "(evaluatie),", "\"quoted\"", "A1", "x",
      "\t", "  ", "vii.", "—", "Cl", "ivx", "MMXXIV", "l", "\u{0B}", "\r", "é", "½", "²",
    ]
    var generator = SplitMix(seed: 7)
    var lines: [String] = ["", " ", "12", "- 12 -", "iv", "Page 3 of 9", "Lic", "c v"]
    for _ in 0..<4000 {
      let count = Int(generator.next() % 6) + 1
      lines.append(
        (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
          .joined(separator: generator.next() % 3 == 0 ? "" : " "))
    }
    return lines
  }()

  @Test func foldedKeysOfASCIILinesAreTheCharacterOnes() {
    var ascii = 0
    for line in Self.lines {
      guard let key = RunningLineFilter.asciiFoldedKey(Substring(line)) else {
        #expect(line.utf8.contains { $0 >= 0x80 })
        continue
      }
      ascii += 1
      #expect(key == RunningLineFilter.characterFoldedKey(Substring(line)), "\(line)")
    }
    #expect(ascii > 1000)
  }

  @Test func aLineSurelyWithoutPageNumberHasNone() {
    var skipped = 0
    for line in Self.lines where RunningLineFilter.surelyNoPageNumber(Substring(line)) {
      skipped += 1
      #expect(!RunningLineFilter.tokensMakePageNumber(Substring(line)), "\(line)")
    }
    #expect(skipped > 1000)
    #expect(Self.lines.contains { RunningLineFilter.isPageNumber(Substring($0)) })
  }

  @Test func asciiWordsAreTrimmedAndLowerCasedAsCharactersAre() {
    var ascii = 0
    for line in Self.lines {
      for token in line.split(separator: " ") {
        var bytes = Array(token.utf8)
        bytes.withUnsafeMutableBufferPointer { mutable in
          let buffer = UnsafeBufferPointer(mutable)
          guard let range = Dehyphenator.asciiWord(buffer, 0, buffer.count) else {
            #expect(buffer.contains { $0 >= 0x80 })
            return
          }
          ascii += 1
          let expected = Dehyphenator.trimPunctuation(token)
          #expect(range.count == expected.count, "\(token)")
          #expect(
            String(decoding: buffer[range], as: UTF8.self).lowercased() == expected.lowercased(),
            "\(token)")
        }
      }
    }
    #expect(ascii > 1000)
  }
}

/// A small seeded generator, so that the lines are the same on every run.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
