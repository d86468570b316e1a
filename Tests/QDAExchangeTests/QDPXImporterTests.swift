import Foundation
import MetaEvalCore
import TestSupport
import Testing

@testable import QDAExchange

@Suite struct QDPXImporterTests {
  let directory: TemporaryDirectory
  let rubric: Rubric

  init() throws {
    directory = try TemporaryDirectory("qda-import")
    rubric = try RepositoryRubrics.load("bronsgeest")
  }

  static let alice = StableGUID.make("test/alice")
  static let bob = StableGUID.make("test/bob")

  /// A project as another tool writes it: its own GUIDs and names for the codes (one
  /// nested in a folder code, one by its id, children by their titles), users on the codings
  /// or only on the selections, a PDF source with a text representation, and a code from
  /// outside the rubric.
  static func toolProject() -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <Project xmlns="urn:QDA-XML:project:1.0" name="tool" creatingUserGUID="\(alice)">
      <Users>
        <User guid="\(alice)" name="Alice"/>
        <User guid="{\(bob.lowercased())}" name="Bob"/>
      </Users>
      <CodeBook>
        <Codes>
          <Code guid="11111111-1111-4111-8111-111111111111" name="Folder" isCodable="false">
            <Code guid="22222222-2222-4222-8222-222222222222" name="RESEARCH  question" isCodable="true"/>
          </Code>
          <Code guid="33333333-3333-4333-8333-333333333333" name="Scope (product, process, people)" isCodable="true">
            <Code guid="44444444-4444-4444-8444-444444444444" name="product" isCodable="true"/>
            <Code guid="55555555-5555-4555-8555-555555555555" name="Process" isCodable="true"/>
          </Code>
          <Code guid="66666666-6666-4666-8666-666666666666" name="Product" isCodable="true"/>
          <Code guid="77777777-7777-4777-8777-777777777777" name="scope_people" isCodable="true"/>
          <Code guid="88888888-8888-4888-8888-888888888888" name="method" isCodable="true">
            <Code guid="99999999-9999-4999-8999-999999999999" name="Interviews" isCodable="true"/>
            <Code guid="AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA" name="document_study" isCodable="true"/>
          </Code>
          <Code guid="BBBBBBBB-BBBB-4BBB-8BBB-BBBBBBBBBBBB" name="Misc" isCodable="true"/>
        </Codes>
      </CodeBook>
      <Sources>
        <TextSource guid="C0000000-0000-4000-8000-000000000001" name="b.txt" plainTextPath="internal://b.txt">
          <PlainTextSelection guid="C0000000-0000-4000-8000-000000000011" startPosition="0" endPosition="5" creatingUser="\(bob)">
            <Coding guid="C0000000-0000-4000-8000-000000000021">
              <CodeRef targetGUID="22222222-2222-4222-8222-222222222222"/>
            </Coding>
          </PlainTextSelection>
          <PlainTextSelection guid="C0000000-0000-4000-8000-000000000012" startPosition="6" endPosition="9">
            <Coding guid="C0000000-0000-4000-8000-000000000022" creatingUser="\(alice)">
              <CodeRef targetGUID="44444444-4444-4444-8444-444444444444"/>
            </Coding>
            <Coding guid="C0000000-0000-4000-8000-000000000023" creatingUser="\(alice)">
              <CodeRef targetGUID="66666666-6666-4666-8666-666666666666"/>
            </Coding>
            <Coding guid="C0000000-0000-4000-8000-000000000024" creatingUser="\(alice)">
              <CodeRef targetGUID="BBBBBBBB-BBBB-4BBB-8BBB-BBBBBBBBBBBB"/>
            </Coding>
          </PlainTextSelection>
        </TextSource>
        <PDFSource guid="C0000000-0000-4000-8000-000000000002" name="a.pdf" path="internal://a.pdf">
          <Representation guid="C0000000-0000-4000-8000-000000000003" plainTextPath="internal://a.txt">
            <PlainTextSelection guid="C0000000-0000-4000-8000-000000000013" startPosition="0" endPosition="4">
              <Coding guid="C0000000-0000-4000-8000-000000000025" creatingUser="\(alice)">
                <CodeRef targetGUID="99999999-9999-4999-8999-999999999999"/>
              </Coding>
              <Coding guid="C0000000-0000-4000-8000-000000000026" creatingUser="\(alice)">
                <CodeRef targetGUID="AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA"/>
              </Coding>
            </PlainTextSelection>
          </Representation>
          <Coding guid="C0000000-0000-4000-8000-000000000027" creatingUser="\(alice.lowercased())">
            <CodeRef targetGUID="55555555-5555-4555-8555-555555555555"/>
          </Coding>
          <Coding guid="C0000000-0000-4000-8000-000000000028" creatingUser="\(alice)">
            <CodeRef targetGUID="77777777-7777-4777-8777-777777777777"/>
          </Coding>
          <Coding guid="C0000000-0000-4000-8000-000000000029" creatingUser="\(bob)">
            <CodeRef targetGUID="\(QDACodebook.guid(rubric: "bronsgeest", .criterion("is_evaluation")))"/>
          </Coding>
        </PDFSource>
        <TextSource guid="C0000000-0000-4000-8000-000000000004" name="c.txt" plainTextPath="internal://c.txt"/>
      </Sources>
      <Notes>
        <Note guid="C0000000-0000-4000-8000-000000000005" name="a note">
          <PlainTextContent>not a source</PlainTextContent>
          <PlainTextSelection guid="C0000000-0000-4000-8000-000000000014" startPosition="0" endPosition="3">
            <Coding guid="C0000000-0000-4000-8000-000000000030" creatingUser="\(alice)">
              <CodeRef targetGUID="88888888-8888-4888-8888-888888888888"/>
            </Coding>
          </PlainTextSelection>
        </Note>
      </Notes>
    </Project>
    """
  }

  func archive(_ name: String, _ entries: [(String, String)]) throws -> String {
    let path = directory.file(name)
    try QDPXArchive.write(entries.map { ($0.0, Data($0.1.utf8)) }, to: path)
    return path
  }

  func rows(_ table: CodingTable) -> [String: [String: String]] {
    var rows: [String: [String: String]] = [:]
    for row in table.rows {
      rows[row[0]] = Dictionary(uniqueKeysWithValues: zip(table.header, row).map { ($0, $1) })
    }
    return rows
  }

  @Test func codesAreMatchedByNameWhenTheirGUIDsAreTheToolsOwn() throws {
    let path = try archive(
      "tool.qdpx", [("project.qde", Self.toolProject()), ("sources/b.txt", "aaaaa bbb")])
    let importer = try QDPXImporter(path: path, rubric: rubric)
    #expect(
      importer.mapping["22222222-2222-4222-8222-222222222222"] == .criterion("research_question"))
    #expect(
      importer.mapping["44444444-4444-4444-8444-444444444444"]
        == .dimension(criterion: "scope", dimension: "product"))
    // "Product" outside the scope code is not the dimension; "scope_people" names it anywhere.
    #expect(importer.mapping["66666666-6666-4666-8666-666666666666"] == nil)
    #expect(
      importer.mapping["77777777-7777-4777-8777-777777777777"]
        == .dimension(criterion: "scope", dimension: "people"))
    #expect(
      importer.mapping["99999999-9999-4999-8999-999999999999"]
        == .term(criterion: "method", term: "interviews"))
    #expect(
      importer.mapping["AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA"]
        == .term(criterion: "method", term: "document_study"))
    #expect(importer.mapping["11111111-1111-4111-8111-111111111111"] == nil)
    #expect(importer.unmatchedCodes == ["Misc", "Product"])
    #expect(importer.knownUsers == ["Alice", "Bob"])
    #expect(importer.coders == ["Alice", "Bob"])
  }

  @Test func eachUsersTableHoldsOnlyTheirCodings() throws {
    let path = try archive("tool.qdpx", [("project.qde", Self.toolProject())])
    let importer = try QDPXImporter(path: path, rubric: rubric)
    let alice = try importer.table(forUser: "Alice")
    #expect(
      alice.header == [
        "file", "research_question", "commissioner", "recommendations", "method",
        "method_techniques", "scope",
        "scope_product", "scope_process", "scope_people", "is_evaluation",
      ])
    #expect(alice.rows.map { $0[0] } == ["a.pdf", "b.txt", "c.txt"])
    let a = rows(alice)
    #expect(a["a.pdf"]?["method_techniques"] == "document_study;interviews")
    #expect(a["a.pdf"]?["method"] == "no", "a technique is not the method")
    #expect(a["a.pdf"]?["scope_process"] == "yes", "a coding of the whole source counts")
    #expect(a["a.pdf"]?["scope_people"] == "yes")
    #expect(a["a.pdf"]?["scope"] == "no", "product is not coded in a.pdf")
    #expect(a["b.txt"]?["scope_product"] == "yes")
    #expect(a["b.txt"]?["research_question"] == "no")
    #expect(a["c.txt"]?.values.filter { $0 == "yes" }.isEmpty == true)
    // The codings in a note code no source.
    #expect(a.values.allSatisfy { $0["method"] == "no" })

    let b = rows(try importer.table(forUser: "bob"))
    #expect(
      b["b.txt"]?["research_question"] == "yes", "the selection's user, when the coding has none")
    #expect(b["a.pdf"]?["is_evaluation"] == "yes")
    #expect(b["a.pdf"]?["scope_process"] == "no")
  }

  @Test func everybodysCodingsTogetherAndAsCSV() throws {
    let importer = QDPXImporter(
      path: "x.qdpx", project: try QDAProjectParser.parse(Data(Self.toolProject().utf8), path: "x"),
      rubric: rubric)
    let all = rows(importer.table())
    #expect(all["a.pdf"]?["scope"] == "no")
    #expect(all["b.txt"]?["research_question"] == "yes")
    #expect(all["b.txt"]?["scope_product"] == "yes")
    let csv = importer.table().csv
    #expect(
      csv.hasPrefix(
        "file,research_question,commissioner,recommendations,method,method_techniques,scope,"))
    #expect(csv.contains("\r\na.pdf,no,no,no,no,document_study;interviews,no,no,yes,yes,yes\r\n"))
  }

  @Test func anUnknownUserListsTheKnownOnes() throws {
    let path = try archive("tool.qdpx", [("project.qde", Self.toolProject())])
    let importer = try QDPXImporter(path: path, rubric: rubric)
    #expect(
      throws: QDAExchangeError.unknownUser(path: path, user: "Carol", known: ["Alice", "Bob"])
    ) {
      try importer.table(forUser: "Carol")
    }
    #expect(
      QDAExchangeError.unknownUser(path: "x.qdpx", user: "Carol", known: ["Alice", "Bob"])
        .description
        == "x.qdpx: no user named 'Carol' (users: Alice, Bob)")
  }

  @Test func aFileThatIsNotAZipIsNotAProject() throws {
    let path = try directory.write("text.qdpx", "just text, not a zip")
    #expect(throws: QDAExchangeError.notAProject(path: path, reason: "not a zip archive")) {
      try QDPXImporter(path: path, rubric: rubric)
    }
  }

  @Test func aZipWithoutProjectQdeIsNotAProject() throws {
    let path = try archive("empty.qdpx", [("sources/a.txt", "text")])
    #expect(
      throws: QDAExchangeError.notAProject(path: path, reason: "no project.qde in the archive")
    ) {
      try QDPXImporter(path: path, rubric: rubric)
    }
  }

  /// The line where the parser gave up, when it is certain (where an unclosed document ends
  /// depends on the libxml2 version).
  @Test(
    arguments: [
      ("<?xml version=\"1.0\"?>\n<Project name=\"x\">\n<Users>\n</Project>\n", 4),
      ("<Project name=\"x\">\n<Users>\n", nil),
      ("<Project name=\"&nbsp;\"/>", 1),
      ("", 1),
    ] as [(String, Int?)])
  func xmlThatDoesNotParseSaysWhere(_ xml: String, _ line: Int?) throws {
    let path = try archive("broken.qdpx", [("project.qde", xml)])
    do {
      _ = try QDPXImporter(path: path, rubric: rubric)
      Issue.record("no error for \(xml)")
    } catch {
      guard case .invalidXML(let file, let at, let reason) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(file == "\(path)/project.qde")
      #expect(at == line ?? at)
      #expect(at >= 1)
      #expect(!reason.isEmpty)
      #expect(!error.description.contains("\n"))
    }
  }

  @Test func anotherRootElementIsNotAProject() throws {
    let path = try archive("other.qdpx", [("project.qde", "<Other/>")])
    #expect(
      throws: QDAExchangeError.notAProject(
        path: "\(path)/project.qde", reason: "the root element is <Other>, not <Project>")
    ) {
      try QDPXImporter(path: path, rubric: rubric)
    }
  }

  @Test func aMissingFileCannotBeRead() {
    let path = directory.file("nothing.qdpx")
    #expect(throws: QDAExchangeError.cannotRead(path: path, reason: "no such file")) {
      try QDPXImporter(path: path, rubric: rubric)
    }
  }

  @Test func perUserFilesAreNamedAfterTheOutput() {
    let paths = QDPXImporter.paths(
      for: ["coder-a", "Coder/B", "coder-A", "", "Jöran"], beside: "out/coding.csv")
    #expect(
      paths.map(\.path) == [
        "out/coding-coder-a.csv", "out/coding-Coder-B.csv", "out/coding-coder-A-2.csv",
        "out/coding-user.csv",
        "out/coding-J-ran.csv",
      ])
    #expect(QDPXImporter.paths(for: ["x"], beside: "coding").map(\.path) == ["coding-x.csv"])
  }
}
