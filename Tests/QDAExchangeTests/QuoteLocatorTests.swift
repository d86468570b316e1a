import Testing

@testable import QDAExchange

@Suite struct QuoteLocatorTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var label: String
    var text: String
    var quote: String
    /// The expected range in Unicode scalars, or nil when the quote must not be found.
    var range: Range<Int>?
    var testDescription: String { label }
  }

  static let cases: [Case] = [
    Case(
      label: "a line break and a run of spaces in the text match the quote's spaces",
      text: "Inleiding\nDe centrale vraag\nvan dit   onderzoek is helder.\n",
      quote: "De centrale vraag van dit onderzoek is helder.", range: 10..<58),
    Case(
      label: "a blank line between pages matches one space",
      text: "Wij deden documentstudie en\n\ninterviews.", quote: "documentstudie en interviews.",
      range: 10..<40),
    Case(
      label: "runs of white space in the quote match one space in the text",
      text: "Wij deden documentstudie en interviews.",
      quote: "  documentstudie \t en\ninterviews. ",
      range: 10..<39),
    Case(
      label: "a leading and a trailing ellipsis are left out",
      text:
        "Het college heeft de rekenkamer gevraagd het project te onderzoeken, want het liep uit.",
      quote: "…de rekenkamer gevraagd het project te onderzoeken…", range: 18..<67),
    Case(
      label: "an ellipsis with a space after it",
      text: "Het college heeft de rekenkamer gevraagd.", quote: "… de rekenkamer gevraagd.",
      range: 18..<41),
    Case(
      label: "Dutch diacritics are one scalar each",
      text: "Eén reden: de geïnterviewde ambtenaren waren tevreden over de coördinatie.",
      quote: "geïnterviewde ambtenaren", range: 14..<38),
    Case(
      label: "positions count scalars: a flag is two, an emoji one",
      text: "🇳🇱 📄 Het rapport noemt de opdrachtgever.", quote: "Het rapport", range: 5..<16),
    Case(
      label: "a quote may start or end inside a word when clipped",
      text: "De financiële verantwoording ontbrak.", quote: "…nanciële verantwoor…", range: 5..<24),
    Case(
      label: "a heading quote spans the heading and the first sentence of its section",
      text: "Inhoud\n1.2 Doel en vraagstelling\nDe centrale vraag is of het werkt.\nMeer tekst.",
      quote: "1.2 Doel en vraagstelling — De centrale vraag is of het werkt.", range: 7..<67),
    Case(
      label: "a heading whose sentence is far away is selected alone",
      text: "4.2 Aanbevelingen\n" + String(repeating: "x ", count: 1_500) + "Aan het college:",
      quote: "4.2 Aanbevelingen — Aan het college:", range: 0..<17),
    Case(
      label: "a quote that is not in the text", text: "Er zijn geen aanbevelingen gedaan.",
      quote: "Deze zin staat er niet in.", range: nil),
    Case(
      label: "words that touch in the text do not match words apart in the quote",
      text: "Het ICT-project liep uit.", quote: "ICT- project", range: nil),
    Case(
      label: "words apart in the text do not match words that touch in the quote",
      text: "Het ICT project liep uit.", quote: "ICTproject", range: nil),
    Case(label: "a quote of only an ellipsis", text: "Iets … anders.", quote: " … ", range: nil),
    Case(label: "an empty text", text: "", quote: "iets", range: nil),
    Case(
      label: "a decomposed diacritic is not the composed one",
      text: "de coördinatie", quote: "coo\u{308}rdinatie", range: nil),
  ]

  @Test(arguments: cases) func locatesQuotes(_ example: Case) {
    let locator = QuoteLocator(text: example.text)
    let range = locator.locate(example.quote)
    #expect(range == example.range)
    if let range, !example.quote.contains(" — ") {
      #expect(
        QuoteLocator.normalized(locator.text(in: range)) == QuoteLocator.normalized(example.quote))
    }
  }

  @Test func theOccurrenceOnTheEvidencePageComesFirst() {
    let page = "De planning liep uit.\n"
    let locator = QuoteLocator(text: page + "\n\n" + page)
    let second = page.unicodeScalars.count + 2
    #expect(locator.locate("De planning liep uit.", near: 0) == 0..<21)
    #expect(locator.locate("De planning liep uit.", near: second) == second..<second + 21)
    // Past the last occurrence, the search goes round to the start.
    #expect(locator.locate("De planning liep uit.", near: second + 5) == 0..<21)
  }

  @Test func normalisingJoinsWhiteSpaceAndDropsEllipses() {
    #expect(QuoteLocator.normalized("…  a\n\nb\tc …") == "a b c")
    #expect(QuoteLocator.normalized("a … b") == "a … b")
  }
}
