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

  /// The reading on bytes puts the spaces where a reading scalar by scalar puts them, on text
  /// with characters of every UTF-8 length and non-ASCII white space, with boxes that jump.
  @Test func spacesGoWhereAScalarReadingPutsThem() {
    let pieces = ["a", "B", "é", "€", "𝔸", " ", "\u{A0}", "\n", "-", "\u{301}", "ij", "\u{2003}"]
    var state: UInt64 = 7
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33) % bound
    }
    var spaced = 0
    for _ in 0..<400 {
      let text = (0..<(1 + next(30))).map { _ in pieces[next(pieces.count)] }.joined()
      var x = 0.0
      let layout = text.unicodeScalars.map { _ -> CharBox in
        x += [6.0, 6.0, 6.0, 9.0, -40.0][next(5)]
        let y = next(8) == 0 ? 140.0 : 100.0
        return CharBox(x1: x, y1: y, x2: x + 6, y2: y + 10)
      }
      let expected = Self.scalarReading(text, layout)
      #expect(
        WordBoundaries.restore(text: text, boxes: layout) == expected, "\(text.debugDescription)")
      if expected != text { spaced += 1 }
      #expect(WordBoundaries.restore(text: text, boxes: layout.dropLast()) == text)
      #expect(WordBoundaries.restore(text: text, boxes: layout + layout.prefix(1)) == text)
    }
    #expect(spaced > 100)
  }

  /// Where a space goes, scalar by scalar: the reading `restore` had before it read bytes.
  static func scalarReading(_ text: String, _ boxes: [CharBox]) -> String {
    let scalars = Array(text.unicodeScalars)
    guard scalars.count == boxes.count else { return text }
    var output = String.UnicodeScalarView()
    for (index, scalar) in scalars.enumerated() {
      if index > 0, !scalars[index - 1].properties.isWhitespace, !scalar.properties.isWhitespace,
        WordBoundaries.startsNewWord(after: boxes[index - 1], at: boxes[index])
      {
        output.append(" ")
      }
      output.append(scalar)
    }
    return String(output)
  }
}
