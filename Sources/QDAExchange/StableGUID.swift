import Foundation

/// GUIDs derived from stable names, so that the same run or rubric always gets the same GUIDs.
///
/// REFI-QDA needs a GUID on every object. Random ones would make every export differ and
/// would break the link between a codebook exported with `export qdc` and the same codes in
/// `export qdpx`. A GUID here is two 64-bit FNV-1a hashes of the name (with two different
/// starting states), each put through the SplitMix64 finaliser so that names that differ in
/// one character differ everywhere, laid out in the shape of an RFC 4122 version-4 GUID
/// (version nibble 4, variant bits 10). It is not random and not secret; it only has to be
/// stable and, for the few thousand names of one project, distinct.
public enum StableGUID {
  /// Everything metaeval names starts with this, so its GUIDs do not collide with the GUIDs
  /// some other tool might derive from the same words.
  static let namespace = "metaeval/"

  /// The GUID for a name, as 8-4-4-4-12 upper-case hexadecimal digits.
  public static func make(_ name: String) -> String {
    let bytes = Array((namespace + name).utf8)
    let high = mix(fnv1a(bytes, basis: 0xcbf2_9ce4_8422_2325))
    let low = mix(fnv1a(bytes, basis: 0x6c62_272e_07bb_0142))
    var octets = [UInt8](repeating: 0, count: 16)
    for index in 0..<8 {
      octets[index] = UInt8(truncatingIfNeeded: high >> (56 - 8 * UInt64(index)))
      octets[8 + index] = UInt8(truncatingIfNeeded: low >> (56 - 8 * UInt64(index)))
    }
    octets[6] = (octets[6] & 0x0F) | 0x40
    octets[8] = (octets[8] & 0x3F) | 0x80
    let hex = octets.map { byte in
      let digits = Array("0123456789ABCDEF")
      return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
    return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]]
      .map { $0.joined() }.joined(separator: "-")
  }

  /// The GUID for a name made of parts, joined so that ("a/b", "c") and ("a", "b/c") differ.
  public static func make(_ parts: [String]) -> String {
    make(
      parts.map {
        $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "/", with: "\\/")
      }
      .joined(separator: "/"))
  }

  /// A GUID as GUIDs are compared: upper case, without braces or white space.
  public static func normalized(_ guid: String) -> String {
    var text = guid.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.hasPrefix("{") && text.hasSuffix("}") { text = String(text.dropFirst().dropLast()) }
    return text.uppercased()
  }

  /// FNV-1a, 64 bits, from the given starting state (the standard offset basis or another).
  static func fnv1a(_ bytes: [UInt8], basis: UInt64) -> UInt64 {
    var hash = basis
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
  }

  /// The SplitMix64 finaliser: every input bit affects every output bit.
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
