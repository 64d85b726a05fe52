#ifndef GTM_CLIBGIT2_SHIM_H
#define GTM_CLIBGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/stream.h>

/* git_libgit2_opts is variadic and so not callable from Swift: one inline wrapper per option used. */
static inline int gtm_git_disable_strict_hash_verification(void) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
}
#endif
