import Testing

@testable import PDFExtraction

@Suite struct WordBoundariesTests {
  /// Boxes for a string of characters laid out left to right at `x`, 6 points wide each.
  private func boxes(_ text: String, x: Double, y: Double = 100) -> [CharBox] {
    text.unicodeScalars.enumerated().map { offset, _ in
      CharBox(x1: x + Double(offset) * 6, y1: y, x2: x + Double(offset + 1) * 6, y2: y + 10)
    }
  }

  @Test func gluedTableCellsAreSeparated() {
    // "Parameter" in one cell, "Description" in the next, 40 points to the right.
    let layout = boxes("Parameter", x: 50) + boxes("Description", x: 50 + 9 * 6 + 40)
    #expect(
      WordBoundaries.restore(text: "ParameterDescription", boxes: layout) == "Parameter Description"
    )
  }

  @Test func lettersOfOneWordStayTogether() {
    #expect(
      WordBoundaries.restore(text: "Evaluatie", boxes: boxes("Evaluatie", x: 10)) == "Evaluatie")
  }

  @Test func aJumpToAnotherLineSeparates() {
    let layout = boxes("end", x: 300, y: 100) + boxes("start", x: 50, y: 114)
    #expect(WordBoundaries.restore(text: "endstart", boxes: layout) == "end start")
  }

  @Test func rotatedLettersStackedVerticallyStayOneWord() {
    let layout = "Hoger".unicodeScalars.enumerated().map { offset, _ in
      CharBox(x1: 20, y1: 300 - Double(offset + 1) * 6, x2: 30, y2: 300 - Double(offset) * 6)
    }
    #expect(WordBoundaries.restore(text: "Hoger", boxes: layout) == "Hoger")
  }

  @Test func existingSpacesAreNotDoubled() {
    let layout = boxes("a b", x: 10)
    #expect(WordBoundaries.restore(text: "a b", boxes: layout) == "a b")
  }

  @Test func aLayoutThatDoesNotMatchTheTextLeavesItUnchanged() {
    #expect(WordBoundaries.restore(text: "abc", boxes: boxes("ab", x: 0)) == "abc")
  }
}
