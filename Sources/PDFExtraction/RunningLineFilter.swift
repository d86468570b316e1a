import Foundation

/// Removes running headers, footers and page numbers.
///
/// A running line is one that stands near the top or bottom of most pages (digits folded, so
/// "Pagina 3/6" and "Pagina 4/6" are the same line), or a bare page number there
/// ("12", "- 12 -", "Page 3 of 9", "Pagina 3/6", "iv").
public enum RunningLineFilter {
  /// How many non-empty lines at the top and at the bottom of a page are looked at.
  static let zone = 4
  /// The share of pages a line must stand on to be a running line.
  static let share = 0.4

  public static func filter(pages: [String]) -> [String] {
    let split = pages.map { $0.split(separator: "\n", omittingEmptySubsequences: false) }
    var pagesPerKey: [String: Int] = [:]
    for lines in split {
      var seen = Set<String>()
      for position in zonePositions(lines) {
        let key = foldedKey(lines[position])
        if !key.isEmpty { seen.insert(key) }
      }
      for key in seen { pagesPerKey[key, default: 0] += 1 }
    }
    let threshold = max(2, Int((share * Double(pages.count)).rounded(.up)))
    let running = Set(pagesPerKey.filter { pages.count >= 2 && $0.value >= threshold }.keys)

    return split.map { lines in
      var drop = Set<Int>()
      for position in zonePositions(lines) {
        let line = lines[position]
        if running.contains(foldedKey(line)) || isPageNumber(line) { drop.insert(position) }
      }
      guard !drop.isEmpty else { return lines.joined(separator: "\n") }
      return lines.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
        .joined(separator: "\n")
    }
  }

  /// Indexes of the first and last `zone` non-empty lines.
  static func zonePositions(_ lines: [Substring]) -> [Int] {
    let nonEmpty = lines.indices.filter { !lines[$0].allSatisfy(\.isWhitespace) }
    return Array(Set(nonEmpty.prefix(zone)).union(nonEmpty.suffix(zone))).sorted()
  }

  /// The line lower-cased with runs of digits folded to `#` and white space collapsed.
  static func foldedKey(_ line: Substring) -> String {
    var key = ""
    var lastWasDigit = false
    var lastWasSpace = true
    for character in line.lowercased() {
      if character.isNumber {
        if !lastWasDigit { key.append("#") }
        lastWasDigit = true
        lastWasSpace = false
      } else if character.isWhitespace {
        if !lastWasSpace { key.append(" ") }
        lastWasSpace = true
        lastWasDigit = false
      } else {
        key.append(character)
        lastWasDigit = false
        lastWasSpace = false
      }
    }
    while key.hasSuffix(" ") { key.removeLast() }
    return key
  }

  static let pageWords: Set<String> = ["pagina", "page", "p.", "pag.", "blz.", "blz", "bladzijde", "pg."]
  static let separatorWords: Set<String> = ["/", "van", "of", "|", "de", "-"]

  /// "12", "- 12 -", "Page 3 of 9", "Pagina 3/6", "3 | 12", "iv".
  static func isPageNumber(_ line: Substring) -> Bool {
    let text = line.lowercased()
      .replacingOccurrences(of: "/", with: " / ")
      .replacingOccurrences(of: "|", with: " | ")
    var tokens = text.split(whereSeparator: \.isWhitespace).map(String.init)
    tokens.removeAll { $0 == "-" || $0 == "–" || $0 == "—" }
    guard !tokens.isEmpty, tokens.count <= 5 else { return false }
    if tokens.count == 1, tokens[0].count <= 6, tokens[0].allSatisfy({ "ivxlc".contains($0) }) {
      return true
    }
    var sawNumber = false
    for (position, token) in tokens.enumerated() {
      if token.allSatisfy(\.isNumber), token.count <= 4 {
        sawNumber = true
      } else if position == 0, pageWords.contains(token) {
        continue
      } else if separatorWords.contains(token), sawNumber {
        continue
      } else {
        return false
      }
    }
    return sawNumber
  }
}
