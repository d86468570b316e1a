import PDFExtraction
import Testing

@testable import MetaEvalCore

@Suite struct DocumentStructureTests {
  func structure(_ text: String) -> DocumentStructure {
    DocumentStructure(pages: [PageText(index: 1, label: "1", text: text)])
  }

  /// Every head joined to every tail, each line answered alike by a reading on bytes and a
  /// reading on characters; how many of them the answer held for.
  func agreeOnEveryMix(
    heads: [String], tails: [String], bytes: (String) -> Bool, characters: (String) -> Bool
  ) -> Int {
    var held = 0
    for head in heads {
      for tail in tails {
        let line = head + tail
        let fast = bytes(line)
        #expect(fast == characters(line), "\(line.debugDescription)")
        if fast { held += 1 }
      }
    }
    return held
  }

  /// Lines of 1 to `longest` pieces, `perLength` of each length, drawn with a linear
  /// congruential generator: the same lines on every run.
  static func lines(of pieces: [String], longest: Int, perLength: Int, seed: UInt64) -> [String] {
    var state = seed
    var lines: [String] = []
    for length in 1...longest {
      for _ in 0..<perLength {
        var line = ""
        for _ in 0..<length {
          state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          line += pieces[Int(state >> 33) % pieces.count]
        }
        lines.append(line)
      }
    }
    return lines
  }

  /// Lines that start with a digit are read on their bytes; the answer is the one the
  /// character reading gives, for every mix of digits, marks and what may follow them.
  @Test func numberedItemsOnBytesAreTheCharacterOnes() {
    let heads = ["1", "12", "123", "7\u{20E3}", "1½", "①", "٣", "0", "99"]
    let tails = [
      ". Item", ") Item", ".", ". ", ".\u{301} x", ". \u{301}x", "x", " . a", ".) a", "", ") ",
      ".\tTab", "2. a", "½. a",
    ]
    let numbered = agreeOnEveryMix(
      heads: heads, tails: tails, bytes: DocumentStructure.startsListItem,
      characters: DocumentStructure.characterStartsListItem)
    #expect(numbered >= 4)
    #expect(UTF8Text.contains("(?<name>x)", "(?<name>"))
    #expect(!UTF8Text.contains("(?<names>x)", "(?<name>"))
    #expect(UTF8Text.contains("é(?<n>", "(?<n>"))
  }

  @Test func wrappedLinesFlowIntoOneSentence() {
    let sentences = structure(
      "The study was commissioned by\nthe Planning service of the council. It ran in May."
    ).sentences
    #expect(
      sentences.map(\.text) == [
        "The study was commissioned by the Planning service of the council.", "It ran in May.",
      ])
  }

  @Test func aHeadingEndsTheSentenceBeforeIt() {
    let sentences = structure(
      "Introduction\nThe review started in 2023\nFindings\nThe system is slow."
    ).sentences
    #expect(sentences.map(\.text).contains("Introduction"))
    #expect(sentences.map(\.text).contains("Findings"))
  }

  @Test func listItemsAreSentencesOfTheirOwn() {
    let sentences = structure("We used:\n• interviews with staff\n• a survey of users").sentences
    #expect(sentences.count == 3)
  }

  @Test func abbreviationsDoNotEndASentence() {
    let sentences = structure("Wij spraken o.a. met de directie. Daarna met het team.").sentences
    #expect(sentences.count == 2)
  }

  @Test func contentsEntriesAreMarkedUntilTheRealHeading() {
    let lines = structure(
      "Inhoudsopgave\n- Inleiding\n- Advies\n\nInleiding\nDit is de inleiding van het advies, met een volledige zin.\nAdvies\nWij adviseren het project voort te zetten."
    ).lines
    #expect(lines[1].isContents && lines[2].isContents)
    #expect(!lines[3].isContents)  // "Inleiding" again: the section itself
    #expect(!lines.last!.isContents)
  }

  @Test func markdownReadsAsPlainText() {
    let lines = structure("## Research **Goals**\nSee [the plan](https://example.org/plan).").lines
    #expect(lines.map(\.text) == ["Research Goals", "See the plan."])
  }

  /// `measure` reads eight bytes at a time: on lines of every length around that step, built
  /// from the bytes it looks for, its answers are those of a plain reading of the characters.
  @Test func measuringEightBytesAtATimeAgreesWithAPlainReading() {
    let pieces = ["a", " ", "\t", ".", "…", "*", "_", "]", "(", "é", "ab", "  ", "..", "1"]
    let lines = Self.lines(of: pieces, longest: 40, perLength: 30, seed: 7)
    var checked = 0
    for line in lines {
      var text = line
      let measured = text.withUTF8 { bytes in
        let range = UTF8Text.trimmed(bytes, 0..<bytes.count)
        return range.isEmpty ? nil : DocumentStructure.measure(bytes, range)
      }
      guard let measured else { continue }
      checked += 1
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).count
      let dots = trimmed.filter { $0 == "." }.count
      let ellipses = trimmed.filter { $0 == "…" }.count
      let leaders = (dots >= 4 || ellipses >= 2) && DocumentStructure.hasDotLeaders(trimmed)
      #expect(measured.words == words, "\(line.debugDescription)")
      #expect(measured.dotLeaders == leaders, "\(line.debugDescription)")
      #expect(
        measured.markdown == DocumentStructure.mayHoldMarkdown(trimmed), "\(line.debugDescription)")
    }
    #expect(checked > 1_000)
  }

  /// A heading is short, starts with a capital or a digit, has no sentence end and does not
  /// end on a word that needs a next one (in either language, in any case).
  @Test func headingShapedLines() {
    let shaped = [
      "Research question", "3 Methode", "Évaluation finale", "Advies aan het BESTUUR",
      "Results bé", "Results ÉÉN", "Onderzoek 2023",
    ]
    let notShaped = [
      "The study was commissioned by", "Advies aan DE", "Results AND", "Plan voor", "Een",
      "élan vital", "Conclusions.", "Costs, benefits,", "lower case start", "",
      "A b c d e f g h i j k l m",
    ]
    for line in shaped { #expect(DocumentStructure.isHeadingShaped(line), "\(line)") }
    for line in notShaped { #expect(!DocumentStructure.isHeadingShaped(line), "\(line)") }
    #expect(!DocumentStructure.isHeadingShaped("Samenvatting", next: "vervolgt hier"))
    #expect(!DocumentStructure.isHeadingShaped("Samenvatting", next: "één regel"))
    #expect(DocumentStructure.isHeadingShaped("Samenvatting", next: "Het project"))
    #expect(
      DocumentStructure.continuationKeys.count == Set(DocumentStructure.continuationWords).count)
    #expect(DocumentStructure.abbreviationKeys.count == DocumentStructure.abbreviations.count)
  }

  /// Numbered headings are read on bytes where they can be; the answer is the one the
  /// character reading gives, for numbers, words and titles in and outside ASCII.
  @Test func numberedHeadingsOnBytesAreTheCharacterOnes() {
    let heads = [
      "1", "1.2", "12.3.4.", "1234567890123", "123456789012", "1a", "10%", "2019", "1\u{20E3}",
      "1é", "A.", "B", "Chapter", "hoofdstuk", "Bijlage", "①", "é.",
    ]
    let tails = [
      " Title", " title", "  Title", "", " ", " Éclat", " \u{301}X", " 1", " A\u{301}b",
      " 3 Extra", " B Bijlage", " IV Resultaten", " 2: Advies", "\tTitle",
    ]
    let numbered = agreeOnEveryMix(
      heads: heads, tails: tails, bytes: ScoringContext.isNumberedHeading,
      characters: ScoringContext.characterNumberedHeading)
    #expect(numbered >= 10)
  }

  /// Contents entries are compared by a key read on bytes when the line is ASCII; it is the
  /// key the character reading gives, and lines outside ASCII are left to that reading.
  @Test func contentsEntryKeysOnBytesAreTheCharacterOnes() {
    let pieces = [
      "1.", "2.3", "Inleiding", "RESULTS", "-", "*", "12", " ", "\t", "  ", "a-b", "3a", "...",
      "Page", "\u{0B}", "x*",
    ]
    let lines = Self.lines(of: pieces, longest: 12, perLength: 40, seed: 11)
    for line in lines {
      let key = UTF8Text.withBytes(line, DocumentStructure.asciiEntryKey)
      #expect(key == DocumentStructure.characterEntryKey(line), "\(line.debugDescription)")
    }
    #expect(lines.count == 480)
    #expect(UTF8Text.withBytes("Één 2.1", DocumentStructure.asciiEntryKey) == nil)
    #expect(DocumentStructure.entryKey("2.1 Één  Vraag 7") == "één vraag")
    #expect(
      DocumentStructure.entryKey("3.2 The Research\tQuestion ..... 12") == "the research question")
  }
}
