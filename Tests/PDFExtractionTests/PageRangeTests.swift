import Testing

@testable import PDFExtraction

@Suite struct PageRangeTests {
  @Test func parsesListsAndOpenRanges() throws {
    let range = try #require(PageRange("1-3,7,10-"))
    #expect(range.pages(in: 12) == [1, 2, 3, 7, 10, 11, 12])
  }

  @Test(arguments: ["", "0", "3-1", "a", "1,,2", "-4", "1-x"])
  func rejectsMalformedRanges(text: String) {
    #expect(PageRange(text) == nil)
  }

  @Test func aPageBeyondTheDocumentIsAnError() throws {
    let range = try #require(PageRange("2-5"))
    #expect(range.pages(in: 4) == nil)
    #expect(range.pages(in: 5) == [2, 3, 4, 5])
  }
}
