#include "cprocess.h"

#if defined(__linux__)
#include <signal.h>
#include <sys/prctl.h>

int cprocess_die_with_parent(void) { return prctl(PR_SET_PDEATHSIG, SIGKILL); }
#else
int cprocess_die_with_parent(void) { return 0; }
#endif
