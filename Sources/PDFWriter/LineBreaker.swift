/// Greedy line breaking with hyphenation of long words, as a word processor would do it.
struct LineBreaker {
  let measure: (String) -> Double
  let width: Double

  static let vowels: Set<Character> = Set("aeiouyáéíóúäëïöüàèìòùâêîôû")

  func lines(for text: String) -> [String] {
    var words = text.split(separator: " ").map(String.init)[...]
    var lines: [String] = []
    var current = ""
    while let word = words.popFirst() {
      let candidate = current.isEmpty ? word : current + " " + word
      if measure(candidate) <= width {
        current = candidate
        continue
      }
      let prefix = current.isEmpty ? "" : current + " "
      if let (head, tail) = hyphenate(word, fitting: { measure(prefix + $0) <= width }) {
        lines.append(prefix + head)
        current = ""
        words.insert(tail, at: words.startIndex)
      } else if current.isEmpty {
        lines.append(word)  // a word wider than the line: let it overflow
      } else {
        lines.append(current)
        current = ""
        words.insert(word, at: words.startIndex)
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  /// Splits a word so that its first part, ending in a hyphen, fits: after an existing hyphen
  /// if it has one, else between syllables (before a consonant that a vowel follows), never
  /// between two vowels and never leaving fewer than three letters on either side.
  func hyphenate(_ word: String, fitting fits: (String) -> Bool) -> (String, String)? {
    let characters = Array(word)
    guard characters.count >= 7 else { return nil }
    var best: (String, String)?
    for cut in 3...(characters.count - 3) {
      let left = characters[cut - 1]
      let right = characters[cut]
      let head: String
      if left == "-" {
        head = String(characters[..<cut])
      } else {
        guard left.isLetter, right.isLetter,
          characters[cut...].contains(where: { !$0.isLetter }) == false
        else { continue }
        let nextIsVowel =
          cut + 1 < characters.count
          && Self.vowels.contains(Character(characters[cut + 1].lowercased()))
        guard !Self.vowels.contains(Character(right.lowercased())), nextIsVowel,
          Self.vowels.contains(Character(left.lowercased()))
            || !Self.vowels.contains(Character(characters[cut - 2].lowercased()))
        else { continue }
        head = String(characters[..<cut]) + "-"
      }
      if fits(head) { best = (head, String(characters[cut...])) } else { break }
    }
    return best
  }
}
