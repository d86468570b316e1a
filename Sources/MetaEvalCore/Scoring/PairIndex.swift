import Foundation

/// Where the byte pairs of a text stand, for finding many literals in it: each literal is
/// looked for only at the places of its rarest pair.
///
/// All pairs are counted; places are kept only for the pairs that some literal of the list it
/// was made for will be looked up by (its rarest pair in this text), which are few. Without a
/// list, every pair's places are kept. Pairs are of byte classes (`byteClasses`), so the
/// counters fit the processor's nearest cache.
final class PairIndex {
  /// How often each pair occurs in the text.
  private let counts: [Int32]
  /// The places of pair k are `places[starts[k] ..< starts[k + 1]]`, ascending; empty for a
  /// pair whose places were not kept.
  private let starts: [Int32]
  private let places: [Int32]

  /// The literals an index is made for, as the pair keys of each, end to end.
  struct Literals: Sendable {
    /// The keys of literal i are `keys[ends[i - 1] ..< ends[i]]` (from 0 for the first).
    let keys: [UInt16]
    let ends: [Int]

    init(_ literals: [[UInt8]]) {
      var keys: [UInt16] = []
      var ends: [Int] = []
      for literal in literals where literal.count >= 2 {
        for offset in 0..<(literal.count - 1) {
          keys.append(UInt16(PairIndex.pair(literal[offset], literal[offset + 1])))
        }
        ends.append(keys.count)
      }
      self.keys = keys
      self.ends = ends
    }
  }

  init(_ text: UnsafeBufferPointer<UInt8>, keepingPairsOf literals: Literals?) {
    var counts = [Int32](repeating: 0, count: Self.pairCount)
    let pairs = max(text.count - 1, 0)
    let raw = UnsafeRawPointer(text.baseAddress)
    Self.pairKeys.withUnsafeBufferPointer { keys in
      counts.withUnsafeMutableBufferPointer { counts in
        guard pairs > 0, let raw else { return }
        // Two bytes at a time, read as one 16-bit number, give the pair's key.
        for index in 0..<pairs {
          let bytes = raw.loadUnaligned(fromByteOffset: index, as: UInt16.self)
          counts[Int(keys[Int(UInt16(littleEndian: bytes))])] &+= 1
        }
      }
    }
    // The pairs to keep the places of: the rarest pair of each literal.
    var keep = [Bool](repeating: literals == nil, count: Self.pairCount)
    if let literals {
      var start = 0
      for end in literals.ends {
        // The rarest pair, the first of them on a tie; none when one does not occur.
        var best = -1
        var fewest = Int32.max
        for slot in start..<end {
          let key = Int(literals.keys[slot])
          let count = counts[key]
          if count == 0 {
            best = -1
            break
          }
          if count < fewest {
            fewest = count
            best = key
          }
        }
        if best >= 0 { keep[best] = true }
        start = end
      }
    }
    var starts = [Int32](repeating: 0, count: Self.pairCount + 1)
    for key in 0..<Self.pairCount {
      starts[key + 1] = starts[key] &+ (keep[key] ? counts[key] : 0)
    }
    let kept = Int(starts[Self.pairCount])
    // First the kept places in text order: every place is written at the cursor, which moves
    // on only for a kept pair. No branch, which the processor would mispredict, and no counter
    // in memory that the next place waits for.
    let steps = keep.map { UInt8($0 ? 1 : 0) }
    let inOrder = [Int32](unsafeUninitializedCapacity: kept + 1) { inOrder, count in
      Self.pairKeys.withUnsafeBufferPointer { keys in
        steps.withUnsafeBufferPointer { steps in
          guard kept > 0, let raw else { return }
          var cursor = 0
          for index in 0..<pairs {
            let bytes = raw.loadUnaligned(fromByteOffset: index, as: UInt16.self)
            inOrder[cursor] = Int32(truncatingIfNeeded: index)
            cursor &+= Int(steps[Int(keys[Int(UInt16(littleEndian: bytes))])])
          }
        }
      }
      count = kept
    }
    // Then each pair's places together, still ascending.
    var next = starts
    let places = [Int32](unsafeUninitializedCapacity: kept) { places, count in
      Self.pairKeys.withUnsafeBufferPointer { keys in
        next.withUnsafeMutableBufferPointer { next in
          guard let raw else { return }
          for place in inOrder {
            let bytes = raw.loadUnaligned(fromByteOffset: Int(place), as: UInt16.self)
            let key = Int(keys[Int(UInt16(littleEndian: bytes))])
            places[Int(next[key])] = place
            next[key] &+= 1
          }
        }
      }
      count = kept
    }
    self.places = places
    self.counts = counts
    self.starts = starts
  }

  /// Calls `body` with every place of `literal` (two bytes or more) in `text` (the text the
  /// index was made of), in ascending order. Only the places of its rarest kept pair are
  /// compared; a literal none of whose pairs were kept is looked for in the whole text.
  func places(
    of literal: [UInt8], in text: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void
  ) {
    guard literal.count >= 2, let base = text.baseAddress else { return }
    // The rarest kept pair; nothing to find when a pair of the literal does not occur.
    var rarest = -1
    var key = 0
    var fewest = Int32.max
    let occurs = Self.byteClasses.withUnsafeBufferPointer { classes in
      for offset in 0..<(literal.count - 1) {
        let pair = Int(classes[Int(literal[offset])]) << 6 | Int(classes[Int(literal[offset + 1])])
        let count = counts[pair]
        if count == 0 { return false }
        if count < fewest && starts[pair + 1] &- starts[pair] == count {
          fewest = count
          rarest = offset
          key = pair
        }
      }
      return true
    }
    guard occurs else { return }
    let first = literal[0]
    let last = literal[literal.count - 1]
    let length = literal.count
    literal.withUnsafeBytes { pattern in
      let matches = { (start: Int) -> Bool in
        // The ends first: most places of a pair are in other words.
        text[start] == first && text[start + length - 1] == last
          && (length <= 2 || memcmp(base + start + 1, pattern.baseAddress! + 1, length - 2) == 0)
      }
      guard rarest >= 0 else {
        // Not a literal of the list: every place.
        var start = 0
        while start + length <= text.count {
          if matches(start) { body(start) }
          start += 1
        }
        return
      }
      places.withUnsafeBufferPointer { places in
        for slot in Int(starts[key])..<Int(starts[key + 1]) {
          let start = Int(places[slot]) - rarest
          guard start >= 0, start + length <= text.count, matches(start) else { continue }
          body(start)
        }
      }
    }
  }

  static let pairCount = 64 * 64

  /// Bytes in 64 classes: each letter and digit its own, space, '-', '.', the line feed, and the
  /// rest of ASCII and the bytes of other characters shared out over the remaining classes.
  static let byteClasses: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
    switch byte {
    case 0x61...0x7A: UInt8(1 + byte - 0x61)
    case 0x41...0x5A: UInt8(1 + byte - 0x41)
    case 0x30...0x39: UInt8(27 + byte - 0x30)
    case 0x20: 37
    case 0x2D: 38
    case 0x2E: 39
    case 0x0A: 40
    case 0..<0x80: UInt8(41 + byte % 8)
    default: UInt8(49 + byte % 15)
    }
  }

  /// The key of every pair of bytes, by the two bytes read as a little-endian 16-bit number.
  static let pairKeys: [UInt16] = (0..<65_536).map { value in
    UInt16(pair(UInt8(value & 0xFF), UInt8(value >> 8)))
  }

  static func pair(_ first: UInt8, _ second: UInt8) -> Int {
    Int(byteClasses[Int(first)]) << 6 | Int(byteClasses[Int(second)])
  }
}
