/// A whole-word term that is a finite set of literal spellings, matched without the regex
/// engine: `(?<!\w)(?:costs?)(?!\w)` is "costs" or "cost" as a word, and
/// `(?<!\w)(?:effective\w*)(?!\w)` is "effective" at the start of a word.
///
/// Read from the pattern conservatively: literal characters, `(a|b)` and `(?:a|b)` groups,
/// classes of plain characters such as `[sz]` or `[- ]`, `?` after any of these, and `\w*` at
/// the very end. Anything else (other quantifiers, `\s`, lookarounds, named groups) leaves the
/// term to the regex engine.
struct WordLiterals: Equatable {
  /// The lower-cased spellings as UTF-8, in the order the regex engine tries them at one
  /// place (alternatives left to right, an optional part present before absent).
  let spellings: [[UInt8]]
  /// True when the term ends in `\w*`: the rest of the word is part of the match.
  let restOfWord: Bool
  /// No word character may stand right before the match (`(?<!\w)`, or `\b` before a word
  /// character).
  var wordStart = true
  /// No word character may follow the match (`(?!\w)`, or `\b` after a word character).
  var wordEnd = true

  static let prefix = #"(?<!\w)(?:"#
  static let suffix = #")(?!\w)"#
  static let maximumSpellings = 256

  /// The literals of a compiled pattern: `(?<!\w)(?:TERM)(?!\w)`, `\bTERM\b`, `\bTERM` or a
  /// plain TERM; nil when the engine must read it.
  static func read(wrapped pattern: String) -> WordLiterals? {
    if pattern.hasPrefix(prefix), pattern.hasSuffix(suffix) {
      return read(term: String(pattern.dropFirst(prefix.count).dropLast(suffix.count)))
    }
    var term = Substring(pattern)
    let wordStart = term.hasPrefix("\\b")
    if wordStart { term = term.dropFirst(2) }
    // "\\b" at the end is an escaped backslash and a "b", not a boundary.
    let wordEnd = term.hasSuffix("\\b") && !term.hasSuffix("\\\\b")
    if wordEnd { term = term.dropLast(2) }
    guard var literals = read(term: String(term)) else { return nil }
    // `\b` is "no word character before" only in front of a word character (and after one).
    if wordStart && !literals.spellings.allSatisfy({ isWordStart($0) }) { return nil }
    if wordEnd && (literals.restOfWord || !literals.spellings.allSatisfy({ isWordEnd($0) })) {
      return nil
    }
    literals.wordStart = wordStart
    literals.wordEnd = wordEnd
    return literals
  }

  static func isWordStart(_ spelling: [UInt8]) -> Bool {
    spelling.withUnsafeBufferPointer { TextIndex.isWord(UTF8Text.scalar($0, at: 0).0) }
  }

  static func isWordEnd(_ spelling: [UInt8]) -> Bool {
    spelling.withUnsafeBufferPointer {
      TextIndex.isWord(UTF8Text.scalar($0, at: UTF8Text.scalarStart($0, before: $0.count)).0)
    }
  }

  static func read(term: String) -> WordLiterals? {
    var characters = Array(term)
    var restOfWord = false
    if characters.suffix(3) == ["\\", "w", "*"] {
      characters.removeLast(3)
      restOfWord = true
    }
    var parser = Parser(characters: characters)
    guard let spellings = parser.alternatives(), parser.index == characters.count,
      !spellings.isEmpty, spellings.allSatisfy({ $0.utf8.count >= 2 })
    else { return nil }
    return WordLiterals(spellings: spellings.map { Array($0.utf8) }, restOfWord: restOfWord)
  }

  private struct Parser {
    let characters: [Character]
    var index = 0

    var current: Character? { index < characters.count ? characters[index] : nil }

    /// `a|b|c` up to a closing parenthesis or the end.
    mutating func alternatives() -> [String]? {
      guard var result = sequence() else { return nil }
      while current == "|" {
        index += 1
        guard let next = sequence() else { return nil }
        result += next
        guard result.count <= WordLiterals.maximumSpellings else { return nil }
      }
      return result
    }

    mutating func sequence() -> [String]? {
      var result = [""]
      while let character = current, character != "|", character != ")" {
        guard var choices = atom() else { return nil }
        if current == "?" {
          index += 1
          choices.append("")  // greedy: present first, then absent
        }
        result = result.flatMap { head in choices.map { head + $0 } }
        guard result.count <= WordLiterals.maximumSpellings else { return nil }
      }
      return result
    }

    mutating func atom() -> [String]? {
      guard let character = current else { return nil }
      switch character {
      case "(":
        index += 1
        if current == "?" {
          guard index + 1 < characters.count, characters[index + 1] == ":" else { return nil }
          index += 2
        }
        guard let inner = alternatives(), current == ")" else { return nil }
        index += 1
        return inner
      case "[":
        index += 1
        var members: [String] = []
        while let member = current, member != "]" {
          guard !"^\\[-".contains(member) || member == "-" && (members.isEmpty || next == "]")
          else { return nil }
          members.append(member.lowercased())
          index += 1
        }
        guard current == "]", !members.isEmpty else { return nil }
        index += 1
        return members
      case "\\":
        guard index + 1 < characters.count else { return nil }
        let escaped = characters[index + 1]
        // \w, \s, \b, \d, \p ... are classes or assertions, not literals.
        guard !escaped.isLetter, !escaped.isNumber else { return nil }
        index += 2
        return [String(escaped)]
      case ".", "^", "$", "*", "+", "{", "}", "?", "]":
        return nil
      default:
        index += 1
        return [character.lowercased()]
      }
    }

    var next: Character? { index + 1 < characters.count ? characters[index + 1] : nil }
  }
}
