import Foundation
import Testing

@testable import MetaEvalCore

@Suite struct PairIndexTests {
  /// Every place of `literal` in `text`, found by comparing at each byte.
  static func everyPlace(of literal: [UInt8], in text: [UInt8]) -> [Int] {
    guard literal.count >= 2, text.count >= literal.count else { return [] }
    return (0...(text.count - literal.count)).filter {
      text[$0..<($0 + literal.count)].elementsEqual(literal)
    }
  }

  /// Texts of words drawn from a small set (so that literals recur, overlap and share pairs),
  /// with letters outside ASCII and line feeds.
  static func text(seed: UInt64) -> [UInt8] {
    let words = [
      "de", "evaluatie", "evaluation", "the", "ée", "na", "an", "ana", "banana", "één", "è",
      "onderzoek", "vraag", "research question", "ab", "ba", "aab", "\n", "-", "1.2",
    ]
    var state = seed
    var text: [UInt8] = []
    for _ in 0..<400 {
      // A linear congruential step: the same texts on every run.
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      text += Array(words[Int(state >> 33) % words.count].utf8)
      text.append(state >> 40 & 3 == 0 ? 0x0A : 0x20)
    }
    return text
  }

  static let literals: [[UInt8]] = [
    "evaluat", "an", "ana", "banana", "é", "één", "research question", "vraag", "e\nd", "1.2",
    "aab", "ab", "zz",
  ].map { Array($0.utf8) }

  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func findsEveryPlaceWhetherItsPairsWereKeptOrNot(seed: UInt64) {
    let text = Self.text(seed: seed)
    // Indexes for all pairs, for half of the literals (the others are found by a scan), and
    // for none of them.
    let lists: [[[UInt8]]?] = [
      nil, Self.literals.enumerated().filter { $0.offset % 2 == 0 }.map(\.element), [],
    ]
    for list in lists {
      text.withUnsafeBufferPointer { buffer in
        let index = PairIndex(buffer, keepingPairsOf: list.map(PairIndex.Literals.init))
        for literal in Self.literals + [Array("x".utf8), []] {
          var found: [Int] = []
          index.places(of: literal, in: buffer) { found.append($0) }
          #expect(
            found == Self.everyPlace(of: literal, in: text),
            "\(String(decoding: literal, as: UTF8.self)) with \(list?.count ?? -1) literals")
        }
      }
    }
  }

  @Test func aTextTooShortForAPairHasNoPlaces() {
    for text in [[], [0x61]] as [[UInt8]] {
      text.withUnsafeBufferPointer { buffer in
        let index = PairIndex(buffer, keepingPairsOf: PairIndex.Literals(Self.literals))
        var found: [Int] = []
        index.places(of: Array("ab".utf8), in: buffer) { found.append($0) }
        #expect(found.isEmpty)
      }
    }
  }
}
