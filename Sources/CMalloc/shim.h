#ifndef SKYPLAN_CMALLOC_SHIM_H
#define SKYPLAN_CMALLOC_SHIM_H
// glibc's malloc_trim and mallopt (MemoryTrimmer); the Glibc module does not bring in <malloc.h>.
#if defined(__linux__) && __has_include(<malloc.h>)
#include <malloc.h>
#endif
#endif
