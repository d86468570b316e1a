internal import CPoppler
import Foundation

/// Owns one `PopplerDocument` GObject.
///
/// Never leaves the extraction module and is never shared between threads.
final class PopplerFile {
  private let document: OpaquePointer

  /// Opens the PDF at `path`.
  ///
  /// Opened from the file, not from bytes in memory: poppler 22's
  /// `poppler_document_new_from_bytes` frees its stream twice when a password is wrong
  /// and crashes, while `poppler_document_new_from_file` reports the error.
  init(path: String, password: String?) throws(PDFExtractionError) {
    _ = Self.globalTablesKept
    let uri = URL(fileURLWithPath: path).standardizedFileURL.absoluteString
    var gerror: UnsafeMutablePointer<GError>?
    let opened = poppler_document_new_from_file(uri, password, &gerror)
    let failure = GLibOwned.error(gerror)
    guard let opened else {
      if let failure, failure.domainIsPoppler,
        failure.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue)
      {
        throw .encrypted(path: path, passwordGiven: password != nil)
      }
      throw .damaged(path: path, detail: failure?.message ?? "poppler could not open it")
    }
    self.document = opened
  }

  deinit {
    g_object_unref(UnsafeMutableRawPointer(document))
  }

  /// poppler builds its global tables (glyph names, Unicode maps, their caches) when a
  /// document opens while none is open, and frees them when the last one closes: an
  /// extraction worker, which opens one document after another, built them anew for every
  /// document (about 4 million instructions each, pdftotext's start-up cost). A one-page
  /// document of our own, opened once and never closed, keeps them for the life of the
  /// process (held here, so that a leak checker sees it reachable; never unreferenced).
  /// Opened from bytes in memory, which is safe without a password (see `init`). Written once,
  /// by the lazy initialiser, and never read through.
  private nonisolated(unsafe) static let keptDocument: OpaquePointer? = {
    let pdf = minimalPDF()
    let bytes = pdf.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
    defer { g_bytes_unref(bytes) }
    return poppler_document_new_from_bytes(bytes, nil, nil)
  }()

  /// Whether the document that keeps poppler's global tables opened.
  static var globalTablesKept: Bool { keptDocument != nil }

  /// A valid PDF of one empty page, with an exact cross-reference table (poppler reports
  /// nothing on it).
  static func minimalPDF() -> [UInt8] {
    let objects = [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1 1] >>",
    ]
    var text = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (index, object) in objects.enumerated() {
      offsets.append(text.utf8.count)
      text += "\(index + 1) 0 obj\n\(object)\nendobj\n"
    }
    let table = text.utf8.count
    text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for offset in offsets {
      let digits = String(offset)
      text += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
    }
    text += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(table)\n%%EOF\n"
    return Array(text.utf8)
  }

  private var handle: OpaquePointer { document }

  var pageCount: Int { Int(poppler_document_get_n_pages(handle)) }

  var metadata: DocumentMetadata {
    DocumentMetadata(
      title: GLibOwned.string(poppler_document_get_title(handle)),
      author: GLibOwned.string(poppler_document_get_author(handle)),
      subject: GLibOwned.string(poppler_document_get_subject(handle)),
      keywords: GLibOwned.string(poppler_document_get_keywords(handle)),
      creator: GLibOwned.string(poppler_document_get_creator(handle)),
      producer: GLibOwned.string(poppler_document_get_producer(handle)),
      created: Self.isoDate(poppler_document_get_creation_date(handle)),
      modified: Self.isoDate(poppler_document_get_modification_date(handle))
    )
  }

  /// The label and text of the page at a zero-based index, with word boundaries restored
  /// from the character layout.
  func page(at index: Int) -> (label: String, text: String) {
    guard let page = poppler_document_get_page(handle, Int32(index)) else {
      return (String(index + 1), "")
    }
    defer { g_object_unref(UnsafeMutableRawPointer(page)) }
    let label = GLibOwned.string(poppler_page_get_label(page)) ?? String(index + 1)
    guard let raw = poppler_page_get_text(page) else { return (label, "") }
    defer { g_free(raw) }
    var rectangles: UnsafeMutablePointer<PopplerRectangle>?
    var count: guint = 0
    let hasLayout = poppler_page_get_text_layout(page, &rectangles, &count)
    defer { g_free(rectangles) }
    let text = String(cString: raw)
    guard hasLayout != 0, let rectangles, count > 0 else { return (label, text) }
    let boxes = UnsafeBufferPointer(start: rectangles, count: Int(count)).map {
      CharBox(x1: $0.x1, y1: $0.y1, x2: $0.x2, y2: $0.y2)
    }
    return (label, WordBoundaries.restore(text: text, boxes: boxes))
  }

  /// Whether a page (zero-based) holds any image: a page without text and without images is
  /// blank, and nothing is gained by recognising it.
  func hasImages(at index: Int) -> Bool {
    guard let page = poppler_document_get_page(handle, Int32(index)) else { return false }
    defer { g_object_unref(UnsafeMutableRawPointer(page)) }
    guard let mapping = poppler_page_get_image_mapping(page) else { return false }
    defer { poppler_page_free_image_mapping(mapping) }
    return g_list_length(mapping) > 0
  }

  /// Renders a page (zero-based) as a PNG image at `dpi`, white behind it, for OCR.
  func renderPNG(at index: Int, dpi: Int, to path: String) -> Bool {
    guard let page = poppler_document_get_page(handle, Int32(index)) else { return false }
    defer { g_object_unref(UnsafeMutableRawPointer(page)) }
    var width = 0.0
    var height = 0.0
    poppler_page_get_size(page, &width, &height)
    let scale = Double(dpi) / 72
    let pixelsWide = Int32((width * scale).rounded())
    let pixelsHigh = Int32((height * scale).rounded())
    guard pixelsWide > 0, pixelsHigh > 0, pixelsWide < 20_000, pixelsHigh < 20_000,
      let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixelsWide, pixelsHigh)
    else { return false }
    defer { cairo_surface_destroy(surface) }
    guard let context = cairo_create(surface) else { return false }
    defer { cairo_destroy(context) }
    cairo_set_source_rgb(context, 1, 1, 1)
    cairo_paint(context)
    cairo_scale(context, scale, scale)
    poppler_page_render_for_printing(page, context)
    cairo_surface_flush(surface)
    return cairo_surface_write_to_png(surface, path) == CAIRO_STATUS_SUCCESS
  }

  private static func isoDate(_ time: time_t) -> String? {
    guard time > 0 else { return nil }
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(time)))
  }
}
