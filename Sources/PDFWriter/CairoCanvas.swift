import CCairo

/// Owns a cairo PDF surface and its drawing context; draws laid-out pages into it.
public final class CairoCanvas: TextMeasuring {
  public static let a4 = (width: 595.0, height: 842.0)
  static let fontFamily = "DejaVu Sans"

  private let surface: OpaquePointer
  private let context: OpaquePointer
  private let path: String
  private let width: Double
  private let height: Double

  /// Opens `path` for writing. `created` (ISO 8601) is written as the creation and modification
  /// date, so that the same input gives the same bytes.
  public init(
    path: String, width: Double = a4.width, height: Double = a4.height, title: String = "",
    author: String = "", created: String = "2024-01-01T00:00:00"
  ) throws(PDFWriterError) {
    guard let surface = cairo_pdf_surface_create(path, width, height) else {
      throw .cannotCreate(path: path, status: "no surface")
    }
    let status = cairo_surface_status(surface)
    guard status == CAIRO_STATUS_SUCCESS else {
      cairo_surface_destroy(surface)
      throw .cannotCreate(path: path, status: String(cString: cairo_status_to_string(status)))
    }
    guard let context = cairo_create(surface) else {
      cairo_surface_destroy(surface)
      throw .cannotCreate(path: path, status: "no context")
    }
    self.surface = surface
    self.context = context
    self.path = path
    self.width = width
    self.height = height
    if !title.isEmpty { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
    if !author.isEmpty {
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, author)
    }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "metaeval-pdfgen")
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, created)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, created)
  }

  deinit {
    cairo_destroy(context)
    cairo_surface_destroy(surface)
  }

  public func width(of text: String, size: Double, bold: Bool) -> Double {
    selectFont(context, size: size, bold: bold)
    var extents = cairo_text_extents_t()
    cairo_text_extents(context, text, &extents)
    return extents.x_advance
  }

  /// Draws a page as text.
  public func draw(_ page: LaidOutPage) {
    Self.render(page, into: context)
    cairo_show_page(context)
  }

  /// Draws a page as one picture with no text layer, as a scanner would, at `dpi`.
  public func drawAsImage(_ page: LaidOutPage, dpi: Double = 150) {
    let scale = dpi / 72
    guard
      let image = cairo_image_surface_create(
        CAIRO_FORMAT_RGB24, Int32(width * scale), Int32(height * scale))
    else { return }
    defer { cairo_surface_destroy(image) }
    guard let imageContext = cairo_create(image) else { return }
    defer { cairo_destroy(imageContext) }
    cairo_set_source_rgb(imageContext, 1, 1, 1)
    cairo_paint(imageContext)
    cairo_scale(imageContext, scale, scale)
    Self.render(page, into: imageContext)
    cairo_surface_flush(image)
    cairo_save(context)
    cairo_scale(context, 1 / scale, 1 / scale)
    cairo_set_source_surface(context, image, 0, 0)
    cairo_paint(context)
    cairo_restore(context)
    cairo_show_page(context)
  }

  /// Adds a page with nothing on it.
  public func drawBlankPage() {
    cairo_show_page(context)
  }

  /// Writes the file out; call once after the last page.
  public func finish() throws(PDFWriterError) {
    cairo_surface_finish(surface)
    let status = cairo_surface_status(surface)
    guard status == CAIRO_STATUS_SUCCESS else {
      throw .cannotCreate(path: path, status: String(cString: cairo_status_to_string(status)))
    }
  }

  private static func render(_ page: LaidOutPage, into context: OpaquePointer) {
    cairo_set_source_rgb(context, 0, 0, 0)
    for run in page.runs {
      selectFont(context, size: run.size, bold: run.bold)
      cairo_move_to(context, run.x, run.y)
      cairo_show_text(context, run.text)
    }
  }

  private static func selectFont(_ context: OpaquePointer, size: Double, bold: Bool) {
    cairo_select_font_face(
      context, fontFamily, CAIRO_FONT_SLANT_NORMAL,
      bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
    cairo_set_font_size(context, size)
  }

  private func selectFont(_ context: OpaquePointer, size: Double, bold: Bool) {
    Self.selectFont(context, size: size, bold: bold)
  }
}
