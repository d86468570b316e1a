internal import CPoppler
internal import CSHA256

/// SHA-256 as lower-case hex: with the processor's SHA instructions where it has them (about
/// a gigabyte a second), otherwise through GLib's GChecksum, which poppler-glib already links.
enum Checksum {
  static let hasSHAInstructions = csha256_available() == 1

  static func sha256(_ bytes: UnsafeRawBufferPointer) -> String {
    hasSHAInstructions ? withInstructions(bytes) : withGLib(bytes)
  }

  static func withInstructions(_ bytes: UnsafeRawBufferPointer) -> String {
    var digest = [UInt8](repeating: 0, count: 32)
    csha256_digest(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, &digest)
    let hex = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(64)
    for byte in digest {
      text.append(hex[Int(byte >> 4)])
      text.append(hex[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }

  static func withGLib(_ bytes: UnsafeRawBufferPointer) -> String {
    guard let checksum = g_checksum_new(G_CHECKSUM_SHA256) else { return "" }
    defer { g_checksum_free(checksum) }
    if let base = bytes.baseAddress, bytes.count > 0 {
      g_checksum_update(checksum, base.assumingMemoryBound(to: guchar.self), gssize(bytes.count))
    }
    // The string belongs to the checksum, which the defer above frees.
    return g_checksum_get_string(checksum).map { String(cString: $0) } ?? ""
  }
}
