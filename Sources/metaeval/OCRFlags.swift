import ArgumentParser
import Foundation
import PDFExtraction

extension OCROptions.Mode: ExpressibleByArgument {}

/// The OCR flags of extract, check and corpus.
struct OCRFlags: ParsableArguments {
  @Option(help: "OCR with Tesseract: auto (pages with no text), always, or never.")
  var ocr: OCROptions.Mode = .auto

  @Option(help: "Resolution pages are rendered at for OCR.")
  var ocrDpi: Int = 300

  @Option(help: "Tesseract languages.")
  var ocrLang: String = "nld+eng"

  @Option(help: ArgumentHelp("Recognitions at once (for corpus workers).", visibility: .hidden))
  var ocrJobs: Int?

  @Option(
    help: ArgumentHelp(
      "Folder of lock files shared as the OCR budget (for corpus workers).", visibility: .hidden))
  var ocrSlots: String?

  func validate() throws {
    guard (72...1200).contains(ocrDpi) else {
      throw ValidationError("--ocr-dpi must be between 72 and 1200")
    }
    guard !ocrLang.isEmpty, ocrLang.allSatisfy({ $0.isLetter || $0 == "+" || $0 == "_" }) else {
      throw ValidationError(
        "--ocr-lang must be Tesseract language codes joined by '+', such as nld+eng")
    }
  }

  func options(jobs: Int) -> OCROptions {
    OCROptions(
      mode: ocr, dpi: ocrDpi, languages: ocrLang, jobs: ocrJobs ?? jobs, sharedSlots: ocrSlots)
  }

  /// The same settings for an extraction worker's command line.
  var workerArguments: [String] {
    ["--ocr", ocr.rawValue, "--ocr-dpi", String(ocrDpi), "--ocr-lang", ocrLang]
  }
}
