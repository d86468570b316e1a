import Foundation
import Testing

@testable import MetaEvalCore

/// The rubric files of the repository, as shipped.
enum RepositoryRubrics {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Rubrics").path

  static var paths: [String] {
    RubricLibrary(folders: [folder]).available()
  }

  static func load(_ id: String) throws -> Rubric {
    try RubricLibrary(folders: [folder]).load(id)
  }
}

@Suite struct RubricFilesTests {
  @Test func thereAreAtLeastTwoRubrics() {
    #expect(RepositoryRubrics.paths.count >= 2)
  }

  /// Every example of every criterion of every rubric: the documentation is the test.
  @Test(arguments: RepositoryRubrics.paths)
  func everyExamplePasses(path: String) throws {
    let rubric = try RubricLoader.load(path: path)
    let outcome = RubricExamples.run(rubric)
    #expect(outcome.examples >= rubric.criteria.count * 4)
    for failure in outcome.failures {
      Issue.record("\(failure)")
    }
  }

  @Test(arguments: RepositoryRubrics.paths)
  func idsAreUniqueSnakeCaseAndEveryCriterionHasBothLanguages(path: String) throws {
    let rubric = try RubricLoader.load(path: path)
    let ids = rubric.criteria.map(\.id)
    #expect(Set(ids).count == ids.count)
    for criterion in rubric.criteria {
      #expect(criterion.id.allSatisfy { $0.isLowercase || $0 == "_" || $0.isNumber })
      #expect(!criterion.advice(in: .nl).isEmpty && !criterion.advice(in: .en).isEmpty)
      #expect(criterion.spec.description.hasSuffix("."))
      let languages = Set(criterion.spec.examples.map(\.lang))
      #expect(languages == [.nl, .en], "criterion \(criterion.id) lacks examples in a language")
    }
  }

  /// The branches compiled ahead on every core are the ones the compiler asks for, and each
  /// is what compiling it on the spot gives.
  @Test(arguments: RepositoryRubrics.paths)
  func theBranchTableForeseesEveryBranch(path: String) throws {
    let compiler = try RubricLoader.compiler(path: path)
    _ = try compiler.compile()
    #expect(compiler.table.missed.isEmpty, "\(compiler.table.missed.prefix(3))")
    let jobs = RubricCompiler.jobs(compiler.spec)
    #expect(jobs.count > 100)
    for job in jobs.prefix(400) {
      let ahead = try #require(compiler.table.branch(job))
      let now = try BranchTable.compile(job)
      #expect(ahead.regex.pattern == now.regex.pattern)
      #expect(ahead.anchors == now.anchors)
      #expect(ahead.words == now.words)
      #expect(ahead.shape == now.shape)
    }
  }

  @Test func theDefaultRubricHasTheContractedCriteria() throws {
    let rubric = try RepositoryRubrics.load(RubricLibrary.defaultID)
    #expect(
      rubric.criteria.map(\.id) == [
        "is_evaluation", "research_question", "commissioner", "recommendations", "method", "scope",
      ])
    #expect(
      rubric.criterion("scope")?.dimensions.map(\.spec.id) == ["product", "process", "people"])
    #expect(rubric.criterion("method")?.vocabulary.count == 12)
  }
}
