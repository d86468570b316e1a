import Foundation
import Yams

/// `reflections/config.yaml`.
public struct ReflectionConfig: Sendable, Equatable, Codable {
  public var project: String
  public var team: [String]
  public var defaultAudience: Audience
  /// Days between during-moments; `summary` warns when the last is longer ago.
  public var cadenceDays: Int
  /// Language of templates and the exported draft: nl or en.
  public var language: Language
  /// Who commissions the project's evaluation (named in the exported draft).
  public var commissioner: String?

  public init(
    project: String, team: [String] = [], defaultAudience: Audience = .team, cadenceDays: Int = 14,
    language: Language = .en, commissioner: String? = nil
  ) {
    self.project = project
    self.team = team
    self.defaultAudience = defaultAudience
    self.cadenceDays = cadenceDays
    self.language = language
    self.commissioner = commissioner
  }

  enum CodingKeys: String, CodingKey {
    case project, team, language, commissioner
    case defaultAudience = "default_audience"
    case cadenceDays = "cadence_days"
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    project = try container.decodeIfPresent(String.self, forKey: .project) ?? "project"
    team = try container.decodeIfPresent([String].self, forKey: .team) ?? []
    defaultAudience =
      try container.decodeIfPresent(Audience.self, forKey: .defaultAudience) ?? .team
    cadenceDays = try container.decodeIfPresent(Int.self, forKey: .cadenceDays) ?? 14
    language = try container.decodeIfPresent(Language.self, forKey: .language) ?? .en
    commissioner = try container.decodeIfPresent(String.self, forKey: .commissioner)
  }

  /// The file as `init` writes it, with a comment per field.
  public var yaml: String {
    var text = "# metaeval reflection log settings\n"
    text += "project: \(YAMLText.quote(project))\n"
    text += "team: [\(team.map(YAMLText.quote).joined(separator: ", "))]\n"
    text += "default_audience: \(defaultAudience.rawValue)   # sponsor | team | self\n"
    text += "cadence_days: \(cadenceDays)   # days between during-moments\n"
    text += "language: \(language.rawValue)   # nl | en: templates and the exported draft\n"
    text +=
      "commissioner: \(commissioner.map(YAMLText.quote) ?? "\"\"")   # who commissions the project's evaluation\n"
    return text
  }
}

/// Quoting for the YAML metaeval writes.
enum YAMLText {
  static func quote(_ text: String) -> String {
    var escaped = ""
    for character in text {
      switch character {
      case "\\": escaped += "\\\\"
      case "\"": escaped += "\\\""
      case "\n": escaped += "\\n"
      case "\t": escaped += "\\t"
      default: escaped.append(character)
      }
    }
    return "\"" + escaped + "\""
  }
}
