import Foundation
import Testing

@testable import PDFExtraction

@Suite struct TextNormalizerTests {
  @Test(arguments: [
    ("e\u{FB00}ect", "effect"), ("\u{FB01}nanciën", "financiën"), ("\u{FB02}ow", "flow"),
    ("e\u{FB03}ciency", "efficiency"), ("ba\u{FB04}e", "baffle"),
  ])
  func ligaturesBecomeLetters(input: String, expected: String) {
    #expect(TextNormalizer.normalize(input) == expected)
  }

  @Test func composesToNFC() {
    let decomposed = "ide\u{0308}e\u{0301}n"  // e + combining diaeresis, e + combining acute
    let result = TextNormalizer.normalize(decomposed)
    #expect(result.unicodeScalars.map(\.value) == "idëén".unicodeScalars.map(\.value))
  }

  @Test(arguments: ["\u{00AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"])
  func invisibleCharactersAreRemoved(invisible: String) {
    #expect(TextNormalizer.normalize("evalu\(invisible)atie") == "evaluatie")
  }

  @Test func carriageReturnsAreDropped() {
    #expect(TextNormalizer.normalize("a\r\nb") == "a\nb")
  }

  /// The characters that skip the NFC pass must be ones NFC leaves alone, also after a letter,
  /// a composed letter, a symbol or a space.
  @Test func charactersThatSkipNFCAreComposedAlready() {
    var checked = 0
    for value in UInt32(0)...0xFFFF where TextNormalizer.isComposedAlready(value) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      checked += 1
      let alone = String(scalar)
      #expect(alone.precomposedStringWithCanonicalMapping == alone, "U+\(String(value, radix: 16))")
      #expect(scalar.properties.canonicalCombiningClass == .notReordered)
      for base in ["a", "E", "é", "→", " ", "\u{F0B7}"] {
        let pair = base + alone
        #expect(
          pair.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(
            pair.unicodeScalars),
          "U+\(String(value, radix: 16)) after \(base)")
      }
    }
    #expect(checked > 7000)
    // A decomposed letter among such characters still goes through NFC.
    let mixed = "“ide\u{0308}e” – ●"
    #expect(
      TextNormalizer.normalize(mixed).unicodeScalars.elementsEqual("“idëe” – ●".unicodeScalars))
  }

  @Test func plainTextIsUnchanged() {
    let text = "Gewone tekst, met \"aanhalingstekens\" en cijfers 2024."
    #expect(TextNormalizer.normalize(text) == text)
  }

  /// The byte survey tells what the scalar-by-scalar reading tells, at every place in a line
  /// of eight-byte words.
  @Test func theByteSurveyAgreesWithTheScalars() {
    let pieces = [
      "plain ascii ", "\r\n", "e\u{301}", "é", "ﬁ", "\u{AD}", "😀", "•", "İ", "\u{200B}", "x",
      "– ", "€", "\u{F0B7}", "한", "ß",
    ]
    // Every pair and a spread of triples of pieces, so that each piece falls at many places.
    var texts: [String] = [""]
    for (i, first) in pieces.enumerated() {
      for (j, second) in pieces.enumerated() {
        let third = pieces[(5 * i + 3 * j) % pieces.count]
        texts += [first + second, "abc" + first + second + third, first + "12345678" + second]
      }
    }
    for text in texts {
      let survey = TextNormalizer.survey(text)
      #expect(
        survey.needsWork == text.unicodeScalars.contains { TextNormalizer.needsWork($0.value) },
        "\(text.debugDescription)")
      #expect(
        survey.composed
          == text.unicodeScalars.allSatisfy { TextNormalizer.isComposedAlready($0.value) },
        "\(text.debugDescription)")
    }
  }
}
