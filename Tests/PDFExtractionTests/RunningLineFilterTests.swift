import Testing

@testable import PDFExtraction

@Suite struct RunningLineFilterTests {
  private func pages(_ count: Int, header: (Int) -> String, footer: (Int) -> String) -> [String] {
    (1...count).map { page in
      "\(header(page))\nFinding \(page * 3) about the project.\nMore findings here.\n\(footer(page))"
    }
  }

  @Test func repeatedHeaderAndNumberedFooterAreRemoved() {
    let input = pages(
      6, header: { _ in "Evaluatie en aanbevelingen | Gemeente Lindeveen" },
      footer: { "Pagina \($0)/6" })
    let output = RunningLineFilter.filter(pages: input)
    for (index, page) in output.enumerated() {
      #expect(!page.contains("Gemeente Lindeveen"))
      #expect(!page.contains("Pagina"))
      #expect(page.contains("Finding \((index + 1) * 3) about the project."))
    }
  }

  @Test(arguments: [
    "12", "- 12 -", "– 7 –", "Page 3 of 9", "Pagina 3/6", "pagina 3 van 6", "blz. 4", "iv",
    "3 | 12",
  ])
  func pageNumbersAreRecognised(line: String) {
    #expect(RunningLineFilter.isPageNumber(Substring(line)))
  }

  @Test(arguments: [
    "Aanbevelingen", "1. Inleiding", "Page design", "Tabel 3 - Scope", "12 interviews",
  ])
  func ordinaryLinesAreNotPageNumbers(line: String) {
    #expect(!RunningLineFilter.isPageNumber(Substring(line)))
  }

  @Test func numberedHeadingsOnePerPageAreContentNotRunningLines() {
    // Findings 1, 3, 5, 7, 9 on five pages: the number differs per page but not in step
    // with the page, so it is content.
    let input = (0..<5).map { "Bevinding \($0 * 2 + 1)\nDe tekst van de bevinding.\nMeer tekst." }
    let output = RunningLineFilter.filter(pages: input)
    for (index, page) in output.enumerated() {
      #expect(page.hasPrefix("Bevinding \(index * 2 + 1)"))
    }
  }

  @Test func aLineOnOnePageOnlyIsKept() {
    var input = pages(5, header: { _ in "Rapport" }, footer: { "- \($0) -" })
    input[2] = "Samenvatting\n" + input[2]
    let output = RunningLineFilter.filter(pages: input)
    #expect(output[2].hasPrefix("Samenvatting"))
    #expect(output.allSatisfy { !$0.contains("Rapport") && !$0.contains("- ") })
  }

  @Test func bodyTextInTheMiddleOfAPageIsNeverRemoved() {
    // The same sentence in the middle of every page (beyond the edge zones) stays.
    let input = (1...5).map { page in
      (["Kop", "a", "b", "c", "d", "De aanbeveling blijft staan.", "e", "f", "g", "h", "\(page)"])
        .joined(separator: "\n")
    }
    let output = RunningLineFilter.filter(pages: input)
    #expect(output.allSatisfy { $0.contains("De aanbeveling blijft staan.") })
  }

  @Test func singlePageDocumentKeepsEverythingButPageNumbers() {
    let output = RunningLineFilter.filter(pages: ["Memo\nText of the memo.\n1"])
    #expect(output == ["Memo\nText of the memo."])
  }

  @Test func pageNumbersAndTitleInTheMiddleOfTheTextGoWhenTheyMoveWithThePage() {
    // A spread per sheet (printed pages 2i and 2i+1), the running title read mid-page.
    let input = (0..<6).map { sheet in
      let name = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"][sheet]
      let body = (1...6).map { "Sentence \($0) of the body of sheet \(name)." }
      return
        (body + [
          "\(sheet * 2 + 2)", "Best practices for overseeing tech projects", "\(sheet * 2 + 3)",
          "Body text of \(name) continues here.", "A footnote marker", "1",
          "and sheet \(name) goes on.",
        ] + body.map { "More: " + $0 }).joined(separator: "\n")
    }
    let output = RunningLineFilter.filter(pages: input)
    for (sheet, page) in output.enumerated() {
      #expect(!page.contains("Best practices"))
      #expect(!page.contains("\n\(sheet * 2 + 3)\n"))
      #expect(page.hasPrefix("Sentence 1 of the body"))
      #expect(page.contains("continues here."))
      #expect(page.contains("\n1\n"), "a footnote number that does not move with the page stays")
    }
  }

  /// The running title beside the numbers is the same line however its white space is
  /// written: after a no-break space on four of the six sheets, after spaces on the others.
  @Test func aRunningTitleBesideTheNumbersIsFoundWhateverItsWhiteSpace() {
    let input = (0..<6).map { sheet in
      let name = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"][sheet]
      let title =
        sheet < 4
        ? "\u{00A0}Best practices  for overseeing tech projects"
        : "   Best practices for overseeing tech projects"
      let body = (1...6).map { "Sentence \($0) of the body of sheet \(name)." }
      return
        (body + [
          "\(sheet * 2 + 2)", title, "\(sheet * 2 + 3)", "Body text of \(name) continues here.",
          "and sheet \(name) goes on.",
        ] + body.map { "More: " + $0 }).joined(separator: "\n")
    }
    for page in RunningLineFilter.filter(pages: input) {
      #expect(!page.contains("Best practices"), "\(page)")
      #expect(page.contains("continues here."))
    }
  }
}
