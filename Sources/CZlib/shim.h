#ifndef GTM_CZLIB_SHIM_H
#define GTM_CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit is a macro (it passes the header's version and the stream's size): one inline
   function that Swift can call. */
static inline int gtm_inflate_init(z_streamp stream) {
    return inflateInit(stream);
}
#endif
