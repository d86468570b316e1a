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

  /// The marker words packed into integers (five letters at most, one byte each; see
  /// `pack`), in an open-addressed table of 256 slots: one multiply and, for most words, one
  /// comparison. `markerFlags` holds 1 for a Dutch marker and 2 for an English one.
  static let (markerSlots, markerFlags): ([UInt64], [UInt8]) = {
    var slots = [UInt64](repeating: 0, count: 256)
    var flags = [UInt8](repeating: 0, count: 256)
    for (language, flag) in [(Language.nl, UInt8(1)), (.en, 2)] {
      for word in markers[language]! {
        let packed = pack(Array(word.utf8))
        var slot = markerSlot(packed)
        while slots[slot] != 0 && slots[slot] != packed { slot = (slot + 1) & 255 }
        slots[slot] = packed
        flags[slot] |= flag
      }
    }
    return (slots, flags)
  }()

  @inline(__always)
  static func markerSlot(_ packed: UInt64) -> Int {
    Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> 56)
  }

  /// 1 when the packed word is a Dutch marker, 2 when English, 3 when both, 0 when neither.
  static func marker(_ packed: UInt64) -> UInt8 {
    var slot = markerSlot(packed)
    while markerSlots[slot] != 0 {
      if markerSlots[slot] == packed { return markerFlags[slot] }
      slot = (slot + 1) & 255
    }
    return 0
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
        let flags = Language.marker(word)
        dutch += Int(flags & 1)
        english += Int(flags >> 1)
      }
      word = 0
      length = 0
    }
  }
}
