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
    // Every pair of pieces, with and without a space, and a spread of triples.
    var lines: [String] = ["", " ", "12", "- 12 -", "iv", "Page 3 of 9", "Lic", "c v"]
    for (i, first) in pieces.enumerated() {
      for (j, second) in pieces.enumerated() {
        let third = pieces[(7 * i + 13 * j) % pieces.count]
        lines += [first + " " + second, first + second, first + " " + second + " " + third]
      }
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

  @Test func asciiLinesAreCollapsedAsCharactersAre() {
    var ascii = 0
    for line in Self.lines + Self.lines.map({ " \t" + $0 + "  \r\n" }) {
      guard let collapsed = RunningLineFilter.asciiCollapsed(Substring(line)) else {
        #expect(line.utf8.contains { $0 >= 0x80 })
        continue
      }
      ascii += 1
      #expect(collapsed == RunningLineFilter.characterCollapsed(Substring(line)), "\(line)")
      #expect(collapsed == RunningLineFilter.normalizedLine(Substring(line)), "\(line)")
    }
    #expect(ascii > 2000)
  }

  @Test func blankLinesAreThoseOfWhiteSpaceCharacters() {
    var blank = 0
    for line in Self.lines + ["\u{A0}", " \u{2003} ", " \u{301}", "\t\u{0B}\r", " é"] {
      let expected = line.allSatisfy(\.isWhitespace)
      #expect(RunningLineFilter.isBlank(Substring(line)) == expected, "\(line.debugDescription)")
      if expected { blank += 1 }
    }
    #expect(blank >= 8)
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
