/// The scored result of one document: the schema of `check --format json` and of each line
/// of a corpus run's `results.jsonl`.
public struct ReportResult: Codable, Sendable, Equatable {
  public struct RubricReference: Codable, Sendable, Equatable {
    public var id: String
    public var version: Int
  }

  public struct Score: Codable, Sendable, Equatable {
    public var met: Int
    public var total: Int
    public var requiredMet: Int
    public var requiredTotal: Int

    enum CodingKeys: String, CodingKey {
      case met, total
      case requiredMet = "required_met"
      case requiredTotal = "required_total"
    }
  }

  public var file: String
  public var sha256: String
  public var language: Language
  public var pages: Int
  /// Pages whose text came from OCR.
  public var ocrPages: Int
  public var words: Int
  public var rubric: RubricReference
  public var criteria: [CriterionResult]
  public var score: Score
  /// True when every required criterion is met.
  public var passed: Bool

  public func criterion(_ id: String) -> CriterionResult? { criteria.first { $0.id == id } }

  enum CodingKeys: String, CodingKey {
    case file, sha256, language, pages, words, rubric, criteria, score, passed
    case ocrPages = "ocr_pages"
  }
}
