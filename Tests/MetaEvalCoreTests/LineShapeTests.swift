import Foundation
import Testing

@testable import MetaEvalCore

@Suite struct LineShapeTests {
  @Test func headingsEndInTheirTermAndListItemsStartWithTheirVerb() throws {
    let heading = try #require(LineShape.heading(term: "(executive )?summary|conclusions?"))
    #expect(heading.side == .end)
    #expect(heading.spellings.count == 4)
    let item = try #require(LineShape.start(of: #"^[•●\-–*]?\s*(ensure|make|use)\b(\s+\S+){4,}"#))
    #expect(item.side == .start)
    #expect(item.prefix.contains("•") && item.prefix.contains("-") && item.prefix.contains(" "))
    #expect(LineShape.start(of: RubricCompiler.label("opdrachtgever|klant")) != nil)
  }

  @Test(arguments: [
    "summary\\w*", "agency comments.*", "(\\w+ )?summary",
  ])
  func headingTermsThatAreNotPlainSpellingsHaveNoShape(term: String) {
    #expect(LineShape.heading(term: term) == nil)
  }

  @Test(arguments: [
    "(ensure|make)", "^[-*]?\\s*(-item|make)", "^[a-z]?(make)", "^[^x]?(make)", "^(\\w+ make)",
  ])
  func patternsWithoutAPlainStartHaveNoShape(pattern: String) {
    #expect(LineShape.start(of: pattern) == nil)
  }

  /// The shape never turns away a line the engine matches.
  @Test func theShapeAdmitsEveryLineTheEngineMatches() throws {
    let lines = [
      "Summary", "3.2 Executive summary:", "Executive Summary .", "Summary\u{00A0}",
      "Bijlage 2 Summary",
      "A summary of findings", "Summary of findings", "Conclusions\u{2028}next", "conclusion:  ",
      "• Ensure that the team tests every release", "  -  make the backlog visible to all users",
      "We use the data", "Use it", "\u{00A0}use the new form for every request today", "–Use",
      "Opdrachtgever: Ministerie van Financiën", "• Klant Gemeente Utrecht", "de opdrachtgever is",
      "", "   ",
    ]
    let patterns = [
      RubricCompiler.heading("(executive )?summary"), RubricCompiler.heading("conclusions?"),
      #"^[•●▪\-–*]?\s*(ensure|make|use)\b(\s+\S+){4,}"#,
      RubricCompiler.label("opdrachtgever|klant"),
    ]
    var turnedAway = 0
    for pattern in patterns {
      let regex = try NSRegularExpression(
        pattern: pattern, options: [.caseInsensitive, .anchorsMatchLines])
      let term = pattern.hasPrefix("^\\s*(?:(?:") ? nil : pattern
      let shape = try #require(
        term.map(LineShape.start(of:))
          ?? LineShape.heading(
            term: pattern.contains("summary") ? "(executive )?summary" : "conclusions?"))
      for line in lines {
        var lowered: [UInt8] = []
        _ = TextIndex.appendLowered(line, to: &lowered)
        let admitted = lowered.withUnsafeBufferPointer { shape.admits($0) }
        let matched =
          regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
        #expect(admitted || !matched, "\(pattern) on '\(line)'")
        if !admitted { turnedAway += 1 }
      }
    }
    #expect(turnedAway > 20, "the shape turns most lines away")
  }
}
