import ArgumentParser
import Foundation
import MetaEvalCore
import QDAExchange

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export a corpus run or a rubric to QDA software (REFI-QDA 1.0).",
    discussion: """
      REFI-QDA is the exchange format of ATLAS.ti, MAXQDA, NVivo and QualCoder. 'qdpx' writes \
      a whole corpus run as a project; 'qdc' writes a rubric as a codebook. Both give a rubric's \
      codes the same GUIDs, so codings made in a QDA tool can be read back with 'metaeval import qdpx'.
      """,
    subcommands: [QDPX.self, QDC.self]
  )

  struct QDPX: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "qdpx",
      abstract: "Write a corpus run as a REFI-QDA project (.qdpx).",
      discussion: """
        RUN_DIR is the output folder of 'metaeval corpus'. Each scored document becomes a text \
        source (its cleaned text, extracted again from the corpus, pages separated by a blank \
        line, named by its 'file' in documents.csv); the rubric becomes the codebook (a code per \
        criterion, with the scope dimensions and the techniques as child codes); every piece of \
        evidence becomes a selection over its quote (positions in Unicode code points from 0, \
        end exclusive; a heading's "Heading — first sentence" runs from the heading to the end \
        of that sentence), coded by the user 'metaeval'; each document's verdicts become the \
        variables of a case. A quote that cannot be found in the text (white space and a \
        clipping "…" aside) is left out and counted in one line on stderr. The same run gives \
        the same file, byte for byte.

        Exit codes: 0 written (documents that could not be read again get a line on stderr); \
        2 the run, the rubric or the output could not be used.
        """
    )

    @Argument(help: ArgumentHelp("The output folder of 'metaeval corpus'.", valueName: "run-dir"))
    var runDirectory: String

    @Option(
      name: [.customShort("o"), .long],
      help: ArgumentHelp("The .qdpx file to write.", valueName: "file"))
    var output: String

    @Option(
      help: ArgumentHelp(
        "The folder the 'file' column of documents.csv is relative to (default: corpus_root in run.json).",
        valueName: "root"))
    var corpus: String?

    func run() throws {
      do {
        try export()
      } catch {
        StandardError.line("metaeval: \(error)")
        throw ExitCode(2)
      }
    }

    func export() throws(QDAExchangeError) {
      let exporter = try QDPXExporter(
        folder: runDirectory, corpus: corpus, library: RubricLibrary.standard(),
        origin: "metaeval \(MetaEvalVersion.current)")
      let summary = try exporter.export(to: output)
      for skipped in summary.skippedDocuments {
        StandardError.line("metaeval: \(skipped.file): left out of the project (\(skipped.reason))")
      }
      for warning in summary.warnings { StandardError.line("metaeval: \(warning)") }
      if !summary.missingQuotes.isEmpty {
        var perFile: [String: Int] = [:]
        for quote in summary.missingQuotes { perFile[quote.file, default: 0] += 1 }
        let files = perFile.keys.sorted().map { "\($0): \(perFile[$0] ?? 0)" }.joined(
          separator: ", ")
        StandardError.line(
          "metaeval: \(summary.missingQuotes.count) of \(summary.quotes) evidence quotes were not found in their text and were left out (\(files))"
        )
      }
      print(
        "Wrote \(output): \(summary.documents) \(summary.documents == 1 ? "document" : "documents"), "
          + "\(summary.selections) coded \(summary.selections == 1 ? "selection" : "selections").")
    }
  }

  struct QDC: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "qdc",
      abstract: "Write a rubric as a REFI-QDA codebook (.qdc).",
      discussion: """
        One code per criterion, with its scope dimensions and its vocabulary's terms (the \
        techniques) as child codes; the GUIDs are those 'export qdpx' gives the same rubric.

        Exit codes: 0 written; 2 the rubric or the output could not be used.
        """
    )

    @Option(help: ArgumentHelp("Rubric id or path.", valueName: "id|path"))
    var rubric: String = RubricLibrary.defaultID

    @Option(
      name: [.customShort("o"), .long],
      help: ArgumentHelp("The .qdc file to write.", valueName: "file"))
    var output: String

    func run() throws {
      let loaded = try loadOrExit(rubric)
      do {
        try QDACodebook(rubric: loaded).write(
          to: output, origin: "metaeval \(MetaEvalVersion.current)")
      } catch {
        StandardError.line("metaeval: \(error)")
        throw ExitCode(2)
      }
      print("Wrote \(output): \(loaded.id) v\(loaded.version), \(loaded.criteria.count) criteria.")
    }
  }
}
