import Foundation
import PDFExtraction

/// Many short texts (the sentences or the lines of a document) joined into one string, so
/// that each pattern runs once over the document instead of once per sentence: the regex
/// engine's start-up and the UTF-16 bridging are paid once, not thousands of times.
final class TextIndex {
  /// A match of a pattern inside one unit.
  struct Hit {
    /// The match's range inside its unit (UTF-16).
    let range: NSRange
    /// The engine's result, with ranges in `source`; nil for a match found without the engine.
    let result: NSTextCheckingResult?
    /// The text the result's ranges refer to: the joined text, or the unit alone.
    let source: NSString?

    init(result: NSTextCheckingResult, source: NSString, offset: Int) {
      self.range = NSRange(location: result.range.location - offset, length: result.range.length)
      self.result = result
      self.source = source
    }

    init(range: NSRange) {
      self.range = range
      self.result = nil
      self.source = nil
    }
  }

  let units: [String]
  /// The units joined, for the alternatives that have no anchors (made on first use).
  lazy var joined: NSString = units.joined(separator: "\n") as NSString
  private let starts: [Int]
  /// The units lower-cased and joined as UTF-8, for the anchor search, with their starts.
  private let lowered: [UInt8]
  private let loweredStarts: [Int]
  /// Units whose lower-casing kept every character's UTF-16 length, so that places in
  /// `lowered` convert to places in the unit.
  private let aligned: [Bool]
  private var cache: [ObjectIdentifier: [Int: Hit]] = [:]
  /// The literals that will be looked up (see `PairIndex`); nil when not known.
  private let literals: PairIndex.Literals?

  init(units: [String], literals: PairIndex.Literals? = nil) {
    self.units = units
    self.literals = literals
    var starts: [Int] = []
    var loweredStarts: [Int] = []
    starts.reserveCapacity(units.count)
    loweredStarts.reserveCapacity(units.count)
    var aligned: [Bool] = []
    aligned.reserveCapacity(units.count)
    // Lower-casing makes a character at most half as long again (İ: two bytes to three).
    let capacity = 2 * units.reduce(0) { $0 + $1.utf8.count + 1 } + 16
    var offset = 0
    self.lowered = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      var written = 0
      for unit in units {
        starts.append(offset)
        loweredStarts.append(written)
        let length = Self.lower(unit, into: buffer, at: &written)
        offset += length.original + 1
        aligned.append(length.original == length.lowered)
        buffer[written] = 0x0A
        written += 1
      }
      count = written
    }
    self.aligned = aligned
    self.starts = starts
    self.loweredStarts = loweredStarts
  }

  /// Appends the text lower-cased as `String.lowercased()` does (scalar by scalar), and
  /// returns its length in UTF-16 code units before and after. ASCII and Latin-1 letters are
  /// mapped without a table lookup; punctuation such as quotes and dashes has no case.
  static func appendLowered(_ text: String, to lowered: inout [UInt8]) -> (
    original: Int, lowered: Int
  ) {
    var buffer = [UInt8](repeating: 0, count: 2 * text.utf8.count + 16)
    var written = 0
    let length = buffer.withUnsafeMutableBufferPointer { lower(text, into: $0, at: &written) }
    lowered += buffer[..<written]
    return length
  }

  /// Writes the text lower-cased into `output` from `written` on (which moves past it); the
  /// output has room for half as much again as the text.
  static func lower(
    _ text: String, into output: UnsafeMutableBufferPointer<UInt8>, at written: inout Int
  ) -> (original: Int, lowered: Int) {
    UTF8Text.withBytes(text) { bytes in
      var utf16 = 0
      var loweredUTF16 = 0
      var index = 0
      var out = written
      var nonASCII = 0
      let count = bytes.count
      while index < count {
        // Eight ASCII bytes at a time: capitals (0x41 to 0x5A) gain 0x20.
        if let word = UTF8Bytes.asciiWord(bytes, at: index) {
          let capitals =
            (word &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(word &+ 0x2525_2525_2525_2525)
            & 0x8080_8080_8080_8080
          UnsafeMutableRawPointer(output.baseAddress! + out).storeBytes(
            of: word | capitals >> 2, as: UInt64.self)
          out += 8
          index += 8
          continue
        }
        let byte = bytes[index]
        if byte < 0x80 {
          output[out] = UTF8Bytes.lowered(byte)
          out += 1
          index += 1
          continue
        }
        // Every ASCII character counts one UTF-16 unit in both; the rest are counted here.
        let (scalar, length) = UTF8Text.scalar(bytes, at: index)
        let value = scalar.value
        let width = value > 0xFFFF ? 2 : 1
        utf16 += width - 1
        nonASCII += length - 1  // its continuation bytes are not scalars of their own
        if (0xC0...0xDE).contains(value) && value != 0xD7 {
          // À to Þ: two bytes, the second gains 0x20.
          output[out] = bytes[index]
          output[out + 1] = bytes[index + 1] + 0x20
          out += 2
        } else if Self.hasNoCase(value) || !scalar.properties.changesWhenLowercased {
          for offset in 0..<length { output[out + offset] = bytes[index + offset] }
          out += length
          loweredUTF16 += width - 1
        } else {
          let mapping = scalar.properties.lowercaseMapping
          for byte in mapping.utf8 {
            output[out] = byte
            out += 1
          }
          // A character that becomes several (İ to i and a dot) shifts every place after it.
          loweredUTF16 += mapping.unicodeScalars.count == 1 ? mapping.utf16.count - 1 : 1_000_000
        }
        index += length
      }
      // One unit per scalar, plus the extra units counted above.
      let scalars = count - nonASCII
      written = out
      return (scalars + utf16, scalars + loweredUTF16)
    }
  }

  /// Characters that lower-casing leaves alone, known without a table lookup: Latin-1 above
  /// ASCII (its capitals are handled before), punctuation, and the CJK and Hangul blocks
  /// (checked for each in tests).
  @inline(__always)
  static func hasNoCase(_ value: UInt32) -> Bool {
    value < 0x100 || (0x2000...0x206F).contains(value) || (0x3000...0x9FFF).contains(value)
      || (0xAC00...0xD7A3).contains(value) || (0xE000...0xF8FF).contains(value)
  }

  /// The units that hold one of the anchors (lower-cased substrings).
  func units(holding anchors: [String]) -> Set<Int> {
    var found = Set<Int>()
    for anchor in anchors {
      places(of: Array(anchor.utf8)) { found.insert(Self.index(of: $0, in: loweredStarts)) }
    }
    return found
  }

  /// Calls `body` with every place of `needle` (two bytes or more) in the lower-cased text,
  /// in ascending order.
  private func places(of needle: [UInt8], _ body: (Int) -> Void) {
    let index = pairIndex
    lowered.withUnsafeBufferPointer { index.places(of: needle, in: $0, body) }
  }

  /// The first match of a whole-word term in each unit, found in the lower-cased text as the
  /// engine would find it: the leftmost place, and there the first spelling in the engine's
  /// order. A unit whose lower-casing moved places is left to the engine.
  private func wordHits(_ words: WordLiterals, branch: Pattern.Branch) -> [Int: Hit] {
    // unit: (place in lowered, end in lowered, spelling)
    var best: [Int: (start: Int, end: Int, spelling: Int)] = [:]
    lowered.withUnsafeBufferPointer { text in
      for (spelling, needle) in words.spellings.enumerated() {
        places(of: needle) { start in
          let unit = Self.index(of: start, in: loweredStarts)
          if let found = best[unit], found.start < start || found.start == start {
            return
          }
          guard
            !words.wordStart || start == loweredStarts[unit]
              || !Self.isWord(before: start, in: text)
          else {
            return
          }
          var end = start + needle.count
          if words.restOfWord {
            while end < text.count {
              let (scalar, length) = UTF8Text.scalar(text, at: end)
              guard Self.isWord(scalar) else { break }
              end += length
            }
          } else if words.wordEnd && end < text.count
            && Self.isWord(UTF8Text.scalar(text, at: end).0)
          {
            return
          }
          best[unit] = (start, end, spelling)
        }
      }
    }
    var hits: [Int: Hit] = [:]
    lowered.withUnsafeBufferPointer { text in
      for (unit, found) in best {
        if aligned[unit] {
          let location = Self.utf16Length(text, loweredStarts[unit]..<found.start)
          let length = Self.utf16Length(text, found.start..<found.end)
          hits[unit] = Hit(range: NSRange(location: location, length: length))
        } else {
          let unitText = units[unit]
          if let result = branch.regex.firstMatch(
            in: unitText, range: NSRange(unitText.startIndex..., in: unitText))
          {
            hits[unit] = Hit(result: result, source: unitText as NSString, offset: 0)
          }
        }
      }
    }
    return hits
  }

  private func admits(_ unit: Int, _ shape: LineShape) -> Bool {
    let start = loweredStarts[unit]
    let end = unit + 1 < loweredStarts.count ? loweredStarts[unit + 1] - 1 : lowered.count - 1
    return lowered.withUnsafeBufferPointer {
      shape.admits(UnsafeBufferPointer(rebasing: $0[start..<end]))
    }
  }

  static func utf16Length(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    var length = 0
    for index in range {
      let byte = text[index]
      if byte & 0xC0 != 0x80 { length += byte >= 0xF0 ? 2 : 1 }
    }
    return length
  }

  /// Whether the character that ends just before `place` is a word character.
  static func isWord(before place: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
    isWord(UTF8Text.scalar(text, at: UTF8Text.scalarStart(text, before: place)).0)
  }

  /// The regex engine's `\w`: letters, marks, decimal digits, connector punctuation, ZWNJ, ZWJ.
  static func isWord(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 {
      return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value)
        || (0x30...0x39).contains(value) || value == 0x5F
    }
    if value == 0x200C || value == 0x200D { return true }
    let properties = scalar.properties
    if properties.isAlphabetic { return true }
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation:
      return true
    default:
      return false
    }
  }

  /// The places of the byte pairs of the lower-cased text that find the literals, made on
  /// first use.
  private lazy var pairIndex: PairIndex = lowered.withUnsafeBufferPointer {
    PairIndex($0, keepingPairsOf: literals)
  }

  /// The first match of `pattern` in each unit that has one, by unit index: the earliest of
  /// its alternatives' matches, the first alternative on a tie.
  func firstHits(_ pattern: Pattern) -> [Int: Hit] {
    let key = ObjectIdentifier(pattern.branches[0].lazyRegex)
    if let cached = cache[key] { return cached }
    var hits: [Int: Hit] = [:]
    for branch in pattern.branches {
      for (unit, hit) in branchHits(branch) {
        if let existing = hits[unit], existing.range.location <= hit.range.location { continue }
        hits[unit] = hit
      }
    }
    cache[key] = hits
    return hits
  }

  private func branchHits(_ branch: Pattern.Branch) -> [Int: Hit] {
    if let words = branch.words { return wordHits(words, branch: branch) }
    var hits: [Int: Hit] = [:]
    if let anchors = branch.anchors {
      // Only the units that hold an anchor (and have the line's shape) can match; run the
      // engine on those alone.
      for unit in units(holding: anchors) where branch.shape.map({ admits(unit, $0) }) ?? true {
        let text = units[unit]
        if let result = branch.regex.firstMatch(
          in: text, range: NSRange(text.startIndex..., in: text))
        {
          hits[unit] = Hit(result: result, source: text as NSString, offset: 0)
        }
      }
      return hits
    }
    var crossed: [Int] = []
    branch.regex.enumerateMatches(
      in: joined as String, range: NSRange(location: 0, length: joined.length)
    ) {
      result, _, _ in
      guard let result else { return }
      let unit = self.unit(at: result.range.location)
      let end = self.starts[unit] + self.units[unit].utf16.count
      if NSMaxRange(result.range) > end {
        crossed.append(unit)  // ran into the next unit: look again within this one alone
      } else if hits[unit] == nil {
        hits[unit] = Hit(result: result, source: self.joined, offset: self.starts[unit])
      }
    }
    for unit in crossed where hits[unit] == nil {
      let text = units[unit]
      if let result = branch.regex.firstMatch(
        in: text, range: NSRange(text.startIndex..., in: text))
      {
        hits[unit] = Hit(result: result, source: text as NSString, offset: 0)
      }
    }
    return hits
  }

  /// The text of a named group of a hit, or nil when the group did not take part.
  func group(_ name: String, of hit: Hit) -> String? {
    guard let result = hit.result, let source = hit.source else { return nil }
    for candidate in [name] + (2...9).map({ "\(name)\($0)" }) {
      guard let range = ScoringContext.range(withName: candidate, in: result),
        range.location != NSNotFound
      else { continue }
      return source.substring(with: range)
    }
    return nil
  }

  private func unit(at location: Int) -> Int { Self.index(of: location, in: starts) }

  /// The last start at or before `location`.
  static func index(of location: Int, in starts: [Int]) -> Int {
    var low = 0
    var high = starts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if starts[middle] <= location { low = middle } else { high = middle - 1 }
    }
    return low
  }
}
