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

  /// Detects the language of a text by its function words; English when there is nothing to go on.
  public static func detect(_ text: Substring, sampleLimit: Int = 30_000) -> Language {
    var counts: [Language: Int] = [.nl: 0, .en: 0]
    var word: [UInt8] = []
    var seen = 0
    func count() {
      guard !word.isEmpty, word.count <= 5 else { return }
      let lower = String(decoding: word, as: UTF8.self)
      for (language, words) in markers where words.contains(lower) {
        counts[language, default: 0] += 1
      }
    }
    // Function words are short and plain ASCII: bytes are enough.
    for byte in text.utf8 {
      seen += 1
      if seen > sampleLimit { break }
      switch byte {
      case 0x41...0x5A: word.append(byte + 0x20)
      case 0x61...0x7A: word.append(byte)
      default:
        count()
        word.removeAll(keepingCapacity: true)
      }
    }
    count()
    return (counts[.nl] ?? 0) > (counts[.en] ?? 0) ? .nl : .en
  }
}
