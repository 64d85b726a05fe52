#ifndef GTM_CPCRE2_SHIM_H
#define GTM_CPCRE2_SHIM_H
/* PCRE2 for 8-bit code units (UTF-8), the width Swift strings have. pcre2.h names its functions
   and types through macros Swift does not import, so Swift calls them by their real names:
   pcre2_compile_8, pcre2_match_8, pcre2_code_8 and so on. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
