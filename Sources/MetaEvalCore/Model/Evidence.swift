/// Where a judgement comes from: a quote on a page and the cue that matched it.
public struct Evidence: Codable, Sendable, Equatable, Hashable {
  /// One-based page index.
  public var page: Int
  /// The printed page label ("iii", "12"), which may differ from the index.
  public var pageLabel: String
  public var quote: String
  /// The kind of cue that matched (heading, phrase, label, negation, term, judged).
  public var kind: String
  /// The cue's pattern, or the term's id.
  public var cue: String
  /// How the page's text was obtained: `text-layer` or `ocr`.
  public var source: String
  /// Tesseract's mean confidence on the page, for `ocr`.
  public var ocrConfidence: Double?

  public init(
    page: Int, pageLabel: String, quote: String, kind: String, cue: String,
    source: String = "text-layer",
    ocrConfidence: Double? = nil
  ) {
    self.page = page
    self.pageLabel = pageLabel
    self.quote = quote
    self.kind = kind
    self.cue = cue
    self.source = source
    self.ocrConfidence = ocrConfidence
  }

  /// "p. 12" or "p. 12 (OCR, 91%)".
  public var pageReference: String {
    source == "ocr"
      ? "p. \(pageLabel) (OCR\(ocrConfidence.map { ", \(Int($0.rounded()))%" } ?? ""))"
      : "p. \(pageLabel)"
  }

  enum CodingKeys: String, CodingKey {
    case page, quote, kind, cue, source
    case pageLabel = "page_label"
    case ocrConfidence = "ocr_confidence"
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    page = try container.decode(Int.self, forKey: .page)
    pageLabel = try container.decode(String.self, forKey: .pageLabel)
    quote = try container.decode(String.self, forKey: .quote)
    kind = try container.decode(String.self, forKey: .kind)
    cue = try container.decode(String.self, forKey: .cue)
    source = try container.decodeIfPresent(String.self, forKey: .source) ?? "text-layer"
    ocrConfidence = try container.decodeIfPresent(Double.self, forKey: .ocrConfidence)
  }
}

public enum Verdict: String, Codable, Sendable, Equatable {
  case yes
  case no
}
