internal import CPoppler

/// Helpers that take ownership of memory GLib hands us, so that every caller frees it the same way.
enum GLibOwned {
  /// Copies a `gchar*` we own into a Swift string and frees it. Empty strings become nil.
  static func string(_ pointer: UnsafeMutablePointer<gchar>?) -> String? {
    guard let pointer else { return nil }
    defer { g_free(pointer) }
    let value = String(cString: pointer)
    return value.isEmpty ? nil : value
  }

  /// Copies a `GError` into its message and code, and frees it.
  static func error(_ error: UnsafeMutablePointer<GError>?) -> (
    domainIsPoppler: Bool, code: Int32, message: String
  )? {
    guard let error else { return nil }
    defer { g_error_free(error) }
    let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
    return (error.pointee.domain == poppler_error_quark(), error.pointee.code, message)
  }
}
