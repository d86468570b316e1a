import Foundation

/// Rejoins words broken by a hyphen at a line end, keeping the hyphen of real compounds.
///
/// `evalua-⏎tie` becomes `evaluatie`; `ICT-⏎project` stays `ICT-project`; `zorg-⏎en welzijn`
/// keeps its Dutch elliptical hyphen. Where the same document spells the word elsewhere on one
/// line, with or without the hyphen, that spelling wins.
public struct Dehyphenator: Sendable {
  /// Lower-cased words as the document spells them on one line: plain and hyphenated.
  /// Empty when no line ends in a hyphen: then there is nothing to decide.
  private let knownWords: Set<String>

  /// Words that follow an elliptical hyphen ("zorg- en welzijn", "pre- and post-").
  static let conjunctions: Set<String> = ["en", "of", "tot", "and", "or", "to", "t/m"]
  /// Vowel pairs that Dutch (and English) separate with a hyphen so they are not read as one sound.
  static let vowelPairs: Set<String> = [
    "aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "oe", "oo", "ou", "ui", "uu", "ij",
  ]

  public init(lexiconFrom pages: [String]) {
    // Only the spellings a break could mean are looked up: collect them first, then read the
    // document once, keeping just the words of those lengths.
    var candidates = Set<String>()
    for page in pages where page.containsBytes(0x2D, 0x0A) {
      // The last word of each line that ends in a hyphen, and the first of the line after it:
      // found from the break outwards, not by splitting the whole lines into words.
      let lines = page.lineSlices()
      for (index, line) in lines.enumerated()
      where line.utf8.last == 0x2D && index + 1 < lines.count {
        let left = Self.trimPunctuation(Self.lastWord(line.dropLast()))
        let right = Self.trimPunctuation(Self.firstWord(lines[index + 1]))
        guard !left.isEmpty, !right.isEmpty else { continue }
        candidates.insert((left + right).lowercased())
        candidates.insert((left + "-" + right).lowercased())
      }
    }
    guard !candidates.isEmpty else {
      knownWords = []
      return
    }
    let lengths = Set(candidates.map(\.count))
    // Bytes a candidate can take, with room for punctuation around it and multi-byte letters.
    let shortest = lengths.min() ?? 0
    let longest = (lengths.max() ?? 0) * 4 + 8
    // For ASCII words: the lengths as a table, and the ASCII candidates as a set of bits by
    // their hash, so that most words are ruled out without a `String` made and hashed.
    var hasLength = [Bool](repeating: false, count: longest + 1)
    for length in lengths { hasLength[length] = true }
    // A candidate that is not ASCII can still equal an ASCII word: strings compare by
    // canonical equivalence, and U+037E is ";". Its composed form is then that ASCII word.
    var hashes = [UInt64](repeating: 0, count: Self.hashWords)
    for candidate in candidates {
      let form =
        candidate.utf8.allSatisfy({ $0 < 0x80 })
        ? candidate : candidate.precomposedStringWithCanonicalMapping
      guard form.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
      let (word, bit) = Self.place(Self.hash(form.utf8))
      hashes[word] |= bit
    }
    var words = Set<String>()
    // Lines and words are cut on bytes (a line feed and a space are characters of their own);
    // only words of a candidate's length in bytes become strings.
    for var page in pages {
      page.withUTF8 { bytes in
        var start = 0
        while start < bytes.count {
          var end = start
          while end < bytes.count && bytes[end] != 0x20 && bytes[end] != 0x0A { end += 1 }
          let length = end - start
          // The last word of a line that ends in a hyphen is a fragment, not a spelling.
          let lastOfLine = Self.lastOnLine(bytes, after: end)
          if length >= shortest && length <= longest
            && !(lastOfLine && bytes[end - 1] == 0x2D)
          {
            // An ASCII word is trimmed and lower-cased on its bytes, as the characters would be.
            if let ascii = Self.asciiWord(bytes, start, end) {
              if hasLength[ascii.count],
                case (let word, let bit) = Self.place(
                  Self.hash(bytes[ascii].lazy.map(UTF8Bytes.lowered))),
                hashes[word] & bit != 0
              {
                let lower = String(
                  unsafeUninitializedCapacity: ascii.count,
                  initializingUTF8With: { buffer in
                    for (offset, byte) in bytes[ascii].enumerated() {
                      buffer[offset] = UTF8Bytes.lowered(byte)
                    }
                    return ascii.count
                  })
                if candidates.contains(lower) { words.insert(lower) }
              }
              start = end + 1
              continue
            }
            let token = Substring(
              String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
            let word = Self.trimPunctuation(token)
            if lengths.contains(word.count) {
              let lower = word.lowercased()
              if candidates.contains(lower) { words.insert(lower) }
            }
          }
          start = end + 1
        }
      }
    }
    knownWords = words
  }

  /// 64-bit words in the bit set of the ASCII candidates' hashes.
  static let hashWords = 1024

  /// Where a hash stands in that bit set: the word, and the bit in it.
  static func place(_ hash: UInt64) -> (word: Int, bit: UInt64) {
    (Int(truncatingIfNeeded: hash >> 6) & (hashWords - 1), 1 << (hash & 63))
  }

  /// FNV-1a of the bytes.
  static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01B3 }
    return hash
  }

  /// Where the word between `start` and `end` is without the punctuation around it, as
  /// `trimPunctuation` would cut it, when it is all ASCII (its letters and digits are then
  /// A-Z, a-z and 0-9); nil otherwise.
  static func asciiWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
    -> Range<Int>?
  {
    var first = end
    var last = start
    for index in start..<end {
      let byte = bytes[index]
      if byte >= 0x80 { return nil }
      if isASCIILetterOrDigit(byte) {
        if first == end { first = index }
        last = index + 1
      }
    }
    return first < last ? first..<last : start..<start
  }

  static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }

  /// The last of the words `text.split(separator: " ")` gives, found from the end; empty
  /// when there is none.
  static func lastWord(_ text: Substring) -> Substring {
    var end = text.endIndex
    while end > text.startIndex && text[text.index(before: end)] == " " {
      end = text.index(before: end)
    }
    var start = end
    while start > text.startIndex && text[text.index(before: start)] != " " {
      start = text.index(before: start)
    }
    return text[start..<end]
  }

  /// The first of the words `text.split(separator: " ")` gives; empty when there is none.
  static func firstWord(_ text: Substring) -> Substring {
    let start = text.firstIndex { $0 != " " } ?? text.endIndex
    return text[start...].prefix { $0 != " " }
  }

  /// Whether nothing but spaces stands between `index` and the end of its line.
  static func lastOnLine(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int) -> Bool {
    var position = index
    while position < bytes.count && bytes[position] == 0x20 { position += 1 }
    return position == bytes.count || bytes[position] == 0x0A
  }

  /// Joins the broken words of one page.
  public func join(_ text: String) -> String {
    guard text.containsBytes(0x2D, 0x0A) else { return text }
    var lines = text.lineSlices()
    var index = 0
    var changed = false
    while index < lines.count - 1 {
      let line = lines[index]
      let next = lines[index + 1]
      // Only a line that ends in a hyphen can hold a broken word.
      guard line.utf8.last == 0x2D, let decision = decide(line: line, next: next)
      else {
        index += 1
        continue
      }
      // Move the second half of the word up to the first line; the rest of the next line stays.
      let trimmedNext = next.drop(while: { $0 == " " || $0 == "\t" })
      let restStart =
        trimmedNext.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? trimmedNext.endIndex
      let fragment = trimmedNext[..<restStart]
      let rest = trimmedNext[restStart...].drop(while: { $0 == " " || $0 == "\t" })
      var head = String(line.dropLast())  // the hyphen
      if decision == .keepHyphen { head += "-" }
      lines[index] = Substring(head + fragment)
      lines[index + 1] = Substring(rest)
      if rest.isEmpty { lines.remove(at: index + 1) }
      changed = true
      // Stay on this line: the joined word may end in another break ("informatie-⏎beveili-⏎ging").
    }
    return changed ? lines.joined(separator: "\n") : text
  }

  enum Decision { case dropHyphen, keepHyphen }

  func decide(line: Substring, next: Substring) -> Decision? {
    if let decided = asciiDecide(line: line, next: next) { return decided }
    return characterDecide(line: line, next: next)
  }

  /// `characterDecide` on the bytes of two all-ASCII lines (a character is then one byte:
  /// letters A-Z and a-z, digits 0-9, white space 09-0D and 20); nil when either line holds
  /// another character, `.some(nil)` when there is no broken word.
  func asciiDecide(line: Substring, next: Substring) -> Decision?? {
    let bytes = (Array(line.utf8), Array(next.utf8))
    guard !bytes.0.contains(where: { $0 >= 0x80 }), !bytes.1.contains(where: { $0 >= 0x80 })
    else { return nil }
    let (left, right) = bytes
    // The line ends in a hyphen after a letter or digit.
    guard left.count >= 2, left[left.count - 1] == 0x2D else { return .some(nil) }
    let lastLetter = left[left.count - 2]
    guard Self.isASCIILetterOrDigit(lastLetter) else { return .some(nil) }
    var wordStart = left.count - 1
    while wordStart > 0 && !UTF8Bytes.isSpace(left[wordStart - 1]) { wordStart -= 1 }
    var start = 0
    while start < right.count && (right[start] == 0x20 || right[start] == 0x09) { start += 1 }
    guard start < right.count, Self.isASCIILetterOrDigit(right[start]) else { return .some(nil) }
    let firstNext = right[start]
    var end = start
    while end < right.count && !UTF8Bytes.isSpace(right[end]) { end += 1 }
    // The words without the punctuation around them (`asciiWord`, as `trimPunctuation` cuts
    // them), lower-cased.
    let word = { (bytes: [UInt8], range: Range<Int>) -> [UInt8] in
      bytes.withUnsafeBufferPointer { buffer in
        Self.asciiWord(buffer, range.lowerBound, range.upperBound).map {
          buffer[$0].map(UTF8Bytes.lowered)
        } ?? []
      }
    }
    let rightWord = word(right, start..<end)
    if Self.conjunctions.contains(String(decoding: rightWord, as: UTF8.self)) { return .some(nil) }
    let leftWord = word(left, wordStart..<(left.count - 1))
    if !knownWords.isEmpty {
      let joined = String(decoding: leftWord + rightWord, as: UTF8.self)
      let hyphenated = String(decoding: leftWord + [0x2D] + rightWord, as: UTF8.self)
      if knownWords.contains(hyphenated) && !knownWords.contains(joined) { return .keepHyphen }
      if knownWords.contains(joined) && !knownWords.contains(hyphenated) { return .dropHyphen }
    }
    // A capital or digit on either side marks a compound; so does a word with a hyphen in it.
    let isCapitalOrDigit = { (byte: UInt8) in
      (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
    }
    if isCapitalOrDigit(lastLetter) || isCapitalOrDigit(firstNext) || leftWord.contains(0x2D) {
      return .keepHyphen
    }
    let pair = String(
      decoding: [UTF8Bytes.lowered(lastLetter), UTF8Bytes.lowered(firstNext)], as: UTF8.self)
    return Self.vowelPairs.contains(pair) ? .keepHyphen : .dropHyphen
  }

  /// Whether the break between `line` and `next` is a broken word, and which, on characters.
  func characterDecide(line: Substring, next: Substring) -> Decision? {
    // A line that ends in spaces (or nothing) does not end in a broken word.
    guard line.last != " ", line.hasSuffix("-") else { return nil }
    let beforeHyphen = line.dropLast()
    guard let lastLetter = beforeHyphen.last, lastLetter.isLetter || lastLetter.isNumber else {
      return nil
    }
    // The word before the hyphen: back from it to the white space before.
    var wordStart = beforeHyphen.endIndex
    while wordStart > beforeHyphen.startIndex
      && !beforeHyphen[beforeHyphen.index(before: wordStart)].isWhitespace
    {
      wordStart = beforeHyphen.index(before: wordStart)
    }
    let leftWord = beforeHyphen[wordStart...]
    let nextTrimmed = next.drop(while: { $0 == " " || $0 == "\t" })
    guard let firstNext = nextTrimmed.first, firstNext.isLetter || firstNext.isNumber else {
      return nil
    }
    let rightToken = nextTrimmed.prefix(while: { !$0.isWhitespace })
    let rightWord = String(Self.trimPunctuation(rightToken))
    if Self.conjunctions.contains(rightWord.lowercased()) { return nil }

    let left = String(Self.trimPunctuation(leftWord))
    let joined = (left + rightWord).lowercased()
    let hyphenated = (left + "-" + rightWord).lowercased()
    if knownWords.contains(hyphenated) && !knownWords.contains(joined) { return .keepHyphen }
    if knownWords.contains(joined) && !knownWords.contains(hyphenated) { return .dropHyphen }

    // A capital or digit on either side marks a compound: ICT-project, 2024-2025, e-Overheid.
    if lastLetter.isUppercase || lastLetter.isNumber || firstNext.isUppercase || firstNext.isNumber
    {
      return .keepHyphen
    }
    // A word that already holds a hyphen is a compound: end-to-end, state-of-the-art.
    if left.contains("-") { return .keepHyphen }
    let pair = String([lastLetter, firstNext]).lowercased()
    if Self.vowelPairs.contains(pair) { return .keepHyphen }
    return .dropHyphen
  }

  static func trimPunctuation(_ token: Substring) -> Substring {
    var slice = token
    while let first = slice.first, !(first.isLetter || first.isNumber) { slice.removeFirst() }
    while let last = slice.last, !(last.isLetter || last.isNumber) { slice.removeLast() }
    return slice
  }
}
