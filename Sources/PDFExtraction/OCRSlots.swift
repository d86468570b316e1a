import Foundation

/// A budget of OCR processes shared by several worker processes: `count` lock files in a
/// folder, one held (with `flock`) for each running recognition.
struct OCRSlots {
  let folder: String
  let count: Int

  /// Blocks until a slot is free; returns the open file that holds it.
  func acquire() -> Int32 {
    while true {
      for slot in 0..<max(1, count) {
        let path = (folder as NSString).appendingPathComponent("slot-\(slot).lock")
        let descriptor = open(path, O_CREAT | O_RDWR, 0o600)
        guard descriptor >= 0 else { return -1 }  // no folder: run without a shared budget
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return descriptor }
        close(descriptor)
      }
      usleep(50_000)
    }
  }

  func release(_ descriptor: Int32) {
    guard descriptor >= 0 else { return }
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}

/// The folder of a corpus run's OCR slots, in the temporary directory, named with the run's
/// process id. A run removes its own folder when it ends; one that was killed cannot, so each
/// new run first removes the folders of runs that are no longer alive.
public enum OCRSlotFolder {
  static let prefix = "metaeval-ocr-slots-"

  /// Makes a new folder for this process's slots (after clearing those left by dead runs) and
  /// returns its path.
  public static func create(in parent: String = NSTemporaryDirectory()) -> String {
    removeStale(in: parent)
    let folder = (parent as NSString).appendingPathComponent(
      "\(prefix)\(getpid())-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  /// Removes the slot folders whose process has ended; folders of live processes, folders
  /// named without a process id and folders holding anything but slot locks are kept.
  public static func removeStale(in parent: String) {
    let manager = FileManager.default
    guard let names = try? manager.contentsOfDirectory(atPath: parent) else { return }
    for name in names where name.hasPrefix(prefix) {
      let rest = name.dropFirst(prefix.count)
      guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0,
        kill(pid, 0) != 0 && errno == ESRCH
      else { continue }
      let folder = (parent as NSString).appendingPathComponent(name)
      let entries = (try? manager.contentsOfDirectory(atPath: folder)) ?? ["?"]
      guard entries.allSatisfy({ $0.hasPrefix("slot-") && $0.hasSuffix(".lock") }) else {
        continue
      }
      try? manager.removeItem(atPath: folder)
    }
  }
}
