import ArgumentParser
import Foundation
import MetaEvalCore

struct RubricCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rubric",
    abstract: "List, show, check and test rubrics.",
    subcommands: [List.self, Show.self, Lint.self, Test.self]
  )

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the rubrics in the rubric folders.")

    func run() throws {
      let library = RubricLibrary.standard()
      for path in library.available() {
        do {
          let rubric = try RubricLoader.load(path: path)
          print(
            "\(rubric.id)\tv\(rubric.version)\t\(rubric.criteria.count) criteria\t\(rubric.spec.title)"
          )
        } catch {
          StandardError.line("metaeval: \(error)")
        }
      }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show a rubric's criteria and advice.")

    @Argument(help: "Rubric id or path.")
    var rubric: String = RubricLibrary.defaultID

    func run() throws {
      let loaded = try loadOrExit(rubric)
      print("\(loaded.spec.title) (\(loaded.id) v\(loaded.version))\n\(loaded.spec.description)\n")
      for criterion in loaded.criteria {
        let flags = [
          criterion.isRequired ? "required" : "advisory", criterion.isGate ? "gate" : nil,
        ].compactMap { $0 }
        print("\(criterion.id) — \(criterion.spec.title) [\(flags.joined(separator: ", "))]")
        print("  \(criterion.spec.description)")
        for dimension in criterion.spec.dimensions ?? [] {
          print("  · \(dimension.id): \(dimension.description)")
        }
        print("  advice (en): \(criterion.advice(in: .en))")
        print("  advice (nl): \(criterion.advice(in: .nl))\n")
      }
    }
  }

  struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "lint",
      abstract: "Check rubric files: structure, ids, patterns, examples in both languages.",
      discussion:
        "Exit codes: 0 all good; 2 a rubric has a problem (file:line: criterion: problem).")

    @Argument(help: "Rubric files (default: every rubric in the rubric folder).")
    var paths: [String] = []

    func run() throws {
      let targets = paths.isEmpty ? RubricLibrary.standard().available() : paths
      var failed = false
      for path in targets {
        do {
          let rubric = try RubricLoader.load(path: path)
          print("\(path): ok (\(rubric.criteria.count) criteria)")
        } catch {
          failed = true
          StandardError.line("metaeval: \(error)")
        }
      }
      if failed { throw ExitCode(2) }
    }
  }

  struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "test",
      abstract: "Run every example of a rubric through the scorer.",
      discussion: "Exit codes: 0 all examples pass; 1 an example fails; 2 a rubric cannot be read.")

    @Argument(help: "Rubric files or ids (default: every rubric in the rubric folder).")
    var rubrics: [String] = []

    func run() throws {
      let library = RubricLibrary.standard()
      let targets = rubrics.isEmpty ? library.available() : rubrics
      var failures = 0
      for target in targets {
        let rubric = try loadOrExit(target)
        let outcome = RubricExamples.run(rubric)
        for failure in outcome.failures { print("FAIL \(failure)") }
        print(
          "\(rubric.path): \(outcome.examples - outcome.failures.count)/\(outcome.examples) examples pass"
        )
        failures += outcome.failures.count
      }
      if failures > 0 { throw ExitCode(1) }
    }
  }
}

func loadOrExit(_ reference: String) throws -> Rubric {
  do {
    return try RubricLibrary.standard().load(reference)
  } catch {
    StandardError.line("metaeval: \(error)")
    throw ExitCode(2)
  }
}
