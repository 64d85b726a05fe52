#ifndef GTM_CDEFLATE_SHIM_H
#define GTM_CDEFLATE_SHIM_H
#include <libdeflate.h>
#endif
