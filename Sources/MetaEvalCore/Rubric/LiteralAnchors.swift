import PDFExtraction

/// The literal strings of which every match of a pattern must contain at least one, found by
/// reading the pattern: a match of `(het )?doel van (dit|het) onderzoek` always holds "doel".
///
/// The regex engine then runs only on the sentences that hold an anchor, found by a plain
/// substring search. Conservative: where the reading is unsure (a branch with no literal
/// outside optional parts), the pattern gets no anchors and runs everywhere.
enum LiteralAnchors {
  /// Lower-cased anchors, or nil when the pattern must run on every text.
  static func extract(from pattern: String) -> [String]? {
    var scanner = Scanner(pattern)
    let branches = scanner.alternatives()
    guard scanner.index == scanner.characters.count else { return nil }
    var anchors: [String] = []
    for branch in branches {
      guard let set = branch else { return nil }
      anchors += set
    }
    let unique = Array(Set(anchors)).sorted()
    return unique.isEmpty ? nil : unique
  }

  /// The top-level alternatives of a pattern (`a|b(c|d)` gives `a` and `b(c|d)`), respecting
  /// groups, classes and escapes. A pattern that cannot be read is one alternative.
  ///
  /// Read as UTF-8, as the engine reads scalars: the syntax is ASCII, and no byte of another
  /// character is mistaken for it.
  static func branches(of pattern: String) -> [String] {
    var cuts: [Int] = []
    var depth = 0
    var inClass = false
    var escaped = false
    let bytes = Array(pattern.utf8)
    for (offset, byte) in bytes.enumerated() {
      if escaped {
        escaped = false
        continue
      }
      switch byte {
      case 0x5C:  // backslash
        escaped = true
      case 0x5B where !inClass:  // [
        inClass = true
      case 0x5D where inClass:  // ]
        inClass = false
      case 0x28 where !inClass:  // (
        depth += 1
      case 0x29 where !inClass:  // )
        depth -= 1
      case 0x7C where !inClass && depth == 0:  // |
        cuts.append(offset)
      default:
        break
      }
    }
    guard depth == 0, !inClass, !cuts.isEmpty else { return [pattern] }
    var branches: [String] = []
    var start = 0
    for cut in cuts + [bytes.count] {
      branches.append(String(decoding: bytes[start..<cut], as: UTF8.self))
      start = cut + 1
    }
    return branches
  }

  /// Literal runs shorter than this are too common to be worth a search.
  static let minimumLength = 3
  /// A run of fixed parts is spelled out in full up to this many strings.
  static let maximumSpellings = 256

  /// What one part of a pattern can match.
  enum Part {
    /// Exactly one of these strings (lower-cased), in order.
    case finite([String])
    /// Something longer or open-ended; every match of it holds one of `anchors` (when not nil).
    case open(anchors: [String]?)
    /// Matches no text: `^`, `$`, `\b`, lookarounds, flag settings.
    case assertion
  }

  /// The spellings a pattern can match, in the order the regex engine tries them, or nil
  /// when it is not a finite set of them (more than `maximumSpellings`), or has a named group
  /// or a flag setting (a capture or a case rule a plain spelling would lose).
  static func spellings(of pattern: String) -> [String]? {
    var scanner = Scanner(pattern)
    scanner.wantsAnchors = false
    let alternatives = scanner.alternativeParts()
    guard scanner.index == scanner.characters.count, scanner.onlyPlainGroups else { return nil }
    var spellings: [String] = []
    for alternative in alternatives {
      guard case .finite(let spelled) = alternative.part else { return nil }
      spellings += spelled
    }
    return spellings.count <= maximumSpellings ? spellings : nil
  }

  /// Reads a pattern scalar by scalar, as the regex engine does (a letter and a combining
  /// mark after it are two characters to it).
  struct Scanner {
    let characters: [Unicode.Scalar]
    var index = 0
    /// False once a named group or a flag setting such as `(?-i:` was read.
    var onlyPlainGroups = true
    /// False when only the spellings are wanted: the anchors of the runs are not worked out.
    var wantsAnchors = true

    init(_ pattern: String) { self.characters = Array(pattern.unicodeScalars) }
    init(_ characters: [Unicode.Scalar]) { self.characters = characters }

    var atEnd: Bool { index >= characters.count }
    var current: Unicode.Scalar? { atEnd ? nil : characters[index] }

    /// The scalar lower-cased, as `String.lowercased()` does it.
    static func lowered(_ scalar: Unicode.Scalar) -> String {
      if scalar.isASCII { return String(UnicodeScalar(UTF8Bytes.lowered(UInt8(scalar.value)))) }
      return String(scalar).lowercased()
    }

    /// Appends the scalar lower-cased (as `lowered`) to UTF-8 bytes.
    static func appendLowered(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
      if scalar.isASCII {
        bytes.append(UTF8Bytes.lowered(UInt8(scalar.value)))
      } else {
        bytes += lowered(scalar).utf8
      }
    }

    /// `a|b|c` up to a closing parenthesis or the end: each branch's anchors, or nil.
    mutating func alternatives() -> [[String]?] {
      alternativeParts().map(\.anchors)
    }

    mutating func alternativeParts() -> [(part: Part, anchors: [String]?)] {
      var branches = [branch()]
      while current == "|" {
        index += 1
        branches.append(branch())
      }
      return branches
    }

    /// One branch: as a whole (finite when every part is), and the best anchor set among its
    /// runs of fixed parts, each spelled out in full (`(we|they) (read|saw)` gives four).
    mutating func branch() -> (part: Part, anchors: [String]?) {
      var candidates: [[String]] = []
      var run = [""]
      var whole: [String]? = [""]
      // Single strings in a row (the letters of a word) are gathered here, as UTF-8, and
      // joined to the run and the whole in one step: the same strings, without a product per
      // letter or a string per letter.
      var pending: [UInt8] = []
      let wantsAnchors = self.wantsAnchors
      func flush() {
        guard !pending.isEmpty else { return }
        let text = String(decoding: pending, as: UTF8.self)
        if wantsAnchors { for index in run.indices { run[index] += text } }
        if whole != nil { for index in whole!.indices { whole![index] += text } }
        pending.removeAll(keepingCapacity: true)
      }
      func endRun() {
        flush()
        if !wantsAnchors || (run.count == 1 && run[0].isEmpty) { return }
        let trimmed = LiteralAnchors.minimal(run.map { $0.trimmingSpaces() })
        if !trimmed.isEmpty && trimmed.allSatisfy({ $0.count >= LiteralAnchors.minimumLength }) {
          candidates.append(trimmed)
        }
        run = [""]
      }
      func append(_ strings: [String]) {
        if strings.count == 1 {
          pending += strings[0].utf8
          return
        }
        flush()
        if wantsAnchors {
          let product = run.flatMap { head in strings.map { head + $0 } }
          if product.count > LiteralAnchors.maximumSpellings {
            endRun()
            run = strings
          } else {
            run = product
          }
        }
        if let sofar = whole {
          let all = sofar.flatMap { head in strings.map { head + $0 } }
          whole = all.count > LiteralAnchors.maximumSpellings ? nil : all
        }
      }
      while let character = current, character != "|", character != ")" {
        var part: Part
        switch character {
        case "(":
          part = group()
        case "[":
          part = characterClass()
        case "\\":
          part = escape()
        case "^", "$":
          index += 1
          part = .assertion
        case ".":
          index += 1
          part = .open(anchors: nil)
        default:
          index += 1
          if current != "?" && current != "*" && current != "+" && current != "{" {
            // A plain character once (most of a pattern): on to the run without a list.
            Self.appendLowered(character, to: &pending)
            continue
          }
          part = .finite([Self.lowered(character)])
        }
        switch (readQuantifier(), part) {
        case (_, .assertion):
          endRun()
          whole = nil
        case (.once, .finite(let strings)):
          append(strings)
        case (.optional, .finite(let strings)) where !strings.contains(""):
          append(strings + [""])  // greedy: present first
        case (.repeated, .finite(let strings)):
          // The last repetition stands right before what follows; the run ends after it.
          append(strings)
          endRun()
          whole = nil
        case (.once, .open(let anchors)), (.repeated, .open(let anchors)):
          endRun()
          whole = nil
          if let anchors { candidates.append(anchors) }
        default:
          endRun()
          whole = nil
        }
      }
      endRun()
      // The candidate whose shortest anchor is longest is the most selective (the first of
      // them on a tie); each candidate is measured once.
      var best: [String]?
      var bestKey = (0, 0)
      for candidate in candidates {
        let key = (candidate.map(\.count).min() ?? 0, -candidate.count)
        if best == nil || bestKey < key {
          best = candidate
          bestKey = key
        }
      }
      if let whole { return (.finite(whole), best) }
      return (.open(anchors: best), best)
    }

    /// A group: finite when every alternative is; lookarounds and flags match no text.
    mutating func group() -> Part {
      index += 1  // (
      var lookaround = false
      if current == "?" {
        index += 1
        var rest = ""
        rest.unicodeScalars.append(contentsOf: characters[index..<min(index + 3, characters.count)])
        if rest.hasPrefix("=") || rest.hasPrefix("!") || rest.hasPrefix("<=")
          || rest.hasPrefix("<!")
        {
          lookaround = true
          index += rest.hasPrefix("<") ? 2 : 1
        } else if rest.hasPrefix("<") {
          onlyPlainGroups = false
          while let character = current, character != ">" { index += 1 }
          index += 1  // >
        } else {
          // flags such as (?i) or (?-i:...) or (?:...)
          if !rest.hasPrefix(":") { onlyPlainGroups = false }
          while let character = current, character != ":" && character != ")" { index += 1 }
          if current == ")" {
            index += 1
            return .assertion  // a bare flag setting consumes nothing
          }
          index += 1  // :
        }
      }
      let inner = alternativeParts()
      if current == ")" { index += 1 }
      if lookaround { return .assertion }
      var strings: [String]? = []
      var anchors: [String]? = []
      for alternative in inner {
        if case .finite(let spelled) = alternative.part, strings != nil {
          strings! += spelled
        } else {
          strings = nil
        }
        if let found = alternative.anchors, anchors != nil {
          anchors! += found
        } else {
          anchors = nil
        }
      }
      if let strings, strings.count <= LiteralAnchors.maximumSpellings { return .finite(strings) }
      return .open(anchors: anchors.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// `[sz]` or `[- ]`: its characters when they are few and plain; otherwise open.
    mutating func characterClass() -> Part {
      let start = index
      index += 1  // [
      var members: [String] = []
      var plain = current != "^"
      if current == "^" { index += 1 }
      if current == "]" { index += 1 }
      var depth = 1
      while let character = current, depth > 0 {
        if character == "\\" {
          let escaped = index + 1 < characters.count ? characters[index + 1] : "\\"
          if Self.isLetterOrNumber(escaped) { plain = false }
          members.append(Self.lowered(escaped))
          index += 2
          continue
        }
        if character == "[" {
          depth += 1
          plain = false
        }
        if character == "]" {
          depth -= 1
          if depth == 0 { break }
        }
        if character == "-" && index > start + 1 && index + 1 < characters.count
          && characters[index + 1] != "]"
        {
          plain = false  // a range
        }
        if character == ":" || character == "&" { plain = false }
        members.append(Self.lowered(character))
        index += 1
      }
      index += 1  // ]
      guard plain, !members.isEmpty, members.count <= 8 else { return .open(anchors: nil) }
      var unique: [String] = []
      for member in members where !unique.contains(member) { unique.append(member) }
      return .finite(unique)
    }

    /// An escape: the literal it stands for; a class (`\w`, `\p{L}`) is open and an assertion
    /// (`\b`, `\A`) matches no text.
    mutating func escape() -> Part {
      index += 1  // backslash
      guard let character = current else { return .open(anchors: nil) }
      index += 1
      if character == "p" || character == "P" || character == "N" || character == "x"
        || character == "u"
      {
        if current == "{" {
          while let next = current, next != "}" { index += 1 }
          index += 1
        } else if character == "x" || character == "u" {
          index += character == "x" ? 2 : 4
        }
        return .open(anchors: nil)
      }
      if "bBAzZG".unicodeScalars.contains(character) { return .assertion }
      if Self.isLetterOrNumber(character) { return .open(anchors: nil) }  // \w \s \d \1
      return .finite([String(character)])  // \. \- \( ...
    }

    /// `Character.isLetter || Character.isNumber` of the scalar alone.
    static func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
      scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Once; `?`; `+` or `{2,}`; `*` or `{0,3}`.
    enum Quantifier { case once, optional, repeated, any }

    mutating func readQuantifier() -> Quantifier {
      guard let character = current else { return .once }
      var result = Quantifier.once
      switch character {
      case "?":
        index += 1
        result = .optional
      case "*":
        index += 1
        result = .any
      case "+":
        index += 1
        result = .repeated
      case "{":
        var text = ""
        index += 1
        while let next = current, next != "}" {
          text.unicodeScalars.append(next)
          index += 1
        }
        index += 1
        let bounds = text.split(separator: ",", omittingEmptySubsequences: false)
        let minimum = Int(bounds.first ?? "") ?? 0
        let maximum = bounds.count == 1 ? minimum : Int(bounds[1])
        if minimum == 0 {
          result = maximum == 1 ? .optional : .any
        } else {
          result = minimum == 1 && maximum == 1 ? .once : .repeated
        }
      default:
        return .once
      }
      if current == "?" || current == "+" { index += 1 }  // lazy or possessive
      return result
    }
  }

  /// The strings without those that contain another of them: a text that holds
  /// "het doel van dit onderzoek" holds "doel van dit onderzoek".
  static func minimal(_ strings: [String]) -> [String] {
    if strings.count == 1 { return strings }
    // Shortest first: a string can only hold a shorter one (or an equal one, a repeat).
    let sorted = strings.map { Array($0.utf8) }.sorted {
      $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1)
    }
    var kept: [[UInt8]] = []
    for string in sorted where !kept.contains(where: { holds(string, $0) }) {
      kept.append(string)
    }
    return kept.map { String(decoding: $0, as: UTF8.self) }.sorted()
  }

  /// Whether `text` holds `part` (bytes).
  static func holds(_ text: [UInt8], _ part: [UInt8]) -> Bool {
    text.withUnsafeBufferPointer { text in
      part.withUnsafeBufferPointer { UTF8Text.holds(text, $0) }
    }
  }

}

extension String {
  func trimmingSpaces() -> String {
    var slice = Substring(self)
    while slice.first == " " { slice.removeFirst() }
    while slice.last == " " { slice.removeLast() }
    return String(slice)
  }
}
