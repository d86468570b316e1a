/// What the log adds up to: coverage of moments and audiences, cadence, open actions by
/// owner, and the log scored against a rubric as one draft report.
public struct ReflectionSummary: Sendable, Codable {
  public struct CoverageRow: Sendable, Codable, Equatable {
    public var moment: Moment
    public var sponsor: Int
    public var team: Int
    public var `self`: Int
  }

  public struct ActionLine: Sendable, Codable, Equatable {
    public var reference: String
    public var text: String
    public var due: String?
    public var overdue: Bool
  }

  public struct OwnerActions: Sendable, Codable, Equatable {
    public var owner: String
    public var open: Int
    public var overdue: Int
    public var actions: [ActionLine]
  }

  public struct RubricLine: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var met: Bool
  }

  public var project: String
  public var today: String
  public var entries: Int
  public var brokenFiles: Int
  public var coverage: [CoverageRow]
  public var lastDuring: String?
  public var daysSinceDuring: Int?
  public var cadenceDays: Int
  public var cadenceExceeded: Bool
  public var openActions: [OwnerActions]
  public var rubric: [RubricLine]

  enum CodingKeys: String, CodingKey {
    case project, today, entries, coverage, rubric
    case brokenFiles = "broken_files"
    case lastDuring = "last_during"
    case daysSinceDuring = "days_since_during"
    case cadenceDays = "cadence_days"
    case cadenceExceeded = "cadence_exceeded"
    case openActions = "open_actions"
  }

  public init(log: ReflectionLog, today: String, scorer: Scorer?) {
    project = log.config.project
    self.today = today
    entries = log.entries.count
    brokenFiles = Set(log.problems.map(\.path)).count
    coverage = Moment.allCases.map { moment in
      let entries = log.entries.filter { $0.moment == moment }
      return CoverageRow(
        moment: moment, sponsor: entries.filter { $0.audience == .sponsor }.count,
        team: entries.filter { $0.audience == .team }.count,
        self: entries.filter { $0.audience == .self }.count)
    }
    lastDuring = log.entries.filter { $0.moment == .during }.map(\.date).max()
    daysSinceDuring = lastDuring.flatMap { ReflectionDates.days(from: $0, to: today) }
    cadenceDays = log.config.cadenceDays
    cadenceExceeded = (daysSinceDuring ?? Int.max) > log.config.cadenceDays
    var byOwner: [String: [ActionLine]] = [:]
    for entry in log.entries {
      for action in entry.actions where action.status == .open {
        let overdue = action.due.map { $0 < today } ?? false
        byOwner[action.owner ?? "(no owner)", default: []].append(
          ActionLine(
            reference: "\(entry.id)/\(action.id)", text: action.text, due: action.due,
            overdue: overdue))
      }
    }
    openActions = byOwner.keys.sorted().map { owner in
      let actions = byOwner[owner]!
      return OwnerActions(
        owner: owner, open: actions.count, overdue: actions.filter(\.overdue).count,
        actions: actions)
    }
    var rubric: [RubricLine] = []
    if let scorer, !log.entries.isEmpty {
      let draft = ReflectionDraft(log: log)
      let result = scorer.score(
        DocumentText(file: "reflections", text: draft.markdown), language: log.config.language)
      for criterion in result.criteria where !criterion.id.isEmpty {
        if criterion.dimensions.isEmpty {
          rubric.append(
            RubricLine(id: criterion.id, title: criterion.title, met: criterion.verdict == .yes))
        }
        for dimension in criterion.dimensions {
          rubric.append(
            RubricLine(
              id: "\(criterion.id)_\(dimension.id)", title: dimension.title,
              met: dimension.verdict == .yes))
        }
      }
    }
    self.rubric = rubric
  }

  public var text: String {
    var out = "Reflection log: \(project) (\(entries) entr\(entries == 1 ? "y" : "ies")"
    out +=
      brokenFiles > 0
      ? ", \(brokenFiles) file\(brokenFiles == 1 ? "" : "s") with problems)\n" : ")\n"
    out += "\nCoverage        sponsor  team  self\n"
    for row in coverage {
      out += "  " + row.moment.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
      out += String(format: "%9d %5d %5d\n", row.sponsor, row.team, row.`self`)
    }
    let missing = coverage.filter { $0.sponsor + $0.team + $0.`self` == 0 }.map(\.moment.rawValue)
    if !missing.isEmpty { out += "  no \(missing.joined(separator: ", ")) moment yet\n" }
    out += "\nCadence: "
    if let lastDuring, let days = daysSinceDuring {
      out += "last during-moment \(lastDuring), \(days) day\(days == 1 ? "" : "s") ago"
      out +=
        cadenceExceeded
        ? "; ⚠ longer than the cadence of \(cadenceDays) days\n"
        : " (cadence \(cadenceDays) days)\n"
    } else {
      out += "⚠ no during-moment yet (cadence \(cadenceDays) days)\n"
    }
    out += "\nOpen actions by owner\n"
    if openActions.isEmpty { out += "  none\n" }
    for owner in openActions {
      out +=
        "  \(Escape.terminal(owner.owner)): \(owner.open) open"
        + (owner.overdue > 0 ? ", \(owner.overdue) overdue" : "") + "\n"
      for action in owner.actions {
        out += "    - \(action.reference): \(Escape.terminal(action.text))"
        if let due = action.due { out += " (due \(due)\(action.overdue ? ", overdue" : ""))" }
        out += "\n"
      }
    }
    if !rubric.isEmpty {
      out += "\nThe log as an evaluation (rubric, on the exported draft)\n"
      for line in rubric { out += "  \(line.met ? "✓" : "✗") \(line.title)\n" }
    }
    return out
  }
}
