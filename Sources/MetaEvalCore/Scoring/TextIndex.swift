import Foundation

/// Many short texts (the sentences or the lines of a document) joined into one string, so
/// that each pattern runs once over the document instead of once per sentence: the regex
/// engine's start-up and the UTF-16 bridging are paid once, not thousands of times.
final class TextIndex {
  /// A match of a pattern inside one unit.
  struct Hit {
    /// The engine's result, with ranges in `source`.
    let result: NSTextCheckingResult
    /// The text the result's ranges refer to: the joined text, or the unit alone.
    let source: NSString
    /// Where the unit starts in `source`.
    let offset: Int

    /// The match's range inside its unit.
    var range: NSRange {
      NSRange(location: result.range.location - offset, length: result.range.length)
    }
  }

  let units: [String]
  let joined: NSString
  private let starts: [Int]
  /// The units lower-cased and joined as UTF-8, for the anchor search, with their starts.
  private let lowered: [UInt8]
  private let loweredStarts: [Int]
  private var cache: [ObjectIdentifier: [Int: Hit]] = [:]

  init(units: [String]) {
    self.units = units
    var starts: [Int] = []
    var loweredStarts: [Int] = []
    var lowered: [UInt8] = []
    starts.reserveCapacity(units.count)
    var offset = 0
    for unit in units {
      starts.append(offset)
      offset += unit.utf16.count + 1
      loweredStarts.append(lowered.count)
      // ASCII is lowered byte by byte; other text through the full Unicode mapping.
      if unit.utf8.allSatisfy({ $0 < 0x80 }) {
        lowered.append(contentsOf: unit.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 })
      } else {
        lowered.append(contentsOf: unit.lowercased().utf8)
      }
      lowered.append(0x0A)
    }
    self.starts = starts
    self.loweredStarts = loweredStarts
    self.lowered = lowered
    self.joined = units.joined(separator: "\n") as NSString
  }

  /// The units that hold one of the anchors (lower-cased substrings).
  func units(holding anchors: [String]) -> Set<Int> {
    var found = Set<Int>()
    lowered.withUnsafeBytes { haystack in
      guard let base = haystack.baseAddress else { return }
      for anchor in anchors {
        let needle = Array(anchor.utf8)
        guard needle.count >= 2 else { continue }
        // The anchor's rarest byte pair: only its places are checked.
        var rarest = 0
        var fewest = Int.max
        for offset in 0..<(needle.count - 1) {
          let key = Int(Self.pair(needle[offset], needle[offset + 1]))
          let count = Int(pairStarts[key + 1] - pairStarts[key])
          if count < fewest {
            fewest = count
            rarest = offset
          }
        }
        guard fewest > 0 else { continue }
        let key = Int(Self.pair(needle[rarest], needle[rarest + 1]))
        needle.withUnsafeBytes { pattern in
          for slot in Int(pairStarts[key])..<Int(pairStarts[key + 1]) {
            let start = Int(pairPlaces[slot]) - rarest
            guard start >= 0, start + needle.count <= haystack.count else { continue }
            if memcmp(base + start, pattern.baseAddress!, needle.count) == 0 {
              found.insert(Self.index(of: start, in: loweredStarts))
            }
          }
        }
      }
    }
    return found
  }

  /// Every place of every byte pair of the lower-cased text, made on first use: the places of
  /// pair k are `pairPlaces[pairStarts[k] ..< pairStarts[k + 1]]` (a counting sort).
  private lazy var pairIndex: (starts: [Int32], places: [Int32]) = {
    var starts = [Int32](repeating: 0, count: 65_537)
    guard lowered.count >= 2 else { return (starts, []) }
    for index in 0..<(lowered.count - 1) {
      starts[Int(Self.pair(lowered[index], lowered[index + 1])) + 1] += 1
    }
    for key in 0..<65_536 { starts[key + 1] += starts[key] }
    var next = starts
    var places = [Int32](repeating: 0, count: lowered.count - 1)
    for index in 0..<(lowered.count - 1) {
      let key = Int(Self.pair(lowered[index], lowered[index + 1]))
      places[Int(next[key])] = Int32(index)
      next[key] += 1
    }
    return (starts, places)
  }()

  private var pairStarts: [Int32] { pairIndex.starts }
  private var pairPlaces: [Int32] { pairIndex.places }

  static func pair(_ first: UInt8, _ second: UInt8) -> UInt16 { UInt16(first) << 8 | UInt16(second) }

  /// The first place of `needle` in `haystack` (memchr for the first byte, then memcmp).
  static func find(_ needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer)
    -> UnsafeRawPointer?
  {
    guard let first = needle.first, let needleBase = needle.baseAddress,
      let base = haystack.baseAddress,
      needle.count <= haystack.count
    else { return nil }
    var start = base
    let last = base + (haystack.count - needle.count)
    let second = needle.count > 1 ? needle[1] : 0
    while start <= last {
      guard let candidate = memchr(start, Int32(first), last - start + 1) else { return nil }
      let found = UnsafeRawPointer(candidate)
      // Most candidates fail on the second byte: test it before calling memcmp.
      if needle.count == 1
        || found.load(fromByteOffset: 1, as: UInt8.self) == second
          && memcmp(found, needleBase, needle.count) == 0
      {
        return found
      }
      start = found + 1
    }
    return nil
  }

  /// The first match of `pattern` in each unit that has one, by unit index: the earliest of
  /// its alternatives' matches, the first alternative on a tie.
  func firstHits(_ pattern: Pattern) -> [Int: Hit] {
    let key = ObjectIdentifier(pattern.branches[0].regex)
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
    var hits: [Int: Hit] = [:]
    if let anchors = branch.anchors {
      // Only the units that hold an anchor can match; run the engine on those alone.
      for unit in units(holding: anchors) {
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
    for candidate in [name] + (2...9).map({ "\(name)\($0)" }) {
      guard let range = ScoringContext.range(withName: candidate, in: hit.result),
        range.location != NSNotFound
      else { continue }
      return hit.source.substring(with: range)
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
