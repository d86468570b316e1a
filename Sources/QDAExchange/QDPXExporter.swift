import Foundation
import MetaEvalCore
import PDFExtraction

/// Writes a corpus run as a REFI-QDA project (`.qdpx`): each scored document as a text source,
/// the rubric as the codebook, every piece of evidence as a coded selection by the user
/// "metaeval", and the verdicts as case variables.
///
/// The texts are extracted again from the corpus (cleaned, pages joined with a blank line),
/// because a run keeps only quotes. Everything in the project is derived from the run and the
/// texts: GUIDs from names, no dates, elements in a fixed order, so the same run gives the
/// same bytes.
public struct QDPXExporter {
  /// What an export did, for the command to report.
  public struct Summary: Sendable, Equatable {
    public struct MissingQuote: Sendable, Equatable {
      public var file: String
      public var code: String
      public var quote: String
    }

    public struct SkippedDocument: Sendable, Equatable {
      public var file: String
      public var reason: String
    }

    public var documents = 0
    /// Evidence items looked for in the texts.
    public var quotes = 0
    /// Selections written (the same quote for the same code counts once).
    public var selections = 0
    public var missingQuotes: [MissingQuote] = []
    public var skippedDocuments: [SkippedDocument] = []
    /// Other things worth a line on stderr: a changed file, a rubric of another version.
    public var warnings: [String] = []
  }

  /// The user every coding of an export is by.
  public static let userName = "metaeval"

  public var run: CorpusRun
  public var rubric: Rubric
  /// The folder the `file` column is relative to.
  public var corpusRoot: String
  /// The `origin` attribute: the tool and its version.
  public var origin: String
  public var extractor = Extractor()

  public init(run: CorpusRun, rubric: Rubric, corpusRoot: String, origin: String) {
    self.run = run
    self.rubric = rubric
    self.corpusRoot = corpusRoot
    self.origin = origin
  }

  /// Reads the run in `folder` and loads its rubric from `library`; `corpus` replaces the
  /// run's corpus root.
  public init(
    folder: String, corpus: String?, library: RubricLibrary, origin: String
  ) throws(QDAExchangeError) {
    let run = try CorpusRun.read(folder: folder, requireMetadata: corpus == nil)
    guard let reference = run.rubric else {
      throw .nothingToExport(
        path: folder, reason: "no scored document in documents.csv and results.jsonl")
    }
    let rubric: Rubric
    do {
      rubric = try library.load(reference.id)
    } catch {
      throw .rubric(reference: reference.id, reason: error.description)
    }
    guard let root = corpus ?? run.metadata?.corpusRoot else {
      throw .invalidRun(
        path: folder, reason: "run.json names no corpus folder; give it with --corpus")
    }
    self.init(run: run, rubric: rubric, corpusRoot: root, origin: origin)
  }

  /// A document ready to write: its text and its coded selections.
  struct Source {
    var guid: String
    var name: String
    var text: String
    var selections: [Selection]
    var result: ReportResult
  }

  struct Selection {
    var guid: String
    var name: String
    var description: String
    var range: Range<Int>
    var codeGUID: String
  }

  /// Writes the project to `output`.
  public func export(to output: String) throws(QDAExchangeError) -> Summary {
    var summary = Summary()
    if let reference = run.rubric, reference.version != rubric.version {
      summary.warnings.append(
        "the run was scored with rubric \(reference.id) v\(reference.version), the codebook is v\(rubric.version)"
      )
    }
    for file in run.missingResults {
      summary.skippedDocuments.append(
        .init(file: file, reason: "scored in documents.csv but not in results.jsonl"))
    }
    let codebook = QDACodebook(rubric: rubric)
    let unknown = Set(run.documents.flatMap { $0.result.criteria.map(\.id) }).subtracting(
      rubric.criteria.map(\.id))
    if !unknown.isEmpty {
      summary.warnings.append(
        "criteria of the run that rubric \(rubric.id) does not have are left out: \(unknown.sorted().joined(separator: ", "))"
      )
    }
    var sources: [Source] = []
    for document in run.documents {
      let path =
        document.file.hasPrefix("/")
        ? document.file : (corpusRoot as NSString).appendingPathComponent(document.file)
      let extracted: ExtractedDocument
      do {
        extracted = try extractor.extract(path)
      } catch {
        summary.skippedDocuments.append(.init(file: document.file, reason: error.description))
        continue
      }
      if extracted.sha256 != document.result.sha256 {
        summary.warnings.append(
          "\(path): changed since the run (another SHA-256); some quotes may not be found")
      }
      sources.append(source(for: document, text: extracted, codebook: codebook, summary: &summary))
    }
    guard !sources.isEmpty else {
      let reason =
        summary.skippedDocuments.isEmpty
        ? "no scored document in documents.csv and results.jsonl"
        : "no document could be read again from \(corpusRoot)"
      throw .nothingToExport(path: run.folder, reason: reason)
    }
    summary.documents = sources.count
    summary.selections = sources.map(\.selections.count).reduce(0, +)
    var entries: [(path: String, data: Data)] = [
      ("project.qde", Data(projectXML(sources, codebook: codebook).utf8))
    ]
    for source in sources { entries.append(("sources/\(source.guid).txt", Data(source.text.utf8))) }
    try QDPXArchive.write(entries, to: output)
    return summary
  }

  /// The source of one document: its text, and a selection for each quote found in it.
  func source(
    for document: CorpusRun.Document, text extracted: ExtractedDocument, codebook: QDACodebook,
    summary: inout Summary
  ) -> Source {
    let result = document.result
    let text = extracted.pages.map(\.text).joined(separator: "\n\n")
    var pageStarts: [Int: Int] = [:]
    var offset = 0
    for page in extracted.pages {
      pageStarts[page.index] = offset
      offset += page.text.unicodeScalars.count + 2
    }
    let locator = QuoteLocator(text: text)
    let codeGUIDs = Dictionary(
      codebook.allCodes.map { ($0.target, $0.guid) }, uniquingKeysWith: { first, _ in first })
    let sourceGUID = StableGUID.make(["source", document.file, result.sha256])
    var selections: [Selection] = []
    var seen = Set<String>()

    func add(_ evidence: Evidence, _ target: CodeTarget, title: String, verdict: Verdict) {
      // A criterion, dimension or term the rubric no longer has: warned about once, above.
      guard let codeGUID = codeGUIDs[target] else { return }
      summary.quotes += 1
      guard let range = locator.locate(evidence.quote, near: pageStarts[evidence.page] ?? 0) else {
        summary.missingQuotes.append(.init(file: document.file, code: title, quote: evidence.quote))
        return
      }
      let key = "\(codeGUID) \(range.lowerBound) \(range.upperBound)"
      guard seen.insert(key).inserted else { return }
      let seed = [
        "selection", document.file, result.sha256, codeGUID, String(range.lowerBound),
        String(range.upperBound),
      ]
      selections.append(
        Selection(
          guid: StableGUID.make(seed), name: Self.selectionName(locator.text(in: range)),
          description:
            "metaeval: \(title): \(verdict == .yes ? "met" : "not met") (\(evidence.kind)), p. \(evidence.pageLabel)",
          range: range, codeGUID: codeGUID))
    }

    for criterion in result.criteria {
      for evidence in criterion.evidence {
        add(evidence, .criterion(criterion.id), title: criterion.title, verdict: criterion.verdict)
      }
      for dimension in criterion.dimensions {
        for evidence in dimension.evidence {
          add(
            evidence, .dimension(criterion: criterion.id, dimension: dimension.id),
            title: "\(criterion.title) / \(dimension.title)", verdict: dimension.verdict)
        }
      }
      for term in criterion.terms {
        add(
          term.evidence, .term(criterion: criterion.id, term: term.id),
          title: "\(criterion.title) / \(term.title)",
          verdict: .yes)
      }
    }
    selections.sort {
      ($0.range.lowerBound, $0.range.upperBound, $0.codeGUID) < (
        $1.range.lowerBound, $1.range.upperBound, $1.codeGUID
      )
    }
    return Source(
      guid: sourceGUID, name: document.file, text: text, selections: selections, result: result)
  }

  /// A selection's name: its text on one line, at most 80 characters.
  static func selectionName(_ text: String) -> String {
    let line = QuoteLocator.normalized(text)
    return line.count > 80 ? String(line.prefix(79)) + "…" : line
  }

  /// `project.qde`: users, codebook, variables, cases and sources, in the order of Project.xsd.
  func projectXML(_ sources: [Source], codebook: QDACodebook) -> String {
    let userGUID = StableGUID.make(["user", Self.userName])
    let runName = (run.folder as NSString).standardizingPath
    let projectName =
      "metaeval: "
      + ((runName as NSString).lastPathComponent.isEmpty
        ? runName : (runName as NSString).lastPathComponent)
    var writer = XMLWriter()
    writer.open(
      "Project",
      [
        "xmlns": "urn:QDA-XML:project:1.0", "name": projectName, "origin": origin,
        "creatingUserGUID": userGUID,
      ])
    writer.open("Users")
    writer.empty("User", ["guid": userGUID, "name": Self.userName])
    writer.close()

    writer.open("CodeBook")
    codebook.write(into: &writer)
    writer.close()

    let variables = CaseVariable.all(for: rubric)
    writer.open("Variables")
    for variable in variables {
      writer.open(
        "Variable", ["guid": variable.guid, "name": variable.name, "typeOfVariable": variable.type])
      writer.element("Description", text: variable.description)
      writer.close()
    }
    writer.close()

    writer.open("Cases")
    for source in sources {
      writer.open(
        "Case",
        [
          "guid": StableGUID.make(["case", source.name, source.result.sha256]), "name": source.name,
        ])
      for variable in variables {
        guard let value = variable.value(in: source.result) else { continue }
        writer.open("VariableValue")
        writer.empty("VariableRef", ["targetGUID": variable.guid])
        switch value {
        case .boolean(let flag): writer.element("BooleanValue", text: flag ? "true" : "false")
        case .text(let text): writer.element("TextValue", text: text)
        case .integer(let number): writer.element("IntegerValue", text: String(number))
        }
        writer.close()
      }
      writer.empty("SourceRef", ["targetGUID": source.guid])
      writer.close()
    }
    writer.close()

    writer.open("Sources")
    for source in sources {
      writer.open(
        "TextSource",
        [
          "guid": source.guid, "name": source.name,
          "plainTextPath": "internal://\(source.guid).txt",
          "creatingUser": userGUID,
        ])
      for selection in source.selections {
        writer.open(
          "PlainTextSelection",
          [
            "guid": selection.guid, "name": selection.name,
            "startPosition": String(selection.range.lowerBound),
            "endPosition": String(selection.range.upperBound), "creatingUser": userGUID,
          ])
        writer.element("Description", text: selection.description)
        writer.open(
          "Coding",
          ["guid": StableGUID.make(["coding", selection.guid]), "creatingUser": userGUID])
        writer.empty("CodeRef", ["targetGUID": selection.codeGUID])
        writer.close()
        writer.close()
      }
      writer.close()
    }
    writer.close()

    writer.element(
      "Description",
      text:
        "Exported by \(origin) from a corpus run scored with rubric \(rubric.id) v\(rubric.version). "
        + "Each text is the cleaned text metaeval scored; each selection is a piece of evidence, coded by the user "
        + "'\(Self.userName)'; each case holds one document's verdicts as variables.")
    writer.close()
    return writer.finish()
  }
}
