import Foundation
import TestSupport
import Testing

/// `metaeval reflect` in an empty folder, as a project team uses it.
@Suite struct ReflectCommandTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory("reflect-e2e")
    let result = try reflect([
      "init", "--project", "Zaaksysteem", "--commissioner", "the municipal secretary",
    ])
    #expect(result.status == 0)
  }

  func reflect(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:])
    throws -> CommandResult
  {
    try CommandRunner.run(
      ["reflect"] + arguments, in: directory.path, environment: environment, stdin: stdin)
  }

  @Test func twentyEntriesAtOnceWithTheSameTitleAllSurvive() throws {
    let results = Locked<[CommandResult]>([])
    DispatchQueue.concurrentPerform(iterations: 20) { index in
      if let result = try? reflect([
        "new", "--moment", "during", "--title", "Weekly check", "--date", "2026-11-02", "--message",
        "Entry \(index)",
      ]) {
        results.mutate { $0.append(result) }
      }
    }
    #expect(results.value.count == 20)
    #expect(results.value.allSatisfy { $0.status == 0 })
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.file("reflections"))
      .filter { $0.hasPrefix("2026-11-02-weekly-check") }
    #expect(files.count == 20)
    let list = try reflect(["list", "--format", "json"])
    let items = try #require(
      try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
    #expect(items.count == 20)
    let bodies = try files.map {
      try String(contentsOfFile: directory.file("reflections/" + $0), encoding: .utf8)
    }
    #expect(
      Set(bodies.compactMap { $0.split(separator: "\n").last.map(String.init) }).count == 20,
      "every entry kept its own text")
  }

  @Test func aBrokenEntryFailsLintButNotList() throws {
    _ = try reflect([
      "new", "--moment", "before", "--title", "Kick-off", "--date", "2026-09-01", "--message",
      "Fine.",
    ])
    try directory.write(
      "reflections/2026-09-02-broken.md",
      "---\ndate: 2026-09-02\nmoment: sometimes\ntitle: Broken\n---\nText\n")
    let lint = try reflect(["lint"])
    #expect(lint.status == 1)
    #expect(lint.stdout.contains("reflections/2026-09-02-broken.md:3: unknown moment 'sometimes'"))
    let list = try reflect(["list"])
    #expect(list.status == 0)
    #expect(list.stdout.contains("Kick-off"))
    #expect(list.stderrLines.count == 1)
    #expect(list.stderr.contains("warning"))
  }

  @Test func doneChangesOnlyTheStatusLine() throws {
    let created = try reflect([
      "new", "--moment", "during", "--title", "Sprint 3", "--date", "2026-09-20", "--message",
      "Notes.",
      "--action", "Plan the migration; owner=Anna; due=2026-10-01", "--action",
      "Book the review; owner=Bas",
    ])
    let path = directory.file(created.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    let before = try String(contentsOfFile: path, encoding: .utf8)
    let done = try reflect(["done", "2026-09-20-sprint-3/A2"])
    #expect(done.status == 0)
    let after = try String(contentsOfFile: path, encoding: .utf8)
    #expect(
      after
        == before.replacingOccurrences(
          of: "owner: \"Bas\"\n    status: open", with: "owner: \"Bas\"\n    status: done"))
    #expect(after != before)
  }

  @Test func theExportIsADraftThatCheckPasses() throws {
    _ = try reflect(
      ["new", "--moment", "before", "--title", "Kick-off", "--date", "2026-09-01"],
      stdin: Data(ReflectionText.before.utf8))
    _ = try reflect(
      [
        "new", "--moment", "during", "--title", "Sprint 3", "--date", "2026-09-20", "--action",
        "Plan the migration per application; owner=Anna",
      ],
      stdin: Data(ReflectionText.during.utf8))
    _ = try reflect(
      ["new", "--moment", "after", "--title", "Closure", "--date", "2026-11-20"],
      stdin: Data(ReflectionText.after.utf8))
    let export = try reflect(["export", "-o", "draft.md"])
    #expect(export.status == 0)
    let check = try CommandRunner.run(["check", directory.file("draft.md")])
    #expect(check.status == 0, "\(check.stdout)")
    #expect(check.stdout.contains("product ✓  process ✓  people ✓"))
    let summary = try reflect(["summary", "--today", "2026-11-25"])
    #expect(summary.stdout.contains("before              0     1     0"))
    #expect(summary.stdout.contains("Anna: 1 open"))
    let html = try reflect(["export", "--format", "html"])
    #expect(html.stdout.contains("</html>"))
  }

  @Test func anUnchangedEditIsDiscardedAndAnEditedOneKept() throws {
    let untouched = try reflect(
      ["new", "--moment", "after", "--edit"], environment: ["VISUAL": "true", "EDITOR": "true"])
    #expect(untouched.status == 0)
    #expect(untouched.stdout.contains("discarded"))
    let edited = try reflect(
      ["new", "--moment", "after", "--edit", "--date", "2026-11-20"],
      environment: ["VISUAL": "echo 'We learned a lot.' >>"])
    #expect(edited.status == 0, "\(edited.stderr)")
    let path = directory.file(edited.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    #expect(try String(contentsOfFile: path, encoding: .utf8).contains("We learned a lot."))
  }

  @Test func listFiltersByDateAndRejectsADateItCannotCompare() throws {
    for (date, title) in [("2026-03-09", "Spring"), ("2026-10-12", "Autumn")] {
      let made = try reflect([
        "new", "--moment", "during", "--title", title, "--date", date, "--message", title,
      ])
      #expect(made.status == 0, "\(made.stderr)")
    }
    let since = try reflect(["list", "--since", "2026-10-01"])
    #expect(since.status == 0)
    #expect(since.stdout.contains("Autumn") && !since.stdout.contains("Spring"), "\(since.stdout)")
    let until = try reflect(["list", "--until", "2026-10-01"])
    #expect(until.stdout.contains("Spring") && !until.stdout.contains("Autumn"), "\(until.stdout)")
    // "2026-9-1" sorts after "2026-10-12" as text, so it must be refused, not compared.
    for option in ["--since", "--until"] {
      let bad = try reflect(["list", option, "2026-9-1"])
      #expect(bad.status == 2)
      #expect(bad.stderr.contains("\(option) must be YYYY-MM-DD"), "\(bad.stderr)")
      #expect(bad.stdout.isEmpty)
    }
  }

  @Test func withoutALogEveryCommandSaysHowToStart() throws {
    let empty = try TemporaryDirectory("no-log")
    let result = try CommandRunner.run(["reflect", "list"], in: empty.path)
    #expect(result.status == 2)
    #expect(result.stderr.contains("metaeval reflect init"))
  }
}

enum ReflectionText {
  static let before = """
    ## Which question should a later evaluation answer?

    To what extent does the new case system shorten the handling of permit applications?
    """

  static let during = """
    ## Product: what goes well, what does not?

    The search function of the application is slow. The quality of the migrated data is good.

    ## Process: what goes well, what does not?

    The planning slipped by three weeks. The steering group decided too late on the scope.

    ## People: what goes well, what does not?

    Collaboration with the supplier went well. The roles in the team were unclear.
    """

  static let after = """
    ## What do we recommend, and who owns each recommendation?

    We recommend a test plan for every interface from the start.
    """
}
