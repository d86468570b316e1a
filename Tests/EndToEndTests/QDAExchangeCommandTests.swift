import Foundation
import PDFWriter
import TestSupport
import Testing

/// `metaeval export qdpx|qdc` and `metaeval import qdpx` on real files: a corpus run of
/// PDFs out to a REFI-QDA project checked against the schema and against the evidence, and a
/// project coded by two people in a QDA tool back to coding CSVs and `metaeval agree`.
@Suite(.serialized) struct QDAExchangeCommandTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory("qda-e2e")
  }

  /// The REFI-QDA schemas beside the QDAExchange unit tests.
  static func schema(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("QDAExchangeTests/Fixtures/\(name).xsd").path
  }

  static let xmllint = XMLLint.path

  static let noXmllint: Comment =
    "xmllint is not installed (apt-get install libxml2-utils): schema validation skipped"

  func validate(_ file: String, against schema: String) throws -> (status: Int32, output: String) {
    try XMLLint.validate(file, schemaPath: Self.schema(schema))
  }

  /// Every file entry of a zip archive.
  func unzip(_ path: String) throws -> [String: Data] {
    try TestZip.read(path)
  }

  /// Three PDF reports and a text report with diacritics and an emoji, scored by `metaeval corpus`.
  func corpusRun() throws -> String {
    _ = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(method: true), named: "corpus/aanpak.pdf", in: directory)
    _ = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(columns: 2, recommendations: false),
      named: "corpus/twee kolommen.pdf",
      in: directory)
    _ = try FixtureReports.writePDF(
      FixtureReports.dutchEvaluation(
        paragraphs: 6,
        extra:
          "Wij hebben een enquête gehouden onder 40 medewerkers; de coördinatie werd als zwak beoordeeld."
      ),
      named: "corpus/sub/kort.pdf", in: directory)
    try directory.write(
      "corpus/memo.txt",
      "Terugblik 🇳🇱 op het project\n\nDe centrale vraag van deze terugblik is wat er goed ging.\nWe hebben "
        + "twaalf medewerkers geïnterviewd.\n\nAanbevelingen\n1. Plan de migratie eerder.\n2. Betrek de gebruikers.\n"
    )
    let run = directory.file("run")
    let result = try CommandRunner.run([
      "corpus", directory.file("corpus"), "--out", run, "--no-cache", "--jobs", "2",
    ])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    return run
  }

  // MARK: export qdpx

  @Test(.enabled(if: xmllint != nil, noXmllint))
  func aCorpusRunExportsAsAProjectValidAgainstTheSchema() throws {
    let run = try corpusRun()
    let output = directory.file("x.qdpx")
    let export = try CommandRunner.run(["export", "qdpx", run, "-o", output])
    #expect(export.status == 0, "\(export.stderr)")
    let projectPath = try directory.write(
      "unzipped/project.qde", try #require(try unzip(output)["project.qde"]))
    let validation = try validate(projectPath, against: "Project")
    #expect(validation.status == 0, "\(validation.output)")
  }

  @Test func aCorpusRunExportsAsAProjectWhoseSelectionsAreTheQuotes() throws {
    let run = try corpusRun()
    let output = directory.file("x.qdpx")
    let export = try CommandRunner.run(["export", "qdpx", run, "-o", output])
    #expect(export.status == 0, "\(export.stderr)")
    #expect(export.stdout.contains("4 documents"))
    #expect(!export.stderr.contains("not found"), "\(export.stderr)")

    let entries = try unzip(output)
    let project = try #require(entries["project.qde"])
    let read = QDEReader.read(project)
    #expect(
      read.sources.map(\.name) == ["aanpak.pdf", "memo.txt", "sub/kort.pdf", "twee kolommen.pdf"])
    #expect(
      Set(entries.keys) == Set(["project.qde"] + read.sources.map { "sources/\($0.guid).txt" }))
    let evidence = try QDACSV.records(directory.file("run/evidence.csv"))
    var checked = 0
    for source in read.sources {
      let text = String(
        decoding: try #require(entries["sources/\(source.guid).txt"]), as: UTF8.self)
      let scalars = Array(text.unicodeScalars)
      let quotes = evidence.filter { $0["file"] == source.name }
      #expect(!source.selections.isEmpty, "\(source.name)")
      for selection in source.selections {
        try #require(
          selection.start >= 0 && selection.start < selection.end && selection.end <= scalars.count)
        var selected = ""
        selected.unicodeScalars.append(contentsOf: scalars[selection.start..<selection.end])
        let found = quotes.contains { row in
          var quote = row["quote"] ?? ""
          // The CSV defuses a cell that would start a formula with a leading quote.
          if quote.hasPrefix("'"), let next = quote.dropFirst().first, "=+-@\t\r".contains(next) {
            quote.removeFirst()
          }
          if Self.normalized(selected) == Self.normalized(quote) { return true }
          // A heading's evidence is "Heading — first sentence of its section": the selection
          // runs from the heading to the end of that sentence.
          guard row["kind"] == "heading", let separator = quote.range(of: " — ") else {
            return false
          }
          return Self.normalized(selected).hasPrefix(
            Self.normalized(String(quote[..<separator.lowerBound])))
            && Self.normalized(selected).hasSuffix(
              Self.normalized(String(quote[separator.upperBound...])))
        }
        #expect(
          found,
          "\(source.name) [\(selection.start), \(selection.end)): '\(selected)' is no evidence quote"
        )
        checked += 1
      }
    }
    // Every evidence row is a selection, but the same quote for the same code only once.
    #expect(checked > 0 && checked <= evidence.count)
    #expect(export.stdout.contains("\(checked) coded selections"))

    // One case per document, each referring to its source.
    #expect(read.cases.map(\.name) == read.sources.map(\.name))
    #expect(read.cases.map(\.sources) == read.sources.map { [$0.guid] })
    let documents = try QDACSV.records(directory.file("run/documents.csv"))
    for (index, row) in documents.enumerated() {
      #expect(
        read.cases[index].values["recommendations"]
          == (row["recommendations"] == "yes" ? "true" : "false"))
      #expect(
        read.cases[index].values["scope_process"]
          == (row["scope_process"] == "yes" ? "true" : "false"))
    }

    // The same run gives the same bytes, and the codebook's GUIDs are those of export qdc.
    let again = try CommandRunner.run(["export", "qdpx", run, "-o", directory.file("y.qdpx")])
    #expect(again.status == 0)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: output))
        == Data(contentsOf: URL(fileURLWithPath: directory.file("y.qdpx"))))
    let codebook = try CommandRunner.run(["export", "qdc", "-o", directory.file("x.qdc")])
    #expect(codebook.status == 0)
    let qdcCodes = QDEReader.read(
      try Data(contentsOf: URL(fileURLWithPath: directory.file("x.qdc")))
    ).codes
    #expect(!qdcCodes.isEmpty)
    #expect(read.codes == qdcCodes)
  }

  /// White space runs as one space; a leading and a trailing "…" left out.
  static func normalized(_ text: String) -> String {
    var words = text.split(whereSeparator: {
      $0.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }).map(String.init)
    if words.first == "…" {
      words.removeFirst()
    } else if let first = words.first, first.hasPrefix("…") {
      words[0] = String(first.dropFirst())
    }
    if words.last == "…" {
      words.removeLast()
    } else if let last = words.last, last.hasSuffix("…") {
      words[words.count - 1] = String(last.dropLast())
    }
    return words.joined(separator: " ")
  }

  @Test func aRunMovedElsewhereExportsWithCorpus() throws {
    let run = try corpusRun()
    try FileManager.default.moveItem(
      atPath: directory.file("corpus"), toPath: directory.file("moved"))
    let missing = try CommandRunner.run(["export", "qdpx", run, "-o", directory.file("x.qdpx")])
    #expect(missing.status == 2)
    #expect(
      missing.stderrLines == [
        "metaeval: \(run): nothing to export (no document could be read again from \(directory.file("corpus")))"
      ])
    let moved = try CommandRunner.run([
      "export", "qdpx", run, "-o", directory.file("x.qdpx"), "--corpus", directory.file("moved"),
    ])
    #expect(moved.status == 0, "\(moved.stderr)")
    #expect(moved.stdout.contains("4 documents"))
  }

  @Test func exportErrorsAreOneLineAndExitTwo() throws {
    let notARun = try CommandRunner.run([
      "export", "qdpx", directory.path, "-o", directory.file("x.qdpx"),
    ])
    #expect(notARun.status == 2)
    #expect(
      notARun.stderrLines == [
        "metaeval: \(directory.path)/run.json: not a usable corpus run (no such file; give the corpus folder with --corpus)"
      ])
    let badRubric = try CommandRunner.run([
      "export", "qdc", "--rubric", "no-such-rubric", "-o", directory.file("x.qdc"),
    ])
    #expect(badRubric.status == 2)
    #expect(badRubric.stderrLines.count == 1)
    let unwritable = try CommandRunner.run([
      "export", "qdc", "-o", directory.file("no/folder/x.qdc"),
    ])
    #expect(unwritable.status == 2)
    #expect(unwritable.stderrLines.count == 1)
    #expect(unwritable.stderr.contains("no/folder/x.qdc: cannot write"))
  }

  @Test func everyCommandHasHelp() throws {
    for command in [
      ["export"], ["export", "qdpx"], ["export", "qdc"], ["import"], ["import", "qdpx"],
    ] {
      let result = try CommandRunner.run(command + ["--help"])
      #expect(result.status == 0, "\(command)")
      #expect(result.stdout.contains("USAGE"), "\(command)")
    }
  }

  // MARK: export qdc

  @Test(.enabled(if: xmllint != nil, noXmllint), arguments: ["bronsgeest", "bronsgeest-extended"])
  func aRubricExportsAsAValidCodebook(_ rubric: String) throws {
    let output = directory.file("\(rubric).qdc")
    let result = try CommandRunner.run(["export", "qdc", "--rubric", rubric, "-o", output])
    #expect(result.status == 0, "\(result.stderr)")
    let validation = try validate(output, against: "Codebook")
    #expect(validation.status == 0, "\(validation.output)")
  }

  // MARK: import qdpx

  /// Two coders, coder-a and coder-b, coded four small reports in a QDA tool. The pattern,
  /// per column (report 1 to 4, a then b), and the kappa it gives:
  ///
  ///     research_question  a yyNN  b yyNN  kappa  1
  ///     commissioner       a yyyN  b yNyN  kappa  0.5
  ///     recommendations    a yNyN  b NyNy  kappa -1
  ///     method             a yyyy  b yyyN  kappa  0
  ///     scope              a NNNy  b NNNN  kappa  0
  ///     scope_product      a yNNN  b yNNN  kappa  1
  ///     scope_process      a yyNN  b yNNN  kappa  0.5
  ///     scope_people       a NNNN  b NNNN  kappa undefined (one category)
  ///     is_evaluation      a yyyy  b yyyy  kappa undefined (one category)
  ///
  /// coder-a puts the user on each coding, coder-b only on the selection; coder-b's process
  /// code is one of their own, named "Process" under the scope code; "admin" coded nothing.
  static let expectedA = """
    file,research_question,commissioner,recommendations,method,method_techniques,scope,scope_product,scope_process,scope_people,is_evaluation
    report-1.txt,yes,yes,yes,yes,interviews,no,yes,yes,no,yes
    report-2.txt,yes,yes,no,yes,survey,no,no,yes,no,yes
    report-3.txt,no,yes,yes,yes,,no,no,no,no,yes
    report-4.txt,no,no,no,yes,,yes,no,no,no,yes
    """
  static let expectedB = """
    file,research_question,commissioner,recommendations,method,method_techniques,scope,scope_product,scope_process,scope_people,is_evaluation
    report-1.txt,yes,yes,no,yes,document_study;interviews,no,yes,yes,no,yes
    report-2.txt,yes,no,yes,yes,,no,no,no,no,yes
    report-3.txt,no,yes,no,yes,,no,no,no,no,yes
    report-4.txt,no,no,yes,no,,no,no,no,no,yes
    """

  /// The project.qde a QDA tool would write after two people coded with the codebook.
  fileprivate static func codedProject(
    codes: [QDEReader.Code], sources: [(guid: String, name: String, text: String)]
  )
    -> String
  {
    let users = [
      "admin": "A0000000-0000-4000-8000-000000000001",
      "coder-a": "A0000000-0000-4000-8000-00000000000A",
      "coder-b": "A0000000-0000-4000-8000-00000000000B",
    ]
    let ownProcess = "B0000000-0000-4000-8000-000000000001"
    // Per source, per coder: the codes applied (names of the codebook's codes, or "own process").
    let a: [[String]] = [
      [
        "Research question", "Commissioner", "Recommendations", "Method", "Interviews", "Product",
        "Process",
        "Is an evaluation",
      ],
      ["Research question", "Commissioner", "Method", "Survey", "Process", "Is an evaluation"],
      ["Commissioner", "Recommendations", "Method", "Is an evaluation"],
      ["Method", "Scope (product, process, people)", "Is an evaluation"],
    ]
    let b: [[String]] = [
      [
        "Research question", "Commissioner", "Method", "Interviews", "Document study", "Product",
        "own process",
        "Is an evaluation",
      ],
      ["Research question", "Recommendations", "Method", "Is an evaluation"],
      ["Commissioner", "Method", "Is an evaluation"],
      ["Recommendations", "Is an evaluation"],
    ]
    let byName = Dictionary(
      codes.map { ($0.name, $0.guid) }, uniquingKeysWith: { first, _ in first })
    func guid(_ name: String) -> String {
      name == "own process" ? ownProcess : byName[name] ?? "missing \(name)"
    }
    var xml = """
      <?xml version="1.0" encoding="utf-8"?>
      <Project xmlns="urn:QDA-XML:project:1.0" name="Coded in a QDA tool" origin="A QDA tool" creatingUserGUID="\(users["admin"] ?? "")">
        <Users>
          <User guid="\(users["admin"] ?? "")" name="admin"/>
          <User guid="\(users["coder-a"] ?? "")" name="coder-a"/>
          <User guid="\(users["coder-b"] ?? "")" name="coder-b"/>
        </Users>
        <CodeBook>
          <Codes>

      """
    // The codebook as the tool imported it from the .qdc, nested as there, plus coder-b's own
    // code "Process" under the scope code.
    var open = 0
    for code in codes {
      while open > code.depth {
        open -= 1
        xml += String(repeating: "  ", count: open + 3) + "</Code>\n"
      }
      xml +=
        String(repeating: "  ", count: open + 3)
        + "<Code guid=\"\(code.guid)\" name=\"\(code.name)\" isCodable=\"true\">\n"
      open += 1
      if code.name == "Scope (product, process, people)" {
        xml +=
          String(repeating: "  ", count: open + 3)
          + "<Code guid=\"\(ownProcess)\" name=\"Process\" isCodable=\"true\"/>\n"
      }
    }
    while open > 0 {
      open -= 1
      xml += String(repeating: "  ", count: open + 3) + "</Code>\n"
    }
    xml += """
          </Codes>
        </CodeBook>
        <Sources>

      """
    var selection = 0
    for (index, source) in sources.enumerated() {
      xml +=
        "    <TextSource guid=\"\(source.guid)\" name=\"\(source.name)\" plainTextPath=\"internal://\(source.guid).txt\">\n"
      for (coder, applied) in [("coder-a", a[index]), ("coder-b", b[index])] {
        for (offset, name) in applied.enumerated() {
          selection += 1
          let id = String(format: "C0000000-0000-4000-8000-%012d", selection)
          let start = offset * 3
          let user = users[coder] ?? ""
          xml += """
                <PlainTextSelection guid="\(id)" name="s\(selection)" startPosition="\(start)" endPosition="\(start + 10)"\(coder == "coder-b" ? " creatingUser=\"\(user)\"" : "")>
                  <Coding guid="\(String(format: "D0000000-0000-4000-8000-%012d", selection))"\(coder == "coder-a" ? " creatingUser=\"\(user)\"" : "")>
                    <CodeRef targetGUID="\(guid(name))"/>
                  </Coding>
                </PlainTextSelection>

            """
        }
      }
      xml += "    </TextSource>\n"
    }
    xml += "  </Sources>\n</Project>\n"
    return xml
  }

  @Test func aProjectCodedByTwoPeopleImportsAsTwoCodingsThatAgreeAsComputedByHand() throws {
    let qdc = directory.file("codebook.qdc")
    #expect(try CommandRunner.run(["export", "qdc", "-o", qdc]).status == 0)
    let codes = QDEReader.read(try Data(contentsOf: URL(fileURLWithPath: qdc))).codes
    let sources = (1...4).map { number in
      (
        guid: String(format: "E0000000-0000-4000-8000-%012d", number), name: "report-\(number).txt",
        text:
          "Rapport \(number). De centrale vraag, de opdrachtgever, de aanbevelingen en de aanpak staan hierin beschreven."
      )
    }
    let project = Self.codedProject(codes: codes, sources: sources)
    let qdpx = directory.file("coded.qdpx")
    try TestZip.write(
      [("project.qde", Data(project.utf8))]
        + sources.map { ("sources/\($0.guid).txt", Data($0.text.utf8)) }, to: qdpx)
    if Self.xmllint != nil {
      let validation = try validate(
        try directory.write("coded/project.qde", project), against: "Project")
      #expect(validation.status == 0, "the test's own project must be valid: \(validation.output)")
    }

    // Without --user: a file per coder, beside the output.
    let output = directory.file("out/coding.csv")
    try FileManager.default.createDirectory(
      atPath: directory.file("out"), withIntermediateDirectories: true)
    let both = try CommandRunner.run(["import", "qdpx", qdpx, "-o", output])
    #expect(both.status == 0, "\(both.stderr)")
    let pathA = directory.file("out/coding-coder-a.csv")
    let pathB = directory.file("out/coding-coder-b.csv")
    #expect(both.stdout.split(separator: "\n").map(String.init) == [pathA, pathB])
    #expect(both.stderr.isEmpty, "\(both.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
    try expectCells(pathA, Self.expectedA)
    try expectCells(pathB, Self.expectedB)

    // With --user: that coder only, in the output itself.
    let one = try CommandRunner.run(["import", "qdpx", qdpx, "--user", "coder-b", "-o", output])
    #expect(one.status == 0)
    try expectCells(output, Self.expectedB)

    // An unknown user is one line that lists the known ones.
    let unknown = try CommandRunner.run(["import", "qdpx", qdpx, "--user", "coder-c", "-o", output])
    #expect(unknown.status == 2)
    #expect(
      unknown.stderrLines == [
        "metaeval: \(qdpx): no user named 'coder-c' (users: admin, coder-a, coder-b)"
      ])

    try expectAgreement(pathA, pathB)
  }

  /// Compares a CSV cell by cell with the expected table, naming the cell that differs.
  func expectCells(_ path: String, _ expected: String) throws {
    let actual = try QDACSV.rows(path)
    let wanted = expected.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    #expect(actual.count == wanted.count, "\(path): \(actual.count) rows")
    for (row, (got, want)) in zip(actual, wanted).enumerated() {
      #expect(got.count == want.count, "\(path) row \(row)")
      for (column, (cell, expectedCell)) in zip(got, want).enumerated() where cell != expectedCell {
        Issue.record(
          "\(path) row \(row) (\(got.first ?? "")), column \(wanted[0][column]): '\(cell)', expected '\(expectedCell)'"
        )
      }
    }
  }

  /// `metaeval agree` on the two codings gives the kappas worked out by hand above.
  func expectAgreement(_ pathA: String, _ pathB: String) throws {
    let agree = try CommandRunner.run(["agree", pathA, pathB, "--format", "json"])
    #expect(agree.status == 0, "\(agree.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(agree.stdout.utf8)) as? [String: Any])
    let pairs = try #require(json["pairs"] as? [[String: Any]])
    var kappas: [String: Double?] = [:]
    for pair in pairs {
      guard let criterion = pair["criterion"] as? String,
        let result = pair["result"] as? [String: Any]
      else {
        continue
      }
      kappas[criterion] = .some(result["kappa"] as? Double)
    }
    let byHand: [String: Double?] = [
      "research_question": 1, "commissioner": 0.5, "recommendations": -1, "method": 0, "scope": 0,
      "scope_product": 1,
      "scope_process": 0.5, "scope_people": nil, "is_evaluation": nil,
    ]
    for (criterion, expected) in byHand {
      guard let actual = kappas[criterion] else {
        Issue.record("agree reports no kappa line for \(criterion): \(agree.stdout)")
        continue
      }
      switch (actual, expected) {
      case (nil, nil): break
      case (let actual?, let expected?):
        #expect(abs(actual - expected) < 1e-9, "\(criterion): \(actual), by hand \(expected)")
      default:
        Issue.record(
          "\(criterion): kappa \(String(describing: actual)), by hand \(String(describing: expected))"
        )
      }
    }
  }

  @Test func importErrorsAreOneLineAndExitTwo() throws {
    let text = try directory.write("text.qdpx", "not a zip")
    let notZip = try CommandRunner.run(["import", "qdpx", text, "-o", directory.file("c.csv")])
    #expect(notZip.status == 2)
    #expect(notZip.stderrLines == ["metaeval: \(text): not a REFI-QDA project (not a zip archive)"])

    let empty = directory.file("empty.qdpx")
    try TestZip.write([("sources/a.txt", Data("hello".utf8))], to: empty)
    let noProject = try CommandRunner.run(["import", "qdpx", empty, "-o", directory.file("c.csv")])
    #expect(noProject.status == 2)
    #expect(
      noProject.stderrLines == [
        "metaeval: \(empty): not a REFI-QDA project (no project.qde in the archive)"
      ])

    let broken = directory.file("broken.qdpx")
    try TestZip.write(
      [
        (
          "project.qde",
          Data("<?xml version=\"1.0\"?>\n<Project name=\"x\">\n  <Users>\n</Project>\n".utf8)
        )
      ], to: broken
    )
    let badXML = try CommandRunner.run(["import", "qdpx", broken, "-o", directory.file("c.csv")])
    #expect(badXML.status == 2)
    #expect(badXML.stderrLines.count == 1)
    #expect(
      badXML.stderr.hasPrefix("metaeval: \(broken)/project.qde:4: the XML does not parse"),
      "\(badXML.stderr)")
  }
}

/// A small RFC 4180 reader for these tests.
/// The test target's CSV reader (TestCSV) over files.
private enum QDACSV {
  static func rows(_ path: String) throws -> [[String]] {
    TestCSV.parse(try String(contentsOfFile: path, encoding: .utf8))
  }

  static func records(_ path: String) throws -> [[String: String]] {
    let all = try rows(path)
    guard let header = all.first else { return [] }
    return all.dropFirst().map {
      Dictionary(zip(header, $0).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
    }
  }
}

/// A small zip reader (stored and deflated entries) and writer (stored entries) for these
/// tests. This target cannot import ZIPFoundation (it is not one of its dependencies), and a
/// reader that shares no code with the exporter's is the better check that a .qdpx opens
/// anywhere.
private enum TestZip {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static func u16(_ bytes: [UInt8], _ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
  static func u32(_ bytes: [UInt8], _ at: Int) -> Int { u16(bytes, at) | u16(bytes, at + 2) << 16 }

  /// Every file entry, by path, from the central directory.
  static func read(_ path: String) throws -> [String: Data] {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    guard bytes.count >= 22,
      let end = stride(from: bytes.count - 22, through: max(0, bytes.count - 22 - 65_535), by: -1)
        .first(where: {
          u32(bytes, $0) == 0x0605_4B50
        })
    else { throw Failure(description: "\(path): no end of central directory") }
    var entries: [String: Data] = [:]
    var position = u32(bytes, end + 16)
    for _ in 0..<u16(bytes, end + 10) {
      guard u32(bytes, position) == 0x0201_4B50 else {
        throw Failure(description: "\(path): bad central directory")
      }
      let method = u16(bytes, position + 10)
      let crc = UInt32(u32(bytes, position + 16))
      let compressed = u32(bytes, position + 20)
      let size = u32(bytes, position + 24)
      let nameLength = u16(bytes, position + 28)
      let local = u32(bytes, position + 42)
      let name = String(
        decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
      position += 46 + nameLength + u16(bytes, position + 30) + u16(bytes, position + 32)
      guard u32(bytes, local) == 0x0403_4B50 else {
        throw Failure(description: "\(path): bad local header of \(name)")
      }
      let start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28)
      let raw = Array(bytes[start..<(start + compressed)])
      let data: [UInt8]
      switch method {
      case 0: data = raw
      case 8:
        var inflater = Inflater(raw)
        data = try inflater.inflate()
      default: throw Failure(description: "\(path): \(name): compression method \(method)")
      }
      guard data.count == size, crc32(data) == crc else {
        throw Failure(description: "\(path): \(name): wrong size or CRC")
      }
      if !name.hasSuffix("/") { entries[name] = Data(data) }
    }
    return entries
  }

  /// Writes the entries stored (not compressed), as some tools do.
  static func write(_ entries: [(String, Data)], to path: String) throws {
    var output: [UInt8] = []
    var directory: [UInt8] = []
    func le16(_ value: Int, into bytes: inout [UInt8]) {
      bytes += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)]
    }
    func le32(_ value: Int, into bytes: inout [UInt8]) {
      le16(value & 0xFFFF, into: &bytes)
      le16(value >> 16 & 0xFFFF, into: &bytes)
    }
    for (name, data) in entries {
      let offset = output.count
      let nameBytes = [UInt8](name.utf8)
      let crc = Int(crc32([UInt8](data)))
      // version, flags (UTF-8 names), method (stored), time, date (1980-01-01), CRC, sizes, name length, extra length
      var header: [UInt8] = []
      le16(20, into: &header)
      le16(0x0800, into: &header)
      le16(0, into: &header)
      le16(0, into: &header)
      le16(0x21, into: &header)
      le32(crc, into: &header)
      le32(data.count, into: &header)
      le32(data.count, into: &header)
      le16(nameBytes.count, into: &header)
      le16(0, into: &header)
      le32(0x0403_4B50, into: &output)
      output += header + nameBytes + [UInt8](data)
      le32(0x0201_4B50, into: &directory)
      le16(20, into: &directory)
      directory += header
      le16(0, into: &directory)  // comment length
      le16(0, into: &directory)  // disk
      le16(0, into: &directory)  // internal attributes
      le32(0, into: &directory)  // external attributes
      le32(offset, into: &directory)
      directory += nameBytes
    }
    let directoryOffset = output.count
    output += directory
    le32(0x0605_4B50, into: &output)
    le16(0, into: &output)
    le16(0, into: &output)
    le16(entries.count, into: &output)
    le16(entries.count, into: &output)
    le32(directory.count, into: &output)
    le32(directoryOffset, into: &output)
    le16(0, into: &output)
    try Data(output).write(to: URL(fileURLWithPath: path))
  }

  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
  }

  /// RFC 1951 inflate, after Mark Adler's puff.c: plain and slow, which is all a test needs.
  struct Inflater {
    let input: [UInt8]
    var position = 0
    var buffer = 0
    var count = 0
    var output: [UInt8] = []

    init(_ input: [UInt8]) { self.input = input }

    struct Huffman {
      var counts = [Int](repeating: 0, count: 16)
      var symbols: [Int]

      init(_ lengths: [Int]) {
        symbols = [Int](repeating: 0, count: lengths.count)
        for length in lengths { counts[length] += 1 }
        var offsets = [Int](repeating: 0, count: 16)
        for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
        for (symbol, length) in lengths.enumerated() where length != 0 {
          symbols[offsets[length]] = symbol
          offsets[length] += 1
        }
      }
    }

    static let lengthBase = [
      3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
      163, 195, 227, 258,
    ]
    static let lengthExtra = [
      0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    static let distanceBase = [
      1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
      2049, 3073, 4097, 6145,
      8193,
      12289, 16385, 24577,
    ]
    static let distanceExtra = [
      0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
      13,
    ]

    mutating func bits(_ needed: Int) throws -> Int {
      while count < needed {
        guard position < input.count else { throw Failure(description: "deflate data ends early") }
        buffer |= Int(input[position]) << count
        position += 1
        count += 8
      }
      let value = buffer & ((1 << needed) - 1)
      buffer >>= needed
      count -= needed
      return value
    }

    mutating func decode(_ table: Huffman) throws -> Int {
      var code = 0
      var first = 0
      var index = 0
      for length in 1..<16 {
        code |= try bits(1)
        let number = table.counts[length]
        if code - number < first { return table.symbols[index + code - first] }
        index += number
        first = (first + number) << 1
        code <<= 1
      }
      throw Failure(description: "bad Huffman code")
    }

    mutating func inflate() throws -> [UInt8] {
      var last = 0
      while last == 0 {
        last = try bits(1)
        switch try bits(2) {
        case 0:
          buffer = 0
          count = 0
          guard position + 4 <= input.count else {
            throw Failure(description: "stored block ends early")
          }
          let length = Int(input[position]) | Int(input[position + 1]) << 8
          position += 4
          guard position + length <= input.count else {
            throw Failure(description: "stored block ends early")
          }
          output += input[position..<(position + length)]
          position += length
        case 1:
          let lengths =
            [Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112)
            + [Int](repeating: 7, count: 24)
            + [Int](repeating: 8, count: 8)
          try codes(Huffman(lengths), Huffman([Int](repeating: 5, count: 30)))
        case 2:
          let literals = try bits(5) + 257
          let distances = try bits(5) + 1
          let codeLengths = try bits(4) + 4
          let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
          var lengths = [Int](repeating: 0, count: 19)
          for index in 0..<codeLengths { lengths[order[index]] = try bits(3) }
          let lengthCode = Huffman(lengths)
          var all: [Int] = []
          while all.count < literals + distances {
            let symbol = try decode(lengthCode)
            switch symbol {
            case 0..<16: all.append(symbol)
            case 16:
              guard let previous = all.last else {
                throw Failure(description: "repeat with no length")
              }
              all += [Int](repeating: previous, count: 3 + (try bits(2)))
            case 17: all += [Int](repeating: 0, count: 3 + (try bits(3)))
            default: all += [Int](repeating: 0, count: 11 + (try bits(7)))
            }
          }
          try codes(
            Huffman(Array(all[0..<literals])),
            Huffman(Array(all[literals..<(literals + distances)])))
        default:
          throw Failure(description: "bad block type")
        }
      }
      return output
    }

    mutating func codes(_ literal: Huffman, _ distance: Huffman) throws {
      while true {
        let symbol = try decode(literal)
        if symbol < 256 {
          output.append(UInt8(symbol))
        } else if symbol == 256 {
          return
        } else {
          let index = symbol - 257
          guard index < Self.lengthBase.count else {
            throw Failure(description: "bad length symbol")
          }
          let length = Self.lengthBase[index] + (try bits(Self.lengthExtra[index]))
          let distanceSymbol = try decode(distance)
          guard distanceSymbol < Self.distanceBase.count else {
            throw Failure(description: "bad distance symbol")
          }
          let back =
            Self.distanceBase[distanceSymbol] + (try bits(Self.distanceExtra[distanceSymbol]))
          guard back <= output.count else { throw Failure(description: "distance too far back") }
          for _ in 0..<length { output.append(output[output.count - back]) }
        }
      }
    }
  }
}
