import Foundation
import MetaEvalCore
import Testing

@testable import QDAExchange

@Suite struct StableGUIDTests {
  /// 8-4-4-4-12 upper-case hexadecimal digits, version 4, variant 10.
  static func hasShape(_ guid: String) -> Bool {
    let groups = guid.split(separator: "-", omittingEmptySubsequences: false)
    guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
    guard guid.allSatisfy({ $0 == "-" || "0123456789ABCDEF".contains($0) }) else { return false }
    return groups[2].first == "4" && groups[3].first.map { "89AB".contains($0) } == true
  }

  @Test func theSameNameGivesTheSameGUID() {
    #expect(StableGUID.make("source/a.pdf") == StableGUID.make("source/a.pdf"))
    #expect(
      StableGUID.make(["code", "bronsgeest", "method"])
        == StableGUID.make(["code", "bronsgeest", "method"]))
  }

  /// Pinned: a codebook exported by one version must match a project coded with it and read
  /// by the next, so the derivation may never change.
  @Test func theDerivationIsPinned() {
    #expect(StableGUID.make("") == "1BA0EBF7-1119-43CC-A48D-4DFC9052E0DA")
    #expect(
      QDACodebook.guid(rubric: "bronsgeest", .criterion("method"))
        == "80A81591-DB2C-4E3A-95EF-B83D78E3E7FA")
  }

  @Test func guidsHaveTheShapeOfAVersion4GUID() {
    for name in ["", "a", "source/nl-01.pdf", "één/ß/📄", String(repeating: "x", count: 10_000)] {
      let guid = StableGUID.make(name)
      #expect(Self.hasShape(guid), "\(guid)")
    }
  }

  @Test func tenThousandNamesGiveTenThousandGUIDs() {
    var seen = Set<String>()
    for index in 0..<10_000 {
      seen.insert(
        StableGUID.make([
          "selection", "report-\(index % 100).pdf", String(index), String(index + 7),
        ]))
    }
    #expect(seen.count == 10_000)
  }

  @Test func namesThatDifferInOneCharacterDifferEverywhere() {
    let first = Array(StableGUID.make("source/report-1.pdf"))
    let second = Array(StableGUID.make("source/report-2.pdf"))
    let same = zip(first, second).filter { $0 == $1 }.count
    #expect(same < 16, "\(String(first)) vs \(String(second))")
  }

  @Test func partsAreJoinedUnambiguously() {
    #expect(StableGUID.make(["a/b", "c"]) != StableGUID.make(["a", "b/c"]))
    #expect(StableGUID.make(["a\\", "b"]) != StableGUID.make(["a", "\\b"]))
  }

  @Test func everyCodeOfEveryRubricHasItsOwnGUID() throws {
    var all: [String] = []
    for id in ["bronsgeest", "bronsgeest-extended"] {
      let codebook = QDACodebook(rubric: try RepositoryRubrics.load(id))
      let guids = codebook.allCodes.map(\.guid)
      #expect(Set(guids).count == guids.count, "\(id)")
      #expect(guids.allSatisfy(Self.hasShape))
      #expect(
        codebook.allCodes.allSatisfy {
          QDACodebook.guid(rubric: codebook.rubricID, $0.target) == $0.guid
        })
      all += guids
    }
    // The same criterion in two rubrics is two codes.
    #expect(Set(all).count == all.count)
  }

  @Test func normalisingIgnoresCaseAndBraces() {
    let guid = StableGUID.make("x")
    #expect(StableGUID.normalized("{\(guid.lowercased())}") == guid)
    #expect(StableGUID.normalized(" \(guid)\n") == guid)
  }
}
