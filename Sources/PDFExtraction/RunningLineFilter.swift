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
  /// Running lines with a page number in them are short; a long line with a number is body text.
  static let maximumNumberedLineLength = 80

  public static func filter(pages: [String]) -> [String] {
    // Split on bytes: a line feed is a character of its own (the text has no carriage returns).
    let split = pages.map { $0.lineSlices() }
    guard pages.count >= 2 else {
      return zip(pages, split).map { page, lines in
        dropLines(lines, of: page) { line, _ in isPageNumber(line) }
      }
    }
    // Exact lines, and lines equal but for a number that moves in step with the page
    // ("Pagina 3/6", "3 | Rapport"): a number that merely differs ("Bevinding 3",
    // "Bevinding 4" on a page each) is content, not a running line.
    // Headers are counted at the top of pages and footers at the bottom, each on its own:
    // a body sentence that happens to stand near an edge on several pages does not add up.
    // Per edge (0 top, 1 bottom): on how many pages each line stands, and where numbered
    // lines (by folded key) carry which numbers.
    var pagesPerLine: [[String: Int]] = [[:], [:]]
    var numbersPerKey: [[String: [(page: Int, numbers: [Int])]]] = [[:], [:]]
    for (pageIndex, lines) in split.enumerated() {
      for (edge, positions) in [topPositions(lines), bottomPositions(lines)].enumerated() {
        var seen = Set<String>()
        for position in positions {
          let line = normalizedLine(lines[position])
          guard !line.isEmpty, seen.insert(line).inserted else { continue }
          pagesPerLine[edge][line, default: 0] += 1
          let numbers = numbersIn(line)
          if !numbers.isEmpty, line.count <= maximumNumberedLineLength {
            numbersPerKey[edge][foldedKey(lines[position]), default: []].append(
              (pageIndex, numbers))
          }
        }
      }
    }
    let threshold = max(2, Int((share * Double(pages.count)).rounded(.up)))
    let runningLines = pagesPerLine.map { Set($0.filter { $0.value >= threshold }.keys) }
    // Two pages can agree on a number by chance; three rarely do.
    let runningKeys = numbersPerKey.map {
      Set($0.filter { movesWithPage($0.value, threshold: max(3, threshold)) }.keys)
    }

    let inText = pageNumbersInText(split, threshold: max(3, threshold))
    return split.enumerated().map { pageIndex, lines in
      var lines = lines
      var page: String? = pages[pageIndex]
      if let positions = inText[pageIndex] {
        for position in positions.sorted(by: >) { lines.remove(at: position) }
        page = nil
      }
      return dropLines(lines, of: page) { line, edge in
        !runningLines[edge].isEmpty && runningLines[edge].contains(normalizedLine(line))
          || !runningKeys[edge].isEmpty && runningKeys[edge].contains(foldedKey(line))
          || isPageNumber(line)
      }
    }
  }

  /// Page numbers that poppler's reading order puts in the middle of the text (a header in a
  /// side bar, a footer read before the last column), with the running title beside them.
  ///
  /// A bare number counts when it moves in step with the page on at least `threshold` pages:
  /// one printed page per sheet (n = i + k), or two, as in a PDF of spreads (n = 2i + k or
  /// 2i + k + 1). A line next to it counts when the same line stands on `threshold` pages.
  /// Returns, per page, the line positions to drop.
  static func pageNumbersInText(_ pages: [[Substring]], threshold: Int) -> [Int: [Int]] {
    var numbers: [[(position: Int, value: Int)]] = []
    for lines in pages {
      var onPage: [(Int, Int)] = []
      for (position, line) in lines.enumerated() where mayBeBareNumber(line) {
        if let number = bareNumber(normalizedLine(line)) { onPage.append((position, number)) }
      }
      numbers.append(onPage)
    }
    // For each step, the offsets each page supports; the offset supported by the most pages
    // wins, and among those the one that explains the most numbers (both pages of a spread).
    var best: (step: Int, offset: Int, pages: Int, numbers: Int)?
    for step in [1, 2] {
      var pagesFor: [Int: Int] = [:]
      var numbersFor: [Int: Int] = [:]
      for (pageIndex, onPage) in numbers.enumerated() {
        var offsets = Set<Int>()
        for number in onPage {
          let offset = number.value - step * pageIndex
          for candidate in step == 2 ? [offset, offset - 1] : [offset] {
            offsets.insert(candidate)
            numbersFor[candidate, default: 0] += 1
          }
        }
        for offset in offsets { pagesFor[offset, default: 0] += 1 }
      }
      for (offset, count) in pagesFor.sorted(by: { $0.key < $1.key }) {
        let explained = numbersFor[offset] ?? 0
        if best == nil || (count, explained) > (best!.pages, best!.numbers) {
          best = (step, offset, count, explained)
        }
      }
    }
    guard let best, best.pages >= threshold else { return [:] }
    // The lines beside the numbers, and then on how many pages each of them stands.
    var matchesPerPage: [Int: [(position: Int, value: Int)]] = [:]
    var besideNumbers = Set<String>()
    for (pageIndex, lines) in pages.enumerated() {
      let expected = best.offset + best.step * pageIndex
      let matches = numbers[pageIndex].filter {
        $0.value == expected || (best.step == 2 && $0.value == expected + 1)
      }
      guard !matches.isEmpty else { continue }
      matchesPerPage[pageIndex] = matches
      for match in matches {
        for neighbour in [
          match.position - 2, match.position - 1, match.position + 1, match.position + 2,
        ]
        where lines.indices.contains(neighbour) {
          besideNumbers.insert(normalizedLine(lines[neighbour]))
        }
      }
    }
    // A line can only be one of those when it starts with the same byte once its white space
    // is dropped: lines that start with another ASCII character are not normalised (a line
    // that starts with anything else, a no-break space perhaps, still is).
    var leads = [Bool](repeating: false, count: 128)
    for text in besideNumbers {
      if let byte = text.utf8.first, byte < 0x80 { leads[Int(byte)] = true }
    }
    var linesOnPages: [String: Int] = [:]
    for lines in pages {
      var seen = Set<String>()
      for line in lines {
        // All ASCII white space: it normalises to nothing, which is never counted.
        guard let lead = line.utf8.first(where: { !UTF8Bytes.isSpace($0) })
        else { continue }
        if lead < 0x80 && !leads[Int(lead)] { continue }
        let text = normalizedLine(line)
        if besideNumbers.contains(text), !text.isEmpty, text.count <= maximumNumberedLineLength,
          seen.insert(text).inserted
        {
          linesOnPages[text, default: 0] += 1
        }
      }
    }
    var result: [Int: [Int]] = [:]
    for (pageIndex, matches) in matchesPerPage {
      let lines = pages[pageIndex]
      var drop = Set(matches.map(\.position))
      for match in matches {
        for neighbour in [
          match.position - 2, match.position - 1, match.position + 1, match.position + 2,
        ]
        where lines.indices.contains(neighbour) {
          let text = normalizedLine(lines[neighbour])
          if !text.isEmpty, (linesOnPages[text] ?? 0) >= threshold { drop.insert(neighbour) }
        }
      }
      result[pageIndex] = drop.sorted()
    }
    return result
  }

  /// False when the line surely is not a bare number once its white space is collapsed: it
  /// holds an ASCII character that is neither a digit nor white space.
  static func mayBeBareNumber(_ line: Substring) -> Bool {
    line.utf8.allSatisfy { byte in
      byte >= 0x80 || (0x30...0x39).contains(byte) || UTF8Bytes.isSpace(byte)
    }
  }

  static func bareNumber(_ line: String) -> Int? {
    guard (1...4).contains(line.count), line.allSatisfy({ $0.isASCII && $0.isNumber }) else {
      return nil
    }
    return Int(line)
  }

  /// The lines without those `isRunning` picks at the edges; `page` is the text the lines
  /// came from, returned as it is when nothing is dropped (nil when lines were taken out).
  /// `isRunning` gets the line and its edge: 0 at the top, 1 at the bottom.
  private static func dropLines(
    _ lines: [Substring], of page: String?, where isRunning: (Substring, Int) -> Bool
  ) -> String {
    let drop = Set(
      topPositions(lines).filter { isRunning(lines[$0], 0) }
        + bottomPositions(lines).filter { isRunning(lines[$0], 1) })
    guard !drop.isEmpty else { return page ?? lines.joined(separator: "\n") }
    return lines.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
      .joined(separator: "\n")
  }

  /// True when, at some position in the line, the number minus the page's position is the
  /// same on at least `threshold` pages.
  static func movesWithPage(_ occurrences: [(page: Int, numbers: [Int])], threshold: Int) -> Bool {
    guard occurrences.count >= threshold else { return false }
    let positions = occurrences.map(\.numbers.count).max() ?? 0
    for position in 0..<positions {
      var offsets: [Int: Int] = [:]
      for occurrence in occurrences where position < occurrence.numbers.count {
        offsets[occurrence.numbers[position] - occurrence.page, default: 0] += 1
      }
      if let best = offsets.values.max(), best >= threshold { return true }
    }
    return false
  }

  /// The runs of ASCII digits in a line, as numbers (a run too long for an Int is left out).
  static func numbersIn(_ line: String) -> [Int] {
    var numbers: [Int] = []
    var value = 0
    var inRun = false
    var fits = true
    for byte in line.utf8 {
      if (0x30...0x39).contains(byte) {
        let (times, overflow) = value.multipliedReportingOverflow(by: 10)
        let (sum, carry) = times.addingReportingOverflow(Int(byte - 0x30))
        fits = fits && !overflow && !carry
        value = sum
        inRun = true
      } else {
        if inRun && fits { numbers.append(value) }
        value = 0
        inRun = false
        fits = true
      }
    }
    if inRun && fits { numbers.append(value) }
    return numbers
  }

  /// The line with white space collapsed and trimmed.
  static func normalizedLine(_ line: Substring) -> String {
    // Most lines have single spaces and no space at either end: nothing to do.
    let collapsed =
      line.utf8.withContiguousStorageIfAvailable(isCollapsed)
      ?? Array(line.utf8).withUnsafeBufferPointer(isCollapsed)
    if collapsed { return String(line) }
    return asciiCollapsed(line) ?? characterCollapsed(line)
  }

  /// Whether the bytes have white space only as single spaces between other characters
  /// (and some): then the line is its own normalised form. (A line has no line feed; one
  /// would count as white space, as it does for the characters.)
  static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var previousSpace = true
    for byte in bytes {
      let space = UTF8Bytes.isSpace(byte)
      if space && (previousSpace || byte != 0x20) { return false }
      previousSpace = space
    }
    return !previousSpace
  }

  /// `normalizedLine` character by character, for lines with more than ASCII.
  static func characterCollapsed(_ line: Substring) -> String {
    line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// `normalizedLine` on the bytes of an all-ASCII line (its white space is then 09-0D and
  /// 20, one byte each); nil when the line holds other characters.
  static func asciiCollapsed(_ line: Substring) -> String? {
    var collapsed: [UInt8] = []
    collapsed.reserveCapacity(line.utf8.count)
    var spaceBefore = false
    for byte in line.utf8 {
      if byte >= 0x80 { return nil }
      if UTF8Bytes.isSpace(byte) {
        spaceBefore = !collapsed.isEmpty
        continue
      }
      if spaceBefore { collapsed.append(0x20) }
      spaceBefore = false
      collapsed.append(byte)
    }
    return String(decoding: collapsed, as: UTF8.self)
  }

  /// Indexes of the first `zone` non-empty lines.
  static func topPositions(_ lines: [Substring]) -> [Int] {
    Array(lines.indices.lazy.filter { !isBlank(lines[$0]) }.prefix(zone))
  }

  /// Indexes of the last `zone` non-empty lines.
  static func bottomPositions(_ lines: [Substring]) -> [Int] {
    Array(lines.indices.reversed().lazy.filter { !isBlank(lines[$0]) }.prefix(zone))
  }

  /// Whether the line is all white space. Read on its bytes up to the first that is not
  /// ASCII white space: an ASCII character there starts a character that is not white space;
  /// any other byte leaves the answer to the characters.
  static func isBlank(_ line: Substring) -> Bool {
    guard let first = line.utf8.first(where: { !UTF8Bytes.isSpace($0) }) else { return true }
    return first < 0x80 ? false : line.allSatisfy(\.isWhitespace)
  }

  /// The line lower-cased with runs of digits folded to `#` and white space collapsed.
  static func foldedKey(_ line: Substring) -> String {
    asciiFoldedKey(line) ?? characterFoldedKey(line)
  }

  /// `foldedKey` character by character, for lines with more than ASCII.
  static func characterFoldedKey(_ line: Substring) -> String {
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

  /// `foldedKey` on the bytes of an all-ASCII line (digits, white space and capitals are then
  /// 0-9, 09-0D and 20, and A-Z); nil when the line holds other characters.
  static func asciiFoldedKey(_ line: Substring) -> String? {
    var key: [UInt8] = []
    key.reserveCapacity(line.utf8.count)
    var lastWasDigit = false
    var lastWasSpace = true
    for byte in line.utf8 {
      if byte >= 0x80 { return nil }
      if (0x30...0x39).contains(byte) {
        if !lastWasDigit { key.append(0x23) }
        lastWasDigit = true
        lastWasSpace = false
      } else if UTF8Bytes.isSpace(byte) {
        if !lastWasSpace { key.append(0x20) }
        lastWasSpace = true
        lastWasDigit = false
      } else {
        key.append(UTF8Bytes.lowered(byte))
        lastWasDigit = false
        lastWasSpace = false
      }
    }
    while key.last == 0x20 { key.removeLast() }
    return String(decoding: key, as: UTF8.self)
  }

  static let pageWords: Set<String> = [
    "pagina", "page", "p.", "pag.", "blz.", "blz", "bladzijde", "pg.",
  ]
  static let separatorWords: Set<String> = ["/", "van", "of", "|", "de", "-"]

  /// True for an all-ASCII line without a digit that holds a letter no Roman numeral has:
  /// with no number to find, only a lone Roman numeral could be a page number.
  static func surelyNoPageNumber(_ line: Substring) -> Bool {
    var otherLetter = false
    for byte in line.utf8 {
      if byte >= 0x80 || (0x30...0x39).contains(byte) { return false }
      switch byte | 0x20 {
      case 0x69, 0x76, 0x78, 0x6C, 0x63: break  // i v x l c
      case 0x61...0x7A: otherLetter = true
      default: break
      }
    }
    return otherLetter
  }

  /// "12", "- 12 -", "Page 3 of 9", "Pagina 3/6", "3 | 12", "iv".
  static func isPageNumber(_ line: Substring) -> Bool {
    line.utf8.count <= 40 && !surelyNoPageNumber(line) && tokensMakePageNumber(line)
  }

  /// `isPageNumber` on the line's tokens.
  static func tokensMakePageNumber(_ line: Substring) -> Bool {
    // Tokens split at white space, with '/' and '|' tokens of their own; dashes dropped.
    var tokens: [String] = []
    var current = ""
    func flush() {
      if !current.isEmpty { tokens.append(current) }
      current = ""
    }
    for character in line.lowercased() {
      if character.isWhitespace {
        flush()
      } else if character == "/" || character == "|" {
        flush()
        tokens.append(String(character))
      } else {
        current.append(character)
      }
    }
    flush()
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
