import Testing

@testable import PDFExtraction

@Suite struct TesseractTests {
  @Test func tsvBecomesLinesAndAMeanConfidence() {
    let tsv = """
      level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
      1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t
      5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t90\tDe
      5\t1\t1\t1\t1\t2\t0\t0\t10\t10\t80\tcentrale
      5\t1\t1\t1\t2\t1\t0\t0\t10\t10\t70\tvraag.
      5\t1\t2\t1\t1\t1\t0\t0\t10\t10\t60\tBijlage
      5\t1\t2\t1\t1\t2\t0\t0\t10\t10\t-1\t
      """
    let (text, confidence) = TesseractEngine.parseTSV(tsv)
    #expect(text == "De centrale\nvraag.\n\nBijlage")
    #expect(confidence == 75)
  }

  @Test func emptyOutputIsEmptyText() {
    #expect(TesseractEngine.parseTSV("level\tpage_num\n").text == "")
  }
}
