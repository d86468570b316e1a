/// One run of text at a fixed position, in points from the top-left corner of the page.
public struct PlacedText: Sendable, Equatable {
  public var x: Double
  public var y: Double
  public var text: String
  public var size: Double
  public var bold: Bool

  public init(x: Double, y: Double, text: String, size: Double, bold: Bool = false) {
    self.x = x
    self.y = y
    self.text = text
    self.size = size
    self.bold = bold
  }
}

/// Everything drawn on one page.
public struct LaidOutPage: Sendable, Equatable {
  public var runs: [PlacedText]

  public init(runs: [PlacedText] = []) { self.runs = runs }
}

/// Measures the advance width of text in a font; the layout needs it to wrap lines.
public protocol TextMeasuring {
  func width(of text: String, size: Double, bold: Bool) -> Double
}
