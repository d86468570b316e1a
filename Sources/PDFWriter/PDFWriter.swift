/// Writes reports as PDFs with cairo: the generator behind `Corpus/` and the test fixtures.
public enum PDFWriter {
  public enum Rendering: Sendable {
    /// Real text, as a word processor exports it.
    case text
    /// Each page as a picture without a text layer, as a scanner produces it.
    case image(dpi: Double)
    /// These pages (one-based) as pictures, the others as text: a report with scanned annexes.
    case imageOnPages(Set<Int>, dpi: Double)
  }

  /// Typesets `source` and writes it to `path`. Returns the number of pages.
  @discardableResult
  public static func write(
    _ source: ReportSource, to path: String, rendering: Rendering = .text
  ) throws(PDFWriterError) -> Int {
    let canvas = try CairoCanvas(
      path: path, title: source.title, created: source.date + "T00:00:00")
    let pages = ReportLayout(source: source, measurer: canvas).pages()
    for (index, page) in pages.enumerated() {
      switch rendering {
      case .text: canvas.draw(page)
      case .image(let dpi): canvas.drawAsImage(page, dpi: dpi)
      case .imageOnPages(let numbers, let dpi):
        if numbers.contains(index + 1) {
          canvas.drawAsImage(page, dpi: dpi)
        } else {
          canvas.draw(page)
        }
      }
    }
    try canvas.finish()
    return pages.count
  }

  /// Writes a PDF of `count` pages with nothing on them.
  public static func writeBlankPages(_ count: Int, to path: String) throws(PDFWriterError) {
    let canvas = try CairoCanvas(path: path)
    for _ in 0..<count { canvas.drawBlankPage() }
    try canvas.finish()
  }
}
