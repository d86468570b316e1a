import Foundation
import Testing

@testable import MetaEvalCore

@Suite struct LiteralAnchorsTests {
  @Test(arguments: [
    // Runs of fixed parts are spelled out in full; spellings that hold another are dropped.
    ("(centrale |hoofd)?vraagstelling (is|luidt)", ["vraagstelling is", "vraagstelling luidt"]),
    ("(het )?doel van (dit|het) onderzoek", ["doel van dit onderzoek", "doel van het onderzoek"]),
    ("\\w*(systeem|systemen)", ["systeem", "systemen"]),
    (
      "we (interviewed|surveyed)|interviews? (were|was) held",
      [
        "interview was held", "interview were held", "interviews was held",
        "interviews were held", "we interviewed", "we surveyed",
      ]
    ),
    ("in opdracht van (?<name>[^.;:()]{3,110}?)(?=\\s+(is|werd)\\b|[.;:(]|$)", ["in opdracht van"]),
    ("abc?d", ["abcd", "abd"]),
    ("analy[sz]ed", ["analysed", "analyzed"]),
    // `*` may repeat: "ab*cd" holds "abbcd", so only what follows it is sure.
    ("ab*cde", ["cde"]),
    ("x(ab){0,2}cde", ["cde"]),
    ("\\bpost[- ]implementation", ["post implementation", "post-implementation"]),
    ("[a-z]+ing (plan|report)", ["ing plan", "ing report"]),
  ])
  func anchorsAreTheMandatoryLiterals(pattern: String, expected: [String]) {
    let anchors = LiteralAnchors.extract(from: pattern)
    if expected.isEmpty {
      #expect(anchors == nil)
    } else {
      #expect(anchors == expected.sorted())
    }
  }

  @Test(arguments: [
    "(foo)?bar?", "\\w+in", "[a-z]{3}", "(?=abc)x", "a|(bcd)?", "(?-i:\\p{Lu})\\w+",
  ])
  func patternsWithoutASureLiteralHaveNoAnchors(pattern: String) {
    #expect(LiteralAnchors.extract(from: pattern) == nil)
  }

  /// The pattern is read scalar by scalar, as the engine reads it: a quantifier after a
  /// combining mark applies to the mark alone, not to the letter it sits on.
  @Test func aQuantifierAfterACombiningMarkTakesTheMarkAlone() throws {
    let pattern = "cafe\u{301}?"
    #expect(LiteralAnchors.spellings(of: pattern) == ["cafe\u{301}", "cafe"])
    let regex = try NSRegularExpression(pattern: pattern)
    for text in ["cafe", "cafe\u{301}"] {
      let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count))
      #expect(match?.range.length == text.utf16.count)
    }
  }

  /// The anchors only narrow where the engine looks: for every pattern of every shipped
  /// rubric, on the rubrics' own examples, the hits with and without anchors (or the
  /// spellings of whole-word terms) are the same.
  @Test(arguments: RepositoryRubrics.paths)
  func anchorsNeverHideAMatch(path: String) throws {
    let rubric = try RubricLoader.load(path: path)
    var texts: [String] = []
    var patterns: [Pattern] = []
    for criterion in rubric.criteria {
      texts += criterion.spec.examples.map { RubricExamples.unmark($0.text).0 }
      for cue in criterion.cues {
        for language in Language.allCases {
          patterns += cue.patterns(for: language) + cue.context.values.flatMap { $0 }
        }
      }
      for term in criterion.vocabulary { patterns += term.patterns.values.flatMap { $0 } }
      for dimension in criterion.dimensions { patterns += dimension.patterns.values.flatMap { $0 } }
    }
    patterns +=
      rubric.judgement.values.flatMap { $0 } + rubric.sectionHeadings.values.flatMap { $0 }
    let units = texts.flatMap { $0.split(separator: "\n").map(String.init) }
    var anchored = 0
    var branches = 0
    for pattern in patterns {
      branches += pattern.branches.count
      // A whole-word term is found by its spellings and needs no anchors.
      anchored += pattern.branches.filter { $0.anchors != nil || $0.words != nil }.count
      let withAnchors = TextIndex(units: units).firstHits(pattern).mapValues(\.range)
      // The same alternatives without anchors: what the anchors must never change.
      let plain = Pattern(
        pattern.source, branches: pattern.branches.map { .init(regex: $0.regex, anchors: nil) })
      let withoutAnchors = TextIndex(units: units).firstHits(plain).mapValues(\.range)
      #expect(withAnchors == withoutAnchors, "pattern \(pattern.source)")
    }
    #expect(anchored * 2 > branches, "most alternatives have anchors or spellings")
  }
}
