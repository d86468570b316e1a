import Foundation
import Testing

@testable import MetaEvalCore

@Suite struct WordLiteralsTests {
  @Test(arguments: [
    ("costs?", ["costs", "cost"], false),
    ("(un)?reliable", ["unreliable", "reliable"], false),
    ("decision[- ]making", ["decision-making", "decision making"], false),
    ("Effective\\w*", ["effective"], true),
    ("case stud(y|ies)", ["case study", "case studies"], false),
    ("iso[ -]?27001", ["iso 27001", "iso-27001", "iso27001"], false),
    (
      "literature( review| study)?", ["literature review", "literature study", "literature"], false
    ),
  ])
  func termsExpandToTheirSpellingsInTheEnginesOrder(
    term: String, spellings: [String], restOfWord: Bool
  ) throws {
    let words = try #require(WordLiterals.read(term: term))
    #expect(words.spellings.map { String(decoding: $0, as: UTF8.self) } == spellings)
    #expect(words.restOfWord == restOfWord)
  }

  @Test(arguments: [
    "product(?! (owner|team))", "not \\w+ enough", "(\\w+ ){0,3}plan", "[a-z]x", "a.b", "x",
    "(?<name>abc)", "ab+c", "\\bpost", "(s)?",
  ])
  func termsTheEngineMustReadAreLeftToIt(term: String) {
    #expect(WordLiterals.read(term: term) == nil)
  }

  /// Found without the engine, a term's first match in every unit is where the engine finds
  /// it, with the same length: boundaries, case, accents, letters that lower-case to two.
  @Test func literalMatchesAreTheEnginesMatches() throws {
    let units = [
      "Apps are not an app.", "APP-store and app_x and app’s data", "façade app", "Ἀpp app",
      "İapp app İ app", "appé app\u{301} app", "The costs and the cost", "COSTS", "costly costs",
      "Effectiveness, ineffective, EFFECTIVE", "decision-making and decision making",
      "ISO 27001 or iso-27001 or iso27001", "😀app 😀 app", "", "app", "xapp appx _app app",
      "literature review literature", "\u{1D400}app 𝐀 app",
    ]
    for term in [
      "app", "costs?", "effective\\w*", "decision[- ]making", "iso[ -]?27001",
      "literature( review| study)?",
    ] {
      try expectSameMatches(RubricCompiler.word(term), on: units)
    }
    // Boundaries written as \b, and plain phrases without any.
    for pattern in [
      "\\bevaluation", "\\bapp\\b", "app\\b", "costs? (and|or) the",
      "requirements? (document|spec)",
      "İ app", "the cost",
    ] {
      try expectSameMatches(
        pattern, on: units + ["Evaluations, reevaluation", "the requirement spec"])
    }
  }

  /// The index lower-cases as `String.lowercased()` does, eight ASCII bytes at a time or one
  /// character at a time, across every boundary between runs of ASCII and other letters.
  @Test func loweringIsTheStringLibrarys() {
    let pieces = [
      "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcxyz", "@[`{", "Ä", "İ", "ÉÈ", "ß", "Ω", " ", "0123456789",
      "Z", "A", "\u{301}", "😀",
    ]
    var checked = 0
    for first in pieces {
      for second in pieces {
        for padding in 0..<9 {
          let text = String(repeating: "Q", count: padding) + first + second + first
          var lowered: [UInt8] = []
          let lengths = TextIndex.appendLowered(text, to: &lowered)
          #expect(lowered == Array(text.lowercased().utf8), "\(text.debugDescription)")
          #expect(lengths.original == text.utf16.count)
          checked += 1
        }
      }
    }
    #expect(checked == pieces.count * pieces.count * 9)
  }

  /// The characters lower-cased without a table lookup really have no lower case.
  @Test func charactersTakenAsCaselessAreCaseless() {
    var checked = 0
    for value in UInt32(0x80)...0xFFFF where TextIndex.hasNoCase(value) {
      guard let scalar = Unicode.Scalar(value), !(0xC0...0xDE).contains(value) else { continue }
      checked += 1
      #expect(!scalar.properties.changesWhenLowercased, "U+\(String(value, radix: 16))")
    }
    #expect(checked > 40_000)
  }

  @Test(arguments: ["\\b-app", "app-\\b", "\\bapp\\w*\\b"])
  func aBoundaryBesideANonWordCharacterIsLeftToTheEngine(pattern: String) {
    #expect(WordLiterals.read(wrapped: pattern) == nil)
  }

  func expectSameMatches(_ wrapped: String, on units: [String]) throws {
    let regex = try NSRegularExpression(
      pattern: wrapped, options: [.caseInsensitive, .anchorsMatchLines])
    let words = try #require(WordLiterals.read(wrapped: wrapped))
    let literal = Pattern(wrapped, branches: [.init(regex: regex, anchors: nil, words: words)])
    let engine = Pattern(wrapped, branches: [.init(regex: regex, anchors: nil)])
    let found = TextIndex(units: units).firstHits(literal).mapValues(\.range)
    let expected = TextIndex(units: units).firstHits(engine).mapValues(\.range)
    #expect(found == expected, "pattern \(wrapped)")
    #expect(!expected.isEmpty, "pattern \(wrapped)")
  }
}
