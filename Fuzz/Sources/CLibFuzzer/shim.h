#ifndef GTM_CLIBFUZZER_SHIM_H
#define GTM_CLIBFUZZER_SHIM_H
#include <stddef.h>
#include <stdint.h>
// libFuzzer's driver, from compiler-rt: linked by `-sanitize=fuzzer` only, and called only in
// a build with `-D FUZZING`. SwiftPM names an executable's entry point itself, so gtm-fuzz
// keeps its own `main` and hands the command line to the driver instead of using libFuzzer's.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
