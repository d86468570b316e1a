import ArgumentParser
import Foundation
import PDFExtraction

struct Extract: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Print the text of PDF, .txt and .md files.",
    discussion: """
      text: each page followed by a form feed, as pdftotext does; with several files, each is \
      introduced by a line '==> FILE <=='.
      json: one JSON object per file and line (JSON Lines) with sorted keys: file, kind, sha256, \
      page_count, metadata, pages [{index, label, text}].

      Every good file is extracted even when others fail; each bad file gets one line on stderr. \
      Exit codes: 0 all files extracted; 2 at least one could not be.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Argument(help: "Files to extract (.pdf, .txt, .md); a folder stands for the documents in it.")
  var files: [String]

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  @Flag(help: "Skip the clean-up (ligatures, NFC, hyphenation, running headers and page numbers).")
  var raw = false

  @Option(help: "Password for encrypted PDFs.")
  var password: String?

  @Option(help: "Pages to extract, one-based: e.g. 1-3,7,10-")
  var pages: String?

  @OptionGroup var ocr: OCRFlags

  func validate() throws {
    if let pages, PageRange(pages) == nil {
      throw ValidationError("--pages '\(pages)' is not a page range such as 1-3,7,10-")
    }
  }

  func run() throws {
    let options = ExtractionOptions(
      raw: raw, password: password, pages: pages.flatMap(PageRange.init),
      ocr: ocr.options(jobs: ProcessInfo.processInfo.activeProcessorCount))
    let extractor = Extractor(options: options)
    var output = StandardOutput()
    var failures = 0
    let files = DocumentFinder.expand(self.files)
    for file in files {
      do {
        let document = try extractor.extract(file)
        if let problems = document.ocrProblems {
          StandardError.line("metaeval: \(file): \(problems)")
        }
        switch format {
        case .text:
          if files.count > 1 { output.write("==> \(file) <==\n") }
          for page in document.pages { output.write(page.text + "\n\u{0C}") }
          if files.count > 1 { output.write("\n") }
        case .json:
          output.write(try ExtractJSON.line(for: document))
        }
      } catch {
        failures += 1
        output.flush()
        StandardError.line("metaeval: \(error)")
      }
    }
    output.flush()
    if failures > 0 { throw ExitCode(2) }
  }
}
