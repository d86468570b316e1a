import ArgumentParser
import Foundation

struct MetaEval: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "metaeval",
    abstract: "Meta-evaluation of ICT-project evaluation reports.",
    discussion: """
      Extracts the text of evaluation reports (PDF, .txt, .md), scores them against a rubric \
      with evidence, aggregates a corpus, and keeps reflection logs.

      Exit codes: 0 success; 1 a checked report misses a required criterion; \
      2 input could not be read (a bad file, flag or rubric); 3 a corpus run in which some \
      documents failed.
      """,
    version: MetaEvalVersion.current,
    subcommands: [
      Agree.self, Check.self, Corpus.self, ExportCommand.self, Extract.self, ImportCommand.self,
      Reflect.self, RubricCommand.self, Worker.self,
    ]
  )
}

enum MetaEvalVersion {
  static let current = "0.1.0"
}

/// Runs the command; a bad flag exits 2 like any other input that cannot be used.
@main
enum Entry {
  static func main() {
    do {
      var command = try MetaEval.parseAsRoot()
      try command.run()
    } catch {
      if MetaEval.exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((MetaEval.fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      MetaEval.exit(withError: error)
    }
  }
}
