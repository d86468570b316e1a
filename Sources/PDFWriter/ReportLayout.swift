/// Places a report's blocks on A4 pages: title page, one or two columns, running header and
/// footer, headings, wrapped and hyphenated paragraphs, lists and table rows.
public struct ReportLayout {
  let source: ReportSource
  let measurer: TextMeasuring

  let pageWidth = CairoCanvas.a4.width
  let pageHeight = CairoCanvas.a4.height
  let margin = 64.0
  let top = 80.0
  let bottom = 842.0 - 76.0
  let gutter = 24.0
  let bodySize = 10.0
  let lineHeight = 13.5

  public init(source: ReportSource, measurer: TextMeasuring) {
    self.source = source
    self.measurer = measurer
  }

  private var columnWidth: Double {
    (pageWidth - 2 * margin - gutter * Double(source.columns - 1)) / Double(source.columns)
  }

  /// Lays out the whole report, then adds the running header and footer with page numbers.
  public func pages() -> [LaidOutPage] {
    var cursor = Cursor(layout: self)
    if !source.titleLines.isEmpty {
      var y = 300.0
      for (index, line) in source.titleLines.enumerated() {
        let size = index == 0 ? 20.0 : 12.5
        for piece in breaker(size: size, bold: index == 0, width: pageWidth - 2 * margin).lines(
          for: line)
        {
          let x = (pageWidth - measurer.width(of: piece, size: size, bold: index == 0)) / 2
          cursor.current.runs.append(
            PlacedText(x: x, y: y, text: piece, size: size, bold: index == 0))
          y += size * 1.6
        }
        y += 8
      }
      cursor.newPage()
    }
    let titlePages = source.titleLines.isEmpty ? 0 : 1
    for block in source.blocks { place(block, cursor: &cursor) }
    var pages = cursor.finished()
    for index in pages.indices where index >= titlePages {
      let fill = { (template: String) in
        template.replacingAll("{page}", with: String(index + 1))
          .replacingAll("{pages}", with: String(pages.count))
      }
      if let header = source.header {
        pages[index].runs.insert(PlacedText(x: margin, y: 44, text: fill(header), size: 8.5), at: 0)
      }
      if let footer = source.footer {
        let text = fill(footer)
        let x = (pageWidth - measurer.width(of: text, size: 8.5, bold: false)) / 2
        pages[index].runs.append(PlacedText(x: x, y: pageHeight - 40, text: text, size: 8.5))
      }
    }
    return pages
  }

  private func place(_ block: ReportSource.Block, cursor: inout Cursor) {
    switch block {
    case .pageBreak:
      cursor.newPage()
    case .heading(let level, let text):
      let size = [15.0, 12.5, 11.0][level - 1]
      cursor.skip(level == 1 ? 14 : 9)
      writeLines(text, size: size, bold: true, indent: 0, cursor: &cursor, keepWithNext: true)
      cursor.skip(3)
    case .paragraph(let text):
      writeLines(text, size: bodySize, bold: false, indent: 0, cursor: &cursor)
      cursor.skip(5)
    case .bullet(let text):
      writeLines(text, size: bodySize, bold: false, indent: 14, marker: "•", cursor: &cursor)
      cursor.skip(2)
    case .numbered(let number, let text):
      writeLines(text, size: bodySize, bold: false, indent: 18, marker: number, cursor: &cursor)
      cursor.skip(2)
    case .tableRow(let cells):
      guard !cells.isEmpty else { return }
      let cellWidth = columnWidth / Double(cells.count)
      let wrapped = cells.map {
        breaker(size: bodySize - 1, bold: false, width: cellWidth - 8).lines(for: $0)
      }
      let rows = wrapped.map(\.count).max() ?? 1
      cursor.ensureRoom(Double(rows) * lineHeight)
      for row in 0..<rows {
        for (column, lines) in wrapped.enumerated() where row < lines.count {
          cursor.current.runs.append(
            PlacedText(
              x: cursor.x + Double(column) * cellWidth, y: cursor.y, text: lines[row],
              size: bodySize - 1))
        }
        cursor.y += lineHeight
      }
      cursor.skip(3)
    }
  }

  private func writeLines(
    _ text: String, size: Double, bold: Bool, indent: Double, marker: String? = nil,
    cursor: inout Cursor, keepWithNext: Bool = false
  ) {
    let lines = breaker(size: size, bold: bold, width: columnWidth - indent).lines(for: text)
    let height = size * 1.35
    cursor.ensureRoom(height * Double(keepWithNext ? lines.count + 2 : 1))
    for (index, line) in lines.enumerated() {
      cursor.ensureRoom(height)
      if index == 0, let marker {
        cursor.current.runs.append(PlacedText(x: cursor.x, y: cursor.y, text: marker, size: size))
      }
      cursor.current.runs.append(
        PlacedText(x: cursor.x + indent, y: cursor.y, text: line, size: size, bold: bold))
      cursor.y += height
    }
  }

  private func breaker(size: Double, bold: Bool, width: Double) -> LineBreaker {
    LineBreaker(measure: { measurer.width(of: $0, size: size, bold: bold) }, width: width)
  }

  /// Where the next line goes: page, column and baseline.
  struct Cursor {
    let layout: ReportLayout
    var pages: [LaidOutPage] = []
    var current = LaidOutPage()
    var column = 0
    var y: Double

    init(layout: ReportLayout) {
      self.layout = layout
      self.y = layout.top
    }

    var x: Double { layout.margin + Double(column) * (layout.columnWidth + layout.gutter) }

    mutating func skip(_ points: Double) {
      if y > layout.top { y += points }
    }

    mutating func ensureRoom(_ height: Double) {
      if y + height > layout.bottom { nextColumn() }
    }

    mutating func nextColumn() {
      if column + 1 < layout.source.columns {
        column += 1
        y = layout.top
      } else {
        newPage()
      }
    }

    mutating func newPage() {
      pages.append(current)
      current = LaidOutPage()
      column = 0
      y = layout.top
    }

    mutating func finished() -> [LaidOutPage] {
      if !current.runs.isEmpty || pages.isEmpty { pages.append(current) }
      return pages
    }
  }
}

extension String {
  func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
