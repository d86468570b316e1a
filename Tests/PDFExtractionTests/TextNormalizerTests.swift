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

  @Test func plainTextIsUnchanged() {
    let text = "Gewone tekst, met \"aanhalingstekens\" en cijfers 2024."
    #expect(TextNormalizer.normalize(text) == text)
  }
}
