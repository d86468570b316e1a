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
