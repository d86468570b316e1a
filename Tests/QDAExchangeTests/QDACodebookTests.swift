import Foundation
import MetaEvalCore
import TestSupport
import Testing

@testable import QDAExchange

@Suite struct QDACodebookTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory("qda-codebook")
  }

  static let awkward = #"R&D <review> "quoted" 'single'"#
  static let awkwardChild = #"Tom's "tool" & <co> > ok"#

  /// A codebook whose names and descriptions hold every character XML treats specially.
  static func awkwardCodebook() -> QDACodebook {
    QDACodebook(
      rubricID: "awkward",
      codes: [
        QDACode(
          guid: StableGUID.make("a"), name: awkward,
          description: "a < b && c > d; \"e\" 'f'\r\nnext line",
          color: "#ABCDEF", target: .criterion("a"),
          children: [
            QDACode(
              guid: StableGUID.make("b"), name: awkwardChild, description: "",
              target: .dimension(criterion: "a", dimension: "b")),
            QDACode(
              guid: StableGUID.make("c"), name: "bell\u{7} and form feed\u{C} and tab\tend",
              description: "ok",
              target: .term(criterion: "a", term: "c")),
          ])
      ])
  }

  @Test func namesWithAmpersandsAnglesAndQuotesAreEscaped() throws {
    let xml = Self.awkwardCodebook().codebookXML(origin: "metaeval & <co>")
    #expect(xml.contains(#"name="R&amp;D &lt;review&gt; &quot;quoted&quot; &apos;single&apos;""#))
    #expect(xml.contains(#"name="Tom&apos;s &quot;tool&quot; &amp; &lt;co&gt; &gt; ok""#))
    #expect(xml.contains(#"origin="metaeval &amp; &lt;co&gt;""#))
    #expect(
      xml.contains(
        "<Description>a &lt; b &amp;&amp; c &gt; d; \"e\" 'f'&#13;\nnext line</Description>"))
    // Characters XML 1.0 does not allow become U+FFFD; a tab in an attribute stays a tab.
    #expect(xml.contains("name=\"bell\u{FFFD} and form feed\u{FFFD} and tab&#9;end\""))
  }

  @Test func escapedNamesReadBackAsWritten() throws {
    let path = try directory.write(
      "awkward.qdc", Self.awkwardCodebook().codebookXML(origin: "metaeval"))
    let project = try QDAProjectParser.parse(
      try Data(contentsOf: URL(fileURLWithPath: path)), path: path)
    #expect(
      project.codes.map(\.name) == [
        Self.awkward, Self.awkwardChild, "bell\u{FFFD} and form feed\u{FFFD} and tab\tend",
      ])
    #expect(project.codes.map(\.parent) == [nil, 0, 0])
    #expect(project.codes.map(\.guid) == ["a", "b", "c"].map { StableGUID.make($0) })
  }

  @Test(.enabled(if: XMLLint.isAvailable, XMLLint.missing))
  func anEscapedCodebookIsValid() throws {
    let path = try directory.write(
      "awkward.qdc", Self.awkwardCodebook().codebookXML(origin: "metaeval"))
    let result = try XMLLint.validate(path, against: "Codebook")
    #expect(result.status == 0, "\(result.output)")
  }

  @Test func aRubricGivesACodePerCriterionWithDimensionsAndTechniquesBelow() throws {
    let rubric = try RepositoryRubrics.load("bronsgeest")
    let codebook = QDACodebook(rubric: rubric)
    #expect(codebook.codes.map(\.target) == rubric.criteria.map { .criterion($0.id) })
    #expect(codebook.codes.map(\.name) == rubric.criteria.map(\.spec.title))
    let scope = try #require(codebook.codes.first { $0.target == .criterion("scope") })
    #expect(
      scope.children.map(\.target)
        == ["product", "process", "people"].map { .dimension(criterion: "scope", dimension: $0) })
    #expect(scope.children.map(\.name) == ["Product", "Process", "People"])
    let method = try #require(codebook.codes.first { $0.target == .criterion("method") })
    #expect(method.children.count == 12)
    #expect(
      method.children.contains {
        $0.target == .term(criterion: "method", term: "interviews") && $0.name == "Interviews"
      })
    #expect(
      codebook.codes.first { $0.target == .criterion("commissioner") }?.children.isEmpty == true)
  }

  @Test(
    .enabled(if: XMLLint.isAvailable, XMLLint.missing),
    arguments: ["bronsgeest", "bronsgeest-extended"])
  func everyRubricsCodebookIsValid(_ id: String) throws {
    let codebook = QDACodebook(rubric: try RepositoryRubrics.load(id))
    let path = directory.file("\(id).qdc")
    try codebook.write(to: path, origin: "metaeval test")
    let result = try XMLLint.validate(path, against: "Codebook")
    #expect(result.status == 0, "\(result.output)")
  }

  @Test func theSameRubricGivesTheSameBytes() throws {
    let first = QDACodebook(rubric: try RepositoryRubrics.load("bronsgeest")).codebookXML(
      origin: "metaeval")
    let second = QDACodebook(rubric: try RepositoryRubrics.load("bronsgeest")).codebookXML(
      origin: "metaeval")
    #expect(first == second)
  }

  @Test func writingToAMissingFolderNamesTheFile() throws {
    let path = directory.file("no/such/folder/x.qdc")
    #expect {
      try QDACodebook(rubric: try RepositoryRubrics.load("bronsgeest")).write(
        to: path, origin: "metaeval")
    } throws: { error in
      guard case .cannotWrite(let failed, _) = error as? QDAExchangeError else { return false }
      return failed == path
    }
  }
}
