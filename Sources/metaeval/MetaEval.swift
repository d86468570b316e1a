import ArgumentParser

@main
struct MetaEval: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "metaeval",
    abstract: "Meta-evaluation of ICT-project evaluation reports.",
    discussion: """
      Extracts the text of evaluation reports (PDF, .txt, .md), scores them against a rubric \
      with evidence, aggregates a corpus, and keeps reflection logs.

      Exit codes: 0 success; 1 a checked report misses a required criterion; \
      2 input could not be read (bad file, bad flag); 3 a corpus run where some documents failed.
      """,
    version: MetaEvalVersion.current,
    subcommands: [Extract.self]
  )
}

enum MetaEvalVersion {
  static let current = "0.1.0"
}
