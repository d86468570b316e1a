import ArgumentParser
import Foundation
import MetaEvalCore

struct Reflect: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reflect",
    abstract:
      "Reflection logs for project teams: plain Markdown files in the project's repository.",
    discussion: """
      Reflection moments before, during and after a project; formal or informal; for the sponsor, \
      the team or yourself. Each entry is a Markdown file with YAML front matter in reflections/ \
      (--dir), named YYYY-MM-DD-slug.md. Exit codes: 0 success; 1 lint found problems; 2 the log \
      or an entry could not be used.
      """,
    subcommands: [
      Init.self, New.self, List.self, Show.self, Done.self, Summary.self, Export.self, Lint.self,
    ]
  )
}

/// The flags every `reflect` subcommand shares.
struct ReflectOptions: ParsableArguments {
  @Option(help: "The log's folder.")
  var dir: String = "reflections"

  @Option(
    help: ArgumentHelp(
      "Today's date, YYYY-MM-DD (for reproducible summaries).", visibility: .hidden))
  var today: String?

  /// A usage error unless `value` is absent or a real date written YYYY-MM-DD.
  static func validateDate(_ value: String?, option: String) throws {
    if let value, !ReflectionDates.isValid(value) {
      throw ValidationError("\(option) must be YYYY-MM-DD")
    }
  }

  var todayString: String {
    today ?? ProcessInfo.processInfo.environment["METAEVAL_TODAY"] ?? ReflectionDates.string(Date())
  }

  /// The log, with one warning on stderr when some files could not be read.
  func log(warn: Bool = true) throws -> ReflectionLog {
    do {
      let log = try ReflectionLog.load(folder: dir)
      if warn, !log.problems.isEmpty {
        let files = Set(log.problems.map(\.path)).count
        StandardError.line(
          "metaeval: warning: \(files) file\(files == 1 ? " of the log could not be read and is" : "s of the log could not be read and are") left out; see 'metaeval reflect lint'"
        )
      }
      return log
    } catch {
      StandardError.line("metaeval: \(error)")
      throw ExitCode(2)
    }
  }
}

extension Moment: ExpressibleByArgument {}
extension Setting: ExpressibleByArgument {}
extension Audience: ExpressibleByArgument {}

extension Reflect {
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init",
      abstract: "Create the log: the folder, config.yaml and a README.")

    @OptionGroup var options: ReflectOptions
    @Option(help: "The project's name (default: the name of the current folder).")
    var project: String?
    @Option(help: "A team member (repeatable).")
    var member: [String] = []
    @Option(help: "Days between during-moments.")
    var cadence: Int = 14
    @Option(help: "Language of templates and the exported draft: nl or en.")
    var language: String = "en"
    @Option(help: "Who commissions the project's evaluation.")
    var commissioner: String?

    func validate() throws {
      guard Language(rawValue: language) != nil else {
        throw ValidationError("--language must be nl or en")
      }
      guard cadence > 0 else { throw ValidationError("--cadence must be at least 1 day") }
    }

    func run() throws {
      let name =
        project ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath).lastPathComponent
      let config = ReflectionConfig(
        project: name, team: member, cadenceDays: cadence,
        language: Language(rawValue: language) ?? .en,
        commissioner: commissioner)
      do {
        try ReflectionLog.initialise(folder: options.dir, config: config)
      } catch {
        StandardError.line("metaeval: \(error)")
        throw ExitCode(2)
      }
      print("Created \(options.dir)/config.yaml and \(options.dir)/README.md")
    }
  }

  struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "new",
      abstract: "Write a new entry (from a template whose prompts fit the moment).",
      discussion: """
        The body is --message, or what stdin holds when it is not a terminal, or the template \
        (with --edit, opened in $VISUAL or $EDITOR; an entry left unchanged is discarded). \
        An action is 'TEXT; owner=NAME; due=YYYY-MM-DD'. The entry never overwrites a file: \
        the name gets a suffix when it is taken.
        """)

    @OptionGroup var options: ReflectOptions
    @Option(help: "before, during or after.")
    var moment: Moment
    @Option(help: "formal or informal.")
    var setting: Setting = .informal
    @Option(help: "sponsor, team or self (default: the config's).")
    var audience: Audience?
    @Option(help: "The entry's title.")
    var title: String?
    @Option(help: "A tag (repeatable).")
    var tag: [String] = []
    @Option(help: "An author (repeatable; default: $USER).")
    var author: [String] = []
    @Option(help: "An action: 'TEXT; owner=NAME; due=YYYY-MM-DD' (repeatable).")
    var action: [String] = []
    @Option(help: "The date, YYYY-MM-DD (default: today).")
    var date: String?
    @Option(help: "The body text.")
    var message: String?
    @Flag(help: "Edit the entry in $VISUAL or $EDITOR before it is saved.")
    var edit = false

    func validate() throws {
      try ReflectOptions.validateDate(date, option: "--date")
      if edit && message != nil { throw ValidationError("--edit and --message exclude each other") }
      for item in action { _ = try Self.parseAction(item, id: "A1") }
    }

    static func parseAction(_ text: String, id: String) throws -> ReflectionAction {
      let parts = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
      guard let first = parts.first, !first.isEmpty else {
        throw ValidationError("--action needs a text")
      }
      var action = ReflectionAction(id: id, text: first)
      for part in parts.dropFirst() {
        let pair = part.split(separator: "=", maxSplits: 1).map {
          $0.trimmingCharacters(in: .whitespaces)
        }
        guard pair.count == 2 else {
          throw ValidationError("--action: '\(part)' is not key=value (owner=, due=)")
        }
        switch pair[0] {
        case "owner": action.owner = pair[1]
        case "due":
          guard ReflectionDates.isValid(pair[1]) else {
            throw ValidationError("--action: due must be YYYY-MM-DD")
          }
          action.due = pair[1]
        default: throw ValidationError("--action: unknown key '\(pair[0])' (owner, due)")
        }
      }
      return action
    }

    func run() throws {
      let log = try options.log(warn: false)
      let language = log.config.language
      let defaultTitle =
        language == .nl
        ? [
          "before": "Reflectie vooraf", "during": "Reflectie tijdens het project",
          "after": "Reflectie achteraf",
        ][moment.rawValue]!
        : [
          "before": "Reflection before the project", "during": "Reflection during the project",
          "after": "Reflection after the project",
        ][moment.rawValue]!
      let template = ReflectionTemplates.body(for: moment, language: language)
      var body = template
      if let message {
        body = "\n" + message + "\n"
      } else if edit {
        guard let edited = try Self.editInEditor(template) else {
          print("The entry was left unchanged and is discarded.")
          return
        }
        body = edited
      } else if isatty(STDIN_FILENO) == 0 {
        let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        if !input.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { body = "\n" + input }
      }
      let actions = try action.enumerated().map {
        try Self.parseAction($0.element, id: "A\($0.offset + 1)")
      }
      let authors =
        author.isEmpty
        ? [ProcessInfo.processInfo.environment["USER"] ?? ""].filter { !$0.isEmpty } : author
      let entry = ReflectionEntry(
        id: "", path: "", date: date ?? options.todayString, moment: moment, setting: setting,
        audience: audience ?? log.config.defaultAudience, title: title ?? defaultTitle,
        authors: authors,
        tags: tag, project: log.config.project, actions: actions, body: body)
      do {
        let created = try log.create(entry)
        print(created.path)
      } catch {
        StandardError.line("metaeval: \(error)")
        throw ExitCode(2)
      }
    }

    /// Opens the text in the user's editor; nil when it comes back unchanged.
    static func editInEditor(_ text: String) throws -> String? {
      let environment = ProcessInfo.processInfo.environment
      guard let editor = environment["VISUAL"] ?? environment["EDITOR"], !editor.isEmpty else {
        StandardError.line("metaeval: --edit needs $VISUAL or $EDITOR")
        throw ExitCode(2)
      }
      let file = (NSTemporaryDirectory() as NSString).appendingPathComponent(
        "metaeval-reflection-\(UUID().uuidString).md")
      try text.write(toFile: file, atomically: true, encoding: .utf8)
      defer { try? FileManager.default.removeItem(atPath: file) }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      // The editor may carry arguments ("code --wait"); the file name is ours and passed as $1.
      process.arguments = ["-c", editor + " \"$1\"", "sh", file]
      try process.run()
      process.waitUntilExit()
      guard process.terminationStatus == 0 else {
        StandardError.line(
          "metaeval: the editor exited with status \(process.terminationStatus); nothing saved")
        throw ExitCode(2)
      }
      let edited = try String(contentsOfFile: file, encoding: .utf8)
      return edited == text ? nil : edited
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List entries, filtered.",
      discussion: "Broken files are left out with one warning on stderr; the exit code stays 0.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @OptionGroup var options: ReflectOptions
    @Option(help: "Only this moment.")
    var moment: Moment?
    @Option(help: "Only this audience.")
    var audience: Audience?
    @Option(help: "Only entries with this tag.")
    var tag: String?
    @Option(help: "Only entries on or after this date, YYYY-MM-DD.")
    var since: String?
    @Option(help: "Only entries on or before this date, YYYY-MM-DD.")
    var until: String?
    @Flag(help: "Only entries with open actions.")
    var openActions = false
    @Option(help: "text, json or csv.")
    var format: Format = .text

    func validate() throws {
      try ReflectOptions.validateDate(since, option: "--since")
      try ReflectOptions.validateDate(until, option: "--until")
    }

    func run() throws {
      let log = try options.log()
      let entries = log.entries.filter { entry in
        (moment == nil || entry.moment == moment) && (audience == nil || entry.audience == audience)
          && (tag == nil || entry.tags.contains(tag!)) && (since == nil || entry.date >= since!)
          && (until == nil || entry.date <= until!)
          && (!openActions || entry.actions.contains { $0.status == .open })
      }
      var output = StandardOutput()
      switch format {
      case .json:
        output.write(try ReflectionListing.json(entries))
      case .csv:
        output.write(ReflectionListing.csv(entries))
      case .text:
        for entry in entries {
          let open = entry.actions.filter { $0.status == .open }.count
          output.write(
            "\(entry.date)  \(entry.moment.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0))  \(entry.audience.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(Escape.terminal(entry.title))\(open > 0 ? "  [\(open) open]" : "")  (\(entry.id))\n"
          )
        }
      }
      output.flush()
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "Print one entry.")

    @OptionGroup var options: ReflectOptions
    @Argument(help: "The entry's id (file name without .md) or path.")
    var entry: String

    func run() throws {
      let log = try options.log(warn: false)
      do {
        let found = try log.entry(entry)
        print(try String(contentsOfFile: found.path, encoding: .utf8), terminator: "")
      } catch {
        StandardError.line("metaeval: \(error)")
        throw ExitCode(2)
      }
    }
  }

  struct Done: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "done",
      abstract: "Close an action in place (only its status line changes).",
      discussion:
        "ACTION is ENTRY/ID (e.g. 2026-11-29-sprint-12/A1), or ID when only one action has it.")

    @OptionGroup var options: ReflectOptions
    @Argument(help: "The action: ENTRY/ID or ID.")
    var action: String
    @Flag(help: "Mark it dropped instead of done.")
    var drop = false
    @Flag(help: "Open it again.")
    var reopen = false

    func run() throws {
      let log = try options.log(warn: false)
      do {
        let status: ActionStatus = reopen ? .open : drop ? .dropped : .done
        let changed = try log.setStatus(action, to: status)
        print("\(action): \(changed.status.rawValue) (\(changed.text))")
      } catch {
        StandardError.line("metaeval: \(error)")
        throw ExitCode(2)
      }
    }
  }

  struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "summary",
      abstract:
        "Coverage of moments and audiences, cadence, open and overdue actions, and the log against the rubric."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var options: ReflectOptions
    @OptionGroup var scoring: ScoringOptions
    @Option(help: "text or json.")
    var format: Format = .text

    func run() throws {
      let log = try options.log()
      let summary = ReflectionSummary(
        log: log, today: options.todayString, scorer: try scoring.scorer())
      switch format {
      case .text: print(summary.text, terminator: "")
      case .json:
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(summary), as: UTF8.self))
      }
    }
  }

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Gather the log into a draft evaluation report that 'metaeval check' can score.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, json }

    @OptionGroup var options: ReflectOptions
    @Option(help: "md, html or json.")
    var format: Format = .md
    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.")
    var output: String?

    func run() throws {
      let draft = ReflectionDraft(log: try options.log())
      let text: String
      switch format {
      case .md: text = draft.markdown
      case .html: text = draft.html
      case .json:
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        text = String(decoding: try encoder.encode(draft), as: UTF8.self) + "\n"
      }
      if let output {
        do {
          try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
          StandardError.line("metaeval: \(output): cannot write (\(error.localizedDescription))")
          throw ExitCode(2)
        }
      } else {
        print(text, terminator: "")
      }
    }
  }

  struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "lint",
      abstract: "Check every entry: front matter, known values, dates, actions.",
      discussion:
        "Prints file:line: problem per problem. Exit codes: 0 all good; 1 problems found; 2 no log."
    )

    @OptionGroup var options: ReflectOptions

    func run() throws {
      let log = try options.log(warn: false)
      for problem in log.problems { print(problem.description) }
      if !log.problems.isEmpty { throw ExitCode(1) }
      print("\(log.entries.count) entr\(log.entries.count == 1 ? "y" : "ies") ok")
    }
  }
}
