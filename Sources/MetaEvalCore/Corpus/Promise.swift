import Foundation

/// A value that one thread delivers once and others wait for: the scorer of a corpus run,
/// compiled while the first documents are already being extracted.
public final class Promise<Value: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var value: Value?

  public init() {}

  /// Delivers the value; later deliveries are ignored.
  public func fulfil(_ value: Value) {
    condition.lock()
    defer { condition.unlock() }
    if self.value == nil { self.value = value }
    condition.broadcast()
  }

  /// Whether the value has been delivered (a look, without waiting).
  public var isFulfilled: Bool {
    condition.lock()
    defer { condition.unlock() }
    return value != nil
  }

  /// The value, once it has been delivered.
  public func wait() -> Value {
    condition.lock()
    defer { condition.unlock() }
    while value == nil { condition.wait() }
    return value!
  }
}
