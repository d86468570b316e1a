import Testing

@testable import PDFExtraction

@Suite struct DehyphenatorTests {
  private func join(_ text: String, lexicon: [String] = []) -> String {
    Dehyphenator(lexiconFrom: lexicon + [text]).join(text)
  }

  @Test(arguments: [
    ("de evalua-\ntie is klaar", "de evaluatie\nis klaar"),
    ("the evalua-\ntion team", "the evaluation\nteam"),
    ("informatie-\nbeveili-\nging", "informatiebeveiliging"),
  ])
  func brokenWordsAreRejoined(input: String, expected: String) {
    #expect(join(input) == expected)
  }

  @Test(arguments: [
    ("het ICT-\nproject liep", "het ICT-project\nliep"),
    ("in 2024-\n2025 werd", "in 2024-2025\nwerd"),
    ("de e-\nOverheid", "de e-Overheid"),
    ("end-to-\nend testing", "end-to-end\ntesting"),
    ("een zee-\negel", "een zee-egel"),
    ("co-\noperation", "co-operation"),
  ])
  func compoundsKeepTheirHyphen(input: String, expected: String) {
    #expect(join(input) == expected)
  }

  @Test(arguments: ["het zorg-\nen welzijnsbeleid", "pre-\nand post-test", "hard-\nof software"])
  func ellipticalHyphenBeforeAConjunctionStays(input: String) {
    #expect(join(input) == input)
  }

  /// The words at a break, found from the break outwards, are those that splitting the whole
  /// line on spaces gives: over every line of three pieces, with combining marks after spaces.
  /// On ASCII lines the decision read on bytes is the decision read on characters, for
  /// every kind of break, with and without the document's own spellings.
  @Test func asciiBreaksAreDecidedAsCharactersDecideThem() {
    let ends = [
      "evalua-", "ICT-", "2024-", "e-", "(zie-", "well-", "the well-", "x -", "-", "a-", "pre-",
      "end-to-", "Web-", "\ttab-", "zo\u{0B}o-", "B-", "ee-", "word", "web -",
    ]
    let starts = [
      "tie is", "project", "2025 werd", "Overheid", "en welzijn", "being", "  site.", "\tsite",
      "of", "T/M", "\"quoted\"", "", " ", "-dash", "Ovaal", "end", "mail,", "(site)", "ieder",
    ]
    let lexica: [[String]] = [[], ["a well-being and a website", "e-mail evaluatie well-being"]]
    var decided = 0
    for lexicon in lexica {
      // The breaks themselves on pages of the document, so that their spellings are looked up.
      let breaks = ends.flatMap { end in starts.map { end + "\n" + $0 } }
      let dehyphenator = Dehyphenator(lexiconFrom: lexicon + breaks)
      for end in ends {
        for start in starts {
          let (line, next) = (Substring(end), Substring(start))
          let bytes = dehyphenator.asciiDecide(line: line, next: next)
          #expect(bytes != nil, "\(end) | \(start)")
          #expect(
            bytes == dehyphenator.characterDecide(line: line, next: next), "\(end) | \(start)")
          if bytes != .some(nil) { decided += 1 }
        }
      }
    }
    #expect(decided > 200)
    // The document's own spelling decides on bytes too.
    let plain = Dehyphenator(lexiconFrom: ["well-\nbeing"])
    let spelled = Dehyphenator(lexiconFrom: ["well-\nbeing", "a well-being"])
    #expect(plain.asciiDecide(line: "well-", next: "being") == .some(.dropHyphen))
    #expect(spelled.asciiDecide(line: "well-", next: "being") == .some(.keepHyphen))
    // Lines with more than ASCII are left to the characters.
    let dehyphenator = Dehyphenator(lexiconFrom: [])
    #expect(dehyphenator.asciiDecide(line: "caf\u{E9}-", next: "tje") == nil)
    #expect(dehyphenator.asciiDecide(line: "evalua-", next: "ti\u{EB}") == nil)
  }

  @Test func wordsAtABreakAreThoseOfSplittingTheLine() {
    let pieces = [
      "", " ", "  ", "a", "evalua", "\u{E9}", "e\u{301}", " \u{301}", "ICT", "-", "(zie", "\t",
      "\u{1F44D}\u{1F3FD}",
    ]
    var checked = 0
    for first in pieces {
      for second in pieces {
        for third in pieces {
          let line = Substring(first + second + third)
          let words = line.split(separator: " ")
          #expect(Dehyphenator.lastWord(line) == words.last ?? "", "\(Array(line.unicodeScalars))")
          #expect(
            Dehyphenator.firstWord(line) == words.first ?? "", "\(Array(line.unicodeScalars))")
          checked += 1
        }
      }
    }
    #expect(checked == pieces.count * pieces.count * pieces.count)
  }

  @Test func theDocumentsOwnSpellingWins() {
    // "e-mail" is written with a hyphen elsewhere in the document, so the break keeps it.
    #expect(join("per e-\nmail", lexicon: ["stuur een e-mail"]) == "per e-mail")
    // "website" is written without one elsewhere.
    #expect(join("de web-\nsite", lexicon: ["op de website"]) == "de website")
    // Spelled with capitals and punctuation around it, and among many other words.
    let filler = (0..<500).map { "woord\($0)" }.joined(separator: " ")
    #expect(join("de web-\nsite", lexicon: [filler + " (Website)."]) == "de website")
    #expect(join("the well-\nbeing", lexicon: [filler + " \"Well-Being\""]) == "the well-being")
    #expect(join("the well-\nbeing", lexicon: [filler]) == "the wellbeing")
    // A spelling with a character canonically equal to an ASCII one (U+037E is ";") is the
    // same word as the ASCII spelling.
    #expect(
      join("foo\u{37E}bara-\nan", lexicon: ["foo;baraan x"]) == "foo\u{37E}baraan",
      "the spelling elsewhere drops the hyphen that the vowel pair aa would keep")
    #expect(join("foo\u{37E}bara-\nan") == "foo\u{37E}bara-an")
  }

  @Test func linesThatDoNotEndInABrokenWordAreLeftAlone() {
    let text = "Versie 1.0 -\nDefinitief\n- een opsomming\nkosten: 100 -\n200"
    #expect(join(text) == text)
  }
}
