import Foundation

/// The log gathered into a draft evaluation report: question, commissioner, method (the
/// reflection sessions), findings per product / process / people, recommendations with owners.
public struct ReflectionDraft: Sendable, Codable, Equatable {
  public struct Session: Sendable, Codable, Equatable {
    public var date: String
    public var title: String
    public var moment: Moment
    public var audience: Audience
    public var setting: Setting
    public var authors: [String]
  }

  public struct Recommendation: Sendable, Codable, Equatable {
    public var reference: String
    public var text: String
    public var owner: String?
    public var due: String?
    public var status: ActionStatus
  }

  public var language: Language
  public var project: String
  public var questions: [String]
  public var commissioner: String?
  public var sessions: [Session]
  public var product: [String]
  public var process: [String]
  public var people: [String]
  public var other: [String]
  public var recommendations: [Recommendation]
  public var advice: [String]

  /// The kinds of section an entry body has, by the words of its heading.
  enum Part { case question, commissioner, product, process, people, recommendation, other }

  static func part(of heading: String) -> Part {
    let text = heading.lowercased()
    func has(_ words: String...) -> Bool { words.contains { text.contains($0) } }
    if has("question", "vraag") { return .question }
    if has("commission", "opdrachtgever", "sponsor") { return .commissioner }
    if has("product") { return .product }
    if has("process", "proces") { return .process }
    if has("people", "mensen", "team", "samenwerking", "collaboration") { return .people }
    if has("recommend", "aanbevel", "change", "veranderen", "advies", "advice") {
      return .recommendation
    }
    return .other
  }

  /// The sections of a Markdown body: (heading, content) with comments and blank lines removed.
  static func sections(of body: String) -> [(String, String)] {
    var sections: [(String, [String])] = [("", [])]
    var inComment = false
    for rawLine in body.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = String(rawLine)
      if inComment {
        guard let end = line.range(of: "-->") else { continue }
        line = String(line[end.upperBound...])
        inComment = false
      }
      while let start = line.range(of: "<!--") {
        if let end = line.range(of: "-->", range: start.upperBound..<line.endIndex) {
          line.removeSubrange(start.lowerBound..<end.upperBound)
        } else {
          line = String(line[..<start.lowerBound])
          inComment = true
        }
      }
      if line.hasPrefix("#") {
        let heading = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
        sections.append((heading, []))
      } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
        sections[sections.count - 1].1.append(line.trimmingCharacters(in: .whitespaces))
      }
    }
    return sections.compactMap { heading, lines in
      lines.isEmpty ? nil : (heading, lines.joined(separator: "\n"))
    }
  }

  public init(log: ReflectionLog) {
    language = log.config.language
    project = log.config.project
    var questions: [String] = []
    var commissioners: [String] = []
    var product: [String] = []
    var process: [String] = []
    var people: [String] = []
    var other: [String] = []
    var advice: [String] = []
    for entry in log.entries {
      for (heading, content) in Self.sections(of: entry.body) {
        switch Self.part(of: heading) {
        case .question: questions.append(content)
        case .commissioner: commissioners.append(content)
        case .product: product.append(content)
        case .process: process.append(content)
        case .people: people.append(content)
        case .recommendation: advice.append(content)
        case .other: other.append(content)
        }
      }
    }
    self.questions = questions
    let configured = log.config.commissioner.flatMap { $0.isEmpty ? nil : $0 }
    commissioner =
      configured
      ?? commissioners.last.map { $0.split(separator: "\n").first.map(String.init) ?? $0 }
    sessions = log.entries.map {
      Session(
        date: $0.date, title: $0.title, moment: $0.moment, audience: $0.audience,
        setting: $0.setting, authors: $0.authors)
    }
    self.product = product
    self.process = process
    self.people = people
    self.other = other
    self.advice = advice
    recommendations = log.entries.flatMap { entry in
      entry.actions.filter { $0.status != .dropped }.map {
        Recommendation(
          reference: "\(entry.id)/\($0.id)", text: $0.text, owner: $0.owner, due: $0.due,
          status: $0.status)
      }
    }
  }

  // MARK: Rendering

  struct Words {
    let title, intro, question, questionNone, commissionerHeading, commissionedBy, commissionerNone,
      method, methodText, sessionsHeading, findings, product, process, people, other,
      recommendations,
      recommendationsNone, owner, due: String
  }

  var words: Words {
    switch language {
    case .en:
      Words(
        title: "Evaluation of \(project): draft from the reflection log",
        intro:
          "This draft evaluation report was compiled by metaeval from \(sessions.count) reflection entries.",
        question: "Research question",
        questionNone: "No research question has been stated in the log yet.",
        commissionerHeading: "Commissioner", commissionedBy: "This evaluation was commissioned by",
        commissionerNone: "No commissioner has been named in the log yet.",
        method: "Method",
        methodText:
          "This evaluation is based on \(sessions.count) reflection sessions (team workshops and short reflections)\(dateRange), with \(participants), and on a review of the documents of the reflection log.",
        sessionsHeading: "Reflection sessions", findings: "Findings", product: "Product",
        process: "Process",
        people: "People", other: "Other notes", recommendations: "Recommendations",
        recommendationsNone: "The log holds no recommendations yet.", owner: "owner", due: "due")
    case .nl:
      Words(
        title: "Evaluatie van \(project): concept uit het reflectielogboek",
        intro:
          "Dit concept-evaluatierapport is door metaeval samengesteld uit \(sessions.count) reflecties.",
        question: "Onderzoeksvraag",
        questionNone: "In het logboek is nog geen onderzoeksvraag geformuleerd.",
        commissionerHeading: "Opdrachtgever",
        commissionedBy: "Deze evaluatie is uitgevoerd in opdracht van",
        commissionerNone: "In het logboek is nog geen opdrachtgever genoemd.",
        method: "Aanpak",
        methodText:
          "Deze evaluatie is gebaseerd op \(sessions.count) reflectiesessies (werksessies van het team en korte reflecties)\(dateRange), met \(participants), en op bestudering van de documenten van het reflectielogboek.",
        sessionsHeading: "Reflectiemomenten", findings: "Bevindingen", product: "Product",
        process: "Proces",
        people: "Mensen", other: "Overige notities", recommendations: "Aanbevelingen",
        recommendationsNone: "Het logboek bevat nog geen aanbevelingen.", owner: "eigenaar",
        due: "uiterlijk")
    }
  }

  var dateRange: String {
    guard let first = sessions.first?.date, let last = sessions.last?.date else { return "" }
    switch language {
    case .en: return first == last ? " on \(first)" : " from \(first) to \(last)"
    case .nl: return first == last ? " op \(first)" : " van \(first) tot en met \(last)"
    }
  }

  var participants: String {
    let names = Array(Set(sessions.flatMap(\.authors))).sorted()
    if names.isEmpty { return language == .nl ? "het projectteam" : "the project team" }
    return names.joined(separator: ", ")
  }

  /// The draft as Markdown (text from the log is escaped).
  public var markdown: String {
    let w = words
    var out = "# \(Escape.markdown(w.title))\n\n\(w.intro)\n\n## \(w.question)\n\n"
    if questions.isEmpty {
      out += w.questionNone + "\n"
    } else {
      let lead =
        language == .nl
        ? "De vraag die deze evaluatie beantwoordt is:" : "The question this evaluation answers is:"
      out +=
        questions.map { "\(lead) \(Escape.markdown(Self.sentence($0)))" }.joined(separator: "\n\n")
        + "\n"
    }
    out += "\n## \(w.commissionerHeading)\n\n"
    out += commissioner.map { "\(w.commissionedBy) \(Escape.markdown($0))." } ?? w.commissionerNone
    out += "\n\n## \(w.method)\n\n\(w.methodText)\n\n### \(w.sessionsHeading)\n\n"
    for session in sessions {
      out +=
        "- \(session.date): \(Escape.markdown(session.title)) (\(session.moment.rawValue), \(session.setting.rawValue), \(session.audience.rawValue))\n"
    }
    out += "\n## \(w.findings)\n"
    for (heading, texts) in [
      (w.product, product), (w.process, process), (w.people, people), (w.other, other),
    ] where !texts.isEmpty {
      out +=
        "\n### \(heading)\n\n"
        + texts.map { Escape.markdown($0.replacingOccurrences(of: "\n", with: " ")) }.joined(
          separator: "\n\n") + "\n"
    }
    out += "\n## \(w.recommendations)\n\n"
    if recommendations.isEmpty && advice.isEmpty {
      out += w.recommendationsNone + "\n"
    } else {
      let lead = language == .nl ? "Wij bevelen aan:" : "We recommend the following."
      out += lead + "\n\n"
      for (index, item) in recommendations.enumerated() {
        var line = "\(index + 1). \(Escape.markdown(item.text))"
        var details: [String] = []
        if let owner = item.owner { details.append("\(w.owner): \(Escape.markdown(owner))") }
        if let due = item.due { details.append("\(w.due) \(due)") }
        details.append(item.status.rawValue)
        line += " (\(details.joined(separator: ", ")))"
        out += line + "\n"
      }
      for text in advice {
        out += "\n" + Escape.markdown(text.replacingOccurrences(of: "\n", with: " ")) + "\n"
      }
    }
    return out
  }

  /// The draft as one HTML page (text from the log is escaped).
  public var html: String {
    let w = words
    var out =
      "<!doctype html>\n<html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
    out +=
      "<title>\(Escape.html(w.title))</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem}</style></head><body>\n"
    out +=
      "<h1>\(Escape.html(w.title))</h1>\n<p>\(Escape.html(w.intro))</p>\n<h2>\(w.question)</h2>\n"
    if questions.isEmpty {
      out += "<p>\(w.questionNone)</p>\n"
    } else {
      let lead =
        language == .nl
        ? "De vraag die deze evaluatie beantwoordt is:" : "The question this evaluation answers is:"
      for question in questions {
        out += "<p>\(lead) \(Escape.html(Self.sentence(question)))</p>\n"
      }
    }
    out +=
      "<h2>\(w.commissionerHeading)</h2>\n<p>\(commissioner.map { "\(w.commissionedBy) \(Escape.html($0))." } ?? w.commissionerNone)</p>\n"
    out +=
      "<h2>\(w.method)</h2>\n<p>\(Escape.html(w.methodText))</p>\n<h3>\(w.sessionsHeading)</h3>\n<ul>\n"
    for session in sessions {
      out +=
        "<li>\(session.date): \(Escape.html(session.title)) (\(session.moment.rawValue), \(session.setting.rawValue), \(session.audience.rawValue))</li>\n"
    }
    out += "</ul>\n<h2>\(w.findings)</h2>\n"
    for (heading, texts) in [
      (w.product, product), (w.process, process), (w.people, people), (w.other, other),
    ] where !texts.isEmpty {
      out += "<h3>\(heading)</h3>\n" + texts.map { "<p>\(Escape.html($0))</p>\n" }.joined()
    }
    out += "<h2>\(w.recommendations)</h2>\n"
    if recommendations.isEmpty && advice.isEmpty {
      out += "<p>\(w.recommendationsNone)</p>\n"
    } else {
      out +=
        "<p>\(language == .nl ? "Wij bevelen aan:" : "We recommend the following.")</p>\n<ol>\n"
      for item in recommendations {
        var details: [String] = []
        if let owner = item.owner { details.append("\(w.owner): \(Escape.html(owner))") }
        if let due = item.due { details.append("\(w.due) \(due)") }
        details.append(item.status.rawValue)
        out += "<li>\(Escape.html(item.text)) (\(details.joined(separator: ", ")))</li>\n"
      }
      out += "</ol>\n" + advice.map { "<p>\(Escape.html($0))</p>\n" }.joined()
    }
    return out + "</body></html>\n"
  }

  /// A text as one sentence: lines joined, a full stop or question mark at the end.
  static func sentence(_ text: String) -> String {
    let flat = text.split(separator: "\n").joined(separator: " ").trimmingCharacters(
      in: .whitespaces)
    guard let last = flat.last else { return flat }
    return ".?!".contains(last) ? flat : flat + "."
  }
}
