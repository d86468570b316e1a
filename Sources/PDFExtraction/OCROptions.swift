/// When and how to recognise the text of pages that have none.
public struct OCROptions: Sendable, Equatable {
  public enum Mode: String, Sendable, CaseIterable {
    /// Pages with no text, or almost none.
    case auto
    /// Every page.
    case always
    case never
  }

  public var mode: Mode
  /// Rendering resolution for recognition.
  public var dpi: Int
  /// Tesseract languages, `+`-separated.
  public var languages: String
  /// Pages recognised at once (each a `tesseract` process).
  public var jobs: Int
  /// The tesseract program to use (nil: `$METAEVAL_TESSERACT`, else the PATH).
  public var executable: String?
  /// A folder of lock files that several processes share as one budget of `jobs` recognitions
  /// at once (a corpus run's workers); nil: this process's own `jobs`.
  public var sharedSlots: String?

  public init(
    mode: Mode = .auto, dpi: Int = 300, languages: String = "nld+eng", jobs: Int = 1,
    executable: String? = nil, sharedSlots: String? = nil
  ) {
    self.sharedSlots = sharedSlots
    self.mode = mode
    self.dpi = dpi
    self.languages = languages
    self.jobs = max(1, jobs)
    self.executable = executable
  }
}

/// Recognised page texts kept between runs, keyed by the file's hash, the page, the engine's
/// version, the languages and the resolution. Implemented over SQLite elsewhere.
public protocol OCRCache: AnyObject {
  func recognised(sha256: String, page: Int, key: String) -> (text: String, confidence: Double)?
  func storeRecognised(sha256: String, page: Int, key: String, text: String, confidence: Double)
}
