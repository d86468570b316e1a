/// The languages metaeval reads. Both are first-class.
public enum Language: String, Sendable, Codable, CaseIterable, Comparable {
  case nl
  case en

  public static func < (lhs: Language, rhs: Language) -> Bool { lhs.rawValue < rhs.rawValue }

  /// Frequent function words that tell Dutch from English.
  static let markers: [Language: Set<String>] = [
    .nl: [
      "de", "het", "een", "en", "van", "is", "dat", "op", "te", "voor", "met", "zijn", "niet",
      "aan", "er", "ook", "als", "door", "bij", "wordt", "worden", "naar", "deze", "om", "uit",
    ],
    .en: [
      "the", "and", "of", "to", "a", "is", "that", "for", "with", "are", "on", "as", "by", "be",
      "this", "was", "it", "from", "or", "not", "have", "which", "were", "has", "an",
    ],
  ]

  /// The marker words packed into integers (five letters at most, one byte each), sorted
  /// for a binary search: cheaper than hashing every short word of the sample.
  static let packedMarkers: [Language: [UInt64]] = markers.mapValues { words in
    words.map { pack(Array($0.utf8)) }.sorted()
  }

  static func contains(_ sorted: [UInt64], _ word: UInt64) -> Bool {
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] < word { low = middle + 1 } else { high = middle }
    }
    return low < sorted.count && sorted[low] == word
  }

  static func pack(_ word: [UInt8]) -> UInt64 {
    word.reduce(0) { $0 << 8 | UInt64($1) }
  }

  /// Detects the language of a text by its function words; English when there is nothing to go on.
  public static func detect(_ text: Substring, sampleLimit: Int = 30_000) -> Language {
    detect(pages: [String(text)], sampleLimit: sampleLimit)
  }

  /// Detects the language of pages read one after another (as if joined by line breaks), from
  /// their first `sampleLimit` bytes.
  public static func detect(pages: [String], sampleLimit: Int = 30_000) -> Language {
    var counter = MarkerCounter()
    var budget = sampleLimit
    for (index, page) in pages.enumerated() {
      if index > 0 {
        guard budget > 0 else { break }
        budget -= 1
        counter.read(0x0A)
      }
      UTF8Text.withBytes(page) { bytes in
        let taken = min(bytes.count, budget)
        budget -= taken
        for byte in bytes[..<taken] { counter.read(byte) }
      }
      if budget == 0 { break }
    }
    counter.endWord()
    return counter.dutch > counter.english ? .nl : .en
  }

  /// Counts the marker words of each language in a stream of bytes. Function words are short
  /// and plain ASCII: bytes are enough.
  struct MarkerCounter {
    var dutch = 0
    var english = 0
    /// The word so far, packed (see `pack`), and its length; only words of five letters or
    /// fewer are looked up.
    private var word: UInt64 = 0
    private var length = 0
    private let dutchMarkers = packedMarkers[.nl]!
    private let englishMarkers = packedMarkers[.en]!

    @inline(__always)
    mutating func read(_ byte: UInt8) {
      if (byte | 0x20) &- 0x61 < 26 {
        length += 1
        if length <= 5 { word = word << 8 | UInt64(byte | 0x20) }
      } else if length > 0 {
        endWord()
      }
    }

    mutating func endWord() {
      if length > 0 && length <= 5 {
        if Language.contains(dutchMarkers, word) { dutch += 1 }
        if Language.contains(englishMarkers, word) { english += 1 }
      }
      word = 0
      length = 0
    }
  }
}
