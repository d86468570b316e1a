import Testing

@testable import MetaEvalCore

@Suite struct LanguageTests {
  static let dutch = "Het doel van dit onderzoek is om de resultaten van het project te evalueren. "
  static let english =
    "The aim of this study is to evaluate the results of the project and its plan. "

  @Test func reportsAreReadByTheirFunctionWords() {
    #expect(Language.detect(pages: [Self.dutch]) == .nl)
    #expect(Language.detect(pages: [Self.english]) == .en)
    #expect(Language.detect(pages: [Self.english.uppercased()]) == .en)
    #expect(Language.detect(pages: [Self.dutch.uppercased()]) == .nl)
  }

  @Test func withNothingToGoOnItIsEnglish() {
    #expect(Language.detect(pages: []) == .en)
    #expect(Language.detect(pages: ["", "12 34 ... ✓"]) == .en)
  }

  /// Only the first `sampleLimit` bytes count, line breaks between pages included.
  @Test func onlyTheSampleCounts() {
    let pages = [Self.english, String(repeating: Self.dutch, count: 5)]
    #expect(Language.detect(pages: pages) == .nl)
    #expect(Language.detect(pages: pages, sampleLimit: Self.english.utf8.count + 1) == .en)
    // A Dutch word cut off by the limit is not read as a whole one ("de" of "deze").
    #expect(Language.detect(pages: ["the deze"], sampleLimit: 6) == .en)
    #expect(Language.detect(pages: ["deze de"], sampleLimit: 7) == .nl)
  }

  /// Pages are read as if joined by line breaks: a word does not run on over a page end.
  @Test func aPageEndEndsAWord() {
    #expect(Language.detect(pages: ["the of", "a"]) == .en)
    #expect(Language.detect(pages: ["th", "e de het"]) == .nl)
    #expect(Language.detect(pages: ["de th", "e"]) == .nl)
  }

  /// Letters beyond ASCII end a word, as other bytes do, and words longer than five letters
  /// are never markers.
  @Test func onlyShortASCIIWordsAreMarkers() {
    // "é" ends the word "de".
    #expect(Language.detect(pages: ["deé"]) == .nl)
    #expect(Language.detect(pages: ["deé the the"]) == .en)
    #expect(Language.detect(pages: ["thethe dede de"]) == .nl)
  }

  /// The marker table answers each marker word with its languages, and every other short
  /// word (all of one and two letters, and near misses) with none.
  @Test func theMarkerTableHoldsExactlyTheMarkers() {
    let letters = (0x61...0x7A).map { UInt8($0) }
    var words = letters.map { [$0] } + letters.flatMap { a in letters.map { [a, $0] } }
    words += ["thee", "de", "dee", "hett", "wordt", "worde", "which", "whic", "from", "zijn"].map {
      Array($0.utf8)
    }
    for word in words {
      let text = String(decoding: word, as: UTF8.self)
      let expected =
        (Language.markers[.nl]!.contains(text) ? 1 : 0)
        | (Language.markers[.en]!.contains(text) ? 2 : 0)
      #expect(Language.marker(Language.pack(word)) == UInt8(expected), "\(text)")
    }
    #expect(Language.marker(Language.pack(Array("is".utf8))) == 3)
  }
}
