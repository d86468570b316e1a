import Foundation

/// How to extract.
public struct ExtractionOptions: Sendable, Equatable {
  /// Skip the clean-up (ligatures, NFC, hyphenation, running headers).
  public var raw: Bool
  public var password: String?
  public var pages: PageRange?
  public var ocr: OCROptions

  public init(
    raw: Bool = false, password: String? = nil, pages: PageRange? = nil,
    ocr: OCROptions = OCROptions()
  ) {
    self.raw = raw
    self.password = password
    self.pages = pages
    self.ocr = ocr
  }
}

/// Reads the text of PDF, `.txt` and `.md` files.
///
/// Every failure is a `PDFExtractionError` that names the file; nothing here traps on bad input.
public struct Extractor {
  /// Bumped whenever a change to extraction or clean-up changes the text it returns
  /// (caches key on it).
  public static let version = "1"

  /// A page with fewer visible characters than this counts as having no text.
  static let minimumCharactersPerTextPage = 20

  public var options: ExtractionOptions
  /// Where recognised pages are kept between runs (nil: recognise every time).
  public var ocrCache: OCRCache?

  public init(options: ExtractionOptions = ExtractionOptions(), ocrCache: OCRCache? = nil) {
    self.options = options
    self.ocrCache = ocrCache
  }

  /// What a cached extraction depends on: the extractor's version and, for OCR, the mode,
  /// languages and resolution.
  public static func cacheKey(_ options: ExtractionOptions) -> String {
    options.ocr.mode == .never
      ? "\(version)|ocr=never"
      : "\(version)|ocr=\(options.ocr.mode.rawValue)|\(options.ocr.languages)|\(options.ocr.dpi)"
  }

  /// Extracts a file. `knownSHA256` is the file's digest when the caller has just computed it
  /// (a corpus run, for its cache) and the file is unchanged since: it is not computed again.
  public func extract(_ path: String, knownSHA256: String? = nil) throws(PDFExtractionError)
    -> ExtractedDocument
  {
    let data = try read(path)
    let fileExtension = (path as NSString).pathExtension.lowercased()
    let looksLikePDF = Self.hasPDFHeader(data)
    var document: ExtractedDocument
    if looksLikePDF {
      document = try extractPDF(data: data, path: path, sha256: knownSHA256)
    } else if fileExtension == "txt" || fileExtension == "md" {
      document = try extractText(data: data, path: path, sha256: knownSHA256)
    } else if fileExtension == "pdf" {
      throw .notAPDF(path: path)
    } else {
      throw .unsupportedType(path: path, fileExtension: fileExtension)
    }
    if options.raw {
      if document.kind == .pdf {
        for index in document.pages.indices {
          document.pages[index].text = PdftotextCompatibility.joinHyphenatedLines(
            document.pages[index].text)
        }
      }
    } else {
      document.pages = TextCleaner.clean(document.pages)
    }
    return document
  }

  private func read(_ path: String) throws(PDFExtractionError) -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .fileNotFound(path: path)
    }
    if isDirectory.boolValue { throw .unreadable(path: path, reason: "it is a directory") }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
    } catch {
      let reason = (error as NSError).localizedFailureReason ?? "permission denied or I/O error"
      throw .unreadable(path: path, reason: reason)
    }
    if data.isEmpty { throw .emptyFile(path: path) }
    return data
  }

  /// PDF readers accept the `%PDF-` marker anywhere in the first kilobyte.
  static func hasPDFHeader(_ data: Data) -> Bool {
    let marker = Array("%PDF-".utf8)
    let head = data.prefix(1024)
    guard head.count >= marker.count else { return false }
    return head.withUnsafeBytes { raw -> Bool in
      let bytes = raw.bindMemory(to: UInt8.self)
      for start in 0...(bytes.count - marker.count)
      where bytes[start] == marker[0] && Array(bytes[start..<start + marker.count]) == marker {
        return true
      }
      return false
    }
  }

  private func extractPDF(data: Data, path: String, sha256: String?) throws(PDFExtractionError)
    -> ExtractedDocument
  {
    let sha = sha256 ?? data.withUnsafeBytes { Checksum.sha256($0) }
    let pdf = try PopplerFile(path: path, password: options.password)
    let pageCount = pdf.pageCount
    guard pageCount > 0 else { throw .noPages(path: path) }
    var wanted = Array(1...pageCount)
    if let range = options.pages {
      guard let selected = range.pages(in: pageCount) else {
        throw .invalidPageRange(path: path, range: range.description, pageCount: pageCount)
      }
      wanted = selected
    }
    var pages: [PageText] = []
    pages.reserveCapacity(wanted.count)
    var pagesWithText = 0
    for number in wanted {
      let (label, text) = pdf.page(at: number - 1)
      if Self.visibleCharacters(in: text, atLeast: Self.minimumCharactersPerTextPage) {
        pagesWithText += 1
      }
      pages.append(PageText(index: number, label: label, text: text))
    }
    if options.ocr.mode != .never {
      try recognise(&pages, in: pdf, sha256: sha, path: path, pagesWithText: pagesWithText)
      pagesWithText =
        pages.filter {
          Self.visibleCharacters(in: $0.text, atLeast: Self.minimumCharactersPerTextPage)
        }.count
    }
    if pagesWithText == 0 { throw .noTextLayer(path: path, pages: wanted.count) }
    return ExtractedDocument(
      path: path, kind: .pdf, sha256: sha, pageCount: pageCount, pages: pages,
      metadata: pdf.metadata)
  }

  private func extractText(data: Data, path: String, sha256: String?) throws(PDFExtractionError)
    -> ExtractedDocument
  {
    let sha = sha256 ?? data.withUnsafeBytes { Checksum.sha256($0) }
    // Text files are UTF-8 as a rule; older Windows exports are Latin-1, which decodes any bytes.
    guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1)
    else { throw .unreadable(path: path, reason: "not a text file") }
    if text.utf8.contains(0) {
      throw .unreadable(path: path, reason: "binary content in a text file")
    }
    // A form feed separates pages, as in pdftotext's output.
    var parts = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
    if parts.count > 1, let last = parts.last, last.allSatisfy(\.isWhitespace) {
      parts.removeLast()
    }
    var pages = parts.enumerated().map {
      PageText(index: $0.offset + 1, label: String($0.offset + 1), text: $0.element)
    }
    let pageCount = pages.count
    if let range = options.pages {
      guard let selected = range.pages(in: pageCount) else {
        throw .invalidPageRange(path: path, range: range.description, pageCount: pageCount)
      }
      pages = selected.map { pages[$0 - 1] }
    }
    let title = (path as NSString).lastPathComponent
    return ExtractedDocument(
      path: path, kind: .text, sha256: sha, pageCount: pageCount, pages: pages,
      metadata: DocumentMetadata(title: title))
  }

  /// Runs OCR on the pages that need it (all with `always`, those with almost no text with
  /// `auto`): renders them one by one (a document is never touched from two threads), then
  /// recognises up to `ocr.jobs` at once. A page that fails keeps its text layer and says why.
  private func recognise(
    _ pages: inout [PageText], in pdf: PopplerFile, sha256: String, path: String, pagesWithText: Int
  ) throws(PDFExtractionError) {
    let settings = options.ocr
    // With `auto`, pages with (almost) no text that hold an image: a scan. Blank pages are left.
    let needed = pages.indices.filter { index in
      settings.mode == .always
        || !Self.visibleCharacters(
          in: pages[index].text, atLeast: Self.minimumCharactersPerTextPage)
          && pdf.hasImages(at: pages[index].index - 1)
    }
    guard !needed.isEmpty else { return }
    let engine: TesseractEngine
    switch TesseractEngine.locate(languages: settings.languages, executable: settings.executable) {
    case .success(let found): engine = found
    case .failure(let failure):
      // Pages with a text layer still count; a scan without OCR cannot be read at all.
      if pagesWithText == 0 {
        let reason: String
        switch failure {
        case .notInstalled(let text), .missingLanguage(let text), .failed(let text): reason = text
        }
        throw .ocrUnavailable(path: path, pages: pages.count, reason: reason)
      }
      // The scanned pages of an otherwise readable document stay empty, and say why.
      for index in needed {
        switch failure {
        case .notInstalled(let text), .missingLanguage(let text), .failed(let text):
          pages[index].ocrError = "OCR not available: \(text)"
        }
      }
      return
    }
    let key = "\(engine.version)|\(settings.languages)|\(settings.dpi)"
    var todo: [(index: Int, image: String)] = []
    let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent(
      "metaeval-ocr-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for index in needed {
      if let cached = ocrCache?.recognised(sha256: sha256, page: pages[index].index, key: key) {
        pages[index].text = cached.text
        pages[index].source = .ocr
        pages[index].ocrConfidence = cached.confidence
        continue
      }
      let image = (folder as NSString).appendingPathComponent("page-\(pages[index].index).png")
      if pdf.renderPNG(at: pages[index].index - 1, dpi: settings.dpi, to: image) {
        todo.append((index, image))
      } else {
        pages[index].ocrError = "the page could not be rendered"
      }
    }
    let results = OCRResults(count: todo.count)
    let gate = DispatchSemaphore(value: settings.jobs)
    let images = todo.map(\.image)
    let shared = settings.sharedSlots.map { OCRSlots(folder: $0, count: settings.jobs) }
    DispatchQueue.concurrentPerform(iterations: images.count) { item in
      gate.wait()
      defer { gate.signal() }
      // Within a corpus run, the workers together stay within one budget of recognitions.
      let slot = shared?.acquire() ?? -1
      defer { shared?.release(slot) }
      results.set(
        item,
        engine.recognise(image: images[item], languages: settings.languages, dpi: settings.dpi))
    }
    for (item, job) in todo.enumerated() {
      switch results.get(item) {
      case .success(let recognised):
        pages[job.index].text = recognised.text
        pages[job.index].source = .ocr
        pages[job.index].ocrConfidence = recognised.confidence
        ocrCache?.storeRecognised(
          sha256: sha256, page: pages[job.index].index, key: key, text: recognised.text,
          confidence: recognised.confidence)
      case .failure(let failure):
        switch failure {
        case .notInstalled(let text), .missingLanguage(let text), .failed(let text):
          pages[job.index].ocrError = text
        }
      case nil:
        pages[job.index].ocrError = "no result"
      }
    }
  }

  /// Results of concurrent recognitions, by position.
  private final class OCRResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<(text: String, confidence: Double), TesseractEngine.Failure>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(
      _ index: Int, _ result: Result<(text: String, confidence: Double), TesseractEngine.Failure>
    ) {
      lock.lock()
      results[index] = result
      lock.unlock()
    }

    func get(_ index: Int) -> Result<(text: String, confidence: Double), TesseractEngine.Failure>? {
      lock.lock()
      defer { lock.unlock() }
      return results[index]
    }
  }

  static func visibleCharacters(in text: String, atLeast minimum: Int) -> Bool {
    var count = 0
    for scalar in text.unicodeScalars where !scalar.isSpace {
      count += 1
      if count >= minimum { return true }
    }
    return false
  }
}
