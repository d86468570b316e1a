import ArgumentParser
import Foundation
import PDFWriter

/// Typesets report sources (`.rpt`) into PDFs: how `Corpus/` and test fixtures are made.
struct PDFGen: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "metaeval-pdfgen",
    abstract: "Typeset .rpt report sources into PDF files with cairo.",
    discussion: "Each SOURCE.rpt becomes OUTDIR/SOURCE.pdf. Exit code 2 when a source is bad."
  )

  @Argument(help: "Report sources (.rpt).")
  var sources: [String]

  @Option(name: .shortAndLong, help: "Folder for the PDFs.")
  var output: String = "."

  @Flag(help: "Render pages as images without a text layer (a scan).")
  var image = false

  func run() throws {
    var failed = false
    for path in sources {
      do {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let source = try ReportSourceParser.parse(text, path: path)
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let target = (output as NSString).appendingPathComponent(name + ".pdf")
        let pages = try PDFWriter.write(
          source, to: target, rendering: image ? .image(dpi: 150) : .text)
        print("\(target) (\(pages) pages)")
      } catch {
        failed = true
        FileHandle.standardError.write(Data("metaeval-pdfgen: \(error)\n".utf8))
      }
    }
    if failed { throw ExitCode(2) }
  }
}

PDFGen.main()
