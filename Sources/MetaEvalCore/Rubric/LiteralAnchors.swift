/// The literal strings of which every match of a pattern must contain at least one, found by
/// reading the pattern: a match of `(het )?doel van (dit|het) onderzoek` always holds "doel".
///
/// The regex engine then runs only on the sentences that hold an anchor, found by a plain
/// substring search. Conservative: where the reading is unsure (a branch with no literal
/// outside optional parts), the pattern gets no anchors and runs everywhere.
enum LiteralAnchors {
  /// Lower-cased anchors, or nil when the pattern must run on every text.
  static func extract(from pattern: String) -> [String]? {
    var scanner = Scanner(Array(pattern))
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
  static func branches(of pattern: String) -> [String] {
    var branches: [String] = []
    var current = ""
    var depth = 0
    var inClass = false
    var escaped = false
    for character in pattern {
      if escaped {
        current.append(character)
        escaped = false
        continue
      }
      switch character {
      case "\\":
        escaped = true
      case "[" where !inClass:
        inClass = true
      case "]" where inClass:
        inClass = false
      case "(" where !inClass:
        depth += 1
      case ")" where !inClass:
        depth -= 1
      case "|" where !inClass && depth == 0:
        branches.append(current)
        current = ""
        continue
      default:
        break
      }
      current.append(character)
    }
    branches.append(current)
    return depth == 0 && !inClass ? branches : [pattern]
  }

  /// Literal runs shorter than this are too common to be worth a search.
  static let minimumLength = 3

  struct Scanner {
    let characters: [Character]
    var index = 0

    init(_ characters: [Character]) { self.characters = characters }

    var atEnd: Bool { index >= characters.count }
    var current: Character? { atEnd ? nil : characters[index] }

    /// `a|b|c` up to a closing parenthesis or the end: each branch's anchors, or nil.
    mutating func alternatives() -> [[String]?] {
      var branches: [[String]?] = [branch()]
      while current == "|" {
        index += 1
        branches.append(branch())
      }
      return branches
    }

    /// One branch: the best anchor set among its mandatory literal runs and groups.
    mutating func branch() -> [String]? {
      var candidates: [[String]] = []
      var run = ""
      func endRun() {
        let trimmed = run.trimmingSpaces()
        if trimmed.count >= LiteralAnchors.minimumLength {
          candidates.append([trimmed.lowercased()])
        }
        run = ""
      }
      while let character = current, character != "|", character != ")" {
        var literal: Character?
        var groupAnchors: [String]?
        var isGroup = false
        switch character {
        case "(":
          isGroup = true
          groupAnchors = group()
        case "[":
          skipClass()
        case "\\":
          literal = escape()
        case ".", "^", "$":
          index += 1
        default:
          literal = character
          index += 1
        }
        let quantifier = readQuantifier()
        switch quantifier {
        case .optional:
          endRun()
        case .repeated:
          if let literal { run.append(literal) }
          endRun()
          if isGroup, let groupAnchors { candidates.append(groupAnchors) }
        case .once:
          if let literal {
            run.append(literal)
          } else {
            endRun()
            if isGroup, let groupAnchors { candidates.append(groupAnchors) }
          }
        }
      }
      endRun()
      // The candidate whose shortest anchor is longest is the most selective.
      return candidates.max { ($0.map(\.count).min() ?? 0) < ($1.map(\.count).min() ?? 0) }
    }

    /// A group: its anchors when every alternative has some; lookarounds have none.
    mutating func group() -> [String]? {
      index += 1  // (
      var lookaround = false
      if current == "?" {
        index += 1
        let rest = String(characters[index..<min(index + 3, characters.count)])
        if rest.hasPrefix("=") || rest.hasPrefix("!") || rest.hasPrefix("<=")
          || rest.hasPrefix("<!")
        {
          lookaround = true
          index += rest.hasPrefix("<") ? 2 : 1
        } else if rest.hasPrefix("<") {
          while let character = current, character != ">" { index += 1 }
          index += 1  // >
        } else {
          // flags such as (?i) or (?-i:...) or (?:...)
          while let character = current, character != ":" && character != ")" { index += 1 }
          if current == ")" {
            index += 1
            return nil  // a bare flag setting consumes nothing
          }
          index += 1  // :
        }
      }
      let inner = alternatives()
      if current == ")" { index += 1 }
      if lookaround { return nil }
      var anchors: [String] = []
      for alternative in inner {
        guard let set = alternative else { return nil }
        anchors += set
      }
      return anchors.isEmpty ? nil : anchors
    }

    mutating func skipClass() {
      index += 1  // [
      if current == "^" { index += 1 }
      if current == "]" { index += 1 }
      var depth = 1
      while let character = current, depth > 0 {
        if character == "\\" {
          index += 2
          continue
        }
        if character == "[" { depth += 1 }
        if character == "]" { depth -= 1 }
        index += 1
      }
    }

    /// An escape: the literal it stands for, or nil for a class, an anchor or a property.
    mutating func escape() -> Character? {
      index += 1  // backslash
      guard let character = current else { return nil }
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
        return nil
      }
      if character.isLetter || character.isNumber { return nil }  // \w \s \b \d \1 ...
      return character  // \. \- \( ...
    }

    enum Quantifier { case once, optional, repeated }

    mutating func readQuantifier() -> Quantifier {
      guard let character = current else { return .once }
      var result = Quantifier.once
      switch character {
      case "?", "*":
        index += 1
        result = .optional
      case "+":
        index += 1
        result = .repeated
      case "{":
        var text = ""
        index += 1
        while let next = current, next != "}" {
          text.append(next)
          index += 1
        }
        index += 1
        let minimum =
          Int(text.split(separator: ",", omittingEmptySubsequences: false).first ?? "") ?? 0
        result = minimum == 0 ? .optional : .repeated
      default:
        return .once
      }
      if current == "?" || current == "+" { index += 1 }  // lazy or possessive
      return result
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
