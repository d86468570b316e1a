import Foundation

/// `reflect list` as JSON or CSV.
public enum ReflectionListing {
  struct Item: Encodable {
    var id: String
    var file: String
    var date: String
    var moment: Moment
    var setting: Setting
    var audience: Audience
    var title: String
    var authors: [String]
    var tags: [String]
    var project: String?
    var actions: [ReflectionAction]
  }

  public static func json(_ entries: [ReflectionEntry]) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    let items = entries.map {
      Item(
        id: $0.id, file: ($0.path as NSString).lastPathComponent, date: $0.date, moment: $0.moment,
        setting: $0.setting, audience: $0.audience, title: $0.title, authors: $0.authors,
        tags: $0.tags,
        project: $0.project, actions: $0.actions)
    }
    return String(decoding: try encoder.encode(items), as: UTF8.self) + "\n"
  }

  public static func csv(_ entries: [ReflectionEntry]) -> String {
    let writer = CSVWriter()
    var out = writer.row([
      "id", "date", "moment", "setting", "audience", "title", "authors", "tags", "open_actions",
      "actions",
    ])
    for entry in entries {
      out += writer.row([
        entry.id, entry.date, entry.moment.rawValue, entry.setting.rawValue,
        entry.audience.rawValue, entry.title,
        entry.authors.joined(separator: ";"), entry.tags.joined(separator: ";"),
        String(entry.actions.filter { $0.status == .open }.count), String(entry.actions.count),
      ])
    }
    return out
  }
}
