import Foundation
import TestSupport
import Testing

@testable import MetaEvalCore

@Suite struct ReflectionTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory("reflect")
  }

  func entry(
    _ date: String, _ moment: Moment, _ audience: Audience = .team, title: String = "Reflection",
    actions: [ReflectionAction] = [], body: String = ""
  ) -> ReflectionEntry {
    ReflectionEntry(
      id: "", path: "", date: date, moment: moment, setting: .informal, audience: audience,
      title: title,
      authors: ["Anna"], tags: ["planning"], project: "Zaaksysteem", actions: actions, body: body)
  }

  /// A log with known counts: before ×2 (team, sponsor), during ×3 (team ×2, self), after ×1.
  func fixtureLog(cadence: Int = 14) throws -> ReflectionLog {
    let folder = directory.file("reflections")
    try ReflectionLog.initialise(
      folder: folder,
      config: ReflectionConfig(
        project: "Zaaksysteem", team: ["Anna", "Bas"], cadenceDays: cadence,
        commissioner: "the municipal secretary"))
    var log = try ReflectionLog.load(folder: folder)
    let bodies = ReflectionFixtures.self
    for item in [
      entry("2026-09-01", .before, title: "Kick-off", body: bodies.before),
      entry("2026-09-02", .before, .sponsor, title: "Sponsor talk"),
      entry(
        "2026-09-20", .during, title: "Sprint 3",
        actions: [
          ReflectionAction(
            id: "A1", text: "Plan the migration per application", owner: "Anna", due: "2026-10-01"),
          ReflectionAction(
            id: "A2", text: "Book the security review earlier", owner: "Bas", due: "2026-12-01"),
        ], body: bodies.during),
      entry(
        "2026-10-05", .during, title: "Sprint 4",
        actions: [
          ReflectionAction(
            id: "A1", text: "Clarify the roles", owner: "Anna", due: "2026-10-20", status: .done)
        ], body: bodies.during),
      entry("2026-10-10", .during, .self, title: "My own notes"),
      entry(
        "2026-11-20", .after, title: "Closure",
        actions: [
          ReflectionAction(
            id: "A1", text: "Start the next project with a test plan for every interface",
            owner: "Bas")
        ], body: bodies.after),
    ] {
      _ = try log.create(item)
    }
    log = try ReflectionLog.load(folder: folder)
    return log
  }

  @Test func anEntryRoundTripsThroughItsFile() throws {
    var original = entry(
      "2026-11-29", .during, title: "Sprint \"12\": retro",
      actions: [ReflectionAction(id: "A1", text: "Fix it; now", owner: "Ån", due: "2026-12-01")],
      body: "\n## Notes\nSome text with a: colon.\n")
    original.id = "2026-11-29-sprint-12-retro"
    original.path = "reflections/2026-11-29-sprint-12-retro.md"
    let parsed = ReflectionFile.parse(ReflectionFile.render(original), path: original.path)
    #expect(try parsed.get() == original)
  }

  @Test(arguments: [
    ("moment: during", "moment: sometimes", 3, "unknown moment 'sometimes'"),
    ("date: 2026-11-29", "date: 2026-13-45", 2, "must be a date"),
    ("audience: team", "audience: everyone", 5, "unknown audience"),
    ("title: \"T\"", "title: [T", 6, "broken YAML"),
    ("    status: open", "    status: maybe", 14, "unknown status 'maybe'"),
  ])
  func problemsNameTheLine(find: String, replace: String, line: Int, problem: String) throws {
    var valid = entry(
      "2026-11-29", .during, title: "T",
      actions: [ReflectionAction(id: "A1", text: "Do it", owner: "Anna")])
    valid.path = "x.md"
    let text = ReflectionFile.render(valid)
    #expect(text.contains(find))
    let broken = text.replacingOccurrences(of: find, with: replace)
    guard case .failure(let failure) = ReflectionFile.parse(broken, path: "x.md") else {
      Issue.record("no problem found")
      return
    }
    #expect(failure.problems.first?.line == line, "\(failure.problems)")
    #expect(failure.problems.first?.description.hasPrefix("x.md:\(line): ") == true)
    #expect(failure.problems.contains { $0.problem.contains(problem) }, "\(failure.problems)")
  }

  @Test func slugsAreASCIIAndShort() {
    #expect(
      ReflectionLog.slug("Terugblik op de invoering: ‘Zaaksysteem’ (fase 2)")
        == "terugblik-op-de-invoering-zaaksysteem-fase-2")
    #expect(ReflectionLog.slug("Évaluation ÄÖÜ") == "evaluation-aou")
    #expect(ReflectionLog.slug("!!!") == "reflection")
    #expect(ReflectionLog.slug(String(repeating: "lang woord ", count: 20)).count <= 50)
  }

  @Test func aTakenNameGetsASuffixAndNothingIsOverwritten() throws {
    let log = try fixtureLog()
    let first = try log.create(entry("2026-12-01", .during, title: "Same"))
    let before = try String(contentsOfFile: first.path, encoding: .utf8)
    let second = try log.create(entry("2026-12-01", .during, title: "Same", body: "other"))
    #expect(first.id == "2026-12-01-same")
    #expect(second.id == "2026-12-01-same-2")
    #expect(try String(contentsOfFile: first.path, encoding: .utf8) == before)
  }

  @Test func closingAnActionChangesOnlyItsStatusLine() throws {
    let log = try fixtureLog()
    let target = try log.entry("2026-09-20-sprint-3")
    let before = try String(contentsOfFile: target.path, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false)
    _ = try log.setStatus("2026-09-20-sprint-3/A2", to: .done)
    let after = try String(contentsOfFile: target.path, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false)
    #expect(before.count == after.count)
    let changed = zip(before, after).enumerated().filter { $0.element.0 != $0.element.1 }
    #expect(changed.count == 1)
    #expect(changed.first?.element.0 == "    status: open")
    #expect(changed.first?.element.1 == "    status: done")
    let reloaded = try ReflectionLog.load(folder: log.folder)
    #expect(try reloaded.entry("2026-09-20-sprint-3").actions.map(\.status) == [.open, .done])
  }

  @Test func anAmbiguousActionIdAsksWhichOneIsMeant() throws {
    let log = try fixtureLog()
    #expect {
      try log.setStatus("A1", to: .done)
    } throws: { error in
      guard case .unknownAction(_, let candidates) = error as? ReflectionError else { return false }
      return candidates.count == 3
    }
    #expect(throws: ReflectionError.self) { try log.setStatus("2026-09-20-sprint-3/A9", to: .done) }
  }

  @Test func theSummaryCountsCoverageCadenceAndActions() throws {
    let log = try fixtureLog()
    let summary = ReflectionSummary(log: log, today: "2026-11-01", scorer: nil)
    #expect(summary.entries == 6)
    #expect(
      summary.coverage == [
        .init(moment: .before, sponsor: 1, team: 1, self: 0),
        .init(moment: .during, sponsor: 0, team: 2, self: 1),
        .init(moment: .after, sponsor: 0, team: 1, self: 0),
      ])
    #expect(summary.lastDuring == "2026-10-10")
    #expect(summary.daysSinceDuring == 22)
    #expect(summary.cadenceExceeded)
    #expect(summary.openActions.map(\.owner) == ["Anna", "Bas"])
    #expect(summary.openActions.map(\.open) == [1, 2])
    #expect(summary.openActions.map(\.overdue) == [1, 0])
    #expect(summary.text.contains("⚠ longer than the cadence of 14 days"))
    let within = ReflectionSummary(log: log, today: "2026-10-20", scorer: nil)
    #expect(!within.cadenceExceeded)
  }

  @Test func theExportedDraftMeetsTheRubric() throws {
    let log = try fixtureLog()
    let draft = ReflectionDraft(log: log)
    let scorer = Scorer(rubric: try RepositoryRubrics.load("bronsgeest"))
    let result = scorer.score(DocumentText(file: "draft.md", text: draft.markdown))
    for id in ["research_question", "commissioner", "recommendations", "method"] {
      #expect(result.criterion(id)?.verdict == .yes, "\(id): \(result.criterion(id)?.note ?? "")")
    }
    #expect(result.criterion("scope")?.dimensions.map(\.verdict) == [.yes, .yes, .yes])
    #expect(draft.recommendations.count == 4)
    #expect(
      draft.markdown.contains(
        "1. Plan the migration per application (owner: Anna, due 2026-10-01, open)"))
    #expect(!draft.html.contains("<script>"))
  }
}

/// Entry bodies as a team would write them under the template's headings.
enum ReflectionFixtures {
  static let before = """

    ## Which question should a later evaluation answer?

    To what extent does the new case system shorten the handling of permit applications?

    ## What do we want to learn?

    Whether working with the supplier in short iterations works for us.
    """

  static let during = """

    ## Product: what goes well, what does not?

    <!-- The system, its quality and its functions. -->
    The search function of the application is slow. The quality of the migrated data is good.

    ## Process: what goes well, what does not?

    The planning slipped by three weeks. The steering group decided too late on the scope.

    ## People: what goes well, what does not?

    Collaboration with the supplier went well. The roles in the team were unclear.
    """

  static let after = """

    ## What did we learn?

    The product works well for most users, but the interfaces were tested too late.

    ## What do we recommend, and who owns each recommendation?

    We recommend a test plan for every interface from the start.
    """
}
