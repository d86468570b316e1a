import Foundation

/// A regular expression compiled on first use, for the alternatives that most documents never
/// hand to the engine: whole-word terms (found by their spellings), and heading and label terms
/// (run only on the lines their anchors and shape let through). Their syntax was checked when
/// the rubric loaded (`PlainTerm`), so compiling later does not fail.
final class LazyRegex: @unchecked Sendable {
  static let options: NSRegularExpression.Options = [.caseInsensitive, .anchorsMatchLines]

  let pattern: String
  private let lock = NSLock()
  // Written once under `lock`; NSRegularExpression is then safe to use from any thread.
  private var compiled: NSRegularExpression?

  /// An expression compiled already.
  init(_ regex: NSRegularExpression) {
    self.pattern = regex.pattern
    self.compiled = regex
  }

  /// An expression to compile on first use; `pattern` must be one ICU accepts.
  init(uncompiled pattern: String) {
    self.pattern = pattern
  }

  var regex: NSRegularExpression {
    lock.lock()
    defer { lock.unlock() }
    if let compiled { return compiled }
    // Checked at loading; should ICU still refuse it, the alternative matches nothing
    // rather than ending the run.
    let made =
      (try? NSRegularExpression(pattern: pattern, options: Self.options))
      ?? (try! NSRegularExpression(pattern: "(?!)"))
    assert(made.pattern == pattern, "ICU refused a pattern taken as plain: \(pattern)")
    compiled = made
    return made
  }

  var isCompiled: Bool {
    lock.lock()
    defer { lock.unlock() }
    return compiled != nil
  }
}
