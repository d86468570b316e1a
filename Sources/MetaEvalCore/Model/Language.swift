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
    let dutch = packedMarkers[.nl]!
    let english = packedMarkers[.en]!
    var counts = (nl: 0, en: 0)
    var word: UInt64 = 0
    var length = 0
    var seen = 0
    func count() {
      guard length > 0, length <= 5 else { return }
      if contains(dutch, word) { counts.nl += 1 }
      if contains(english, word) { counts.en += 1 }
    }
    // Function words are short and plain ASCII: bytes are enough.
    func read(_ byte: UInt8) {
      switch byte {
      case 0x41...0x5A, 0x61...0x7A:
        length += 1
        if length <= 5 { word = word << 8 | UInt64(byte | 0x20) }
      default:
        count()
        word = 0
        length = 0
      }
    }
    reading: for (index, page) in pages.enumerated() {
      if index > 0 {
        seen += 1
        if seen > sampleLimit { break }
        read(0x0A)
      }
      let done = UTF8Text.withBytes(page) { bytes -> Bool in
        for byte in bytes {
          seen += 1
          if seen > sampleLimit { return true }
          read(byte)
        }
        return false
      }
      if done { break reading }
    }
    count()
    return counts.nl > counts.en ? .nl : .en
  }
}
