import ArgumentParser
import Foundation
import MetaEvalCore
import QDAExchange

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Read codings made in QDA software (REFI-QDA 1.0) back into coding CSV files.",
    subcommands: [QDPX.self]
  )

  struct QDPX: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "qdpx",
      abstract: "Turn a REFI-QDA project coded with a rubric's codebook into coding CSVs.",
      discussion: """
        FILE is a .qdpx coded with the codebook of 'metaeval export qdc' or 'export qdpx'. A code \
        counts for a criterion when it has the codebook's GUID, else when its name is the \
        criterion's id or title (in any case); a child code named like a dimension or technique \
        counts for it. The CSV has the shape of Corpus/coding.csv: 'file' (the source's name), \
        then per criterion 'yes' when the user coded at least one selection in that source (or \
        the whole source) with its code, else 'no' (a criterion with dimensions is also 'yes' \
        when all of them are), the techniques coded (ids separated by ';'), and per dimension \
        yes or no; sorted by file.

        Users are told apart by name. With --user, only that user's codings are read. Without \
        it, when more than one user coded, each gets a file beside --output (coding.csv gives \
        coding-<user>.csv); the paths written are printed.

        Exit codes: 0 written; 2 the file is not a zip or has no project.qde, its XML does not \
        parse, --user names nobody (the users are listed), or the rubric or output cannot be used.
        """
    )

    @Argument(help: ArgumentHelp("The coded project.", valueName: "file.qdpx"))
    var file: String

    @Option(help: ArgumentHelp("Read only this user's codings.", valueName: "name"))
    var user: String?

    @Option(
      help: ArgumentHelp("The rubric the codebook was made from: id or path.", valueName: "id|path")
    )
    var rubric: String = RubricLibrary.defaultID

    @Option(
      name: [.customShort("o"), .long],
      help: ArgumentHelp("The coding CSV to write.", valueName: "coding.csv"))
    var output: String

    func run() throws {
      let loaded = try loadOrExit(rubric)
      do {
        try importCodings(rubric: loaded)
      } catch {
        StandardError.line("metaeval: \(error)")
        throw ExitCode(2)
      }
    }

    func importCodings(rubric loaded: Rubric) throws(QDAExchangeError) {
      let importer = try QDPXImporter(path: file, rubric: loaded)
      let unmatched = importer.unmatchedCodes
      if !unmatched.isEmpty {
        StandardError.line(
          "metaeval: \(file): \(unmatched.count) applied \(unmatched.count == 1 ? "code is" : "codes are") not in rubric \(loaded.id) and ignored: \(unmatched.joined(separator: ", "))"
        )
      }
      if let user {
        try QDPXImporter.write(try importer.table(forUser: user), to: output)
        print(output)
        return
      }
      let coders = importer.coders
      guard coders.count > 1 else {
        try QDPXImporter.write(importer.table(), to: output)
        print(output)
        return
      }
      for (coder, path) in QDPXImporter.paths(for: coders, beside: output) {
        try QDPXImporter.write(try importer.table(forUser: coder), to: path)
        print(path)
      }
    }
  }
}
