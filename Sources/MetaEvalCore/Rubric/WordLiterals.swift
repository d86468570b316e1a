/// A whole-word term that is a finite set of literal spellings, matched without the regex
/// engine: `(?<!\w)(?:costs?)(?!\w)` is "costs" or "cost" as a word, and
/// `(?<!\w)(?:effective\w*)(?!\w)` is "effective" at the start of a word.
///
/// Read from the pattern by `LiteralAnchors.spellings(of:)` (literal characters, plain groups,
/// small classes such as `[sz]` or `[- ]`, `?` after any of these), with `\w*` allowed at the
/// very end. Anything else (other quantifiers, `\s`, lookarounds, named groups) leaves the
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
    var pattern = term
    let restOfWord = pattern.hasSuffix(#"\w*"#)
    if restOfWord { pattern.removeLast(3) }
    guard let spellings = LiteralAnchors.spellings(of: pattern), !spellings.isEmpty,
      spellings.allSatisfy({ $0.utf8.count >= 2 })
    else { return nil }
    return WordLiterals(spellings: spellings.map { Array($0.utf8) }, restOfWord: restOfWord)
  }
}
