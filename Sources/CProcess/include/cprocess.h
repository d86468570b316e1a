#ifndef CPROCESS_H
#define CPROCESS_H

/// Asks the kernel to end this process when the thread that started it ends (Linux); a
/// no-op elsewhere. Returns 0 on success. (prctl is variadic and cannot be called from Swift.)
int cprocess_die_with_parent(void);

#endif
