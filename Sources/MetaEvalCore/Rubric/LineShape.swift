/// What a pattern tied to the start or the end of a line says the line looks like, checked
/// on the lower-cased bytes before the regex engine is asked.
///
/// A heading pattern matches a whole line that ends in its term (and perhaps a colon); a
/// label or a list-item pattern (`^[•\-*]?\s*(ensure|make|use)…`) one that starts with it,
/// after bullets and white space. A sentence that merely holds "summary" or "use" somewhere
/// is then never handed to the engine. Only a necessary condition: the engine still decides.
struct LineShape: Equatable {
  enum Side { case start, end }

  let side: Side
  /// Lower-cased spellings the line starts (or ends) with, as UTF-8.
  let spellings: [[UInt8]]
  /// For `.start`: the characters an optional prefix may take before the spelling.
  let prefix: Set<Unicode.Scalar>

  /// The heading wrapper (`RubricCompiler.heading`) around a term of plain spellings.
  static func heading(term: String) -> LineShape? {
    guard let words = WordLiterals.read(term: term), !words.restOfWord,
      words.spellings.allSatisfy(WordLiterals.isWordEnd)
    else { return nil }
    return LineShape(side: .end, spellings: words.spellings, prefix: [])
  }

  /// A pattern that starts with `^`, then optional bullets or white space (`[-•*]?`, `\s*`),
  /// then a group of plain spellings.
  static func start(of pattern: String) -> LineShape? {
    let characters = Array(pattern.unicodeScalars)
    guard characters.first == "^" else { return nil }
    var index = 1
    var prefix = Set<Unicode.Scalar>()
    func optional(at position: Int) -> Bool {
      position < characters.count && (characters[position] == "?" || characters[position] == "*")
    }
    while index < characters.count {
      if characters[index] == "\\", index + 2 < characters.count, characters[index + 1] == "s",
        optional(at: index + 2)
      {
        prefix.formUnion(whitespace)
        index += 3
      } else if characters[index] == "[", let (members, end) = plainClass(characters, at: index),
        optional(at: end)
      {
        prefix.formUnion(members)
        index = end + 1
      } else {
        break
      }
    }
    guard index < characters.count, characters[index] == "(",
      let close = closingParenthesis(characters, openingAt: index)
    else { return nil }
    var inner = ""
    inner.unicodeScalars.append(contentsOf: characters[(index + 1)..<close])
    if inner.hasPrefix("?:") { inner.removeFirst(2) }
    guard let words = WordLiterals.read(term: inner) else { return nil }
    // A spelling that starts with a prefix character could begin inside the prefix.
    for spelling in words.spellings {
      let first = spelling.withUnsafeBufferPointer { UTF8Text.scalar($0, at: 0).0 }
      if prefix.contains(first) || UTF8Text.isWhitespace(first) { return nil }
    }
    return LineShape(side: .start, spellings: words.spellings, prefix: prefix)
  }

  /// White space as the engine's `\s` may take it (a superset: Unicode's White_Space).
  static let whitespace: Set<Unicode.Scalar> = Set(
    [
      0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000,
    ]
    .map { Unicode.Scalar(UInt32($0))! } + (0x2000...0x200A).map { Unicode.Scalar(UInt32($0))! })

  /// The members of `[...]` at `index` when they are a few plain characters (read as
  /// `LiteralAnchors` reads classes), and where it closes.
  static func plainClass(_ characters: [Unicode.Scalar], at index: Int) -> (
    Set<Unicode.Scalar>, Int
  )? {
    var scanner = LiteralAnchors.Scanner(characters)
    scanner.index = index
    guard case .finite(let members) = scanner.characterClass(),
      members.allSatisfy({ $0.unicodeScalars.count == 1 })
    else { return nil }
    return (Set(members.map { $0.unicodeScalars.first! }), scanner.index)
  }

  /// Where the group that opens at `index` closes, as `LiteralAnchors` reads groups.
  static func closingParenthesis(_ characters: [Unicode.Scalar], openingAt index: Int) -> Int? {
    var scanner = LiteralAnchors.Scanner(characters)
    scanner.index = index
    _ = scanner.group()
    let close = scanner.index - 1
    return close < characters.count && characters[close] == ")" ? close : nil
  }

  /// Whether a lower-cased line can match. A line with a line break inside (where `^` and `$`
  /// also match) is always admitted.
  func admits(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    if Self.holdsLineBreak(line) { return true }
    switch side {
    case .start:
      var position = 0
      while position < line.count {
        let (scalar, length) = UTF8Text.scalar(line, at: position)
        guard prefix.contains(scalar) || UTF8Text.isWhitespace(scalar) else { break }
        position += length
      }
      return spellings.contains { spelling in
        spelling.count <= line.count - position
          && spelling.indices.allSatisfy { line[position + $0] == spelling[$0] }
      }
    case .end:
      var end = Self.trimmedEnd(line, line.count)
      if end > 0 && (line[end - 1] == 0x3A || line[end - 1] == 0x2E) {
        end = Self.trimmedEnd(line, end - 1)
      }
      return spellings.contains { spelling in
        spelling.count <= end
          && spelling.indices.allSatisfy { line[end - spelling.count + $0] == spelling[$0] }
      }
    }
  }

  /// `end` moved back over white space.
  static func trimmedEnd(_ line: UnsafeBufferPointer<UInt8>, _ end: Int) -> Int {
    var end = end
    while end > 0 {
      let start = UTF8Text.scalarStart(line, before: end)
      guard UTF8Text.isWhitespace(UTF8Text.scalar(line, at: start).0) else { break }
      end = start
    }
    return end
  }

  /// A line break other than the line feed that separates units: CR, VT, FF, NEL, LS, PS.
  static func holdsLineBreak(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    for (index, byte) in line.enumerated() {
      switch byte {
      case 0x0A, 0x0B, 0x0C, 0x0D: return true
      case 0xC2 where index + 1 < line.count && line[index + 1] == 0x85: return true
      case 0xE2
      where index + 2 < line.count && line[index + 1] == 0x80
        && (line[index + 2] == 0xA8 || line[index + 2] == 0xA9):
        return true
      default: continue
      }
    }
    return false
  }
}
